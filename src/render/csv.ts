import Papa from 'papaparse';

/**
 * Every CSV Kingsway writes for people to open (downloads, `--csv` output) goes through here, so that no value can run
 * as a spreadsheet formula. A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed
 * with an apostrophe, as OWASP's guidance on CSV injection advises: a provider name, a withhold rationale or an edit
 * typed by a user may begin `=HYPERLINK(...)`. Papa Parse does the escaping (`escapeFormulae`); our pattern leaves a
 * plain signed number such as "-3.5" alone, because negative changes and gaps are common here and are not formulae.
 *
 * Evidence bundles written by `kingsway generate` do not go through here: they are data for `kingsway import`, and
 * an apostrophe would change the values that are read back.
 */
export const FORMULA_START = /^(?![-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?$)[=+\-@\t\r]/;

export interface CsvOptions {
  /** The columns in order; by default the keys of the rows, in the order first seen. */
  readonly columns?: readonly string[];
}

export function toCsv(rows: readonly object[], options: CsvOptions = {}): string {
  const columns = options.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return Papa.unparse(rows as object[], { newline: '\n', columns: [...columns], escapeFormulae: FORMULA_START });
}
