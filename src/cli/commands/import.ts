import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { formatRejection, ImportRejectedError, UsageError } from '../../domain/errors.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { LocalAuthority } from '../../domain/local-authority.ts';
import { readBundle } from '../../ingest/bundle/read.ts';
import { BUNDLE_FILE_KINDS } from '../../ingest/bundle/spec.ts';
import type { BundleFileKind } from '../../ingest/bundle/spec.ts';
import type { AliasTable } from '../../ingest/columns.ts';
import { PUBLISHED_SOURCES } from '../../ingest/shared-data.ts';
import { readChecksums, verifyChecksums } from '../../ingest/checksums.ts';
import type { SourceRead } from '../../ingest/source.ts';
import type { ImportOutcome, Store } from '../../store/repository.ts';
import type { Io } from '../io.ts';

export interface ImportOptions {
  /** The folder of published data (shared/data layout); `undefined` to import bundles only. */
  readonly dataDir: string | undefined;
  readonly bundles: readonly string[];
  /** Names of published sources to import (default all). */
  readonly only?: readonly string[];
  readonly dryRun: boolean;
  readonly aliasesFile?: string;
  /** Today's date (ISO), from the shell's clock: no evidence may be dated after it (docs/evidence-bundle.md, Limits). */
  readonly today: string;
}

export interface SourceResult {
  readonly source: string;
  readonly status: 'written' | 'unchanged' | 'valid' | 'rejected';
  readonly counts: Readonly<Record<string, number>>;
  readonly rejections: readonly Rejection[];
  readonly notes: readonly string[];
}

const AliasFile = z.partialRecord(z.enum(BUNDLE_FILE_KINDS), z.record(z.string(), z.array(z.string())));

function loadAliases(path: string | undefined): Partial<Record<BundleFileKind, AliasTable>> {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--aliases ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
  const parsed = AliasFile.safeParse(json);
  if (!parsed.success) throw new UsageError(`--aliases ${JSON.stringify(path)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const countBatch = (read: Extract<SourceRead, { ok: true }>): Record<string, number> => {
  const b = read.batch;
  const counts: Record<string, number> = {};
  const add = (name: string, rows: readonly unknown[] | undefined) => {
    if (rows && rows.length > 0) counts[name] = rows.length;
  };
  add('local_authority', b.localAuthorities);
  add('neighbour', b.neighbourSets?.flatMap((s) => s.neighbours));
  add('provider', b.providers);
  add('provider_inspection', b.providerInspections);
  add('la_inspection', b.laInspections);
  add('indicator', b.indicators);
  add('indicator_value', b.indicatorValues);
  add('outcome_count', b.outcomeCounts);
  add('addressee', b.addressees);
  add('hex', b.hexes);
  return counts;
};

/**
 * Imports published sources then bundles, each all-or-nothing in its own transaction. A rejected source is reported
 * with every rejected value and the others still run: one bad file does not stop the rest, and never corrupts them.
 */
export async function runImport(store: Store, options: ImportOptions, io: Io): Promise<SourceResult[]> {
  const aliases = loadAliases(options.aliasesFile);
  const unknownOnly = (options.only ?? []).filter((name) => !PUBLISHED_SOURCES.some((s) => s.name === name));
  if (unknownOnly.length > 0) throw new UsageError(`--only ${unknownOnly.join(',')}: unknown source; choose from ${PUBLISHED_SOURCES.map((s) => s.name).join(', ')}`);
  const results: SourceResult[] = [];
  // In a dry run nothing is written, so later sources are checked against the LA list just read, not the store's.
  let dryRunLas: readonly LocalAuthority[] | undefined;

  const apply = async (source: string, read: SourceRead): Promise<void> => {
    io.endProgress();
    if (!read.ok) {
      results.push({ source, status: 'rejected', counts: {}, rejections: read.rejections, notes: [] });
      return;
    }
    const counts = countBatch(read);
    if (options.dryRun) {
      results.push({ source, status: 'valid', counts, rejections: [], notes: read.notes });
      return;
    }
    let outcome: ImportOutcome;
    try {
      outcome = await store.replaceDataset(read.batch);
    } catch (error) {
      if (!(error instanceof ImportRejectedError)) throw error;
      results.push({ source, status: 'rejected', counts: {}, rejections: error.rejections, notes: [] });
      return;
    }
    results.push({ source, status: outcome.status, counts, rejections: [], notes: read.notes });
  };

  if (options.dataDir !== undefined) {
    const chosen = PUBLISHED_SOURCES.filter((s) => !options.only || options.only.length === 0 || options.only.includes(s.name));
    // A folder that declares its files' checksums (the copy Kingsway carries does) has each source's files checked
    // before they are read: a file that is not the one published is refused, like any other bad input.
    const declared = readChecksums(options.dataDir);
    for (const source of chosen) {
      io.err(`importing ${source.name}: ${source.description}`);
      if (declared.checksums !== null || declared.rejections.length > 0) {
        const bad = [...declared.rejections, ...(declared.checksums ? verifyChecksums(options.dataDir, source.files, declared.checksums) : [])];
        if (bad.length > 0) {
          await apply(source.name, { ok: false, rejections: bad });
          continue;
        }
      }
      const las = dryRunLas ?? (await store.localAuthorities());
      const read = source.read(options.dataDir, { las, onProgress: io.progress });
      if (source.name === 'la-codes' && read.ok && options.dryRun) dryRunLas = [...(read.batch.localAuthorities ?? [])];
      await apply(source.name, read);
    }
  }
  for (const dir of options.bundles) {
    io.err(`importing bundle ${dir}`);
    const las = dryRunLas ?? (await store.localAuthorities());
    const storedIndicators = new Set((await store.indicators()).map((i) => i.id));
    const read = readBundle({ dir, today: options.today, context: { las: new Map(las.map((la) => [la.code, la])), storedIndicators }, aliases, onProgress: io.progress });
    await apply(`bundle ${dir}`, read);
  }
  return results;
}

/** The end-of-run summary: a line per source with what it wrote, then every rejection, then notes. */
export function reportImport(results: readonly SourceResult[], io: Io, dryRun: boolean): void {
  for (const r of results) {
    const counts = Object.entries(r.counts).map(([table, n]) => `${n.toLocaleString('en-GB')} ${table.replaceAll('_', ' ')}`).join(', ') || 'the dataset record alone';
    const status =
      r.status === 'rejected'
        ? `REJECTED (${r.rejections.length} problem${r.rejections.length === 1 ? '' : 's'}; nothing written)`
        : r.status === 'unchanged'
          ? 'unchanged (identical to what is stored)'
          : r.status === 'valid'
            ? `valid: would write ${counts}`
            : `written: ${counts}`;
    io.out(`${r.source}: ${status}`);
    for (const note of r.notes) io.out(`  note: ${note}`);
    const shown = r.rejections.slice(0, 50);
    for (const rejection of shown) io.out(`  ${formatRejection(rejection)}`);
    if (r.rejections.length > shown.length) io.out(`  … and ${r.rejections.length - shown.length} more rejected values`);
  }
  const count = (status: SourceResult['status']) => results.filter((r) => r.status === status).length;
  const parts = dryRun
    ? [`${count('valid')} valid`, `${count('rejected')} rejected (dry run: nothing written)`]
    : [`${count('written')} written`, `${count('unchanged')} unchanged`, `${count('rejected')} rejected`];
  io.out(`${results.length} source${results.length === 1 ? '' : 's'}: ${parts.join(', ')}`);
}
