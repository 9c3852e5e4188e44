import type { AssessmentGrade } from '../domain/grade.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { dataYearBefore } from '../calibration/cases.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { Derivation } from '../judgement/derive.ts';
import { agreement, precision, recall } from './agreement.ts';
import type { Agreement, Grade4 } from './agreement.ts';
import { bootstrapDraws, bootstrapInterval, DEFAULT_RESAMPLES, DEFAULT_SEED, intervalOf } from './bootstrap.ts';
import type { BootstrapInterval } from './bootstrap.ts';

/**
 * The test against inspectors (issue 6; issue 13 part 4). ILACS judgements were made by inspectors, independently of
 * this code. For each ILACS inspection with an overall effectiveness grade, several predictors of that grade are set
 * beside it, each on exactly the same inspections:
 * - Kingsway: the final grade of the indicator assessment of the year before the inspection began (the derived
 *   grade, `derivation.derived`: whatever method derive.ts applies, after its limiting rules);
 * - the 2011 cut-offs, unfitted: the grade those cut-offs give from Blocks A and C, before any rule;
 * - carry-forward: the LA's previous inspection's overall effectiveness (ILACS, or the single inspection framework's
 *   before a first ILACS), the latest that ended before this one began;
 * - always good: the commonest judgement, for every inspection.
 *
 * "Available before": the indicator year the calibrated method is fitted with (`dataYearBefore`,
 * src/calibration/cases.ts). LAIT's figures for a calendar year are all published by the end of March after it (the
 * social work workforce each February), so an inspection beginning from April of year Y is set beside the indicator
 * assessment of Y − 1, and one beginning in January to March beside Y − 2. Block B of that assessment is as at
 * 31 August of its year, so never the inspection being predicted; and since two ILACS inspections of an LA are at
 * least 910 days apart in the data, it holds the same previous inspection the fitting read as at the day before the
 * inspection began. [reconstruction: the release months are DfE's usual calendar, not checked figure by figure]
 *
 * The same cases for every predictor: an inspection is compared only where every predictor can grade it, and the
 * others are counted by reason (the first that applies: no inspectors' grade, then Kingsway's reasons, then
 * carry-forward's). A fallback for carry-forward (say, good where there is no previous grade) would make its row a
 * blend of two predictors; leaving those inspections out keeps each row one predictor, at the cost of the inspections
 * whose previous report has no grade in the scraped data (most first ILACS inspections: the single inspection
 * framework's reports there carry none). Each predictor on every inspection it can grade is kept beside the table.
 *
 * Anything fitted on this comparison may be fitted only on inspections that ended before 2023; the figures to report
 * are those from 2023 on, which no fitting has read.
 */
export const TUNING_BEFORE = '2023-01-01';

/** The four ILACS overall effectiveness judgements, worst first: the order of the confusion matrix's columns. */
export const ILACS_JUDGEMENTS = ['inadequate', 'requires-improvement', 'good', 'outstanding'] as const;
export type IlacsJudgement = (typeof ILACS_JUDGEMENTS)[number];

/**
 * Ofsted's words for them, which is how Kingsway shows them. Ofsted numbers its own scales with 1 for the best
 * (1 outstanding … 4 inadequate); the agreement statistics need the judgements in order, so they are placed on
 * Kingsway's scale (where 4 is the best, as the 2006-2011 assessments numbered theirs) only inside this module, and
 * that position is never shown as a number of the ILACS scale.
 */
export const ILACS_WORDS: Readonly<Record<IlacsJudgement, string>> = {
  inadequate: 'Inadequate',
  'requires-improvement': 'Requires improvement to be good',
  good: 'Good',
  outstanding: 'Outstanding',
};

/** The same, shorter, where a column is narrow: "requires improvement" for "requires improvement to be good". */
export const ILACS_SHORT_WORDS: Readonly<Record<IlacsJudgement, string>> = {
  inadequate: 'inadequate',
  'requires-improvement': 'requires improvement',
  good: 'good',
  outstanding: 'outstanding',
};

export const isIlacsJudgement = (j: Judgement | null | undefined): j is IlacsJudgement => (ILACS_JUDGEMENTS as readonly string[]).includes(j ?? '');
/** The judgement's place beside Kingsway's grade: performs poorly beside inadequate, and so on up. */
const PLACE: Readonly<Record<IlacsJudgement, Grade4>> = { inadequate: 1, 'requires-improvement': 2, good: 3, outstanding: 4 };

