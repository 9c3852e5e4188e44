import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Papa from 'papaparse';
import type { LaCode } from '../domain/local-authority.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import type { ImportBatch } from '../store/repository.ts';
import type { Store } from '../store/repository.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_HEX_BATCH, FIXTURE_LA_BATCH, FIXTURE_LAS } from '../../test/support/las.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { scratchStore } from '../../test/support/store.ts';
import { publishYear } from '../../test/support/process.ts';
import { staffGet } from '../../test/support/web-as.ts';
import type { Get } from '../../test/support/web-as.ts';
import { buildServer } from './server.ts';

/**
 * Issue 11: every grade, profile figure, LA inspection and letter built wholly or partly from synthetic data says so
 * beside it, on the pages, in the API and in the CSVs, from the one answer (src/judgement/provenance.ts). The fixture
 * store's Stockport 2011 evidence is a synthetic dataset; the other suites import the same evidence as real. Each
 * store's 2011 is published (test/support/process.ts), so that the public sees it (issue 15); what is not published
 * (a withheld outcome, the LAs not assessed) is read as Ofsted's staff (`staff`).
 */
const STOCKPORT = '356' as LaCode;

/** The app over a store, opened before a suite's tests and closed after them: GETs as the public, and as an analyst. */
function served(open: () => Promise<Store>): { readonly get: (url: string) => Promise<LightMyRequestResponse>; readonly staff: Get } {
  const held: { app?: FastifyInstance; store?: Store; staff?: Get } = {};
  before(async () => {
    held.store = await open();
    held.app = buildServer(held.store).app;
    held.staff = await staffGet(held.app, held.store);
  });
  after(async () => {
    await held.app?.close();
    await held.store?.close();
  });
  return { get: (url: string) => held.app!.inject({ method: 'GET', url }), staff: (url: string) => held.staff!(url) };
}

/** The Stockport 2011 seed fixture's evidence, as a dataset of the given kind. */
function stockportBatch(kind: 'real' | 'synthetic', id: string): ImportBatch {
  const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  return { ...read.batch, dataset: { ...read.batch.dataset, id, kind } };
}

/** A store of the fixture LAs and hexes and the batches given, its 2011 published (issue 15: so that the public sees it). */
async function storeWith(...batches: ImportBatch[]): Promise<Store> {
  const store = await scratchStore();
  for (const batch of [FIXTURE_LA_BATCH, FIXTURE_HEX_BATCH, ...batches]) await store.replaceDataset(batch);
  await publishYear(store, 2011);
  return store;
}

/** One synthetic primary school in Trafford, inspected: evidence that only reaches Stockport through England's figures. */
const SYNTHETIC_TRAFFORD: ImportBatch = {
  dataset: { id: 'synthetic-trafford', kind: 'synthetic', title: 'One synthetic school', source: 'src/web/synthetic-marking.test.ts', licence: 'none' },
  files: [{ path: 'src/web/synthetic-marking.test.ts', sha256: 'fixture', rows: 2 }],
  providers: [{ urn: '9900001', name: 'Synthetic Primary', type: 'primary-school', la: '358' as LaCode, ownership: 'maintained', openedOn: null, closedOn: null, predecessorUrn: null }],
  providerInspections: [{ urn: '9900001', date: '2010-06-01', kind: 'full', overall: 'good', sub: {} }],
};

/** The rows of the national page's table of every LA. */
const laRows = (html: string): string[] => {
  const table = html.slice(html.indexOf('data-module="kw-national-table"'));
  return [...table.slice(0, table.indexOf('</table>')).matchAll(/<tr class="govuk-table__row">\s*<th scope="row"[\s\S]*?<\/tr>/g)].map((m) => m[0]);
};
const caption = (html: string, text: string): string => html.match(new RegExp(`<caption[^>]*>[^<]*${text}[\\s\\S]*?</caption>`))?.[0] ?? '';

