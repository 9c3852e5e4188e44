import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Dataset } from '../../domain/dataset.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './manifest.ts';
import type { Manifest } from './manifest.ts';
import { BUNDLE_COLUMNS, DEFAULT_FILE_NAME } from './spec.ts';
import type { BundleFileKind } from './spec.ts';

/** One CSV of a bundle to write: rows keyed by canonical column name (missing keys write as blank cells). */
export type BundleRows = Partial<Record<BundleFileKind, ReadonlyArray<Readonly<Record<string, string | number | null>>>>>;

/**
 * Writes an evidence bundle folder: one CSV per kind that has rows, with the canonical header in spec order, and a
 * manifest that records each file's row count. Deterministic: same input, same bytes.
 */
export function writeBundle(dir: string, dataset: Dataset, rows: BundleRows, description?: string): Manifest {
  mkdirSync(dir, { recursive: true });
  const files: Manifest['files'] = [];
  for (const kind of Object.keys(BUNDLE_COLUMNS) as BundleFileKind[]) {
    const data = rows[kind];
    if (!data || data.length === 0) continue;
    const columns = Object.keys(BUNDLE_COLUMNS[kind]);
    const unknown = new Set(data.flatMap((row) => Object.keys(row)).filter((k) => !columns.includes(k)));
    if (unknown.size > 0) throw new Error(`writeBundle: ${kind} rows have columns not in the bundle spec: ${[...unknown].join(', ')}`);
    const csv = Papa.unparse({ fields: columns, data: data.map((row) => columns.map((c) => row[c] ?? '')) }, { newline: '\n' });
    writeFileSync(join(dir, DEFAULT_FILE_NAME[kind]), `${csv}\n`);
    files.push({ kind, path: DEFAULT_FILE_NAME[kind], rows: data.length });
  }
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    dataset: { ...dataset },
    ...(description === undefined ? {} : { description }),
    encoding: 'utf-8',
    aliases: {},
    files,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
