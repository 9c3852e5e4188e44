/**
 * Time periods of published figures. LAIT writes them many ways ("2016", "2016/17", "2016-17 (OT)", "2014-16",
 * "2013/14-15/16", "2018 (Rev)", "2025 (prov)"); Kingsway reads each into a normalised period and keeps the
 * original string, so a table can show what the source said and a trend can order the periods.
 *
 * - `year`: a calendar (or single reporting) year: "2016".
 * - `split-year`: an academic or financial year: "2016/17", "2016-17".
 * - `multi-year`: a pooled span: "2014-16" (three calendar years), "2013/14-15/16" (three academic years).
 * - `unspecified`: the source gave no usable period (LAIT has 170 rows with the period "0").
 */
export const PERIOD_KINDS = ['year', 'split-year', 'multi-year', 'unspecified'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** LAIT's suffixes: (prov) provisional, (Rev) revised, (Final) final, (OT) outturn (finance). */
export const PERIOD_QUALIFIERS = ['provisional', 'revised', 'final', 'outturn'] as const;
export type PeriodQualifier = (typeof PERIOD_QUALIFIERS)[number];

export interface Period {
  /** As published. */
  readonly original: string;
  readonly kind: PeriodKind;
  /** Normalised text: "2016", "2016-17", "2014-2016", "2013-14 to 2015-16"; "unspecified" when there is none. */
  readonly key: string;
  /** First and last calendar year touched; the end year orders a trend. `null` when unspecified. */
  readonly startYear: number | null;
  readonly endYear: number | null;
  readonly qualifier: PeriodQualifier | null;
}

const QUALIFIER: Readonly<Record<string, PeriodQualifier>> = {
  prov: 'provisional',
  provisional: 'provisional',
  p: 'provisional',
  rev: 'revised',
  revised: 'revised',
  r: 'revised',
  final: 'final',
  ot: 'outturn',
  outturn: 'outturn',
};

const PLAUSIBLE = { min: 1990, max: 2100 } as const;

function century(start: number, twoDigits: string): number {
  // "2019-20": the end shares the start's century unless it wraps ("1999-00").
  const end = Math.floor(start / 100) * 100 + Number(twoDigits);
  return end < start ? end + 100 : end;
}

function splitYear(text: string): { start: number; end: number } | undefined {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2]!.length === 4 ? Number(m[2]) : century(start, m[2]!);
  return end === start + 1 ? { start, end } : undefined;
}

/**
 * Reads a period string. Returns `undefined` for text that is no period at all, so the importer can reject it;
 * returns an `unspecified` period for the placeholder "0" a published file may carry, keeping the row.
 */
export function parsePeriod(original: string): Period | undefined {
  const trimmed = original.trim();
  let body = trimmed;
  let qualifier: PeriodQualifier | null = null;
  const suffix = /^(.*?)\s*\(([^)]+)\)$/.exec(trimmed);
  if (suffix) {
    const q = QUALIFIER[suffix[2]!.trim().toLowerCase()];
    if (!q) return undefined;
    qualifier = q;
    body = suffix[1]!;
  }
  if (body === '0') {
    return { original, kind: 'unspecified', key: 'unspecified', startYear: null, endYear: null, qualifier };
  }
  const make = (kind: PeriodKind, key: string, startYear: number, endYear: number): Period | undefined =>
    startYear >= PLAUSIBLE.min && endYear <= PLAUSIBLE.max && endYear >= startYear
      ? { original, kind, key, startYear, endYear, qualifier }
      : undefined;

  if (/^\d{4}$/.test(body)) return make('year', body, Number(body), Number(body));

  const split = splitYear(body);
  if (split) return make('split-year', `${split.start}-${String(split.end).slice(2)}`, split.start, split.end);

  const span = /^(\d{4})\s*-\s*(\d{2}|\d{4})$/.exec(body);
  if (span) {
    const start = Number(span[1]);
    const end = span[2]!.length === 4 ? Number(span[2]) : century(start, span[2]!);
    return make('multi-year', `${start}-${end}`, start, end);
  }

  const splitSpan = /^(\d{4}\s*\/\s*\d{2})\s*-\s*(\d{2}|\d{4})\s*\/\s*(\d{2})$/.exec(body);
  if (splitSpan) {
    const first = splitYear(splitSpan[1]!);
    if (!first) return undefined;
    const lastStart = splitSpan[2]!.length === 4 ? Number(splitSpan[2]) : century(first.start, splitSpan[2]!);
    const last = splitYear(`${lastStart}/${splitSpan[3]}`);
    if (!last || last.start <= first.start) return undefined;
    return make(
      'multi-year',
      `${first.start}-${String(first.end).slice(2)} to ${last.start}-${String(last.end).slice(2)}`,
      first.start,
      last.end,
    );
  }
  return undefined;
}
