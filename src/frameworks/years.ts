import { FRAMEWORKS } from './index.ts';
import type { Framework } from './types.ts';

/**
 * The framework years in words, from the registry (index.ts, FRAMEWORKS), for every help text, the OpenAPI document and
 * the synthetic generator's range: adding a framework year changes them all, with nothing typed by hand.
 */

/** Runs of consecutive years as ranges, in order: [2006, 2009, 2010, 2011] → ["2006", "2009-2011"]. */
export function yearRanges(years: readonly number[]): string[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return out;
}

/** A list in words, "2006, 2009-2011, or 2016-2025"; "2009 or 2010"; one alone as it is. */
export function listWords(items: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${conjunction} ${items.at(-1)}`;
}

/** The years in ranges and words: "2006, 2009-2011, or 2016-2025". */
export const wordYears = (years: readonly number[], conjunction: 'or' | 'and' = 'or'): string => listWords(yearRanges(years), conjunction);

export interface FrameworkYears {
  /** Every framework year, oldest first. */
  readonly all: readonly number[];
  /** The historical years Ofsted assessed (2006, 2009-2011). */
  readonly official: readonly number[];
  /** Kingsway's indicator years of today's data. */
  readonly indicators: readonly number[];
  readonly first: number;
  readonly last: number;
}

export function frameworkYears(frameworks: readonly Framework[] = FRAMEWORKS): FrameworkYears {
  const all = frameworks.map((f) => f.year).sort((a, b) => a - b);
  return { all, official: frameworks.filter((f) => f.official).map((f) => f.year).sort((a, b) => a - b), indicators: frameworks.filter((f) => !f.official).map((f) => f.year).sort((a, b) => a - b), first: all[0]!, last: all.at(-1)! };
}

/**
 * What a `--year` option says it takes: "framework year: 2006, 2009-2011, or 2016-2025 (Kingsway’s indicator
 * assessment of today’s data)", the indicator years named as Kingsway's.
 */
export function frameworkYearHelp(frameworks: readonly Framework[] = FRAMEWORKS): string {
  const { official, indicators } = frameworkYears(frameworks);
  if (indicators.length === 0) return `framework year: ${wordYears(official)}`;
  const ranges = [...yearRanges(official), ...yearRanges(indicators)];
  return `framework year: ${listWords(ranges)} (Kingsway’s indicator assessment of today’s data)`;
}
