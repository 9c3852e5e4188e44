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
  readonly rows: readonly CsvRow[];
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
  // Only a quoted field can hold a line break: a file without quotes has one row per line.
  const mayWrap = text.includes('"');
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
  const rows: CsvRow[] = [];
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
    rows.push({ line: lineOfRow[i]!, fields });
  }
  return rejections.length > 0 ? { ok: false, rejections } : { ok: true, table: { file, header, rows } };
}
