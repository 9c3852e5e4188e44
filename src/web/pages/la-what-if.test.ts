import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { demoAccounts } from '../../application/demo-process.ts';
import { moveAssessments } from '../../application/workflow.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import type { Store } from '../../store/repository.ts';
import { webFixtureStore } from '../../../test/support/web.ts';
import { getAs, staffGet } from '../../../test/support/web-as.ts';
import { signedInAs } from '../../../test/support/web-session.ts';
import { siteLetterSource } from '../process-routes.ts';
import { buildServer } from '../server.ts';

/**
 * The what-if on the LA page, in its CSV and in the API (issue 16): the same use case behind all three, marked
 * synthetic where the evidence is, and shown only where the reader may see the grade.
 */
const STOCKPORT = '356' as LaCode;

describe('what would move the grade, on the web (issue 16)', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false }).app;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('shows the public, on a published LA page, where the grade stands, and on its own page what would move it, each with its trace', async () => {
    const page = await get(`/2011/la/${STOCKPORT}`);
    assert.equal(page.statusCode, 200);
    const { document } = parseHTML(page.body);
    const section = document.querySelector('#what-if');
    assert.ok(section, 'a what-if section');
    assert.match(section.textContent ?? '', /What would move the grade/);
    assert.ok(section.querySelector('.kw-synthetic'), 'the seed fixture is synthetic, and the section says so');
    const rows = [...document.querySelectorAll('#what-if-boundaries tbody tr')];
    assert.equal(rows.length, 3, 'one row per boundary');
    assert.match(page.body, /href="\/2011\/la\/356\/what-if"/, 'the LA page links to the changes');
    assert.doesNotMatch(page.body, /id="what-if-up"/, 'the LA page does not run the search');
    const full = await get(`/2011/la/${STOCKPORT}/what-if`);
    assert.equal(full.statusCode, 200);
    const doc = parseHTML(full.body).document;
    assert.ok(doc.querySelector('#what-if .kw-synthetic'), 'the what-if page says the data is synthetic');
    assert.equal(doc.querySelectorAll('#what-if-boundaries tbody tr').length, 3);
    assert.match(full.body, /id="what-if-up"/);
    assert.match(full.body, /id="what-if-down"/);
    assert.match(full.body, /How the new grade, [^<]+, would be reached/);
    const api = (await get(`/api/2011/las/${STOCKPORT}/what-if`)).json() as { up: { text: string }[]; down: { text: string }[] };
    for (const s of [...api.up, ...api.down]) assert.ok(full.body.includes(s.text.replaceAll("'", '&#39;')), `the page lists ${s.text}`);
  });

  it('gives the same scenarios as JSON and as CSV, each CSV row with the synthetic columns', async () => {
    const json = await get(`/api/2011/las/${STOCKPORT}/what-if`);
    assert.equal(json.statusCode, 200);
    const body = json.json() as { ok: boolean; synthetic: boolean; grade: number; up: { text: string; grade: number; trace: unknown[] }[]; down: { text: string; grade: number }[] };
    assert.equal(body.ok, true);
    assert.equal(body.synthetic, true);
    for (const s of body.up) assert.ok(s.grade > body.grade && s.trace.length > 0, s.text);
    for (const s of body.down) assert.ok(s.grade < body.grade, s.text);
    const csv = await get(`/2011/la/${STOCKPORT}/what-if.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const lines = csv.body.trim().split(/\r?\n/);
    assert.match(lines[0]!, /^la_code,la_name,year,grade,direction,rank,block,size,new_grade,change,changes,effects,reason,synthetic/);
    assert.equal(lines.length - 1, body.up.length + body.down.length, 'one CSV row per scenario');
    for (const line of lines.slice(1)) assert.match(line, /,true,/, 'every row says the data is synthetic');
  });

  it('answers 404 for an LA-year the reader may not see, as the LA page does', async () => {
    assert.equal((await get('/api/2009/las/358/what-if')).statusCode, 404);
    assert.equal((await get('/2009/la/358/what-if.csv')).statusCode, 404);
    assert.equal((await get('/2009/la/358/what-if')).statusCode, 404);
  });
});

describe("the what-if is not shown to an LA's people before their draft reaches them", () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore({ published: false });
    const built = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false });
    app = built.app;
    const { actors } = await demoAccounts(store, '2011-08-18T08:00:00.000Z');
    const [moved] = await moveAssessments(store, 2011, [{ la: STOCKPORT, move: 'release-profile' }], { at: '2011-08-18T09:00:00.000Z', actor: actors.get('analyst')!, letterOf: siteLetterSource(built.data) });
    assert.ok(moved!.ok);
    built.data.changed(2011);
    built.data.processChanged();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('hides it from the LA with the grade, and shows it to Ofsted staff', async () => {
    const own = getAs(app, await signedInAs(app, store, 'la', STOCKPORT));
    const page = await own(`/2011/la/${STOCKPORT}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /id="outcome-hidden"/);
    assert.doesNotMatch(page.body, /id="what-if"/);
    assert.match(page.body, /href="\/2011\/la\/356\/profile\.pdf"/, 'the profile pack is offered with the released profile');
    assert.equal((await own(`/2011/la/${STOCKPORT}/what-if.csv`)).statusCode, 404);
    assert.equal((await own(`/2011/la/${STOCKPORT}/what-if`)).statusCode, 404);
    assert.equal((await own(`/api/2011/las/${STOCKPORT}/what-if`)).statusCode, 404);
    const staff = await staffGet(app, store);
    assert.match((await staff(`/2011/la/${STOCKPORT}`)).body, /id="what-if"/);
    assert.match((await staff(`/2011/la/${STOCKPORT}/what-if`)).body, /id="what-if-up"/);
    assert.equal((await staff(`/api/2011/las/${STOCKPORT}/what-if`)).statusCode, 200);
  });
});
