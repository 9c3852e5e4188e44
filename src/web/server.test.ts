import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { buildServer } from './server.ts';

/**
 * The pages and the API, requested in process (Fastify's inject, no network) over a store holding the fixture LAs
 * and the Stockport 2011 seed fixture. What a browser sees, and the accessibility check, are in test/web-e2e.test.ts.
 */
/** The app over the fixture store, opened before a suite's tests and closed after them. */
function servedFixture(): { readonly app: FastifyInstance; readonly store: SqliteStore } {
  const held: { app?: FastifyInstance; store?: SqliteStore } = {};
  before(async () => {
    held.store = await webFixtureStore();
    held.app = buildServer(held.store).app;
  });
  after(async () => {
    await held.app?.close();
    await held.store?.close();
  });
  return {
    get app() {
      return held.app!;
    },
    get store() {
      return held.store!;
    },
  };
}

describe('the web application', () => {
  const served = servedFixture();
  const get = (url: string) => served.app.inject({ method: 'GET', url });

  it('sends / to the latest year', async () => {
    const r = await get('/');
    assert.equal(r.statusCode, 302);
    assert.equal(r.headers.location, '/2011');
  });

  it('lists every LA on the national page, filtered and sorted by the address, with the distribution as a chart and a table', async () => {
    const r = await get('/2011');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<h1 class="govuk-heading-xl">Children&#39;s services assessments 2011<\/h1>/);
    assert.match(r.body, /<a href="\/2011\/la\/356" class="govuk-link">Stockport<\/a>/);
    assert.match(r.body, /<svg[^>]*aria-label="How the 2011 grades are distributed/);
    assert.match(r.body, /<svg[^>]*role="img"/);
    assert.match(r.body, /<caption[^>]*>The 2011 distribution of grades/);
    assert.match(r.body, /<svg class="kw-hexmap"[^>]*aria-label="Map of England's local authorities as hexagons, each showing its 2011 grade"/);
    assert.match(r.body, /<a href="\/2011\/la\/356"><title>Stockport: Performs well \(3\)<\/title>/);
    const filtered = await get('/2011?region=North+West&sort=grade&dir=desc');
    assert.match(filtered.body, /Showing 2 of \d+ local authorities/);
    assert.match(filtered.body, /aria-sort="descending"><a href="\/2011\?region=North\+West&amp;sort=grade#las"/);
    const ignored = await get('/2011?outcome=7');
    assert.equal(ignored.statusCode, 200);
    assert.match(ignored.body, /Ignored in the address: outcome=7\./);
  });

  it('downloads the table as CSV with the same filters', async () => {
    const r = await get('/2011/assessments.csv?q=stockport');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^text\/csv/);
    assert.match(r.headers['content-disposition'] as string, /kingsway-assessments-2011\.csv/);
    const lines = r.body.trim().split(/\r?\n/);
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^la_code,la_name,region,status,grade/);
    assert.match(lines[1]!, /^356,Stockport,North West,"derived, awaiting inspector judgement",3,3/);
  });

  it("shows an LA's grade with its trace, each block, the neighbours and the other years", async () => {
    const r = await get('/2011/la/356');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /2011 grade: Performs well \(3\)/);
    assert.match(r.body, /How the grade was reached/);
    assert.match(r.body, /Block A: weighted mean band/);
    assert.match(r.body, /<th scope="row" class="govuk-table__header">Special schools<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">6<\/td>/);
    assert.match(r.body, /aria-label="Stockport: the share of each type of setting judged good or better/);
    assert.match(r.body, /Unannounced inspection of contact, referral and assessment arrangements/);
    assert.match(r.body, /href="\/2011\/la\/356\/indicator\/NI%2075"/);
    assert.match(r.body, /<a href="\/2010\/la\/356" class="govuk-link">2010<\/a>/);
  });

  it('shows an indicator with its trend as a chart and a table', async () => {
    const r = await get('/2011/la/356/indicator/NI%2075');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<svg[^>]*aria-label="Stockport: Achievement of 5 or more A\*-C grades/);
    assert.match(r.body, /<caption[^>]*>Achievement of 5 or more A\*-C grades at GCSE or equivalent including English and Maths: Stockport against similar areas and England, by period<\/caption>/);
    assert.equal((await get('/2011/la/356/indicator/NI%20999')).statusCode, 404);
  });

  it('shows the letter with its downloads, and records an edit made with its form', async () => {
    const page = await get('/2011/la/356/letter');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Five of the six special schools are good or better\. The sixth is satisfactory\./);
    for (const [format, type] of [['docx', /officedocument/], ['html', /text\/html/], ['md', /text\/markdown/]] as const) {
      const d = await get(`/2011/la/356/letter.${format}`);
      assert.equal(d.statusCode, 200, format);
      assert.match(d.headers['content-type'] as string, type);
    }
    assert.equal((await get('/2011/la/356/letter.txt')).statusCode, 404);

    const form = (fields: Record<string, string>) => served.app.inject({ method: 'POST', url: '/2011/la/356/letter/edits', payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const noName = await form({ action: 'reword', target: 'a:special', text: 'New words.', by: '' });
    assert.equal(noName.statusCode, 400);
    assert.match(noName.body, /<a href="#by">Enter your name, so that the edit says who made it<\/a>/);
    const badTarget = await form({ action: 'remove', target: 'c:nothing', by: 'J Winstanley' });
    assert.equal(badTarget.statusCode, 400);
    assert.match(badTarget.body, /The target &quot;c:nothing&quot; is not in the letter/);
    const saved = await form({ action: 'reword', target: 'a:special', text: 'Five of the six special schools maintained by the council are good or better.', by: 'J Winstanley' });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/2011/la/356/letter?saved=1#edit');
    const after = await get('/2011/la/356/letter?saved=1');
    assert.match(after.body, /Your edit was recorded \(edit 1\)/);
    assert.match(after.body, /Five of the six special schools maintained by the council are good or better\./);
    assert.match((await get('/2011/la/356/letter.md')).body, /maintained by the council/);
  });

  it('compares an LA with its neighbours, or with LAs chosen, on a measure in the address', async () => {
    const blank = await get('/compare');
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /Choose a local authority/);
    const r = await get('/compare?year=2011&la=356&measure=group%3Aspecial&with=358,999');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Compare Stockport with chosen local authorities/);
    assert.match(r.body, /Not in the 2011 data, so left out: 999\./);
    assert.match(r.body, /Stockport<\/a> \(selected\)<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">83% of 6<\/td>/);
    assert.match(r.body, /aria-label="Stockport beside the other local authorities chosen: Special schools: share good or better"/);
  });

  it('shows the test against inspectors, and says what it left out', async () => {
    const r = await get('/evaluation/ilacs');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Kingsway&#39;s indicators against inspectors&#39; judgements/);
    assert.match(r.body, /Reported: inspections ending in 2023 or later/);
    assert.match(r.body, /0 of 0 ILACS inspections in the data are compared/);
  });

  it('lists the downloads and the API endpoints', async () => {
    const r = await get('/api');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /<code>\/api\/\{year\}\/las\/\{code\}\/profile<\/code>/);
  });

  it("downloads the LA page's and the compare page's tables as CSV", async () => {
    const a = await get('/2011/la/356/block-a.csv');
    assert.equal(a.statusCode, 200);
    assert.match(a.body, /^group,inspected,outstanding,good,satisfactory,inadequate,goodOrBetter,similarAreas,england,change/);
    assert.match(a.body, /\nSpecial schools,6,2,3,1,0,83%/);
    const c = await get('/2011/la/356/block-c.csv');
    assert.match(c.body, /^id,name,outcome,period,value/);
    const compare = await get('/compare.csv?year=2011&la=356&measure=group%3Aspecial&with=358');
    assert.match(compare.body, /^la_code,la_name,measure,value,shown,grade,selected\r?\n356,Stockport,Special schools: share good or better,83\.3/);
    assert.equal((await get('/2011/la/356/block-x.csv')).statusCode, 404);
  });

  it('answers an unknown year, LA or page with a 404 page that says what was not found', async () => {
    for (const [url, text] of [
      ['/2012', /There is no assessment year 2012/],
      ['/2011/la/999', /no local authority with the code 999 in 2011/],
      ['/nowhere/at/all', /There is no page at \/nowhere\/at\/all/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 404, url);
      assert.match(r.body, text);
      assert.match(r.body, /govuk-template/);
    }
  });

  it('answers a fault with a 500 page (and JSON from the API) that says so without leaking the error', async () => {
    const broken = new Proxy(served.store, { get: (target, name) => (name === 'localAuthorities' ? () => Promise.reject(new Error('disk on fire')) : Reflect.get(target, name, target)) });
    const faulty = buildServer(broken).app;
    const page = await faulty.inject({ method: 'GET', url: '/2011' });
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(page.body, /disk on fire/);
    const api = await faulty.inject({ method: 'GET', url: '/api/2011/las/356' });
    assert.deepEqual(api.json(), { error: { status: 500, message: 'Something went wrong on our side. The error has been logged.' } });
    await faulty.close();
  });

  it('serves the GOV.UK Frontend stylesheet and its fonts', async () => {
    assert.equal((await get('/govuk/govuk-frontend.min.css')).statusCode, 200);
    assert.equal((await get('/govuk/index.scss')).statusCode, 404);
    assert.equal((await get('/assets/images/favicon.svg')).statusCode, 200);
  });
});

