import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUNDLED_DATA_DIR } from '../../ingest/data-dir.ts';
import type { SiteData } from '../site-data.ts';
import { evaluationPage, siteEvaluation } from './evaluation.ts';

const stub = () => {
  const empty = { byCode: new Map(), input: { run: { laInspections: [] } } };
  return { version: 0, year: async () => empty, las: async () => [], scaleLabel: (_: number, g: number) => ['Performs poorly', 'Performs adequately', 'Performs well', 'Performs excellently'][g - 1]! } as unknown as SiteData;
};

test("the evaluation page heads the inspectors' columns with Ofsted's words alone", async () => {
  const page = await evaluationPage(stub(), null);
  assert.deepEqual(page.ilacs, ['Inadequate', 'Requires improvement to be good', 'Good', 'Outstanding']);
  assert.deepEqual(page.sets[0]!.matrix.rows.map((r) => r.kingsway), ['4 Performs excellently', '3 Performs well', '2 Performs adequately', '1 Performs poorly']);
});

test('the evaluation page has a row per predictor in each set, and the cross-check, or why it did not run', async () => {
  const data = stub();
  const page = await evaluationPage(data, BUNDLED_DATA_DIR);
  assert.deepEqual(page.sets.map((s) => s.id), ['reporting', 'tuning']);
  assert.deepEqual(page.sets[0]!.rows.map((r) => r.label), ['Kingsway (calibrated)', '2011 cut-offs, unfitted', 'Carry-forward', 'Always good']);
  assert.deepEqual(page.sets[0]!.otherMatrices.map((m) => m.label), ['2011 cut-offs, unfitted', 'Carry-forward']);
  // No ILACS inspections in the store: nothing to check, and the page says so; nor without a data folder.
  assert.deepEqual(page.crossCheck, { ok: false, reason: 'the store holds no ILACS inspections to check (import the ilacs source)' });
  assert.match(String((await evaluationPage(data, null)).crossCheck.reason), /no published data folder/);
  // The evaluation is computed once per data version, for the page and any LA page's summary alike.
  assert.equal(siteEvaluation(data), siteEvaluation(data));
});
