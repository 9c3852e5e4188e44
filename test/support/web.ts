import assert from 'node:assert/strict';
import { readBundle } from '../../src/ingest/bundle/read.ts';
import type { Store } from '../../src/store/repository.ts';
import { seedFixture } from './cli.ts';
import { FIXTURE_HEX_BATCH, FIXTURE_LA_BATCH, FIXTURE_LAS } from './las.ts';
import { scratchStore } from './store.ts';
import { publishYear } from './process.ts';

/**
 * The web tests' store, a scratch one (SQLite in memory, or a PostgreSQL schema: support/store.ts): the fixture LAs
 * and their hexes, and the Stockport 2011 seed fixture, its 2011 assessment published (as `kingsway demo` publishes
 * 2011: support/process.ts) so that the public sees it, unless `published: false` (the embargo's own tests).
 */
export async function webFixtureStore(options: { readonly published?: boolean } = {}): Promise<Store> {
  const store = await scratchStore();
  await store.replaceDataset(FIXTURE_LA_BATCH);
  await store.replaceDataset(FIXTURE_HEX_BATCH);
  const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  await store.replaceDataset(read.batch);
  if (options.published !== false) await publishYear(store, 2011);
  return store;
}
