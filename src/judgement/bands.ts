import type { AssessmentGrade } from '../domain/grade.ts';
import type { EcmOutcome } from '../domain/indicator.ts';

/**
 * The bands the 2009-2011 method reads a profile by (derive.ts): each Block A group's share good or better, and each
 * ECM outcome's indicators better and worse than comparators, banded by the framework's cut-offs.
 */
export interface GroupBand {
  readonly group: string;
  readonly label: string;
  readonly goodOrBetter: number;
  readonly inspected: number;
  readonly band: AssessmentGrade;
  /**
   * Set for a share of children rather than a tally of settings (today's early years, src/profile/block-a-shares.ts):
   * the indicator and period it was read from. It has no settings to count (`inspected` is 0) and weighs as a group of
   * `fullWeightAt` settings or more does, for it speaks for every funded child of the LA.
   */
  readonly share?: { readonly indicator: string; readonly period: string };
}

export interface OutcomeBand {
  readonly outcome: EcmOutcome;
  readonly better: number;
  readonly inLine: number;
  readonly worse: number;
  /** (better − worse) / compared, over comparisons with similar areas and with England. */
  readonly net: number;
  readonly band: AssessmentGrade;
}
