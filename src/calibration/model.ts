/**
 * The calibrated method of the indicator years as data (issue 13): which pieces of evidence it reads, the weight
 * fitted to each, the cut-offs between grades, and the inspections it was fitted on. Stored as framework data in
 * src/frameworks/indicators/calibration.ts, written by `kingsway calibrate --write`; docs/today.md explains it.
 */

export type FeatureSpec =
  /**
   * The LA's latest ILACS (or SIF) overall effectiveness before the inspection, on Kingsway's scale less 2.5 (−1.5
   * inadequate … +1.5 outstanding); 0 where there is none, which `previous-none` then marks.
   */
  | { readonly kind: 'previous-grade'; readonly id: string; readonly label: string }
  /** 1 where the LA has no graded ILACS or SIF before the inspection, else 0. */
  | { readonly kind: 'previous-none'; readonly id: string; readonly label: string }
  /**
   * The LA's latest figure minus England's, turned so that above is better (the indicator's polarity), over the
   * fitted scale: one LAIT indicator of Block C.
   */
  | { readonly kind: 'indicator'; readonly id: string; readonly label: string; readonly indicator: string }
  /** The 2011 method's Block C in one number: indicators better minus worse than comparators, over those compared. */
  | { readonly kind: 'block-c-net'; readonly id: string; readonly label: string }
  /** Block A in one number: the share of the LA's settings good or better minus England's, pooled over its groups. */
  | { readonly kind: 'block-a-net'; readonly id: string; readonly label: string };

export interface FittedFeature {
  readonly spec: FeatureSpec;
  /** The raw value is divided by this before it is weighed: the training set's standard deviation (1 for 0/1 features). */
  readonly scale: number;
  /** Points added to the score per unit of the scaled value. */
  readonly weight: number;
}

export interface Calibration {
  readonly method: 'ordinal-logistic';
  /** ISO date the numbers were fitted. */
  readonly fittedOn: string;
  readonly trainingSet: {
    readonly description: string;
    /** Every training inspection ended before this date. */
    readonly endedBefore: string;
    /** `LA code:end date` of each inspection fitted on, oldest first. */
    readonly inspections: readonly string[];
    /** How many of them inspectors judged 1 (inadequate) … 4 (outstanding), on Kingsway's scale. */
    readonly byGrade: readonly [number, number, number, number];
  };
  /** The ridge penalty, and how it was chosen. */
  readonly penalty: { readonly lambda: number; readonly chosenBy: string };
  readonly features: readonly FittedFeature[];
  /** Scores at or below the first are grade 1; above the last, grade 4. */
  readonly cutOffs: readonly [number, number, number];
}
