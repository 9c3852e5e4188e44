import { FRAMEWORKS } from '../frameworks/index.ts';
import type { Framework } from '../frameworks/types.ts';
import { frameworkYears, whyNoFramework, wordYears, yearsWithoutFramework } from '../frameworks/years.ts';

/**
 * What the pages say about the years themselves: what each year's grades mean, in the framework's own words
 * (`framework.scale`, `scaleSource`, the letter's "within each level" paragraph), and why some years between 2006 and
 * today have no pages (src/frameworks/years.ts, yearsWithoutFramework), beside the list of years and as the 404 of
 * an address in one of them. Nothing here words a grade itself: every word of the scale comes from the definition.
 */

export interface ScaleRow {
  readonly grade: number;
  /** The year's words for the grade: "Performs well", or the APA's "Consistently delivers above minimum requirements". */
  readonly label: string;
  /** What it meant: the descriptor of the year's scale ("An organisation that exceeds minimum requirements"). */
  readonly meaning: string;
  /** The APA's second descriptor, for capacity to improve ("Good"), or `null`. */
  readonly capacity: string | null;
}

export interface ScaleView {
  readonly year: number;
  readonly official: boolean;
  /** One line before the list: whose scale it is, and for today's years that the grades are Kingsway's. */
  readonly intro: string;
  readonly rows: readonly ScaleRow[];
  /** The letter's "within each level" paragraph, where the year's letter has one (2009 to 2011). */
  readonly withinLevel: string | null;
  readonly source: string;
}

/** The latest of Ofsted's years whose scale `framework` has (by inheritance, the same definition): 2011 for today's years. */
function scaleYearOf(framework: Framework): number | null {
  return FRAMEWORKS.filter((f) => f.official && f.scale === framework.scale).at(-1)?.year ?? null;
}

export function scaleView(framework: Framework): ScaleView {
  const year = framework.year;
  const from = scaleYearOf(framework);
  const scale = from === null ? "Ofsted's scale" : `Ofsted's ${from} scale`;
  const intro = framework.official
    ? `In the ${year} ${framework.outcomeNoun}, each local authority's children's services were graded on a four-point scale, 4 the highest and 1 the lowest.`
    : `These are Kingsway's own assessments of ${year}, not Ofsted's: the ${from ?? 'historical'} method applied to today's published data, graded on ${scale}, 4 the highest and 1 the lowest. No inspector has made these judgements.`;
  return {
    year,
    official: framework.official,
    intro,
    rows: [...framework.scale].sort((a, b) => b.grade - a.grade).map((s) => ({ grade: s.grade, label: s.label, meaning: s.descriptor, capacity: s.capacityDescriptor ?? null })),
    withinLevel: framework.official ? (framework.paragraphs['withinLevel'] ?? null) : null,
    source: `${framework.official ? 'Source' : from === null ? 'Source of the scale' : `Source of the ${from} scale`}: ${framework.scaleSource}`,
  };
}

export interface MissingYears {
  /** "2007 and 2008", "2012 to 2015". */
  readonly years: string;
  readonly short: string;
  readonly why: readonly string[];
}

const yearWords = (years: readonly number[]) => wordYears(years, 'and').replace(/(\d{4})-(\d{4})/g, '$1 to $2');

/** The runs of years with no framework between the first and the last, with why, for the pages that list years. */
export function missingYears(frameworks: readonly Framework[] = FRAMEWORKS): readonly MissingYears[] {
  return yearsWithoutFramework(frameworks).map((r) => ({ years: yearWords(r.years), short: r.short, why: r.why }));
}

/**
 * The 404 page of an address in a year with no framework (/2007, /2008/la/356, /2013/process), saying why there is
 * nothing, or `null` for any other address.
 */
export function missingYearPage(url: string, frameworks: readonly Framework[] = FRAMEWORKS): { title: string; paragraphs: string[] } | null {
  const m = /^\/(\d{4})(?=[/?.#]|$)/.exec(url);
  if (!m) return null;
  const year = Number(m[1]);
  const gap = whyNoFramework(year, frameworks);
  if (!gap) return null;
  const { official, indicators } = frameworkYears(frameworks);
  const has = [`Ofsted's assessments of ${yearWords(official)}`, ...(indicators.length ? [`its own assessments of today's data for ${yearWords(indicators)}`] : [])];
  return { title: `There is no ${year} assessment in Kingsway`, paragraphs: [...gap.why, `Kingsway has ${has.join(', and ')}.`] };
}

/** The API's words for the same: appended to its 404 for a year with no framework. */
export function missingYearReason(year: number, frameworks: readonly Framework[] = FRAMEWORKS): string | null {
  return whyNoFramework(year, frameworks)?.short ?? null;
}
