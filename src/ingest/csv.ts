import Papa from 'papaparse';
import type { Rejection } from '../domain/errors.ts';

export interface CsvRow {
  /** 1-based line on which the row starts (a quoted field may span lines). */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvTable {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: CsvRows;
}

/**
 * The data rows of a table. Each `CsvRow` is made as it is read and dropped after, rather than 600,000 of them being
 * held for the life of an import: short-lived objects cost the garbage collector almost nothing, long-lived ones cost
 * it a copy each.
 */
export class CsvRows implements Iterable<CsvRow> {
  readonly #fields: readonly (readonly string[])[];
  readonly #lines: Int32Array;

  constructor(fields: readonly (readonly string[])[], lines: Int32Array) {
    this.#fields = fields;
    this.#lines = lines;
  }

  get length(): number {
    return this.#fields.length;
  }

  at(i: number): CsvRow | undefined {
    const fields = this.#fields[i];
    return fields === undefined ? undefined : { line: this.#lines[i]!, fields };
  }

  map<T>(fn: (row: CsvRow, i: number) => T): T[] {
    const out: T[] = new Array(this.#fields.length);
    for (let i = 0; i < this.#fields.length; i++) out[i] = fn({ line: this.#lines[i]!, fields: this.#fields[i]! }, i);
    return out;
  }

  [Symbol.iterator](): Iterator<CsvRow> {
    let i = 0;
    const fields = this.#fields;
    const lines = this.#lines;
    return {
      next: (): IteratorResult<CsvRow> => (i < fields.length ? { done: false, value: { line: lines[i]!, fields: fields[i++]! } } : { done: true, value: undefined }),
    };
  }
}

export type CsvParsed = { readonly ok: true; readonly table: CsvTable } | { readonly ok: false; readonly rejections: readonly Rejection[] };

function countNewlines(fields: readonly string[]): number {
  let n = 0;
  for (const field of fields) {
    let at = field.indexOf('\n');
    while (at !== -1) {
      n++;
      at = field.indexOf('\n', at + 1);
    }
  }
  return n;
}

/**
 * Parses CSV text (RFC 4180, as Excel and R write it) with papaparse, keeping each row's line number for error
 * messages. Refuses, with positions: an empty file, a quote left open (the usual sign of a truncated file), and rows
 * whose field count differs from the header's (a cut last line, or a stray comma). Blank lines are skipped.
 */
export function parseCsv(file: string, text: string): CsvParsed {
  if (text.trim() === '') {
    return { ok: false, rejections: [{ file, line: null, column: null, value: '', reason: 'the file is empty: expected a header row' }] };
  }
  // The delimiter is fixed: papaparse's guessing picks '|' for a short file whose quoted fields hold pipes.
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, dynamicTyping: false, delimiter: ',' });
  const data = result.data;
  const rejections: Rejection[] = [];
  const lineOfRow: number[] = new Array(data.length);
  // Only a quoted field can hold a line break: where the text has no more line breaks than rows, none does, and each
  // row is one line (the usual case, read without looking inside every field).
  let breaks = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
  const mayWrap = breaks >= data.length;
  let line = 1;
  for (let i = 0; i < data.length; i++) {
    lineOfRow[i] = line;
    line += mayWrap ? 1 + countNewlines(data[i]!) : 1;
  }
  for (const error of result.errors) {
    if (error.type === 'Quotes') {
      const at = error.row === undefined ? null : (lineOfRow[error.row] ?? null);
      rejections.push({
        file,
        line: at,
        column: null,
        value: text.slice(error.index ?? 0, (error.index ?? 0) + 40),
        reason: 'a quoted field is never closed: the file may be truncated',
      });
    }
  }
  const header = (data[0] ?? []).map((name) => name.trim());
  const kept: string[][] = [];
  const lines = new Int32Array(data.length);
  const lastIndex = data.length - 1;
  for (let i = 1; i < data.length; i++) {
    const fields = data[i]!;
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== header.length) {
      const truncated = i === lastIndex || (i === lastIndex - 1 && data[lastIndex]!.length === 1 && data[lastIndex]![0] === '');
      rejections.push({
        file,
        line: lineOfRow[i]!,
        column: null,
        value: fields.join(',').slice(0, 80),
        reason: `the row has ${fields.length} field${fields.length === 1 ? '' : 's'} but the header has ${header.length}${
          truncated && fields.length < header.length ? ': the file looks truncated' : ''
        }`,
      });
      continue;
    }
    lines[kept.length] = lineOfRow[i]!;
    kept.push(fields);
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, table: { file, header, rows: new CsvRows(kept, lines.subarray(0, kept.length)) } };
}
