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

/** Where a table's rows come from: fields already parsed, or lines of text split as they are read. */
interface RowSource {
  readonly length: number;
  fieldsAt(i: number): readonly string[];
  lineAt(i: number): number;
}

/**
 * The data rows of a table. Each `CsvRow` is made as it is read and dropped after, rather than 600,000 of them being
 * held for the life of an import: short-lived objects cost the garbage collector almost nothing, long-lived ones cost
 * it a copy each.
 */
export class CsvRows implements Iterable<CsvRow> {
  readonly #source: RowSource;

  constructor(source: RowSource) {
    this.#source = source;
  }

  get length(): number {
    return this.#source.length;
  }

  at(i: number): CsvRow | undefined {
    return i >= 0 && i < this.#source.length ? { line: this.#source.lineAt(i), fields: this.#source.fieldsAt(i) } : undefined;
  }

  map<T>(fn: (row: CsvRow, i: number) => T): T[] {
    const out: T[] = new Array(this.#source.length);
    for (let i = 0; i < this.#source.length; i++) out[i] = fn(this.at(i)!, i);
    return out;
  }

  [Symbol.iterator](): Iterator<CsvRow> {
    let i = 0;
    const source = this.#source;
    return {
      next: (): IteratorResult<CsvRow> => (i < source.length ? { done: false, value: { line: source.lineAt(i), fields: source.fieldsAt(i++) } } : { done: true, value: undefined }),
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
  if (!text.includes('"')) return parseUnquoted(file, text);
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
  if (rejections.length > 0) return { ok: false, rejections };
  const keptLines = lines.subarray(0, kept.length);
  return { ok: true, table: { file, header, rows: new CsvRows({ length: kept.length, fieldsAt: (i) => kept[i]!, lineAt: (i) => keptLines[i]! }) } };
}

/**
 * A file with not one quote character is CSV at its plainest: a row per line, fields between commas. It is read as
 * papaparse's own fast mode reads it (a line split at its commas), but each line is split only when its row is read,
 * so that the split fields die young instead of being held, all at once, for the life of the import (a national
 * inspections file is two million fields). The same checks as the full parse: every row has the header's number of
 * fields, blank lines are skipped, each row keeps its line number.
 */
function parseUnquoted(file: string, text: string): CsvParsed {
  const rejections: Rejection[] = [];
  // Each line's start and end (a carriage return before the newline is not part of the line).
  const endOf = (start: number): [number, number] => {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    let end = newline === -1 ? text.length : newline;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return [end, next];
  };
  const [headerEnd, firstRow] = endOf(0);
  const header = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0, headerEnd).split(',').map((name) => name.trim());
  let starts = new Int32Array(1024);
  let ends = new Int32Array(1024);
  let lines = new Int32Array(1024);
  let count = 0;
  let line = 2;
  // Where the last line with anything on it ends: a short row there is a cut-off file.
  const contentEnd = text.trimEnd().length;
  for (let start = firstRow; start < text.length; line++) {
    const [end, next] = endOf(start);
    if (end > start) {
      let fields = 1;
      for (let comma = text.indexOf(',', start); comma !== -1 && comma < end; comma = text.indexOf(',', comma + 1)) fields++;
      if (fields !== header.length) {
        const truncated = fields < header.length && end >= contentEnd;
        rejections.push({ file, line, column: null, value: text.slice(start, Math.min(end, start + 80)), reason: `the row has ${fields} field${fields === 1 ? '' : 's'} but the header has ${header.length}${truncated ? ': the file looks truncated' : ''}` });
      } else {
        if (count === starts.length) {
          const grow = (a: Int32Array) => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          starts = grow(starts);
          ends = grow(ends);
          lines = grow(lines);
        }
        starts[count] = start;
        ends[count] = end;
        lines[count] = line;
        count++;
      }
    }
    start = next;
  }
  if (rejections.length > 0) return { ok: false, rejections };
  const rowStarts = starts;
  const rowEnds = ends;
  const rowLines = lines;
  return {
    ok: true,
    table: { file, header, rows: new CsvRows({ length: count, fieldsAt: (i) => text.slice(rowStarts[i]!, rowEnds[i]!).split(','), lineAt: (i) => rowLines[i]! }) },
  };
}
