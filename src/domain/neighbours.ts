import type { LaCode } from './local-authority.ts';

/**
 * Statistical neighbours ("similar areas"): each LA's ten nearest LAs in the DfE Children's Services Statistical
 * Neighbour Benchmarking model, with the model's closeness band. Sets are kept by vintage ("2021-04", "2025-05")
 * because the model was re-estimated and a user must choose which one a comparison uses (framework.md §6).
 */
/** The model's bands, closest first; "Extremely Close" appears in both DfE tables (2021 and 2025) though rarely. */
export const CLOSENESS_BANDS = ['extremely-close', 'very-close', 'close', 'somewhat-close', 'not-close'] as const;
export type ClosenessBand = (typeof CLOSENESS_BANDS)[number];

export interface Neighbour {
  readonly rank: number;
  readonly code: LaCode;
  readonly band: ClosenessBand | null;
}

export interface NeighbourSet {
  readonly vintage: string;
  readonly la: LaCode;
  readonly neighbours: readonly Neighbour[];
}

const BAND_SPELLINGS: Readonly<Record<string, ClosenessBand>> = {
  'extremely close': 'extremely-close',
  'very close': 'very-close',
  close: 'close',
  'somewhat close': 'somewhat-close',
  'not close': 'not-close',
};

export function parseClosenessBand(raw: string): ClosenessBand | undefined {
  return BAND_SPELLINGS[raw.trim().toLowerCase().replace(/[-_\s]+/g, ' ')];
}