describe('synthetic data, marked wherever it is shown', () => {
  const app = served(webFixtureStore);

  it('synthetic data is marked beside every grade on the national page', async () => {
    const r = await app.get('/2011');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /class="govuk-warning-text" id="synthetic-data"/);
    assert.match(r.body, /Every 2011 grade here is built from synthetic data \(fixture-stockport-2011\)/);
    // The public's table lists the published outcomes only (issue 15): of the fixture's four 2011 LAs, Stockport's.
    const rows = laRows(r.body);
    assert.equal(rows.length, 1);
    assert.doesNotMatch(r.body, /href="\/2011\/la\/(358|861|822)"/);
    for (const row of rows) assert.match(row, /<strong class="govuk-tag govuk-tag--orange kw-synthetic" title="[^"]+">Synthetic data<\/strong>/, row);
    assert.match(rows.find((row) => row.includes('/2011/la/356'))!, /<span class="kw-grade">3 Performs well<\/span> <strong class="govuk-tag[^"]*kw-synthetic" title="Built from synthetic data \(fixture-stockport-2011\)/);
    // Ofsted's staff's lists all four, each marked.
    const staff = laRows((await app.staff('/2011')).body);
    assert.equal(staff.length, 4);
    for (const row of staff) assert.match(row, /<strong class="govuk-tag govuk-tag--orange kw-synthetic" title="[^"]+">Synthetic data<\/strong>/, row);
  });

  it("the distribution says which is Kingsway's synthetic run and which is Ofsted's published", async () => {
    const r = await app.get('/2011');
    assert.match(r.body, /<caption[^>]*>The 2011 distribution of grades: Kingsway, from synthetic data, and Ofsted, published 2011/);
    assert.match(r.body, />Kingsway, from synthetic data: share<\/th>/);
    assert.match(r.body, />Ofsted, published 2011: share<\/th>/);
    assert.match(r.body, /<ul class="kw-key govuk-body-s"><li>Kingsway, from synthetic data: solid blue bar, upper<\/li><li>Ofsted, published 2011: pale grey bar/);
  });

  it('the LA page tags the grade and captions each Block table as synthetic', async () => {
    const r = await app.get('/2011/la/356');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /2011 grade: Performs well \(3\) <strong class="govuk-tag govuk-tag--orange kw-synthetic" title="[^"]+">Synthetic data<\/strong><\/h2>/);
    for (const text of ['Latest overall effectiveness of each type of setting', 'The latest inspection of each kind', 'indicators at their latest period', 'Block C bands']) {
      assert.match(caption(r.body, text), /kw-synthetic[^>]*>Synthetic data<\/strong><\/caption>/, text);
    }
    const indicator = await app.get('/2011/la/356/indicator/NI%2075');
    assert.match(indicator.body, /<h1 class="govuk-heading-xl">[^<]+ <strong class="govuk-tag govuk-tag--orange kw-synthetic"/);
    assert.match(indicator.body, /fixture-stockport-2011 \(synthetic\)/);
  });

  it('the assessments API and CSV carry synthetic and the dataset ids', async () => {
    const api = (await app.get('/api/2011/assessments?q=stockport')).json() as { data: Record<string, unknown>[] };
    assert.equal(api.data[0]!['synthetic'], true);
    assert.equal(api.data[0]!['synthetic_basis'], 'own');
    assert.deepEqual(api.data[0]!['datasets'], [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }]);
    const one = (await app.get('/api/2011/las/356')).json() as Record<string, unknown>;
    assert.deepEqual([one['synthetic'], one['syntheticExtent'], one['syntheticBasis'], one['datasets']], [true, 'wholly', 'own', [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }]]);
    for (const url of ['/2011/assessments.csv?q=stockport', '/api/2011/assessments.csv?q=stockport']) {
      const [row] = Papa.parse<Record<string, string>>((await app.get(url)).body.trim(), { header: true }).data;
      assert.deepEqual([row?.['la_code'], row?.['synthetic'], row?.['synthetic_basis'], row?.['datasets']], ['356', 'true', 'own', 'fixture-stockport-2011 (synthetic)'], url);
    }
    for (const block of ['a', 'c']) {
      const rows = Papa.parse<Record<string, string>>((await app.get(`/2011/la/356/block-${block}.csv`)).body.trim(), { header: true }).data;
      assert.ok(rows.length > 0 && rows.every((r) => r['synthetic'] === 'true' && r['datasets'] === 'fixture-stockport-2011 (synthetic)'), `block ${block}`);
    }
  });

  it('the profile API says which datasets are behind it', async () => {
    const p = (await app.get('/api/2011/las/356/profile')).json() as Record<string, unknown> & { provenanceByBlock: Record<string, { synthetic: boolean }>; blockC: { synthetic: boolean; datasets: unknown[] }[] };
    assert.equal(p['synthetic'], true);
    assert.deepEqual(p['datasets'], [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }]);
    assert.deepEqual(
      Object.entries(p.provenanceByBlock).map(([block, v]) => [block, v.synthetic]),
      [
        ['blockA', true],
        ['blockB', true],
        ['blockC', true],
      ],
    );
    assert.ok(p.blockC.length > 0 && p.blockC.every((row) => row.synthetic && row.datasets.length === 1));
  });

  it('the compare page tags each synthetic grade beside the figure', async () => {
    const r = await app.get('/compare?year=2011&la=356&measure=group%3Aspecial&with=358');
    assert.match(r.body, /Performs well \(3\) <strong class="govuk-tag govuk-tag--orange kw-synthetic" title="Built from synthetic data[^"]*">Synthetic data<\/strong><\/td>/);
  });

  it('the letter is marked not real, from the same answer', async () => {
    assert.match((await app.get('/2011/la/356/letter')).body, /Not a real letter\. It is written from synthetic or reconstructed evidence\./);
  });

  it('the OpenAPI document describes synthetic and datasets', async () => {
    const doc = (await app.get('/openapi.json')).json() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    assert.ok(doc.components.schemas['Provenance']?.properties['synthetic']);
    assert.ok(doc.components.schemas['AssessmentRow']?.properties['datasets']);
  });
});

