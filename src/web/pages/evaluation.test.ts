import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SiteData } from '../site-data.ts';
import { evaluationPage } from './evaluation.ts';

test("the evaluation page heads the inspectors' columns with Ofsted's words alone", async () => {
  const empty = { byCode: new Map(), input: { run: { laInspections: [] } } };
  const data = { year: async () => empty, scaleLabel: (_: number, g: number) => ['Performs poorly', 'Performs adequately', 'Performs well', 'Performs excellently'][g - 1]! } as unknown as SiteData;
  const page = await evaluationPage(data);
  assert.deepEqual(page.ilacs, ['Inadequate', 'Requires improvement to be good', 'Good', 'Outstanding']);
  assert.deepEqual(page.sets[0]!.matrix.map((r) => r.kingsway), ['4 Performs excellently', '3 Performs well', '2 Performs adequately', '1 Performs poorly']);
});
