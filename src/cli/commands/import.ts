import { readFileSync } from 'node:fs';
import { formatRejection, InvalidFieldError, UsageError } from '../../domain/errors.ts';
import { importData, parseAliases } from '../../application/import-data.ts';
import type { ColumnAliases, DatasetResult, ImportProgress, ImportRequest } from '../../application/import-data.ts';
import type { Store } from '../../store/repository.ts';
import type { Io } from '../io.ts';

/** The use case's request (application/import-data.ts), with the aliases as the file `--aliases` names. */
export type ImportOptions = Omit<ImportRequest, 'aliases'> & { readonly aliasesFile?: string };

/** One dataset's outcome (src/application/import-data.ts): the name the command line has always used for it. */
export type SourceResult = DatasetResult;

/** `--aliases FILE`: read and parsed here (the file is the command line's), checked by the use case. */
function loadAliases(path: string | undefined): ColumnAliases {
  if (!path) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`--aliases ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
  try {
    return parseAliases(json);
  } catch (error) {
    if (error instanceof InvalidFieldError) throw new UsageError(`--aliases ${JSON.stringify(path)}: ${error.problem}`);
    throw error;
  }
}

/**
 * `kingsway import` (and the imports of `generate --import` and `demo`): the use case in src/application/import-data.ts,
 * with a line on stderr as each dataset begins and the reader's progress; its request errors named by their flags.
 */
export async function runImport(store: Store, options: ImportOptions, io: Io): Promise<SourceResult[]> {
  const aliases = loadAliases(options.aliasesFile);
  const progress: ImportProgress = {
    begin: (source, description) => io.err(`importing ${source}${description === null ? '' : `: ${description}`}`),
    progress: io.progress,
    endProgress: io.endProgress,
  };
  try {
    return await importData(store, { dataDir: options.dataDir, bundles: options.bundles, dryRun: options.dryRun, today: options.today, aliases, ...(options.only ? { only: options.only } : {}) }, progress);
  } catch (error) {
    if (error instanceof InvalidFieldError) throw new UsageError(`--${error.field} ${error.problem}`);
    throw error;
  }
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
