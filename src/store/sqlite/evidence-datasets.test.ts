import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { webFixtureStore } from '../../../test/support/web.ts';
import type { Store } from '../repository.ts';

/** The store says which dataset each piece of evidence came from, grouped, and reads only the tables asked for. */
describe('evidenceDatasets', () => {
  let store: Store;
  before(async () => {
    store = await webFixtureStore();
  });
  after(() => store.close());

  it('groups each table the run reads by area, part and dataset', async () => {
    const rows = await store.evidenceDatasets({ providerTypes: ['special-school', 'primary-school'], laInspectionKinds: ['ucra'], indicators: ['NI 75'], addresseeYear: 2011 });
    const keys = rows.map((r) => `${r.table} ${r.area.kind}:${r.area.code} ${r.part} ${r.dataset}`);
    assert.equal(new Set(keys).size, keys.length, 'one row per group');
    assert.ok(keys.includes('providers la:356 special-school fixture-stockport-2011'));
    assert.ok(keys.includes('provider_inspections la:356 special-school fixture-stockport-2011'));
    assert.ok(keys.includes('la_inspections la:356 ucra fixture-stockport-2011'));
    assert.ok(keys.includes('indicator_values la:356 NI 75 fixture-stockport-2011'));
    assert.ok(keys.includes('addressees la:356 2011 fixture-stockport-2011'));
    assert.ok(rows.every((r) => r.table !== 'providers' || ['special-school', 'primary-school'].includes(r.part)));
    assert.ok(rows.every((r) => r.table !== 'indicator_values' || r.part === 'NI 75'));
  });

  it('reads no settings, inspections or indicators where the run reads none', async () => {
    const rows = await store.evidenceDatasets({ providerTypes: [], laInspectionKinds: [], indicators: [], addresseeYear: 1999 });
    assert.deepEqual(rows, []);
  });
});
