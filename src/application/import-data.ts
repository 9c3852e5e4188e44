import { z } from 'zod';
import { ImportRejectedError, InvalidFieldError } from '../domain/errors.ts';
import type { Rejection } from '../domain/errors.ts';
import type { LocalAuthority } from '../domain/local-authority.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { BUNDLE_FILE_KINDS } from '../ingest/bundle/spec.ts';
import type { BundleFileKind } from '../ingest/bundle/spec.ts';
import { readChecksums, verifyChecksums } from '../ingest/checksums.ts';
import type { AliasTable } from '../ingest/columns.ts';
import { PUBLISHED_SOURCES } from '../ingest/shared-data.ts';
import type { SourceRead } from '../ingest/source.ts';
import type { ImportOutcome, Store } from '../store/repository.ts';
import type { Progress } from './calibrate.ts';

/** Extra column names per bundle file kind, added to the manifest's and the built-in ones. */
export type ColumnAliases = Partial<Record<BundleFileKind, AliasTable>>;

/** What to import, as plain values: the command line reads them from its flags, a web form would from its fields. */
export interface ImportRequest {
  /** The folder of published data (shared/data layout); `undefined` to import bundles only. */
  readonly dataDir: string | undefined;
  readonly bundles: readonly string[];
  /** Names of published sources to import (default all). */
  readonly only?: readonly string[];
  readonly dryRun: boolean;
  readonly aliases?: ColumnAliases;
  /** Today's date (ISO), from the caller's clock: no evidence may be dated after it (docs/evidence-bundle.md, Limits). */
  readonly today: string;
}

/** The outcome for one dataset: a published source (`lait`) or a bundle (`bundle DIR`). */
export interface DatasetResult {
  readonly source: string;
  /** `valid`: a dry run found nothing wrong (and wrote nothing). */
  readonly status: 'written' | 'unchanged' | 'valid' | 'rejected';
  /** Rows per table that were (or in a dry run would be) written; empty when rejected. */
  readonly counts: Readonly<Record<string, number>>;
  readonly rejections: readonly Rejection[];
  readonly notes: readonly string[];
}

/** Progress through an import: each dataset as its reading begins, then the reader's own progress through its rows. */
export interface ImportProgress extends Progress {
  /** `description` is the published source's (`null` for a bundle). */
  begin(source: string, description: string | null): void;
}

/** A request value that is not acceptable, named by its field (`only`, `aliases`), not a front door's flag. */
export type ImportRequestError = InvalidFieldError<'only' | 'aliases'>;

const AliasFile = z.partialRecord(z.enum(BUNDLE_FILE_KINDS), z.record(z.string(), z.array(z.string())));

/** Column aliases from parsed JSON (an `--aliases` file's, or a form's), checked against the bundle's file kinds. */
export function parseAliases(json: unknown): ColumnAliases {
  const parsed = AliasFile.safeParse(json);
  if (!parsed.success) throw new InvalidFieldError<'only' | 'aliases'>('aliases', z.prettifyError(parsed.error));
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
 * The import use case (issue 14), for `kingsway import`, `generate --import`, `demo` and, later, the web: the published
 * sources then the bundles, each read, checked and written through the store's `replaceDataset` all-or-nothing in its
 * own transaction. One result per dataset, in order. A rejected dataset is reported with every rejected value and the
 * rest still run: one bad file neither stops the others nor corrupts them. What does stop the run is thrown: a request
 * that is not acceptable (before anything is read) and a store that fails other than by refusing a batch (nothing
 * after it could be written either).
 */
export async function importData(store: Store, request: ImportRequest, progress?: ImportProgress): Promise<DatasetResult[]> {
  const unknownOnly = (request.only ?? []).filter((name) => !PUBLISHED_SOURCES.some((s) => s.name === name));
  if (unknownOnly.length > 0) throw new InvalidFieldError<'only' | 'aliases'>('only', `${unknownOnly.join(',')}: unknown source; choose from ${PUBLISHED_SOURCES.map((s) => s.name).join(', ')}`);
  const onProgress = progress && ((label: string, done: number, total: number) => progress.progress(label, done, total));
  const results: DatasetResult[] = [];
  // In a dry run nothing is written, so later sources are checked against the LA list just read, not the store's.
  let dryRunLas: readonly LocalAuthority[] | undefined;

  const apply = async (source: string, read: SourceRead): Promise<void> => {
    progress?.endProgress();
    if (!read.ok) {
      results.push({ source, status: 'rejected', counts: {}, rejections: read.rejections, notes: [] });
      return;
    }
    const counts = countBatch(read);
    if (request.dryRun) {
      results.push({ source, status: 'valid', counts, rejections: [], notes: read.notes });
      return;
    }
    let outcome: ImportOutcome;
    try {
      outcome = await store.replaceDataset(read.batch);
    } catch (error) {
      // The store's own checks (rows another dataset holds, a real dataset replaced by synthetic) refuse the batch as a
      // reader does: reported, and the rest go on.
      if (!(error instanceof ImportRejectedError)) throw error;
      results.push({ source, status: 'rejected', counts: {}, rejections: error.rejections, notes: [] });
      return;
    }
    results.push({ source, status: outcome.status, counts, rejections: [], notes: read.notes });
  };

  if (request.dataDir !== undefined) {
    const dataDir = request.dataDir;
    const chosen = PUBLISHED_SOURCES.filter((s) => !request.only || request.only.length === 0 || request.only.includes(s.name));
    // A folder that declares its files' checksums (the copy Kingsway carries does) has each source's files checked
    // before they are read: a file that is not the one published is refused, like any other bad input.
    const declared = readChecksums(dataDir);
    for (const source of chosen) {
      progress?.begin(source.name, source.description);
      if (declared.checksums !== null || declared.rejections.length > 0) {
        const bad = [...declared.rejections, ...(declared.checksums ? verifyChecksums(dataDir, source.files, declared.checksums) : [])];
        if (bad.length > 0) {
          await apply(source.name, { ok: false, rejections: bad });
          continue;
        }
      }
      const las = dryRunLas ?? (await store.localAuthorities());
      const read = source.read(dataDir, { las, onProgress });
      if (source.name === 'la-codes' && read.ok && request.dryRun) dryRunLas = [...(read.batch.localAuthorities ?? [])];
      await apply(source.name, read);
    }
  }
  for (const dir of request.bundles) {
    const source = `bundle ${dir}`;
    progress?.begin(source, null);
    const las = dryRunLas ?? (await store.localAuthorities());
    const storedIndicators = new Set((await store.indicators()).map((i) => i.id));
    const read = readBundle({ dir, today: request.today, context: { las: new Map(las.map((la) => [la.code, la])), storedIndicators }, aliases: request.aliases ?? {}, onProgress });
    await apply(source, read);
  }
  return results;
}
