import type { Area } from './indicator.ts';
import type { Judgement } from './judgement.ts';
import type { ProviderType } from './provider.ts';

/**
 * Published inspection data often arrives already aggregated: "of this LA's 22 commissioned children's homes,
 * 20 are good or better". A bundle may give such counts instead of provider-level rows, and may give England and
 * similar-areas comparators directly where the neighbours' own data is not in the store.
 *
 * Wherever a figure is shown, its basis says which it is:
 * - `provider-level`: computed by Kingsway from stored provider inspections;
 * - `aggregate`: counts supplied by the source for the area itself;
 * - `supplied-comparator`: an England or similar-areas figure supplied by the source rather than computed.
 */
export const FIGURE_BASES = ['provider-level', 'aggregate', 'supplied-comparator'] as const;
export type FigureBasis = (typeof FIGURE_BASES)[number];

export interface OutcomeCount {
  readonly area: Area;
  readonly providerType: ProviderType;
  /** ISO date at which the latest inspections were counted. */
  readonly asAt: string;
  readonly judgement: Judgement;
  readonly count: number;
  readonly basis: Exclude<FigureBasis, 'provider-level'>;
}
