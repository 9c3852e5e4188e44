import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Rejection } from '../domain/errors.ts';
import type { ImportBatch, SourceFile } from '../store/repository.ts';
import { parseCsv } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { decodeFile } from './decode.ts';
import type { TextEncoding } from './decode.ts';

/**
 * What reading one source gives: a batch ready to write, or every rejection found. A reader never writes; the
 * caller writes an accepted batch in one transaction, so a rejected source leaves the store as it was.
 */
export type SourceRead =
  | { readonly ok: true; readonly batch: ImportBatch; readonly notes: readonly string[] }
  | { readonly ok: false; readonly rejections: readonly Rejection[] };

/** Reports progress through long reads: `done` of `total` units (rows), with a label. */
export type ProgressFn = (label: string, done: number, total: number) => void;

export interface LoadedFile {
  readonly file: SourceFile;
  readonly text: string;
}

export type Loaded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejections: readonly Rejection[] };

/** Reads a file's bytes, hashes them and decodes them, refusing unreadable files with a positioned rejection. */
export function loadText(path: string, display: string, encoding: TextEncoding = 'utf-8'): Loaded<LoadedFile> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      ok: false,
      rejections: [{ file: display, line: null, column: null, value: path, reason: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? (error as Error).message})` }],
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodeFile(display, bytes, encoding);
  if (!decoded.ok) return { ok: false, rejections: [decoded.rejection] };
  return { ok: true, value: { file: { path: display, sha256, rows: 0 }, text: decoded.text } };
}

/** Loads and parses a CSV file; the returned SourceFile counts its data rows. */
export function loadCsv(path: string, display: string, encoding: TextEncoding = 'utf-8'): Loaded<{ file: SourceFile; table: CsvTable }> {
  const loaded = loadText(path, display, encoding);
  if (!loaded.ok) return loaded;
  const parsed = parseCsv(display, loaded.value.text);
  if (!parsed.ok) return { ok: false, rejections: parsed.rejections };
  return { ok: true, value: { file: { ...loaded.value.file, rows: parsed.table.rows.length }, table: parsed.table } };
}
