import type { Rejection } from '../../domain/errors.ts';
import type { SourceFile } from '../../store/repository.ts';
import { resolveColumns } from '../columns.ts';
import type { AliasTable, ColumnSpec } from '../columns.ts';
import { parseCsv } from '../csv.ts';
import type { CsvTable } from '../csv.ts';
import { loadBundleText } from './files.ts';
import { MAX_FILE_BYTES, MAX_ROWS, checkCells } from './limits.ts';
import type { Manifest } from './manifest.ts';
import { BUNDLE_COLUMNS } from './spec.ts';
import type { BundleFileKind } from './spec.ts';

export interface LoadedTable {
  readonly table: CsvTable;
  readonly index: Record<string, number>;
  readonly file: SourceFile;
}

/** Separators a CSV saved the wrong way uses instead of commas (Excel in some locales, a TSV export, a pipe dump). */
const OTHER_SEPARATORS: ReadonlyArray<readonly [string, string]> = [
  ['\t', 'tabs'],
  [';', 'semicolons'],
  ['|', 'pipes'],
];

/**
 * Loads one file of a bundle: read from inside the bundle folder only (files.ts), decoded, parsed, its row count
 * checked against the manifest, its columns resolved (the manifest's and the user's aliases added to the built-in
 * ones) and every cell held to the bundle limits (limits.ts). A file refused here is refused whole: its rows are not
 * read, so one fault gives one message rather than one per row.
 */
export function loadBundleFile(input: { readonly dir: string; readonly aliases?: Partial<Record<BundleFileKind, AliasTable>> }, manifest: Manifest, entry: Manifest['files'][number], display: string): { ok: true; loaded: LoadedTable } | { ok: false; rejections: Rejection[] } {
  const shown = `${display}/${entry.path}`;
  const manifestFile = `${display}/manifest.json`;
  const field = `files.${manifest.files.indexOf(entry)}.path`;
  const loaded = loadBundleText(input.dir, entry.path, { display: shown, manifest: { file: manifestFile, field } }, manifest.encoding, MAX_FILE_BYTES);
  if (!loaded.ok) return { ok: false, rejections: [...loaded.rejections] };
  const { text } = loaded.value;
  // A file saved with another separator is one column per line to a CSV reader: said once, not once per row.
  const newline = text.indexOf('\n');
  const firstLine = newline === -1 ? text : text.slice(0, newline);
  const separator = firstLine.includes(',') ? undefined : OTHER_SEPARATORS.find(([s]) => firstLine.includes(s));
  if (separator) {
    return {
      ok: false,
      rejections: [{ file: shown, line: 1, column: null, value: firstLine.trim(), reason: `the header row has no commas but ${separator[1]}: a bundle file is comma-separated (CSV); save it with commas between the columns` }],
    };
  }
  const parsed = parseCsv(shown, text);
  if (!parsed.ok) return { ok: false, rejections: [...parsed.rejections] };
  const table = parsed.table;
  const file: SourceFile = { ...loaded.value.file, rows: table.rows.length };
  if (table.rows.length > MAX_ROWS) {
    return { ok: false, rejections: [{ file: shown, line: null, column: null, value: `${table.rows.length.toLocaleString('en-GB')} rows`, reason: `a bundle file may have at most ${MAX_ROWS.toLocaleString('en-GB')} data rows` }] };
  }
  if (entry.rows !== undefined && entry.rows !== table.rows.length) {
    return {
      ok: false,
      rejections: [{ file: shown, line: null, column: null, value: `${table.rows.length} rows`, reason: `the manifest says ${entry.rows} data rows${table.rows.length < entry.rows ? ': the file looks truncated' : ''}` }],
    };
  }
  const rejections: Rejection[] = [];
  const aliases: Record<string, string[]> = {};
  for (const source of [manifest.aliases[entry.kind], input.aliases?.[entry.kind]]) {
    for (const [column, names] of Object.entries(source ?? {})) {
      if (!(column in BUNDLE_COLUMNS[entry.kind])) {
        rejections.push({ file: manifestFile, line: null, column: `aliases.${entry.kind}`, value: column, reason: `not a column of ${entry.kind}: ${Object.keys(BUNDLE_COLUMNS[entry.kind]).join(', ')}` });
      }
      aliases[column] = [...(aliases[column] ?? []), ...names];
    }
  }
  const specs: Readonly<Record<string, ColumnSpec>> = BUNDLE_COLUMNS[entry.kind];
  const cols = resolveColumns(table, specs, aliases, { rejectUnknown: true });
  if (!cols.ok) rejections.push(...cols.rejections);
  if (rejections.length > 0 || !cols.ok) return { ok: false, rejections };
  const cells = checkCells(entry.kind, table, text, cols.columns.index);
  if (cells.length > 0) return { ok: false, rejections: cells };
  return { ok: true, loaded: { table, index: cols.columns.index, file } };
}
