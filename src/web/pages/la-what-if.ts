import type { WhatIfReport } from '../../application/what-if.ts';
import { PLAUSIBLE_STEP_TEXT, whatIfOfAssessment } from '../../application/what-if.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { Position } from '../../judgement/what-if/position.ts';
import { positionOf } from '../../judgement/what-if/position.ts';
import type { Scenario } from '../../judgement/what-if/search.ts';
import type { YearView } from '../site-data.ts';

/**
 * What would move the grade, on the web (issue 16). The LA page has the section's head: where the grade stands against
 * each boundary, read from the derivation it already has (cheap), and a link to the LA's what-if page, which runs the
 * search (application/what-if.ts; about 10 ms an LA) and lists the smallest changes each way. The search is kept off
 * the LA page itself so that the page, asked for 200 times a second, costs what it did. Neither is shown where the
 * grade is hidden: an LA's people looking at their released profile, before their draft reaches them, see no grade,
 * and so nothing that says where it stands.
 */
const POSITION_WORDS = { blend: 'the blend of Blocks A and C (Block A weighing 0.7)', 'calibrated-score': "the calibrated method's score", 'outcome-mean': 'the mean of the five outcome grades' } as const;

function positionView(p: Position) {
  return {
    value: p.value.toFixed(2),
    words: POSITION_WORDS[p.kind],
    provisional: p.provisional,
    boundaries: [...p.boundaries].reverse().map((b) => ({
      between: `${b.below} and ${b.below + 1}`,
      at: b.at.toFixed(2),
      distance: `${Math.abs(b.distance).toFixed(2)} ${b.distance >= 0 ? 'above' : 'below'}`,
      nearest: b.below === p.provisional || b.below === p.provisional - 1,
    })),
  };
}

const hrefs = (view: YearView, a: Assessment) => ({
  pageHref: `/${view.framework.year}/la/${a.la.code}/what-if`,
  jsonHref: `/api/${view.framework.year}/las/${a.la.code}/what-if`,
  csvHref: `/${view.framework.year}/la/${a.la.code}/what-if.csv`,
});

/** The LA page's section: where the derived grade stands, the rules holding it, and the way to the changes. */
export function whatIfSummary(view: YearView, a: Assessment, hidden: boolean) {
  if (hidden || a.status !== 'assessed') return null;
  const p = positionOf(a.derivation, view.framework);
  return {
    grade: `${view.framework.scale.find((s) => s.grade === a.derived)?.label ?? a.derived} (${a.derived})`,
    position: p ? positionView(p) : null,
    binding: a.derivation.fired.filter((f) => f.after < f.before).map((f) => `${f.rule.title} (${f.before} → ${f.after})`),
    ...hrefs(view, a),
  };
}

/** The what-if page's model, and the profile pack's section. */
export function whatIfSection(view: YearView, a: Assessment, hidden: boolean) {
  if (hidden) return null;
  return whatIfSectionOf(whatIfOfAssessment(view.input, a), hrefs(view, a));
}

export function whatIfSectionOf(report: WhatIfReport, links: { jsonHref: string; csvHref: string }) {
  const r = report.result;
  if (!r.ok) return { ok: false as const, reason: `${firstUpper(r.reason)}.` };
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
    position: r.position ? positionView(r.position) : null,
    binding: r.binding.map((f) => `${f.rule.title} (${f.before} → ${f.after})`),
    up: r.up.map(scenario),
    down: r.down.map(scenario),
    notes: r.notes,
    method: PLAUSIBLE_STEP_TEXT,
    ...links,
  };
}

/** The what-if page: the LA page's breadcrumbs and marking, and the section in full. */
export function whatIfPage(view: YearView, a: Assessment) {
  const year = view.framework.year;
  const synthetic = a.provenance.synthetic ? { label: syntheticLabel(a.provenance)!, note: syntheticNote(a.provenance)! } : null;
  return {
    title: `What would move ${a.la.name}'s ${year} grade`,
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: a.la.name, href: `/${year}/la/${a.la.code}` }, { text: 'What would move the grade' }],
    la: a.la,
    frameworkTitle: view.framework.title,
    official: view.framework.official,
    synthetic,
    whatIf: whatIfSection(view, a, false),
  };
}

const firstUpper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
