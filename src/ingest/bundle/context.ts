import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { existsOn, parseLaCode } from '../../domain/local-authority.ts';
import type { CsvRow } from '../csv.ts';
import type { Column, RowReader } from '../columns.ts';
import { dateProblem } from './limits.ts';
import type { DateLimit } from './limits.ts';

/** What a bundle is checked against: the LAs and indicators already in the store. */
export interface BundleContext {
  readonly las: ReadonlyMap<string, LocalAuthority>;
  /** Indicator ids stored by other datasets, which a bundle's values may refer to without redefining. */
  readonly storedIndicators: ReadonlySet<string>;
  /** The latest date a row may carry: the manifest's as-at date or today, whichever is earlier (readBundle sets it). */
  readonly latestDate?: DateLimit | null;
}

/** A date held to the context's latest date: rejected on its column (and `undefined`) when later. */
export function notAfterLimit<K extends string>(r: RowReader<K>, row: CsvRow, key: K, date: string | null | undefined, ctx: BundleContext): string | null | undefined {
  const problem = dateProblem(date, ctx.latestDate);
  if (problem === null) return date;
  r.reject(row, key, r.text(row, key), problem);
  return undefined;
}

/** Reads an LA code that must be a known LA; with a date, the LA must also have existed then. */
export function readLa<K extends string>(column: Column<K>, row: CsvRow, ctx: BundleContext, on?: string | null): LaCode | undefined {
  const raw = column.text(row);
  const code = column.required(row, parseLaCode, 'a three-digit DfE LA code such as 356');
  if (code === undefined) return undefined;
  const la = ctx.las.get(code);
  if (!la) {
    column.reject(row, raw, 'unknown LA code: it is not in the store (run `kingsway import` for the LA lists first)');
    return undefined;
  }
  if (on && !existsOn(la, on)) {
    column.reject(row, raw, `${la.name} did not exist on ${on} (it existed ${la.openedOn ?? 'before our records'} to ${la.closedOn ?? 'today'})`);
    return undefined;
  }
  // The stored LA's own code string: one string per LA rather than one per row, hashed once wherever it is a key.
  return la.code;
}

/** A later-or-equal check between two dates in one row, rejected on the later column. */
export function checkOrder<K extends string>(r: RowReader<K>, row: CsvRow, earlier: string | null | undefined, later: string | null | undefined, laterKey: K, what: string): void {
  if (earlier && later && later < earlier) r.reject(row, laterKey, later, `${what} (${earlier})`);
}

/** Detects a repeated key within one file, naming the line where it first appeared. */
export class SeenKeys {
  readonly #lines = new Map<string, number>();
  check<K extends string>(r: RowReader<K>, row: CsvRow, key: string, column: K, value: string): boolean {
    const first = this.#lines.get(key);
    if (first !== undefined) {
      r.reject(row, column, value, `duplicate: the same record is already on line ${first}`);
      return false;
    }
    this.#lines.set(key, row.line);
    return true;
  }
}