describe('the JSON API', () => {
  const served = servedFixture();
  const json = async (url: string) => {
    const r = await served.app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };

  it('pages the assessments and links to the next page', async () => {
    const first = await json('/api/2011/assessments?per_page=2');
    assert.equal(first.status, 200);
    assert.equal((first.body['data'] as unknown[]).length, 2);
    const links = first.body['links'] as { next: string | null; prev: string | null };
    assert.equal(links.prev, null);
    assert.match(links.next!, /^\/api\/2011\/assessments\?per_page=2&page=2$/);
    const second = await json(links.next!);
    assert.equal(second.body['page'], 2);
  });

  it('gives an assessment with its trace, and the profile', async () => {
    const a = await json('/api/2011/las/356');
    assert.equal(a.body['grade'], 3);
    assert.ok((a.body['trace'] as unknown[]).length > 3);
    const p = await json('/api/2011/las/356/profile');
    const special = (p.body['blockA'] as { group: { id: string }; settingsCounted: number; settingsHref: string; settings?: unknown }[]).find((r) => r.group.id === 'special')!;
    assert.equal(special.settingsCounted, 6);
    assert.equal(special.settings, undefined);
    const settings = await json(special.settingsHref);
    assert.equal(settings.body['total'], 6);
    assert.equal((await json('/api/2011/las/356/settings?group=nothing')).status, 400);
  });

  it('lists the LAs, and gives a letter as data with its sentences and their evidence', async () => {
    assert.ok(((await json('/api/las')).body['data'] as unknown[]).length >= 5);
    const letter = (await json('/api/2011/las/356/letter')).body as { sections: { id: string; blocks: { sentences: { id: string; evidence: unknown[] }[] }[] }[]; reviews: unknown[] };
    const special = letter.sections.flatMap((s) => s.blocks.flatMap((b) => b.sentences)).find((s) => s.id === 'a:special');
    assert.deepEqual(special?.evidence, [{ block: 'A', group: 'special', asAt: '2011-08-31' }]);
    assert.deepEqual(letter.reviews, []);
  });

  it('answers errors consistently, naming the bad value', async () => {
    assert.deepEqual(await json('/api/2011/assessments?per_page=0'), { status: 400, body: { error: { status: 400, message: 'per_page must be a whole number from 1 to 200, not "0"' } } });
    assert.deepEqual(await json('/api/2011/las/999'), { status: 404, body: { error: { status: 404, message: 'no local authority with code "999" in 2011' } } });
    assert.equal((await json('/api/nothing')).status, 404);
    assert.equal((await json('/api/2011/assessments?outcome=9')).status, 400);
  });

  it('serves an OpenAPI document whose every path answers', async () => {
    const doc = (await json('/openapi.json')).body as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    for (const path of Object.keys(doc.paths)) {
      const url = path.replace('{year}', '2011').replace('{code}', '356');
      const r = await served.app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
    }
  });
});
