import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultDataDir } from '../src/ingest/data-dir.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { assessmentYearDate, existsOn } from '../src/domain/local-authority.ts';
import { frameworkFor } from '../src/frameworks/index.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { writeBundle } from '../src/ingest/bundle/write.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { buildProfile } from '../src/profile/profile.ts';
import { loadProfileRun, loadProvenance } from '../src/application/load-evidence.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { FIRST_SYNTHETIC_URN } from '../src/synth/providers.ts';
import { generateNationalBundle } from '../src/synth/generate.ts';
import { tempDir } from './support/store.ts';

/**
 * Ofsted's real providers (2015-2025) and the synthetic national dataset of 2011 in one store, as the main job has them:
 * neither is read as the other's. The 2011 Block A of the synthetic bundle is what it was before the real providers came
 * in, and today's Block A is what it was before the synthetic settings came in; so are the datasets each names.
 */
const STOCKPORT = '356' as LaCode;
const SOME = ['356', '358', '357', '350', '352', '861', '330'];

describe('real providers and the synthetic 2011 dataset in one store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  const blockAOf = async (year: number) => {
    const run = await loadProfileRun(store, frameworkFor(year));
    const provenance = await loadProvenance(store, run);
    return { rows: buildProfile(run, STOCKPORT).blockA, datasets: provenance.get(STOCKPORT)!.parts.blockA.datasets.map((d) => d.id) };
  };
  let synthetic2011Alone: Awaited<ReturnType<typeof blockAOf>>;
  let real2025Alone: Awaited<ReturnType<typeof blockAOf>>;

  before(async () => {
    tmp = tempDir('kingsway-block-a-today-');
    store = await SqliteStore.open(join(tmp.dir, 'kingsway.db'));
    const data = defaultDataDir(process.env);
    assert.ok(data, 'no published data folder');
    for (const name of ['la-codes', 'neighbours-2021', 'neighbours-2025']) {
      const read = PUBLISHED_SOURCES.find((s) => s.name === name)!.read(data, { las: await store.localAuthorities() });
      assert.ok(read.ok, `${name} rejected`);
      await store.replaceDataset(read.batch);
    }
    // A synthetic 2011 bundle for a few LAs (the whole nation's takes longer and shows nothing more).
    const las = (await store.localAuthorities()).filter((la) => SOME.includes(la.code) && existsOn(la, assessmentYearDate(2011)));
    const neighbours = new Map(las.map((la) => [la.code, las.filter((n) => n.code !== la.code).map((n) => n.code)]));
    const generated = generateNationalBundle({ year: 2011, seed: 1, las, neighbours });
    const dir = join(tmp.dir, 'synthetic-2011');
    writeBundle(dir, generated.dataset, generated.rows);
    const bundle = readBundle({ dir, context: { las: new Map((await store.localAuthorities()).map((la) => [la.code as string, la])), storedIndicators: new Set((await store.indicators()).map((i) => i.id)) } });
    assert.ok(bundle.ok, bundle.ok ? '' : JSON.stringify(bundle.rejections.slice(0, 3)));
    await store.replaceDataset(bundle.batch);
    synthetic2011Alone = await blockAOf(2011);
    // Today's Block A with only the real providers: in a second store, so that the synthetic rows are not in it.
    const realOnly = await SqliteStore.open(join(tmp.dir, 'real.db'));
    for (const name of ['la-codes', 'neighbours-2021', 'neighbours-2025', 'ofsted-providers']) {
      const read = PUBLISHED_SOURCES.find((s) => s.name === name)!.read(data, { las: await realOnly.localAuthorities() });
      assert.ok(read.ok, `${name} rejected`);
      await realOnly.replaceDataset(read.batch);
    }
    const run = await loadProfileRun(realOnly, frameworkFor(2025));
    real2025Alone = { rows: buildProfile(run, STOCKPORT).blockA, datasets: (await loadProvenance(realOnly, run)).get(STOCKPORT)!.parts.blockA.datasets.map((d) => d.id) };
    await realOnly.close();
    const providers = PUBLISHED_SOURCES.find((s) => s.name === 'ofsted-providers')!.read(data, { las: await store.localAuthorities() });
    assert.ok(providers.ok);
    await store.replaceDataset(providers.batch);
  });
  after(async () => {
    await store.close();
    tmp.cleanup();
  });

  it("leaves the synthetic 2011 Block A as it was, and names only the synthetic dataset behind it", async () => {
    const now = await blockAOf(2011);
    assert.ok(synthetic2011Alone.rows.some((r) => r.la.tally.inspected > 0));
    assert.deepEqual(now.rows, synthetic2011Alone.rows);
    assert.deepEqual(now.datasets, ['synthetic-2011-seed1']);
  });

  it("leaves today's Block A as the real providers alone give it, and names only them", async () => {
    const now = await blockAOf(2025);
    assert.ok(now.rows.some((r) => r.la.tally.inspected > 0));
    assert.deepEqual(now.rows, real2025Alone.rows);
    assert.deepEqual(now.datasets, ['ofsted-csc-providers']);
    assert.ok(now.rows.every((r) => r.settings.every((s) => !/^\d+$/.test(s.urn) || Number(s.urn) < FIRST_SYNTHETIC_URN)));
  });
});
