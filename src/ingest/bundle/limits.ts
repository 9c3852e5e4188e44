import type { Rejection } from '../../domain/errors.ts';
import { CONTROL_CHARACTER } from '../../domain/user-text.ts';
import type { CsvTable } from '../csv.ts';
import type { BundleColumn, BundleFileKind } from './spec.ts';

/**
 * The limits every evidence bundle is held to, whoever wrote it (docs/evidence-bundle.md, "Limits"). A bundle is
 * untrusted input: a reviewer's 5 MB field, a NUL in a provider name and an inspection dated 2099 were all accepted
 * before these existed (issue 11, "Input that corrupts or escapes"). Values are refused, never trimmed or stripped,
 * so that nothing is stored that differs from what the file says.
 */

/** Bytes of the largest CSV file read (a national synthetic bundle's largest, providers.csv, is 11 MB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Bytes of the largest manifest.json read (a manifest is a few hundred bytes; aliases add a few kilobytes). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Data rows of the largest file read (all of LAIT's 641,070 values would fit nearly eight times over). */
export const MAX_ROWS = 5_000_000;

/** Characters in any cell whose column has no limit of its own: codes, dates, numbers, vocabulary words. */
export const DEFAULT_FIELD_MAX = 200;
/** Characters in a free-text manifest field (`title`, `source`, `licence`) and an alias. */
export const MANIFEST_NAME_MAX = 500;
/** Characters in the manifest's `description`. */
export const MANIFEST_DESCRIPTION_MAX = 10_000;
/** Characters in a manifest `files[].path`. */
export const MANIFEST_PATH_MAX = 500;
/** Characters in `dataset.id`. */
export const DATASET_ID_MAX = 100;

const NAME = 500;
/**
 * Per-column limits above the default, in characters, each well above what real files hold: no cell of the seed
 * fixtures is longer than 150 characters ("Children and Young People's Directorate, 3rd Floor Stopford House" is 63),
 * a finding is at most a paragraph of a report, and a report link is a URL.
 */
export const FIELD_MAX: { readonly [K in BundleFileKind]?: Partial<Record<BundleColumn<K>, number>> } = {
  providers: { name: NAME },
  'la-inspections': { source_ref: 2_000 },
  'la-inspection-findings': { text: 10_000 },
  indicators: { name: NAME, unit: NAME, topic: NAME, source: NAME, description: 10_000 },
  addressees: { honorific: NAME, name: NAME, job_title: NAME, council: NAME, address: 1_000, postcode: NAME },
};

/**
 * Characters no bundle text may hold: C0 controls (tab and line breaks included: a CSV field is one line of text),
 * DEL, C1 controls, the Unicode bidirectional embeddings, overrides and isolates, and the line and paragraph
 * separators. A newline could forge rows in a report; an ANSI escape could rewrite a terminal; a right-to-left
 * override can make text read other than it is (the "Trojan Source" attack, CVE-2021-42574). The same set as
 * src/domain/user-text.ts refuses in what people type.
 */
export const FORBIDDEN_CHARACTER = CONTROL_CHARACTER;
/**
 * The same, over a whole file, less the line feeds and carriage returns that end rows (a CR alone is looked for
 * apart). One character class, without alternation: a national inspections file (10 MB) is scanned in tens of
 * milliseconds.
 */
const FORBIDDEN_IN_FILE = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
const LONE_CR = /\r(?!\n)/;
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN_CHARACTER.source, 'gu');

/** Characters of a rejected value shown in a message: enough to find it, never a 5 MB field echoed whole. */
export const SHOWN_VALUE_MAX = 60;

const NAMED_CONTROLS: Readonly<Record<number, string>> = { 0: 'NUL', 9: 'tab', 10: 'line feed', 13: 'carriage return', 27: 'ESC', 127: 'DEL', 0x202e: 'right-to-left override' };

/** `U+0000 (NUL)`: how a forbidden character is named in a reason. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0)!;
  const name = NAMED_CONTROLS[code];
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
}

/**
 * A value as a message shows it: forbidden characters written as `<U+0000>` (a terminal would otherwise act on
 * them, or hide them), and cut to SHOWN_VALUE_MAX characters and "…", so a huge field stays short. readBundle
 * applies it to every rejection it returns, whichever check made it.
 */
