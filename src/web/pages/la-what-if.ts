import type { WhatIfReport } from '../../application/what-if.ts';
import { PLAUSIBLE_STEP_TEXT, whatIfOfAssessment } from '../../application/what-if.ts';
import type { Assessment } from '../../judgement/assess.ts';
import type { Scenario } from '../../judgement/what-if/search.ts';
import type { YearView } from '../site-data.ts';

/**
 * The LA page's "What would move the grade" section (la-what-if.njk): the what-if use case (application/what-if.ts)
 * read for a page. Only where the page shows the grade: an LA's people looking at their released profile, before
 * their draft reaches them, see no grade and so no what-if (it would say what the grade is).
 */
export const SCENARIOS_SHOWN = 3;

const POSITION_WORDS = { blend: 'the blend of Blocks A and C (Block A weighing 0.7)', 'calibrated-score': "the calibrated method's score", 'outcome-mean': 'the mean of the five outcome grades' } as const;

export function whatIfSection(view: YearView, a: Assessment, hidden: boolean) {
  if (hidden) return null;
  return whatIfSectionOf(whatIfOfAssessment(view.input, a), `/api/${view.framework.year}/las/${a.la.code}/what-if`, `/${view.framework.year}/la/${a.la.code}/what-if.csv`);
}

export function whatIfSectionOf(report: WhatIfReport, jsonHref: string, csvHref: string) {
  const r = report.result;
  if (!r.ok) return { ok: false as const, reason: `${firstUpper(r.reason)}.` };
  const p = r.position;
  const scenario = (s: Scenario) => ({
    text: s.text,
    blocks: s.blocks,
    // The changes one by one, where the sentence does not already say all of it.
    details: s.details.length === 1 && s.details[0]!.toLowerCase() === s.text.replace(/ would (raise|lower) .*$/, '').toLowerCase() ? [] : s.details.map(firstUpper),
    size: s.size,
    grade: `${s.gradeLabel} (${s.grade})`,
    effects: s.effects.map(firstUpper),
    trace: s.trace.filter((t) => t.step !== 'framework').map((t) => ({ text: t.text, evidence: t.evidence })),
  });
  return {
    ok: true as const,
    grade: `${r.gradeLabel} (${r.grade})`,
    finalGrade: report.finalGrade,
    position: p
      ? {
          value: p.value.toFixed(2),
          words: POSITION_WORDS[p.kind],
          provisional: p.provisional,
          boundaries: [...p.boundaries].reverse().map((b) => ({
            between: `${b.below} and ${b.below + 1}`,
            at: b.at.toFixed(2),
            distance: `${Math.abs(b.distance).toFixed(2)} ${b.distance >= 0 ? 'above' : 'below'}`,
            nearest: b.below === p.provisional || b.below === p.provisional - 1,
          })),
        }
      : null,
    binding: r.binding.map((f) => `${f.rule.title} (${f.before} → ${f.after})`),
    up: r.up.slice(0, SCENARIOS_SHOWN).map(scenario),
    down: r.down.slice(0, SCENARIOS_SHOWN).map(scenario),
    more: { up: Math.max(0, r.up.length - SCENARIOS_SHOWN), down: Math.max(0, r.down.length - SCENARIOS_SHOWN) },
    notes: r.notes,
    method: PLAUSIBLE_STEP_TEXT,
    jsonHref,
    csvHref,
  };
}

const firstUpper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
