/**
 * Words for proportions, as the letters use them ("the very large majority of primary schools are good or better").
 * No Ofsted table was found; this is the project's table (shared/docs/framework.md §7), held here as data so that it
 * can be corrected in one place. Bands are whole percentages, inclusive.
 */
export interface ProportionBand {
  readonly from: number;
  readonly to: number;
  /** As it reads after "the": "the large majority of …"; `null` for all/none/half, which take no article. */
  readonly words: string;
}

export const PROPORTION_WORDS: readonly ProportionBand[] = [
  { from: 100, to: 100, words: 'all' },
  { from: 97, to: 99, words: 'almost all' },
  { from: 80, to: 96, words: 'very large majority' },
  { from: 65, to: 79, words: 'large majority' },
  { from: 51, to: 64, words: 'majority' },
  { from: 50, to: 50, words: 'half' },
  { from: 35, to: 49, words: 'minority' },
  { from: 20, to: 34, words: 'small minority' },
  { from: 4, to: 19, words: 'few' },
  { from: 1, to: 3, words: 'very few' },
  { from: 0, to: 0, words: 'none' },
];

/**
 * The band a share falls in. A share is rounded to a whole percentage, except that only a share of exactly 1 is
 * "all" and only exactly 0 is "none" (199 of 200 is not "all").
 */
export function proportionBand(share: number): ProportionBand {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`a proportion must be between 0 and 1, not ${share}`);
  let percent = Math.round(share * 100);
  if (share < 1 && percent === 100) percent = 99;
  if (share > 0 && percent === 0) percent = 1;
  return PROPORTION_WORDS.find((b) => percent >= b.from && percent <= b.to)!;
}

/** "the very large majority of", "all", "half of", "none of": ready to go before "the primary schools". */
export function proportionOf(share: number): string {
  const { words } = proportionBand(share);
  if (words === 'all' || words === 'none') return `${words} of`;
  if (words === 'half') return 'half of';
  if (words === 'few' || words === 'very few') return `a ${words === 'few' ? 'few' : 'very few'} of`;
  return `the ${words} of`;
}

/**
 * Simple fractions, for small groups where the letters prefer them: four of thirteen secondary schools are "a third"
 * (stockport-2011). Within three percentage points of the fraction. [reconstruction]
 */
const FRACTIONS: ReadonlyArray<readonly [number, string]> = [
  [1 / 4, 'a quarter'],
  [1 / 3, 'a third'],
  [1 / 2, 'half'],
  [2 / 3, 'two thirds'],
  [3 / 4, 'three quarters'],
];

export function fractionWords(count: number, of: number): string | null {
  if (!Number.isInteger(count) || !Number.isInteger(of) || of <= 0 || count < 0 || count > of) throw new RangeError(`${count} of ${of} is not a count of a group`);
  const share = count / of;
  const near = FRACTIONS.find(([f]) => Math.abs(share - f) <= 0.03);
  if (near) return near[1];
  // stoke-on-trent-2011: "almost half of the local authority secondary schools" (six of the 13). [reconstruction: the
  // five points]
  return share < 1 / 2 && share >= 1 / 2 - 0.05 ? 'almost half' : null;
}
