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

/**
 * A run of years inside the span of the framework years that has no framework, and why, in words for a reader: the
 * national page and each LA's page say it beside the years, and an address in one of them answers a 404 that says it
 * (src/web/years-explained.ts). `short` is a line beside a list of years; `why` the whole reason.
 */
export interface YearsWithout {
  readonly years: readonly number[];
  readonly short: string;
  readonly why: readonly string[];
}

/**
 * Why each year between the first framework year and the last that has no framework has none. 2007 and 2008: Ofsted
 * and CSCI made annual performance assessments then (framework.md §1), but Kingsway's APA framework is built from the
 * one APA letter among its sources, Stockport's of 2006 (shared/seeds), and from 2007 the APA graded differently: the
 * separate social care grade went and each ECM outcome had its own grade (framework.md §2, from Community Care,
 * 9 March 2006, and councils' APA self-assessments of 2008). No 2007 or 2008 letter is among the sources. After 2011:
 * the duty was repealed in 2012 (framework.md §1), and today's years begin with the first year of the published data
 * they read (src/frameworks/indicators/definition.ts, INDICATOR_YEARS).
 */
export function yearsWithoutFramework(frameworks: readonly Framework[] = FRAMEWORKS): readonly YearsWithout[] {
  const { all, official, indicators } = frameworkYears(frameworks);
  const missing = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).filter((y) => !all.includes(y));
  const apa = missing(2007, 2008).filter((y) => y > all[0]! && y < all.at(-1)!);
  const lastOfficial = official.at(-1);
  const firstToday = indicators[0];
  const after = lastOfficial !== undefined && firstToday !== undefined ? missing(lastOfficial + 1, firstToday - 1) : [];
  const runs: YearsWithout[] = [];
  if (apa.length > 0) {
    const words = listWords(apa.map(String), 'and');
    runs.push({
      years: apa,
      short: `There are no ${listWords(apa.map(String), 'or')} pages: Ofsted made annual performance assessments then, but the framework changed after 2006 and Kingsway has no letter of ${apa.length === 1 ? 'that year' : 'those years'} to rebuild it from, so it does not assess ${apa.length === 1 ? 'it' : 'them'}.`,
      why: [
        `Ofsted and the Commission for Social Care Inspection made annual performance assessments (APAs) of local authorities' children's services in ${words}, but Kingsway has no framework for ${apa.length === 1 ? 'that year' : 'those years'}, so it has no grades, letters or pages for ${apa.length === 1 ? 'it' : 'them'}.`,
        "Kingsway's APA framework is built from the one APA letter among its sources, of 2006. From 2007 the APA was graded differently: the separate grade for social care went, and each Every Child Matters outcome had its own grade. No letter of 2007 or 2008 is among Kingsway's sources to rebuild those years from, so they are left out rather than guessed.",
      ],
    });
  }
  if (after.length > 0 && lastOfficial !== undefined && firstToday !== undefined) {
    runs.push({
      years: after,
      short: `There are none for ${wordYears(after, 'and').replace('-', ' to ')}: Ofsted's annual assessment ended with ${lastOfficial}, and Kingsway's own assessments of today's data begin with ${firstToday}.`,
      why: [
        `There was no annual assessment of children's services after ${lastOfficial}: the duty to make one was repealed in 2012, so ${lastOfficial} was the last round.`,
        `Kingsway's own indicator assessments, the ${lastOfficial} method applied to today's published data, begin with ${firstToday}, the first year that data covers. They are Kingsway's, not Ofsted's.`,
      ],
    });
  }
  return runs;
}

/** Why `year` has no framework, or `null` for a framework year or one outside their span. */
export function whyNoFramework(year: number, frameworks: readonly Framework[] = FRAMEWORKS): YearsWithout | null {
  return yearsWithoutFramework(frameworks).find((r) => r.years.includes(year)) ?? null;
}
