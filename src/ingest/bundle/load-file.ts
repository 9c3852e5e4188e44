import { join } from 'node:path';
import type { Rejection } from '../../domain/errors.ts';
import type { SourceFile } from '../../store/repository.ts';
import { resolveColumns } from '../columns.ts';
import type { AliasTable, ColumnSpec } from '../columns.ts';
import type { CsvTable } from '../csv.ts';
import { loadCsv } from '../source.ts';
import type { Manifest } from './manifest.ts';
import { BUNDLE_COLUMNS } from './spec.ts';
import type { BundleFileKind } from './spec.ts';

export interface LoadedTable {
  readonly table: CsvTable;
  readonly index: Record<string, number>;
  readonly file: SourceFile;
}

/**
 * Loads one file of a bundle: decoded, parsed, its row count checked against the manifest and its columns resolved
 * (the manifest's and the user's aliases added to the built-in ones). Used on the main thread and by the worker.
 */
export function loadBundleFile(input: { readonly dir: string; readonly aliases?: Partial<Record<BundleFileKind, AliasTable>> }, manifest: Manifest, entry: Manifest['files'][number], display: string): { ok: true; loaded: LoadedTable } | { ok: false; rejections: Rejection[] } {
  const shown = `${display}/${entry.path}`;
  const loaded = loadCsv(join(input.dir, entry.path), shown, manifest.encoding);
  if (!loaded.ok) return { ok: false, rejections: [...loaded.rejections] };
  const { table, file } = loaded.value;
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
        rejections.push({ file: `${display}/manifest.json`, line: null, column: `aliases.${entry.kind}`, value: column, reason: `not a column of ${entry.kind}: ${Object.keys(BUNDLE_COLUMNS[entry.kind]).join(', ')}` });
      }
      aliases[column] = [...(aliases[column] ?? []), ...names];
    }
  }
  const specs: Readonly<Record<string, ColumnSpec>> = BUNDLE_COLUMNS[entry.kind];
  const cols = resolveColumns(table, specs, aliases, { rejectUnknown: true });
  if (!cols.ok) rejections.push(...cols.rejections);
  if (rejections.length > 0 || !cols.ok) return { ok: false, rejections };
  return { ok: true, loaded: { table, index: cols.columns.index, file } };
}
