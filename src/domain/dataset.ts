/**
 * Every stored fact belongs to one dataset: a real source (LAIT, the ILACS history, a user's evidence bundle) or a
 * synthetic one made by `kingsway generate`. Synthetic data is labelled as such wherever it is shown.
 */
export const DATASET_KINDS = ['real', 'synthetic'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export interface Dataset {
  readonly id: string;
  readonly kind: DatasetKind;
  readonly title: string;
  readonly source: string;
  readonly licence: string;
}