describe('real evidence', () => {
  const app = served(() => storeWith(stockportBatch('real', 'stockport-real')));

  it('real data alone is not marked synthetic', async () => {
    const national = await app.get('/2011');
    assert.doesNotMatch(national.body, /kw-synthetic|Synthetic data|synthetic-data/);
    assert.match(national.body, /<caption[^>]*>The 2011 distribution of grades: Kingsway 2011, and Ofsted, published 2011<\/caption>/);
    const page = await app.get('/2011/la/356');
    assert.doesNotMatch(page.body, /kw-synthetic|synthetic-data/);
    assert.doesNotMatch((await app.get('/2011/la/356/letter')).body, /Not a real letter/);
    const one = (await app.get('/api/2011/las/356')).json() as Record<string, unknown>;
    assert.deepEqual([one['synthetic'], one['syntheticBasis'], one['datasets']], [false, 'none', [{ id: 'stockport-real', kind: 'real', role: 'own-and-comparators' }]]);
    const [row] = Papa.parse<Record<string, string>>((await app.get('/2011/assessments.csv?q=stockport')).body.trim(), { header: true }).data;
    assert.deepEqual([row?.['synthetic'], row?.['datasets']], ['false', 'stockport-real (real)']);
  });
});

describe('real evidence beside synthetic comparators', () => {
  const app = served(() => storeWith(stockportBatch('real', 'stockport-real'), SYNTHETIC_TRAFFORD));

  it('an LA with only real evidence but synthetic comparators is marked partly synthetic', async () => {
    const one = (await app.get('/api/2011/las/356')).json() as Record<string, unknown>;
    assert.deepEqual(
      [one['synthetic'], one['syntheticExtent'], one['syntheticBasis'], one['datasets']],
      [
        true,
        'partly',
        'comparators',
        [
          { id: 'stockport-real', kind: 'real', role: 'own-and-comparators' },
          { id: 'synthetic-trafford', kind: 'synthetic', role: 'comparators' },
        ],
      ],
    );
    const national = await app.get('/2011');
    assert.match(laRows(national.body).find((row) => row.includes('/2011/la/356'))!, /title="Its own evidence is real, but the comparators[^"]*synthetic-trafford[^"]*">Partly synthetic data<\/strong>/);
    assert.match(national.body, /Kingsway, partly from synthetic data/);
    const page = await app.get('/2011/la/356');
    assert.match(page.body, /2011 grade: [^<]+ <strong class="govuk-tag govuk-tag--orange kw-synthetic"[^>]*>Partly synthetic data<\/strong>/);
    // Block A's England figure reads Trafford's synthetic school; Block B, the LA's own inspections, does not.
    assert.match(caption(page.body, 'Latest overall effectiveness of each type of setting'), /Partly synthetic data/);
    assert.doesNotMatch(caption(page.body, 'The latest inspection of each kind'), /kw-synthetic/);
    assert.match((await app.get('/2011/la/356/letter')).body, /Not a real letter/);
  });
});

/**
 * A withheld outcome is never published (src/domain/permissions.ts: the public sees the `published` state alone), so it
 * is read as Ofsted's staff, on a store whose 2011 is not published; the public is told nothing of it.
 */
describe('a withheld outcome', () => {
  const app = served(async () => {
    const store = await webFixtureStore({ published: false });
    await store.recordJudgement({ la: STOCKPORT, year: 2011, decision: { kind: 'withheld' }, rationale: 'Inspection of safeguarding under way', author: 'A Inspector', stage: 'final', authorId: null, recordedAt: '2011-10-03T09:00:00.000Z', derivedAtTheTime: 3 });
    return store;
  });

  it("a withheld LA's page says it was withheld, by whom and why", async () => {
    const r = await app.staff('/2011/la/356');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /2011 grade: Withheld/);
    assert.doesNotMatch(r.body, /None recorded/);
    assert.match(r.body, /Outcome withheld by A Inspector on 2011-10-03/);
    assert.match(r.body, /A Inspector, 2011-10-03: withheld the outcome: Inspection of safeguarding under way/);
    const api = (await app.staff('/api/2011/las/356')).json() as { status: string; judgement: { author: string; rationale: string; decision: { kind: string } }; synthetic: boolean };
    assert.deepEqual([api.status, api.judgement.author, api.judgement.decision.kind, api.judgement.rationale, api.synthetic], ['withheld', 'A Inspector', 'withheld', 'Inspection of safeguarding under way', true]);
    const [row] = Papa.parse<Record<string, string>>((await app.staff('/2011/assessments.csv?q=stockport')).body.trim(), { header: true }).data;
    assert.deepEqual([row?.['status'], row?.['judged_by'], row?.['reason']], ['withheld', 'A Inspector', 'Inspection of safeguarding under way']);
    assert.match((await app.staff('/2011')).body, /Withheld<\/span> <strong[^>]*>Synthetic data<\/strong><br><span class="govuk-body-s">By A Inspector on 2011-10-03: Inspection of safeguarding under way<\/span>/);
    // The public: nothing of it, nor that it was withheld, nor why.
    for (const url of ['/2011/la/356', '/api/2011/las/356', '/2011/assessments.csv', '/2011']) {
      const seen = await app.get(url);
      assert.equal(seen.statusCode, 404, url);
      assert.doesNotMatch(seen.body, /Withheld|withheld|safeguarding/, url);
    }
  });
});
