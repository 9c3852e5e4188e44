import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment, AssessInput } from '../judgement/assess.ts';
import { assessOne, lasAssessed } from '../judgement/assess.ts';
import type { Provenance } from '../judgement/provenance.ts';
import { NO_PROVENANCE, provenanceColumns, provenanceJson, syntheticNote } from '../judgement/provenance.ts';
import { changeText } from '../judgement/what-if/changes.ts';
import type { Scenario, WhatIf } from '../judgement/what-if/search.ts';
import { whatIf } from '../judgement/what-if/search.ts';
import { PLAUSIBLE_QUANTILE } from '../judgement/what-if/steps.ts';

/**
 * What would move an LA's grade (issue 16), as one use case that the CLI (`kingsway what-if`), the LA page and the API
 * all call: the LA's assessment from the loaded input, then the what-if of its profile (src/judgement/what-if/). It is
 * about the derived grade, the one the evidence gives; where an inspector's final grade differs, the report says so,
 * for a change in the evidence moves the derived grade and the inspector judges again.
 */
export interface WhatIfReport {
  readonly framework: Pick<Framework, 'id' | 'year' | 'title' | 'official'>;
  readonly la: LocalAuthority;
  readonly provenance: Provenance;
  /** The inspector's final grade where one is recorded and differs from the derived one. */
  readonly finalGrade: number | null;
  readonly result: WhatIf;
}

export function whatIfOfAssessment(input: Pick<AssessInput, 'run'>, a: Assessment): WhatIfReport {
  const f = input.run.framework;
  const framework = { id: f.id, year: f.year, title: f.title, official: f.official };
  const la = { code: a.la.code, name: a.la.name };
  if (a.status !== 'assessed') {
    const reason = a.status === 'withheld' ? `the ${f.year} outcome for ${a.la.name} is withheld (${a.reason}): there is no grade to move` : `${a.la.name} was not assessed in ${f.year} (${a.reason})`;
    return { framework, la: a.la, provenance: a.provenance, finalGrade: null, result: { ok: false, la, year: f.year, reason } };
  }
  return { framework, la: a.la, provenance: a.provenance, finalGrade: a.final && a.grade !== a.derived ? a.grade : null, result: whatIf(input.run, a.profile) };
}

/** One LA's what-if for a year, from its loaded input. */
export function whatIfOfLa(input: AssessInput, la: LocalAuthority): WhatIfReport {
  return whatIfOfAssessment(input, assessOne(input, la));
}

/** Every LA's what-if for a year (or those asked for), one report per LA: one LA's fault never stops the others. */
export function whatIfsOfYear(input: AssessInput, only?: readonly LaCode[]): WhatIfReport[] {
  return lasAssessed(input, only).map((la) => {
    try {
      return whatIfOfLa(input, la);
    } catch (error) {
      const f = input.run.framework;
      return {
        framework: { id: f.id, year: f.year, title: f.title, official: f.official },
        la,
        provenance: input.provenance?.get(la.code) ?? NO_PROVENANCE,
        finalGrade: null,
        result: { ok: false, la: { code: la.code, name: la.name }, year: f.year, reason: `${(error as Error).name}: ${(error as Error).message}` },
      };
    }
  });
}

/** How the plausible step is read, for every page and file that shows a what-if. */
export const PLAUSIBLE_STEP_TEXT = `An indicator moves by no more than a plausible step: the ${Math.round(PLAUSIBLE_QUANTILE * 100)}th percentile of how far LAs' figures moved from one published period to the next (or, with too few LAs to read that from, the largest move of the LA's own figure).`;

/** The report as JSON: the same for `kingsway what-if --json` and the API. */
export function whatIfJson(report: WhatIfReport) {
  const r = report.result;
  const base = {
    framework: report.framework.id,
    year: report.framework.year,
    official: report.framework.official,
    la: { code: report.la.code, name: report.la.name },
    ...provenanceJson(report.provenance),
    ...(syntheticNote(report.provenance) ? { syntheticNote: syntheticNote(report.provenance) } : {}),
  };
  if (!r.ok) return { ...base, ok: false as const, reason: r.reason };
  const scenario = (s: Scenario) => ({
    direction: s.direction,
    block: s.block,
    blocks: s.blocks,
    size: s.size,
    grade: s.grade,
    gradeLabel: s.gradeLabel,
    text: s.text,
    lifted: s.lifted,
    changes: s.changes.map((c) => ({ ...c, text: changeText(c) })),
    effects: s.effects,
    position: s.position,
    limitingRules: s.fired,
    trace: s.trace,
  });
  return {
    ...base,
    ok: true as const,
    about: 'the derived grade: the grade the evidence gives, before any inspector judgement',
    finalGrade: report.finalGrade,
    grade: r.grade,
    gradeLabel: r.gradeLabel,
    position: r.position,
    binding: r.binding.map((f) => ({ id: f.rule.id, title: f.rule.title, before: f.before, after: f.after, evidence: f.evidence })),
    up: r.up.map(scenario),
    down: r.down.map(scenario),
    notes: r.notes,
    method: PLAUSIBLE_STEP_TEXT,
  };
}

/** One flat row of an LA's what-if, with the synthetic columns every download carries. */
export function whatIfRow(report: WhatIfReport): Record<string, string | number | boolean | null> {
  const r = report.result;
  const tail = provenanceColumns(report.provenance);
  const base = { la_code: report.la.code, la_name: report.la.name, year: report.framework.year };
  if (!r.ok) return { ...base, grade: null, position: null, to_boundary_above: null, to_boundary_below: null, smallest_up: null, smallest_up_size: null, smallest_down: null, smallest_down_size: null, reason: r.reason, ...tail };
  const above = r.position?.boundaries.find((b) => b.below === r.position!.provisional);
  const below = r.position?.boundaries.find((b) => b.below === r.position!.provisional - 1);
  const round = (n: number | undefined) => (n === undefined ? null : Math.round(n * 1000) / 1000);
  return {
    ...base,
    grade: r.grade,
    position: round(r.position?.value),
    to_boundary_above: round(above ? -above.distance : undefined),
    to_boundary_below: round(below?.distance),
    smallest_up: r.up[0]?.text ?? null,
    smallest_up_size: r.up[0]?.size ?? null,
    smallest_down: r.down[0]?.text ?? null,
    smallest_down_size: r.down[0]?.size ?? null,
    reason: null,
    ...tail,
  };
}


/** One row per change found, smallest first each way: the LA page's download and `kingsway what-if --la … --csv`. */
export function whatIfScenarioRows(report: WhatIfReport): Record<string, string | number | boolean | null>[] {
  const r = report.result;
  const tail = provenanceColumns(report.provenance);
  const base = { la_code: report.la.code, la_name: report.la.name, year: report.framework.year };
  if (!r.ok) return [{ ...base, grade: null, direction: null, rank: null, block: null, size: null, new_grade: null, change: null, changes: null, effects: null, reason: r.reason, ...tail }];
  return [...r.up, ...r.down].map((s) => ({
    ...base,
    grade: r.grade,
    direction: s.direction,
    rank: (s.direction === 'up' ? r.up : r.down).indexOf(s) + 1,
    block: s.block,
    size: s.size,
    new_grade: s.grade,
    change: s.text,
    changes: s.details.join(' | '),
    effects: s.effects.join('; '),
    reason: null,
    ...tail,
  }));
}
