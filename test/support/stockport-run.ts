import assert from 'node:assert/strict';
import type { ProviderInspection } from '../../src/domain/provider.ts';
import { frameworkFor } from '../../src/frameworks/index.ts';
import { readBundle } from '../../src/ingest/bundle/read.ts';
import { indexIndicators } from '../../src/profile/block-c.ts';
import { indexEvidence } from '../../src/profile/evidence.ts';
import { profileRun } from '../../src/profile/profile.ts';
import type { ProfileRun } from '../../src/profile/profile.ts';
import type { ImportBatch } from '../../src/store/repository.ts';
import { seedFixture } from './cli.ts';
import { FIXTURE_LAS } from './las.ts';

/** The Stockport 2011 seed fixture, read (not through a store): for the unit tests of the profile and the judgement. */
export function stockport2011(): ImportBatch {
  const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context: { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  return read.batch;
}

/** A profiling run of the fixture LAs over a batch, for a framework year (2011 unless given). */
export function runOver(batch: ImportBatch, options: { year?: number; inspections?: readonly ProviderInspection[] } = {}): ProfileRun {
  return profileRun(
    frameworkFor(options.year ?? 2011),
    indexEvidence({ las: FIXTURE_LAS, neighbours: new Map(), providers: batch.providers ?? [], inspections: options.inspections ?? batch.providerInspections ?? [], outcomeCounts: batch.outcomeCounts ?? [] }),
    indexIndicators(batch.indicators ?? [], batch.indicatorValues ?? []),
    batch.laInspections ?? [],
    null,
  );
}