export const PREDICTORS = [
  { id: 'kingsway', label: 'Kingsway (calibrated)', description: "Kingsway's final grade from the data published before the inspection began: the derived grade, the calibrated method's (where the year has one) after the limiting rules" },
  { id: 'cut-offs-2011', label: '2011 cut-offs, unfitted', description: 'the grade the 2011 cut-offs give from Blocks A and C, before any limiting rule' },
  { id: 'carry-forward', label: 'Carry-forward', description: "the LA's previous inspection's overall effectiveness: the latest ILACS (or, before a first ILACS, single inspection framework) report that ended before this inspection began" },
  { id: 'always-good', label: 'Always good', description: 'good for every inspection' },
] as const;
export type Predictor = (typeof PREDICTORS)[number];
export type PredictorId = Predictor['id'];

type OkDerivation = Extract<Derivation, { ok: true }>;

/**
 * The grade the 2011 cut-offs give from Blocks A and C, before any rule: the derivation's `byCutOffs` once derive.ts
 * records it beside a calibrated provisional grade, its `provisional` until then (which is that grade today).
 */
export function cutOffsGrade(d: OkDerivation): AssessmentGrade {
  const recorded: unknown = 'byCutOffs' in d ? d.byCutOffs : undefined;
  return typeof recorded === 'number' ? (recorded as AssessmentGrade) : d.provisional;
}

/** The inspection a carry-forward reads. */
export interface PreviousInspection {
  readonly kind: 'ilacs' | 'sif';
  readonly startDate: string | null;
  readonly endDate: string;
  readonly overall: IlacsJudgement | null;
}

export interface IlacsCase {
  readonly la: LaCode;
  readonly startDate: string | null;
  readonly endDate: string;
  /** The inspectors' overall effectiveness, in Ofsted's vocabulary, or `null` where the data has none. */
  readonly inspectors: IlacsJudgement | null;
  /** The indicator year read: the latest whose figures were all published before the inspection began. */
  readonly dataYear: number;
  readonly set: 'tuning' | 'reporting';
  /** Each predictor's grade on Kingsway's scale (1 poorly … 4 excellently), or `null` where it has none. */
  readonly predictions: Readonly<Record<PredictorId, Grade4 | null>>;
  /** The LA's previous inspection, as carry-forward reads it; `null` when it has none in the data. */
  readonly previous: PreviousInspection | null;
  /** Why the inspection is left out of the comparison, or `null` when every predictor grades it. */
  readonly reason: string | null;
}

export interface PredictorResult {
  readonly predictor: Predictor;
  readonly agreement: Agreement;
  /** The percentile bootstrap interval of the quadratic weighted kappa (bootstrap.ts). */
  readonly kappaInterval: BootstrapInterval | null;
  /** Of the inspections with each judgement, the share the predictor graded alike. */
  readonly recall: Readonly<Record<IlacsJudgement, number | null>>;
  /** Of the inspections the predictor graded performs poorly, the share inspectors judged inadequate. */
  readonly inadequatePrecision: number | null;
}

export interface SetEvaluation {
  readonly set: 'reporting' | 'tuning';
  /** ILACS inspections in the set, compared or not. */
  readonly inspections: number;
  /** Inspections every predictor grades: the n of every row. */
  readonly compared: number;
  /** The others, counted by reason. */
  readonly excluded: ReadonlyMap<string, number>;
  /** One row per predictor, in the order of PREDICTORS, on the same inspections. */
  readonly predictors: readonly PredictorResult[];
  /**
   * Each predictor on every inspection it can grade, whether or not the others can: not the same inspections from row
   * to row, so not for comparing rows; Kingsway's is its figure before the cases were shared.
   */
  readonly ownCases: readonly { readonly predictor: Predictor; readonly agreement: Agreement }[];
  /**
   * Kingsway's kappa less carry-forward's on the same inspections, with the paired bootstrap interval of that
   * difference (each draw resamples the same inspections for both) and the share of draws in which Kingsway's is the
   * higher: whether Kingsway beats simply carrying the last judgement forward, or only seems to.
   */
  readonly overCarryForward: { readonly difference: number | null; readonly interval: BootstrapInterval | null; readonly shareOfDrawsAbove: number | null };
}

export interface IlacsEvaluation {
  readonly cases: readonly IlacsCase[];
  /** Inspections from 2023 on: the figures to report. */
  readonly reporting: SetEvaluation;
  /** Inspections that ended before 2023: the only ones anything fitted may read. */
  readonly tuning: SetEvaluation;
  /** Every inspection left out, counted by reason. */
  readonly excluded: ReadonlyMap<string, number>;
  readonly bootstrap: { readonly resamples: number; readonly seed: string; readonly level: number };
}

