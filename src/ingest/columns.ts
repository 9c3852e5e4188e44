import type { Rejection } from '../domain/errors.ts';
import type { CsvRow, CsvTable } from './csv.ts';

/**
 * Column matching through an alias table. Real Ofsted management-information files rename columns between
 * releases ("URN", "Provider URN", "Unique reference number"), so each canonical column lists the names it may
 * appear under. Names are compared folded (case, spaces, underscores and punctuation ignored).
 */
export interface ColumnSpec {
  readonly required: boolean;
  /** Accepted header names besides the canonical one. */
  readonly aliases?: readonly string[];
}

export type ColumnSpecs = Readonly<Record<string, ColumnSpec>>;

/** A user's additions: canonical column -> extra header names (from a bundle manifest or `--aliases FILE`). */
export type AliasTable = Readonly<Record<string, readonly string[]>>;

export function foldName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export interface ResolvedColumns<K extends string> {
  readonly index: Readonly<Record<K, number>>;
  /** Header names that matched no canonical column. */
  readonly unknown: readonly string[];
}

/**
 * Maps each canonical column to its position in the header. A missing required column, or two header columns
 * claiming the same canonical one, is a rejection naming what was expected and what was found.
 */
export function resolveColumns<K extends string>(
  table: CsvTable,
  specs: Readonly<Record<K, ColumnSpec>>,
  extra: AliasTable = {},
  options: { readonly rejectUnknown: boolean } = { rejectUnknown: false },
): { ok: true; columns: ResolvedColumns<K> } | { ok: false; rejections: Rejection[] } {
  const byFolded = new Map<string, K>();
  const namesOf = (key: K): string[] => [key, ...(specs[key].aliases ?? []), ...(extra[key] ?? [])];
  for (const key of Object.keys(specs) as K[]) {
    for (const name of namesOf(key)) byFolded.set(foldName(name), key);
  }
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  const rejections: Rejection[] = [];
  table.header.forEach((name, i) => {
    const key = byFolded.get(foldName(name));
    if (key === undefined) {
      unknown.push(name);
      if (options.rejectUnknown) {
        rejections.push({
          file: table.file,
          line: 1,
          column: `${i + 1} (${name})`,
          value: name,
          reason: `unknown column; expected one of: ${Object.keys(specs).join(', ')} (or an alias of one)`,
        });
      }
    } else if (index[key] !== undefined) {
      rejections.push({
        file: table.file,
        line: 1,
        column: `${i + 1} (${name})`,
        value: name,
        reason: `a second column for "${key}" (column ${index[key]! + 1} is already "${table.header[index[key]!]}")`,
      });
    } else {
      index[key] = i;
    }
  });
  for (const key of Object.keys(specs) as K[]) {
    if (specs[key].required && index[key] === undefined) {
      rejections.push({
        file: table.file,
        line: 1,
        column: null,
        value: table.header.join(','),
        reason: `missing required column "${key}" (accepted names: ${namesOf(key).join(', ')})`,
      });
    }
  }
  if (rejections.length > 0) return { ok: false, rejections };
  return { ok: true, columns: { index: index as Record<K, number>, unknown } };
}

/**
 * Reads typed values out of rows, collecting a rejection (file, line, column, value, reason) for each bad one
 * instead of stopping at the first, so that a user sees every problem in one run.
 */
export class RowReader<K extends string> {
  readonly rejections: Rejection[] = [];
  readonly #table: CsvTable;
  readonly #index: Readonly<Partial<Record<K, number>>>;

  constructor(table: CsvTable, columns: ResolvedColumns<K>) {
    this.#table = table;
    this.#index = columns.index;
  }

  has(key: K): boolean {
    return this.#index[key] !== undefined;
  }

  /**
   * One column, its position looked up once: the readers of large files take each column this way rather than by
   * name on every row (a keyed lookup per cell is most of the cost of 180,000 rows).
   */
  column(key: K): Column<K> {
    return new Column(this, key, this.#index[key] ?? -1);
  }

  /** The raw text of a cell, trimmed; '' when the column is absent. */
  text(row: CsvRow, key: K): string {
    const i = this.#index[key];
    return i === undefined ? '' : (row.fields[i] ?? '').trim();
  }

  reject(row: CsvRow, key: K | null, value: string, reason: string): void {
    const i = key === null ? undefined : this.#index[key];
    this.rejections.push({
      file: this.#table.file,
      line: row.line,
      column: i === undefined ? null : `${i + 1} (${this.#table.header[i]})`,
      value,
      reason,
    });
  }

  /** A value that must be present and parse; `undefined` (with a rejection recorded) otherwise. */
  required<T>(row: CsvRow, key: K, parse: (raw: string) => T | undefined, expected: string): T | undefined {
    const raw = this.text(row, key);
    if (raw === '') {
      this.reject(row, key, raw, `a value is required: ${expected}`);
      return undefined;
    }
    const value = parse(raw);
    if (value === undefined) this.reject(row, key, raw, `expected ${expected}`);
    return value;
  }

  /** A value that may be blank (`null`), but must parse when given. `undefined` means it was rejected. */
  optional<T>(row: CsvRow, key: K, parse: (raw: string) => T | undefined, expected: string): T | null | undefined {
    const raw = this.text(row, key);
    if (raw === '') return null;
    const value = parse(raw);
    if (value === undefined) this.reject(row, key, raw, `expected ${expected}`);
    return value;
  }
}

/** A column of a RowReader's table: the same checks as RowReader's, with the column found once. */
export class Column<K extends string> {
  readonly #reader: RowReader<K>;
  readonly #key: K;
  readonly #at: number;

  constructor(reader: RowReader<K>, key: K, at: number) {
    this.#reader = reader;
    this.#key = key;
    this.#at = at;
  }

  /** The raw text of the cell, trimmed; '' when the column is absent. */
  text(row: CsvRow): string {
    if (this.#at < 0) return '';
    const raw = row.fields[this.#at] ?? '';
    // Most cells have no surrounding space: skip the copy trim() would make.
    return raw.length > 0 && (raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) ? raw.trim() : raw;
  }

  reject(row: CsvRow, value: string, reason: string): void {
    this.#reader.reject(row, this.#key, value, reason);
  }

  required<T>(row: CsvRow, parse: (raw: string) => T | undefined, expected: string): T | undefined {
    const raw = this.text(row);
    if (raw === '') {
      this.reject(row, raw, `a value is required: ${expected}`);
      return undefined;
    }
    const value = parse(raw);
    if (value === undefined) this.reject(row, raw, `expected ${expected}`);
    return value;
  }

  optional<T>(row: CsvRow, parse: (raw: string) => T | undefined, expected: string): T | null | undefined {
    const raw = this.text(row);
    if (raw === '') return null;
    const value = parse(raw);
    if (value === undefined) this.reject(row, raw, `expected ${expected}`);
    return value;
  }
}
