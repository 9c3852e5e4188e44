import { memoByString } from '../domain/memo.ts';

/**
 * Readers for the scalar values of input files. Each returns `undefined` for text it cannot read, so the caller
 * rejects it with its position; none guesses.
 */

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Dates earlier than this in an inspection file are a typo, not history: Ofsted was founded in 1992. */
export const EARLIEST_DATE = '1990-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * Reads an ISO date ("2011-11-08") or a UK day-first date ("08/11/2011", "8/11/11"), as Ofsted's files write
 * them. Impossible dates (31 April, 29 February 2011) and dates outside 1990-2100 are refused.
 */
export const parseDate: (raw: string) => string | undefined = memoByString(readDate);

function readDate(raw: string): string | undefined {
  const text = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  const ukMatch = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (isoMatch) {
    y = Number(isoMatch[1]);
    m = Number(isoMatch[2]);
    d = Number(isoMatch[3]);
  } else if (ukMatch) {
    d = Number(ukMatch[1]);
    m = Number(ukMatch[2]);
    const yy = ukMatch[3]!;
    // Two-digit years in Ofsted's files are all from this century (the ILACS history's publication dates).
    y = yy.length === 2 ? 2000 + Number(yy) : Number(yy);
  } else {
    return undefined;
  }
  if (!isRealDate(y, m, d)) return undefined;
  const out = iso(y, m, d);
  return out >= EARLIEST_DATE && out <= LATEST_DATE ? out : undefined;
}

/** A finite decimal as published: "12.13", "-3", "1,234" (thousands separators allowed), "45%". */
export function parseNumber(raw: string): number | undefined {
  const text = raw.trim().replace(/,(?=\d{3}(?:\D|$))/g, '').replace(/%$/, '');
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function parseCount(raw: string): number | undefined {
  const n = parseNumber(raw);
  return n !== undefined && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function parseYear(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^\d{4}$/.test(text)) return undefined;
  const y = Number(text);
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** Ofsted URNs are positive integers (6 or 7 digits in practice; synthetic ones use a reserved range). */
export function parseUrn(raw: string): string | undefined {
  const text = raw.trim();
  if (text.length === 0 || text.length > 10) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  // Leading zeros are dropped ("0100001" is URN 100001; "000" is no URN); most URNs have none and come back as given.
  if (text.charCodeAt(0) !== 48) return text;
  const n = Number(text);
  return n > 0 ? String(n) : undefined;
}
