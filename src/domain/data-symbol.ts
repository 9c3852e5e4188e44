/**
 * The GSS data symbols (Government Statistical Service guidance on symbols in tables, as used by DfE's Explore
 * Education Statistics): a missing value says why it is missing.
 *   x   not available (not collected, or not published for this area)
 *   c   confidential: suppressed to protect individuals
 *   z   not applicable
 *   low a positive value that rounds to zero
 */
export const DATA_SYMBOLS = ['x', 'c', 'z', 'low'] as const;
export type DataSymbol = (typeof DATA_SYMBOLS)[number];

export const DATA_SYMBOL_MEANING: Readonly<Record<DataSymbol, string>> = {
  x: 'not available',
  c: 'confidential (suppressed)',
  z: 'not applicable',
  low: 'rounds to zero',
};

/**
 * Older or non-GSS markers found in published files, read as the GSS symbol they stand for. LAIT writes "-" for a
 * value it does not have (641,070 rows, 93,883 of them "-"); legacy DfE tables used ".", ":" and "..", and "*" or
 * "supp" for suppression; "~" was DfE's "rounds to zero" before "low".
 */
const LEGACY: Readonly<Record<string, DataSymbol>> = {
  '-': 'x',
  '.': 'x',
  ':': 'x',
  '..': 'x',
  na: 'x',
  'n/a': 'x',
  '*': 'c',
  supp: 'c',
  '~': 'low',
};

export function parseDataSymbol(raw: string): DataSymbol | undefined {
  const key = raw.trim().toLowerCase();
  if ((DATA_SYMBOLS as readonly string[]).includes(key)) return key as DataSymbol;
  // Own keys only: a cell reading "constructor" once came back as Object's constructor function, through the prototype.
  return Object.hasOwn(LEGACY, key) ? LEGACY[key] : undefined;
}