export function shownValue(value: string, max = SHOWN_VALUE_MAX): string {
  const cut = value.length > max ? value.slice(0, max) : value;
  const visible = cut.replace(FORBIDDEN_GLOBAL, (ch) => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
  return value.length > max ? `${visible}…` : visible;
}

/** Why a text value is refused by the limits, or null: too long, or a forbidden character. */
export function textProblem(value: string, max: number): string | null {
  if (value.length > max) return `the value is ${value.length.toLocaleString('en-GB')} characters long; the most allowed here is ${max.toLocaleString('en-GB')}`;
  const bad = FORBIDDEN_CHARACTER.exec(value);
  if (bad) return `the value contains the control character ${describeCharacter(bad[0])} at character ${bad.index + 1}; bundle text may not hold control characters`;
  return null;
}

/**
 * Checks every cell of a bundle file, header included, against its column's length limit and the forbidden
 * characters. The common case costs two scans of the text: where no line, less its commas, is longer than the
 * smallest limit and the text holds no forbidden character or quote (only a quoted field can hold a line break), no
 * cell can break a limit, and the rows are not split a second time.
 */
export function checkCells(kind: BundleFileKind, table: CsvTable, text: string, index: Readonly<Record<string, number>>): Rejection[] {
  const limits: number[] = table.header.map(() => DEFAULT_FIELD_MAX);
  const own: Readonly<Record<string, number | undefined>> = FIELD_MAX[kind] ?? {};
  for (const [column, at] of Object.entries(index)) {
    const max = own[column];
    if (max !== undefined && at !== undefined && at >= 0) limits[at] = max;
  }
  const smallest = Math.min(DEFAULT_FIELD_MAX, ...limits);
  let longestLine = 0;
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    if (end - start > longestLine) longestLine = end - start;
    start = end + 1;
  }
  const quoted = text.includes('"');
  // Unquoted, every line has the header's number of fields (parseCsv refused any other), so no cell is longer
  // than the longest line less its commas.
  const longestCell = longestLine - (table.header.length - 1);
  // One scan of the whole text for a forbidden character, used twice: to skip the cells altogether, and else to
  // skip the character check on each cell (a cell of a clean text can only hold a quoted line break).
  const cleanFile = !FORBIDDEN_IN_FILE.test(text);
  if (longestCell <= smallest && !quoted && cleanFile && !(text.includes('\r') && LONE_CR.test(text))) return [];

  const rejections: Rejection[] = [];
  // Where the whole text holds no forbidden character but the row ends, the only character a cell can hold that it
  // may not is a line break inside quotes: looked for with indexOf, not the character class on every cell (a
  // national providers file, which quotes names, has 114,661 rows of cells).
  const check = (line: number, fields: readonly string[]) => {
    for (let i = 0; i < fields.length; i++) {
      const value = fields[i]!;
      const max = limits[i] ?? DEFAULT_FIELD_MAX;
      if (cleanFile && value.length <= max && value.indexOf('\n') === -1 && value.indexOf('\r') === -1) continue;
      const problem = textProblem(value, max);
      if (problem) rejections.push({ file: table.file, line, column: `${i + 1} (${table.header[i] ?? ''})`, value, reason: problem });
    }
  };
  check(1, table.header);
  for (const row of table.rows) check(row.line, row.fields);
  return rejections;
}

/** The latest date a bundle's rows may carry, and what sets it, for the reason a later date is refused with. */
export interface DateLimit {
  readonly date: string;
  readonly what: string;
}

/** The earlier of the manifest's `as_at` and today; `null` when neither is known. */
export function dateLimit(asAt: string | undefined, today: string | undefined): DateLimit | null {
  const limits: DateLimit[] = [];
  if (asAt !== undefined) limits.push({ date: asAt, what: `the bundle's as-at date (manifest.json as_at: ${asAt})` });
  if (today !== undefined) limits.push({ date: today, what: `today (${today})` });
  if (limits.length === 0) return null;
  return limits.reduce((a, b) => (b.date < a.date ? b : a));
}

/** Why a date is refused by the limit, or null. */
export function dateProblem(date: string | null | undefined, limit: DateLimit | null | undefined): string | null {
  return date && limit && date > limit.date ? `the date is after ${limit.what}; no date in a bundle may be later` : null;
}
