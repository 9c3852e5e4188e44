import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImportRejectedError, InvalidFieldError, UsageError } from '../domain/errors.ts';
import type { ImportBatch, Store } from '../store/repository.ts';
import { FIXTURE_LA_BATCH } from '../../test/support/las.ts';
import { copyBundle, openStore, readEverything, tempDir } from '../../test/support/store.ts';
import { importData, parseAliases } from './import-data.ts';
import type { ImportProgress } from './import-data.ts';

const TODAY = '2026-06-01';

/** Everything a query could see, the datasets included: equal snapshots, nothing written. */
const snapshot = async (store: Store) => ({ datasets: await store.datasets(), everything: await readEverything(store) });

/** A progress callback that keeps what it is told, so a test sees each dataset begin (and nothing is printed). */
function recording(): ImportProgress & { readonly begun: [string, string | null][] } {
  const begun: [string, string | null][] = [];
  return { begun, begin: (source, description) => begun.push([source, description]), progress: () => {}, endProgress: () => {} };
}

/** The store, with `replaceDataset` answered by `fault` for the calls it returns an error for. */
function faulty(store: Store, fault: (call: number) => Error | null): Store {
  let calls = 0;
  return new Proxy(store, {
    get: (target, name) => {
      if (name === 'replaceDataset')
        return async (batch: ImportBatch) => {
          const error = fault(calls++);
          if (error) throw error;
          return target.replaceDataset(batch);
        };
      // Its other methods are bound to the store itself: they read its private fields, which a proxy does not have.
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('importing data (application/import-data.ts)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  let good: string;
  let bad: string;
  before(async () => {
    tmp = tempDir();
    store = await openStore(tmp.dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    good = copyBundle('minimal', join(tmp.dir, 'good'));
    bad = copyBundle('minimal', join(tmp.dir, 'bad'));
    const path = join(bad, 'provider-inspections.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('2008-03-12', '2008-02-30'));
  });
  after(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('gives one result per dataset, in order, a rejected one not stopping those after it', async () => {
    // An empty data folder: each published source chosen is refused (its files are missing), then the bundles run.
    const empty = tempDir();
    try {
      const progress = recording();
      const results = await importData(store, { dataDir: empty.dir, only: ['hexmap'], bundles: [bad, good], dryRun: false, today: TODAY }, progress);
      assert.deepEqual(
        results.map((r) => [r.source, r.status]),
        [['hexmap', 'rejected'], [`bundle ${bad}`, 'rejected'], [`bundle ${good}`, 'written']],
      );
      assert.match(results[0]!.rejections[0]!.reason, /no such file/);
      assert.deepEqual(results[1]!.rejections.map((r) => [r.line, r.value]), [[2, '2008-02-30']]);
      assert.deepEqual(results[1]!.counts, {});
      assert.deepEqual(results[2]!.counts, { provider: 4, provider_inspection: 5, la_inspection: 2, indicator: 1, indicator_value: 4, outcome_count: 2, addressee: 1 });
      assert.deepEqual(progress.begun.map(([source, description]) => [source, description === null]), [['hexmap', false], [`bundle ${bad}`, true], [`bundle ${good}`, true]]);
    } finally {
      empty.cleanup();
    }
  });

  it('says unchanged for a dataset identical to what is stored, and a dry run writes nothing', async () => {
    const [again] = await importData(store, { dataDir: undefined, bundles: [good], dryRun: false, today: TODAY });
    assert.equal(again!.status, 'unchanged');
    const before = await snapshot(store);
    const other = copyBundle('minimal', join(tmp.dir, 'dry'));
    const manifest = join(other, 'manifest.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"fixture-minimal"', '"fixture-dry-run"'));
    const [dry] = await importData(store, { dataDir: undefined, bundles: [other], dryRun: true, today: TODAY });
    assert.equal(dry!.status, 'valid');
    assert.ok(dry!.notes.some((n) => /SYNTHETIC/.test(n)), JSON.stringify(dry!.notes));
    assert.deepEqual(await snapshot(store), before);
  });

  it("reports the store's refusal of a batch against its dataset and goes on; any other fault of the store stops the run", async () => {
    const refusal = new ImportRejectedError('fixture-minimal', [{ file: 'manifest.json', line: null, column: null, value: 'fixture-minimal', reason: 'already stored by dataset "x"' }]);
    const refused = await importData(faulty(store, (n) => (n === 0 ? refusal : null)), { dataDir: undefined, bundles: [good, good], dryRun: false, today: TODAY });
    assert.deepEqual(refused.map((r) => r.status), ['rejected', 'unchanged']);
    assert.deepEqual(refused[0]!.rejections, refusal.rejections);
    await assert.rejects(importData(faulty(store, () => new Error('disk full')), { dataDir: undefined, bundles: [good, good], dryRun: false, today: TODAY }), /disk full/);
  });

  it('refuses a request naming an unknown source, by its field and not a flag, before reading or writing anything', async () => {
    const before = await snapshot(store);
    const progress = recording();
    await assert.rejects(importData(store, { dataDir: tmp.dir, only: ['lait', 'nonesuch'], bundles: [good], dryRun: false, today: TODAY }, progress), (error: unknown) => {
      assert.ok(error instanceof InvalidFieldError && error instanceof UsageError);
      assert.equal(error.field, 'only');
      assert.match(error.message, /^only nonesuch: unknown source; choose from la-codes, /);
      assert.doesNotMatch(error.message, /--/);
      return true;
    });
    assert.deepEqual(progress.begun, []);
    assert.deepEqual(await snapshot(store), before);
  });

  it('checks column aliases against the bundle file kinds', () => {
    assert.deepEqual(parseAliases({ providers: { urn: ['URN number'] } }), { providers: { urn: ['URN number'] } });
    assert.throws(() => parseAliases({ nonesuch: {} }), (error: unknown) => error instanceof InvalidFieldError && error.field === 'aliases');
    assert.throws(() => parseAliases({ providers: { urn: 'URN number' } }), (error: unknown) => error instanceof InvalidFieldError && error.field === 'aliases');
  });
});