export interface EvaluateOptions {
  readonly resamples?: number;
  readonly seed?: string;
}

const began = (i: Pick<LaInspection, 'startDate' | 'endDate'>) => i.startDate ?? i.endDate;

/** The LA's latest ILACS or single-inspection-framework report that ended before `inspection` began. */
export function previousInspection(inspection: LaInspection, history: readonly LaInspection[]): PreviousInspection | null {
  const start = began(inspection);
  const before = history.filter((i) => i.la === inspection.la && (i.kind === 'ilacs' || i.kind === 'sif') && i.endDate < start);
  const latest = before.sort((a, b) => a.endDate.localeCompare(b.endDate)).at(-1);
  if (!latest) return null;
  return { kind: latest.kind as 'ilacs' | 'sif', startDate: latest.startDate, endDate: latest.endDate, overall: isIlacsJudgement(latest.overall) ? latest.overall : null };
}

export const NO_PREVIOUS = 'carry-forward: no earlier inspection of the LA in the data';
export const PREVIOUS_UNGRADED = {
  sif: 'carry-forward: the previous report (single inspection framework) has no overall effectiveness grade in the scraped data',
  ilacs: 'carry-forward: the previous ILACS report has no overall effectiveness grade in the scraped data',
} as const;

export function evaluateIlacs(
  inspections: readonly LaInspection[],
  /** Kingsway's assessment for an inspection from the data of a year (before-inspection.ts, `assessmentBefore`). */
  assessmentOf: (inspection: LaInspection, year: number) => Assessment | undefined,
  years: readonly number[],
  options: EvaluateOptions = {},
): IlacsEvaluation {
  const cases: IlacsCase[] = inspections
    .filter((i) => i.kind === 'ilacs')
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.la.localeCompare(b.la))
    .map((i) => {
      const dataYear = dataYearBefore(began(i));
      const inspectors = isIlacsJudgement(i.overall) ? i.overall : null;
      const previous = previousInspection(i, inspections);
      const a = years.includes(dataYear) ? assessmentOf(i, dataYear) : undefined;
      const ok = a?.status === 'assessed' ? a.derivation : null;
      const predictions: Record<PredictorId, Grade4 | null> = {
        kingsway: ok ? (ok.derived as Grade4) : null,
        'cut-offs-2011': ok ? (cutOffsGrade(ok) as Grade4) : null,
        'carry-forward': previous?.overall ? PLACE[previous.overall] : null,
        'always-good': PLACE.good,
      };
      const reason =
        inspectors === null
          ? 'no overall effectiveness grade in the data'
          : !years.includes(dataYear)
            ? `no indicator assessment for ${dataYear}`
            : !a
              ? `the LA did not exist in ${dataYear} (a boundary change)`
              : a.status !== 'assessed'
                ? `not assessed in ${dataYear}: ${a.status === 'withheld' ? 'withheld' : 'too few compared indicators'}`
                : !previous
                  ? NO_PREVIOUS
                  : previous.overall === null
                    ? PREVIOUS_UNGRADED[previous.kind]
                    : null;
      return { la: i.la, startDate: i.startDate, endDate: i.endDate, inspectors, dataYear, set: i.endDate < TUNING_BEFORE ? 'tuning' : 'reporting', predictions, previous, reason };
    });
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  const excluded = countReasons(cases);
  return {
    cases,
    reporting: evaluateSet(cases, 'reporting', resamples, seed),
    tuning: evaluateSet(cases, 'tuning', resamples, seed),
    excluded,
    bootstrap: { resamples, seed, level: 0.95 },
  };
}

function countReasons(cases: readonly IlacsCase[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) if (c.reason) counts.set(c.reason, (counts.get(c.reason) ?? 0) + 1);
  return counts;
}

const pairOf = (c: IlacsCase, id: PredictorId) => ({ predicted: c.predictions[id]!, actual: PLACE[c.inspectors!] });

function kappaDifference(sample: readonly IlacsCase[]): number | null {
  const k = agreement(sample.map((c) => pairOf(c, 'kingsway'))).quadraticKappa;
  const c = agreement(sample.map((x) => pairOf(x, 'carry-forward'))).quadraticKappa;
  return k === null || c === null ? null : k - c;
}

