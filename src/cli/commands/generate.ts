import { join } from 'node:path';
import { NotFoundError } from '../../domain/errors.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { writeBundle } from '../../ingest/bundle/write.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { generateNationalBundle } from '../../synth/generate.ts';
import type { Io } from '../io.ts';

export interface GenerateOptions {
  readonly year: number;
  readonly seed: number;
  readonly outDir?: string;
  /** Neighbour vintage used to make similar areas resemble each other (default: the earliest stored). */
  readonly vintage?: string;
}

/**
 * Writes the synthetic national evidence bundle for a year. The LAs and their neighbours come from the store, so the
 * dataset has the real LA structure; the 2007 neighbour sets of the period were not found, so the earliest stored
 * DfE vintage stands in (shared/docs/framework.md §6).
 */
export async function runGenerate(repo: EvidenceRepository, options: GenerateOptions, io: Io): Promise<string> {
  const las = await repo.localAuthorities();
  if (las.length === 0) throw new NotFoundError('no local authorities are stored: run `kingsway import` (the LA lists) before `kingsway generate`');
  const vintage = options.vintage ?? (await repo.neighbourVintages())[0];
  const neighbours = new Map<LaCode, LaCode[]>();
  if (vintage !== undefined) {
    for (const la of las) {
      const set = await repo.neighbours(la.code, vintage);
      if (set) neighbours.set(la.code, set.neighbours.map((n) => n.code));
    }
  }
  const started = performance.now();
  const generated = generateNationalBundle({ year: options.year, seed: options.seed, las, neighbours });
  const dir = options.outDir ?? join('out', generated.dataset.id);
  const manifest = writeBundle(dir, generated.dataset, generated.rows, `Synthetic national evidence for ${options.year}, seed ${options.seed}; neighbours from vintage ${vintage ?? 'none'}. NOT REAL DATA.`);
  io.out(`wrote SYNTHETIC bundle ${dir} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const f of manifest.files) io.out(`  ${f.path}: ${(f.rows ?? 0).toLocaleString('en-GB')} rows`);
  return dir;
}
