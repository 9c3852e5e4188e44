import type { Judgement } from '../domain/judgement.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Assessment } from '../judgement/assess.ts';
import { agreement } from './agreement.ts';
import type { Agreement, Grade4 } from './agreement.ts';

/**
 * The test against inspectors (issue 6). ILACS judgements were made by inspectors, independently of this code. For
 * each ILACS inspection with an overall effectiveness grade, Kingsway's indicator-only provisional grade (Blocks A
 * and C, before any limiting rule, so before Block B) is taken from the data available before the inspection began,
 * and set beside the inspectors' grade.
 *
 * "Available before": LAIT's figures for a year are published in the autumn and winter after it, so an inspection
 * starting in calendar year Y is set beside the indicator assessment of year Y − 1 (periods ending in Y − 1 or
 * before). [reconstruction: the publication lag is read from LAIT's update dates, not per indicator]
 *
 * Any cut-off tuned on this comparison may be tuned only on inspections that ended before 2023; the figures to report
 * are those from 2023 on, which tuning never saw.
 */
export const TUNING_BEFORE = '2023-01-01';

/** The four ILACS overall effectiveness judgements, worst first: the order of the confusion matrix's columns. */
export const ILACS_JUDGEMENTS = ['inadequate', 'requires-improvement', 'good', 'outstanding'] as const;
export type IlacsJudgement = (typeof ILACS_JUDGEMENTS)[number];

/**
 * Ofsted's words for them, which is how Kingsway shows them. Ofsted numbers its own scales with 1 for the best
 * (1 outstanding … 4 inadequate); the agreement statistics need the judgements in order, so they are placed on
 * Kingsway's scale (where 4 is the best, as the 2006-2011 assessments numbered theirs) only inside `agreementPairs`,
 * and that position is never shown as a number of the ILACS scale.
 */
export const ILACS_WORDS: Readonly<Record<IlacsJudgement, string>> = {
  inadequate: 'Inadequate',
  'requires-improvement': 'Requires improvement to be good',
  good: 'Good',
  outstanding: 'Outstanding',
};

const isIlacs = (j: Judgement | null | undefined): j is IlacsJudgement => (ILACS_JUDGEMENTS as readonly string[]).includes(j ?? '');
/** The judgement's place beside Kingsway's grade: performs poorly beside inadequate, and so on up. */
const PLACE: Readonly<Record<IlacsJudgement, Grade4>> = { inadequate: 1, 'requires-improvement': 2, good: 3, outstanding: 4 };

export interface IlacsCase {
  readonly la: LaCode;
  readonly startDate: string | null;
  readonly endDate: string;
  /** The inspectors' overall effectiveness, in Ofsted's vocabulary, or `null` where the data has none. */
  readonly inspectors: IlacsJudgement | null;
  /** The data year read (the calendar year before the inspection began). */
  readonly dataYear: number;
  /** Kingsway's indicator-only provisional grade, or `null` with the reason. */
  readonly predicted: Grade4 | null;
  readonly reason: string | null;
  readonly set: 'tuning' | 'reporting';
}

export interface IlacsEvaluation {
  readonly cases: readonly IlacsCase[];
  /** Inspections that ended before 2023: the only ones any tuning may look at. */
  readonly tuning: Agreement;
  /** Inspections from 2023 on: the figures to report. */
  readonly reporting: Agreement;
  readonly all: Agreement;
  /** Cases left out, counted by reason. */
  readonly excluded: ReadonlyMap<string, number>;
}

export function evaluateIlacs(inspections: readonly LaInspection[], assessmentOf: (la: LaCode, year: number) => Assessment | undefined, years: readonly number[]): IlacsEvaluation {
  const cases: IlacsCase[] = inspections
    .filter((i) => i.kind === 'ilacs')
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.la.localeCompare(b.la))
    .map((i) => {
      const began = i.startDate ?? i.endDate;
      const dataYear = Number(began.slice(0, 4)) - 1;
      const inspectors = isIlacs(i.overall) ? i.overall : null;
      const base = { la: i.la, startDate: i.startDate, endDate: i.endDate, inspectors, dataYear, set: i.endDate < TUNING_BEFORE ? ('tuning' as const) : ('reporting' as const) };
      if (inspectors === null) return { ...base, predicted: null, reason: 'no overall effectiveness grade in the data' };
      if (!years.includes(dataYear)) return { ...base, predicted: null, reason: `no indicator assessment for ${dataYear}` };
      const a = assessmentOf(i.la, dataYear);
      if (!a) return { ...base, predicted: null, reason: `the LA did not exist in ${dataYear} (a boundary change)` };
      if (a.status !== 'assessed') return { ...base, predicted: null, reason: `not assessed in ${dataYear}: ${a.status === 'withheld' ? 'withheld' : 'too few compared indicators'}` };
      return { ...base, predicted: a.derivation.provisional as Grade4, reason: null };
    });
  const scored = (set: IlacsCase['set'] | null) => cases.filter((c) => c.predicted !== null && c.inspectors !== null && (set === null || c.set === set)).map((c) => ({ predicted: c.predicted!, actual: PLACE[c.inspectors!] }));
  const excluded = new Map<string, number>();
  for (const c of cases) if (c.reason) excluded.set(c.reason, (excluded.get(c.reason) ?? 0) + 1);
  return { cases, tuning: agreement(scored('tuning')), reporting: agreement(scored('reporting')), all: agreement(scored(null)), excluded };
}
