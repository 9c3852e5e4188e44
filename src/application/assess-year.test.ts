import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NotFoundError } from '../domain/errors.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import type { Store } from '../store/repository.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LA_BATCH } from '../../test/support/las.ts';
import { openStore, tempDir } from '../../test/support/store.ts';
import { assessmentRecord, assessYear, NothingToAssessError, yearReport } from './assess-year.ts';
import { importData } from './import-data.ts';

describe('assessing a year (application/assess-year.ts)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  before(async () => {
    tmp = tempDir();
    store = await openStore(tmp.dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    const [seed] = await importData(store, { dataDir: undefined, bundles: [seedFixture('stockport-2011-assessment')], dryRun: false, today: '2026-06-01' });
    assert.equal(seed!.status, 'written', JSON.stringify(seed!.rejections));
  });
  after(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('gives one result per LA of the year, one that cannot be assessed saying why beside those that are', async () => {
    const framework = frameworkFor(2011);
    const { results, report } = await assessYear(store, framework);
    // Bedfordshire closed in 2009: the LAs of 2011 only, in code order.
    assert.deepEqual(results.map((r) => [r.la.code, r.status]), [['356', 'assessed'], ['358', 'not-assessed'], ['822', 'not-assessed'], ['861', 'not-assessed']]);
    const trafford = results[1]!;
    assert.ok(trafford.status === 'not-assessed' && /no inspected settings and no compared indicators for Trafford \(358\)/.test(trafford.reason));
    assert.deepEqual(report.results.map((r) => r['la_code']), ['356', '358', '822', '861']);
    assert.equal(report.publishedSource, framework.published?.source);
    assert.deepEqual(report.distribution.find((d) => d.outcome === '3 Performs well'), { outcome: '3 Performs well', run: 1, runShare: 0.25, published: 71, publishedShare: 71 / framework.published!.las });
    assert.deepEqual(report.syntheticDatasets, ['fixture-stockport-2011']);
    // The report is the same made from results a caller holds already (the site's cached year).
    assert.deepEqual(yearReport(framework, results), report);
    assert.deepEqual(assessmentRecord(results[0]!).datasets, [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }]);
  });

  it('assesses only the LAs asked for, and then sets nothing beside the published whole', async () => {
    const { results, report } = await assessYear(store, frameworkFor(2011), { las: ['356' as LaCode] });
    assert.deepEqual(results.map((r) => r.la.code), ['356']);
    assert.equal(report.publishedSource, null);
    assert.ok(report.distribution.every((d) => d.published === null));
  });

  it('refuses a year with no LA stored, unless an empty year is allowed', async () => {
    const empty = tempDir();
    const nothing = await openStore(empty.dir);
    try {
      await assert.rejects(assessYear(nothing, frameworkFor(2011)), (error: unknown) => error instanceof NothingToAssessError && error instanceof NotFoundError && error.year === 2011 && !/kingsway|--/.test(error.message));
      const { results, report } = await assessYear(nothing, frameworkFor(2011), { allowEmpty: true });
      assert.deepEqual([results.length, report.results.length], [0, 0]);
    } finally {
      await nothing.close();
      empty.cleanup();
    }
  });
});
