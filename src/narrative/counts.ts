import type { OutcomeTally } from '../profile/block-a.ts';

/**
 * Small counts in words, as the letters write them: "Five of the six special schools are good or better", "two are
 * outstanding, one is good and two are satisfactory". Numbers above ten are written in figures ("20 are good or
 * better"), as in "Of the 22 children's homes commissioned from other agencies" (stockport-2011).
 */
const NUMBER_WORDS = ['none', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'] as const;

/** The number a count word says ("five" → 5), or `null`: the inverse of countWords, for prose read back. */
export function numberOfWord(word: string): number | null {
  const n = (NUMBER_WORDS as readonly string[]).indexOf(word);
  return n > 0 ? n : null;
}

export function countWords(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a whole number, 0 or more, not ${n}`);
  return n <= 10 ? NUMBER_WORDS[n]! : String(n);
}

/** The same, at the start of a sentence: "Five of the six …"; figures cannot start one, so "Of the 22 …" is the caller's. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "the sixth", for the one left: "The sixth school is satisfactory". */
const ORDINALS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'] as const;
export function ordinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`an ordinal must be a whole number from 1, not ${n}`);
  return n <= 10 ? ORDINALS[n]! : `${n}th`;
}

/** "is" or "are", for a count. */
export const isAre = (n: number): string => (n === 1 ? 'is' : 'are');

/** Joins phrases as the letters do: "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * A group's judgements counted in words, best first, leaving out those with none: for a tally of two outstanding,
 * one good and two satisfactory, "two are outstanding, one is good and two are satisfactory". The third grade is
 * named as the regime names it (satisfactory for schools, adequate for social care).
 */
export function judgementCounts(tally: OutcomeTally, third: 'satisfactory' | 'adequate' = 'satisfactory'): string {
  const parts: string[] = [];
  for (const [n, word] of [
    [tally.outstanding, 'outstanding'],
    [tally.good, 'good'],
    [tally.satisfactory, third],
    [tally.inadequate, 'inadequate'],
  ] as const) {
    if (n > 0) parts.push(`${countWords(n)} ${isAre(n)} ${word}`);
  }
  return listWords(parts);
}

/**
 * Words that end in "s" and are not plurals of a setting: "premises" (childcare on non-domestic premises), "others"
 * (children's homes commissioned from others), and the like.
 */
const NOT_PLURAL = new Set(['premises', 'others', 'services', 'arrangements', 'needs', 'is', 'was', 'has', 'its', 'this', 'across', 'plus']);

/**
 * One of a group, from its plural label: the head noun made singular, whatever comes around it. "Children's homes run
 * by the local authority" → "children's home run by the local authority" (the possessive "children's" is not the
 * plural: issue 12 found "the children' homes"); "pupil referral units" → "pupil referral unit"; "local authority
 * fostering agency" stays. "Colleges and other post-16 providers" is one of the second kind ("post-16 provider").
 */
export function singularOf(label: string): string {
  const text = label.charAt(0).toLowerCase() + label.slice(1);
  const other = /^.+? and other (.+)$/.exec(text);
  if (other) return singularOf(other[1]!);
  const words = text.split(' ');
  const at = words.findIndex((w) => /^[a-z-]+s$/.test(w) && !NOT_PLURAL.has(w) && !/ss$/.test(w));
  if (at < 0) return text;
  const w = words[at]!;
  words[at] = /ies$/.test(w) ? `${w.slice(0, -3)}y` : /(?:ch|sh|x)es$/.test(w) ? w.slice(0, -2) : w.slice(0, -1);
  return words.join(' ');
}

/** "the local authority's", "children's", "schools'": the possessive of a noun, as the letters write it. */
export function possessive(noun: string): string {
  if (/['’]s?$/.test(noun)) return noun;
  return /s$/.test(noun) && !/(?:ss|us)$/.test(noun) ? `${noun}'` : `${noun}'s`;
}

/** "one special school", "two special schools": a count and the group's noun agreeing with it. */
export const countOf = (n: number, plural: string): string => `${countWords(n)} ${n === 1 ? singularOf(plural) : plural}`;