function overCarryForward(compared: readonly IlacsCase[], resamples: number, seed: string): SetEvaluation['overCarryForward'] {
  const difference = compared.length === 0 ? null : kappaDifference(compared);
  // One set of draws gives both the interval and the share of draws in which Kingsway's kappa is the higher.
  const draws = bootstrapDraws(compared, kappaDifference, { resamples, seed });
  const interval = intervalOf(draws);
  const above = draws.values.filter((d) => d > 0).length;
  return { difference, interval, shareOfDrawsAbove: draws.values.length === 0 ? null : above / draws.values.length };
}

function evaluateSet(all: readonly IlacsCase[], set: SetEvaluation['set'], resamples: number, seed: string): SetEvaluation {
  const mine = all.filter((c) => c.set === set);
  const compared = mine.filter((c) => c.reason === null);
  const predictors = PREDICTORS.map((predictor): PredictorResult => {
    const a = agreement(compared.map((c) => pairOf(c, predictor.id)));
    // The same seed and the same cases for every predictor: each draw resamples the same inspections for all of them.
    const kappaInterval = bootstrapInterval(compared, (sample) => agreement(sample.map((c) => pairOf(c, predictor.id))).quadraticKappa, { resamples, seed: `${seed}|${set}` });
    const byJudgement = Object.fromEntries(ILACS_JUDGEMENTS.map((j) => [j, recall(a, PLACE[j])])) as Record<IlacsJudgement, number | null>;
    return { predictor, agreement: a, kappaInterval, recall: byJudgement, inadequatePrecision: precision(a, PLACE.inadequate) };
  });
  const ownCases = PREDICTORS.map((predictor) => ({ predictor, agreement: agreement(mine.filter((c) => c.inspectors !== null && c.predictions[predictor.id] !== null).map((c) => pairOf(c, predictor.id))) }));
  return { set, inspections: mine.length, compared: compared.length, excluded: countReasons(mine), predictors, ownCases, overCarryForward: overCarryForward(compared, resamples, `${seed}|${set}`) };
}

/**
 * What an LA page says of how far to trust Kingsway's grade: Kingsway's agreement with inspectors on the reported
 * inspections (ending 2023 on, which nothing fitted has read), with the bootstrap interval of its kappa, and
 * carry-forward's kappa on the same inspections for scale.
 */
export interface TrustSummary {
  /** The predictor summarised: Kingsway's final grade. */
  readonly predictor: 'kingsway';
  /** The reported set: inspections ending on or after this date. */
  readonly inspectionsEndingFrom: string;
  readonly n: number;
  readonly quadraticKappa: number | null;
  /** 95% percentile bootstrap interval of the kappa. */
  readonly interval: { readonly low: number; readonly high: number; readonly level: number } | null;
  readonly exact: number | null;
  readonly withinOne: number | null;
  /** Of the inspections judged inadequate, the share Kingsway graded performs poorly. */
  readonly inadequateRecall: number | null;
  /** Carry-forward's kappa on the same inspections. */
  readonly carryForwardKappa: number | null;
}

export function trustSummary(e: IlacsEvaluation): TrustSummary {
  const row = (id: PredictorId) => e.reporting.predictors.find((p) => p.predictor.id === id)!;
  const k = row('kingsway');
  return {
    predictor: 'kingsway',
    inspectionsEndingFrom: TUNING_BEFORE,
    n: k.agreement.n,
    quadraticKappa: k.agreement.quadraticKappa,
    interval: k.kappaInterval ? { low: k.kappaInterval.low, high: k.kappaInterval.high, level: k.kappaInterval.level } : null,
    exact: k.agreement.exact,
    withinOne: k.agreement.withinOne,
    inadequateRecall: k.recall.inadequate,
    carryForwardKappa: row('carry-forward').agreement.quadraticKappa,
  };
}

/** A kappa to three places, never "-0.000" (a constant predictor's kappa is 0 up to rounding). */
export function formatKappa(x: number | null, none = '-'): string {
  if (x === null) return none;
  const r = Math.round(x * 1000) / 1000;
  return (r === 0 ? 0 : r).toFixed(3);
}

/** A share as a percentage to one place. */
export function formatShare(x: number | null, none = '-'): string {
  return x === null ? none : `${(x * 100).toFixed(1)}%`;
}

/** A kappa's interval, "0.112 to 0.402". */
export function formatInterval(i: BootstrapInterval | { readonly low: number; readonly high: number } | null, none = '-'): string {
  return i === null ? none : `${formatKappa(i.low)} to ${formatKappa(i.high)}`;
}
