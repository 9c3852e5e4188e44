import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { defaultDataDir } from '../src/ingest/data-dir.ts';
import { fitFromStore } from '../src/application/calibrate.ts';
import { CALIBRATION } from '../src/frameworks/indicators/calibration.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { tempDir } from './support/store.ts';

/**
 * The calibrated method's stored numbers are what `kingsway calibrate` fits on the published data the project carries:
 * refitting gives the same weights, cut-offs and training set to six decimal places. A change to the evidence, the
 * features or the fitter that moves them fails here until the numbers are refitted (`kingsway calibrate --write`) and
 * the figures in docs/today.md and the README are run again.
 */
test('refitting the calibrated method on the published data gives the stored numbers', async () => {
  const tmp = tempDir('kingsway-refit-');
  const store = await SqliteStore.open(join(tmp.dir, 'kingsway.db'));
  try {
    const data = defaultDataDir(process.env);
    assert.ok(data, 'no published data folder');
    for (const source of PUBLISHED_SOURCES) {
      if (source.name === 'hexmap') continue;
      const read = source.read(data, { las: await store.localAuthorities() });
      assert.ok(read.ok, `${source.name} rejected`);
      await store.replaceDataset(read.batch);
    }
    const { fit } = await fitFromStore(store, CALIBRATION.fittedOn);
    assert.deepEqual(fit.calibration, CALIBRATION);
  } finally {
    await store.close();
    tmp.cleanup();
  }
});
