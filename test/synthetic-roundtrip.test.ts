import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LaCode } from '../src/domain/local-authority.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { writeBundle } from '../src/ingest/bundle/write.ts';
import { generateNationalBundle } from '../src/synth/generate.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { openStore, tempDir } from './support/store.ts';

/** What `kingsway generate` writes, `kingsway import` reads back whole, and the store shows it as synthetic. */
describe('synthetic bundle round trip', () => {
  it('writes a bundle that imports without a single rejection', async () => {
    const tmp = tempDir();
    try {
      const generated = generateNationalBundle({ year: 2010, seed: 3, las: FIXTURE_LAS, neighbours: new Map<LaCode, LaCode[]>() });
      const dir = join(tmp.dir, generated.dataset.id);
      const manifest = writeBundle(dir, generated.dataset, generated.rows);
      assert.ok(manifest.files.every((f) => (f.rows ?? 0) > 0));
      const read = readBundle({ dir, context: { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set() } });
      assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections.slice(0, 5)));
      assert.equal(read.batch.providers?.length, generated.rows.providers?.length);
      assert.equal(read.batch.providerInspections?.length, generated.rows['provider-inspections']?.length);
      const store = await openStore(tmp.dir);
      await store.replaceDataset(FIXTURE_LA_BATCH);
      assert.equal((await store.replaceDataset(read.batch)).status, 'written');
      const datasets = await store.datasets();
      assert.deepEqual(datasets.find((d) => d.id === 'synthetic-2010-seed3')?.kind, 'synthetic');
      const summary = await store.laEvidenceSummary('356' as LaCode);
      assert.ok(summary.providerInspections > 100);
      assert.deepEqual(summary.datasets, ['synthetic-2010-seed3']);
      await store.close();
    } finally {
      tmp.cleanup();
    }
  });
});
