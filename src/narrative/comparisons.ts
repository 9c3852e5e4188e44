import type { TrendWord } from '../profile/block-c.ts';

/**
 * Comparisons and trends in the letters' words. A comparison is the plain relation (above, in line, below) of the LA's
 * figure to a comparator; for gaps (the attainment of low-income families against others) the letters say "wider" and
 * "narrower" instead (stockport-2011: "It is now narrower than for similar local authorities but wider than the average
 * nationally").
 */
export type Relation = 'above' | 'in-line' | 'below';
export type Wording = 'level' | 'gap';

const WORDS: Readonly<Record<Wording, Readonly<Record<Relation, string>>>> = {
  level: { above: 'above', 'in-line': 'in line with', below: 'below' },
  gap: { above: 'wider than', 'in-line': 'in line with', below: 'narrower than' },
};

/**
 * The LA against similar areas and England in one phrase, as the seeds write it:
 * - the same relation to both: "in line with the averages nationally and for similar areas";
 * - different: "in line with similar areas and above the national average", joined by "but" where one is above and
 *   the other below ("narrower than for similar areas but wider than the average nationally").
 * Either comparator may be missing (no neighbours with a figure; no national figure).
 */
export function comparedWith(similar: Relation | null, england: Relation | null, wording: Wording = 'level'): string | null {
  const w = WORDS[wording];
  if (similar === null && england === null) return null;
  if (england === null) return `${w[similar!]} the average for similar areas`;
  if (similar === null) return `${w[england]} the national average`;
  if (similar === england) return `${w[similar]} the averages nationally and for similar areas`;
  const opposed = similar !== 'in-line' && england !== 'in-line';
  return `${w[similar]} similar areas ${opposed ? 'but' : 'and'} ${w[england]} the national average`;
}

/** A trend as a verb phrase: "has improved", "has been maintained", "has narrowed over the last two years". */
export function trendWords(trend: TrendWord, over?: string): string {
  const verb: Readonly<Record<TrendWord, string>> = {
    improving: 'has improved',
    stable: 'has been maintained',
    declining: 'has declined',
    narrowing: 'has narrowed',
    widening: 'has widened',
  };
  return over ? `${verb[trend]} over ${over}` : verb[trend];
}

/** "the last two years", "the last five years": for trends over a run of years. */
export function overTheLast(years: number): string {
  const words = ['', 'year', 'two years', 'three years', 'four years', 'five years'];
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`a span of years must be a whole number from 1, not ${years}`);
  return `the last ${words[years] ?? `${years} years`}`;
}
