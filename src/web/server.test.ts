import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { browser, postForm, signedInAs } from '../../test/support/web-session.ts';
import type { SignedInSession } from '../../test/support/web-session.ts';
import { staffGet } from '../../test/support/web-as.ts';
import type { Get } from '../../test/support/web-as.ts';
import { buildServer } from './server.ts';
import type { WebOptions } from './server.ts';
import { PdfTimeoutError } from '../render/pdf.ts';
import type { PageCache } from './page-cache.ts';

/** A log to read: each line Fastify's logger writes, parsed. */
function capturedLog(): { stream: NonNullable<WebOptions['logStream']>; lines: { level: number; msg: string; err?: { message: string; stack: string } }[] } {
  const lines: { level: number; msg: string; err?: { message: string; stack: string } }[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

/**
 * The pages and the API, requested in process (Fastify's inject, no network) over a store holding the fixture LAs
 * and the Stockport 2011 seed fixture, its 2011 assessment published (test/support/web.ts). The public sees what is
 * published (issue 15: of 2011, Stockport alone, the fixture's other LAs not being assessed); an analyst signed in
 * (`staff`) sees every LA-year as it stands; an inspector (`inspector`) edits the working letter. What a browser sees,
 * and the accessibility check, are in test/web-e2e.test.ts.
 */
/** The app over the fixture store, opened before a suite's tests and closed after them. */
function servedFixture(): { readonly app: FastifyInstance; readonly store: Store; readonly cache: PageCache; readonly staff: Get; readonly inspector: SignedInSession } {
  const held: { app?: FastifyInstance; store?: Store; cache?: PageCache; staff?: Get; inspector?: SignedInSession } = {};
  before(async () => {
    held.store = await webFixtureStore();
    ({ app: held.app, cache: held.cache } = buildServer(held.store));
    held.staff = await staffGet(held.app, held.store);
    held.inspector = await signedInAs(held.app, held.store, 'inspector');
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
    get cache() {
      return held.cache!;
    },
    get staff() {
      return held.staff!;
    },
    get inspector() {
      return held.inspector!;
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
    // The embargo (issue 15): the public's table lists the published outcomes only, and says so; of the fixture's 2011
    // LAs that is Stockport alone (the others are not assessed, so nothing of them is published).
    assert.match(r.body, /Only published outcomes are shown: 1 of the 4 local authorities\./);
    const filtered = await get('/2011?region=North+West&sort=grade&dir=desc');
    assert.match(filtered.body, /Showing 1 of 1 local authorities/);
    assert.doesNotMatch(filtered.body, /Trafford/);
    assert.match(filtered.body, /aria-sort="descending"><a href="\/2011\?region=North\+West&amp;sort=grade#las"/);
    // Ofsted's staff see every LA as it stands, so the filter leaves two of the four.
    const staff = await served.staff('/2011?region=North+West&sort=grade&dir=desc');
    assert.match(staff.body, /Showing 2 of 4 local authorities/);
    assert.match(staff.body, /<a href="\/2011\/la\/358" class="govuk-link">Trafford<\/a>/);
    assert.match(staff.body, /aria-sort="descending"><a href="\/2011\?region=North\+West&amp;sort=grade#las"/);
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
    // Published: the grade agreed in moderation (test/support/process.ts) is final.
    assert.match(lines[1]!, /^356,Stockport,North West,final,3,3/);
    // The public's CSV holds the published outcomes only; Ofsted's staff's holds every LA, as the page does.
    assert.equal((await get('/2011/assessments.csv?region=North+West')).body.trim().split(/\r?\n/).length, 2);
    assert.equal((await served.staff('/2011/assessments.csv?region=North+West')).body.trim().split(/\r?\n/).length, 3);
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
    // The other years: 2010 is not published, so the public's page neither links to it nor shows its grade; Ofsted's
    // staff's does.
    assert.doesNotMatch(r.body, /href="\/2010\/la\/356"/);
    assert.equal((await get('/2010/la/356')).statusCode, 404);
    const staff = await served.staff('/2011/la/356');
    assert.match(staff.body, /<a href="\/2010\/la\/356" class="govuk-link">2010<\/a>/);
    assert.equal((await served.staff('/2010/la/356')).statusCode, 200);
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
    // The public reads the version published, with no form to edit it, and may not post one (issue 15).
    assert.match(page.body, /id="published-version"/);
    assert.doesNotMatch(page.body, /id="edit-form"|Record the edit/);
    const from = await browser(served.app);
    const edit = { action: 'reword', target: 'a:special', text: 'Five of the six special schools maintained by the council are good or better.' };
    assert.equal((await postForm(served.app, '/2011/la/356/letter/edits', edit, from)).statusCode, 404);

    // An inspector edits the working letter: the author is the inspector signed in, not a name typed in the form.
    const inspector = served.inspector;
    const asInspector = (url: string) => served.app.inject({ method: 'GET', url, headers: inspector.headers });
    const formPage = await asInspector('/2011/la/356/letter?edit=a%3Aspecial');
    assert.match(formPage.body, /id="edit-form"/);
    assert.doesNotMatch(formPage.body, /name="by"/);
    assert.match(formPage.body, new RegExp(`The edit is recorded as yours \\(${inspector.name}\\)`));
    const form = (fields: Record<string, string>) => postForm(served.app, '/2011/la/356/letter/edits', fields, inspector);
    const noWords = await form({ action: 'reword', target: 'a:special', text: '' });
    assert.equal(noWords.statusCode, 400);
    assert.match(noWords.body, /<a href="#text">Enter the new words, or choose to leave the sentence out<\/a>/);
    const badTarget = await form({ action: 'remove', target: 'c:nothing' });
    assert.equal(badTarget.statusCode, 400);
    assert.match(badTarget.body, /The target &quot;c:nothing&quot; is not in the letter/);
    const saved = await form(edit);
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, '/2011/la/356/letter?saved=1#edit');
    const after = await asInspector('/2011/la/356/letter?saved=1');
    assert.match(after.body, /Your edit was recorded \(edit 1\)/);
    assert.match(after.body, /Five of the six special schools maintained by the council are good or better\./);
    assert.match(after.body, new RegExp(`<td class="govuk-table__cell">${inspector.name}</td>`));
    assert.deepEqual((await served.store.letterEdits('356' as never, 2011)).map((e) => e.author), [inspector.name]);
    assert.match((await asInspector('/2011/la/356/letter.md')).body, /maintained by the council/);
    // The public's letter stays the version published until a moderator publishes another.
    assert.doesNotMatch((await get('/2011/la/356/letter.md')).body, /maintained by the council/);
  });

  it('compares an LA with its neighbours, or with LAs chosen, on a measure in the address', async () => {
    const blank = await get('/compare');
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, /Choose a local authority/);
    const url = '/compare?year=2011&la=356&measure=group%3Aspecial&with=358,999';
    // Trafford's 2011 outcome is not published: Ofsted's staff compare with it, the public cannot.
    const r = await served.staff(url);
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Compare Stockport with chosen local authorities/);
    assert.match(r.body, /Not in the 2011 data, so left out: 999\./);
    assert.match(r.body, /Stockport<\/a> \(selected\)<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">83% of 6<\/td>/);
    assert.match(r.body, /<a href="\/2011\/la\/358" class="govuk-link">Trafford<\/a>/);
    assert.match(r.body, /aria-label="Stockport beside the other local authorities chosen: Special schools: share good or better"/);
    const seen = await get(url);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /Stockport<\/a> \(selected\)<\/th>\s*<td class="govuk-table__cell govuk-table__cell--numeric">83% of 6<\/td>/);
    assert.doesNotMatch(seen.body, /Trafford|href="\/2011\/la\/358"/);
  });

  it('shows the test against inspectors, and says what it left out', async () => {
    // Kingsway's unpublished grades of today's years: for Ofsted's staff only (issue 15); the public is not told it exists.
    const hidden = await get('/evaluation/ilacs');
    assert.equal(hidden.statusCode, 404);
    assert.match(hidden.body, /There is no page at \/evaluation\/ilacs\./);
    assert.doesNotMatch((await get('/api')).body, /href="\/evaluation\/ilacs"/);
    const r = await served.staff('/evaluation/ilacs');
    assert.equal(r.statusCode, 200);
    assert.match(r.body, /Kingsway&#39;s indicators against inspectors&#39; judgements/);
    assert.match(r.body, /Reported: inspections ending in 2023 or later/);
    assert.match(r.body, /0 of 0 ILACS inspections are graded by every predictor/);
    assert.match(r.body, /The scraped ILACS history against Ofsted's own table/);
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
    assert.match(compare.body, /^la_code,la_name,measure,value,shown,grade,selected,synthetic,synthetic_basis,datasets\r?\n356,Stockport,Special schools: share good or better,83\.3/);
    assert.equal((await get('/2011/la/356/block-x.csv')).statusCode, 404);
  });

  it('answers an unknown year, LA or page with a 404 page that says what was not found', async () => {
    for (const [url, text] of [
      ['/2030', /There is no assessment year 2030/],
      // A year inside the span with no framework says why (years-explained.test.ts).
      ['/2012', /There is no 2012 assessment in Kingsway[\s\S]*the duty to make one was repealed in 2012/],
      // To the public, an LA-year not published is not found, as one that does not exist is not (issue 15).
      ['/2011/la/999', /There is no published assessment of a local authority with the code 999 in 2011/],
      ['/2011/la/358', /There is no published assessment of a local authority with the code 358 in 2011/],
      ['/nowhere/at/all', /There is no page at \/nowhere\/at\/all/],
    ] as const) {
      const r = await get(url);
      assert.equal(r.statusCode, 404, url);
      assert.match(r.body, text);
      assert.match(r.body, /govuk-template/);
    }
    const staff = await served.staff('/2011/la/999');
    assert.equal(staff.statusCode, 404);
    assert.match(staff.body, /There is no assessment of a local authority with the code 999 in 2011/);
  });

  it('answers a fault with a 500 page (and JSON from the API) that says so without leaking the error, and logs it', async () => {
    // Its other methods are bound to the store itself: they read its private fields, which a proxy does not have.
    const bound = (target: object, name: string | symbol) => {
      const value: unknown = Reflect.get(target, name, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    };
    const broken = new Proxy(served.store, { get: (target, name) => (name === 'localAuthorities' ? () => Promise.reject(new Error('disk on fire')) : bound(target, name)) });
    const log = capturedLog();
    // No --log: errors are logged all the same, requests are not.
    const faulty = buildServer(broken, { logStream: log.stream }).app;
    const page = await faulty.inject({ method: 'GET', url: '/2011' });
    assert.equal(page.statusCode, 500);
    assert.match(page.body, /Sorry, there is a problem with the service/);
    assert.doesNotMatch(page.body, /disk on fire/);
    const api = await faulty.inject({ method: 'GET', url: '/api/2011/las/356' });
    assert.deepEqual(api.json(), { error: { status: 500, message: 'Something went wrong on our side. The error has been logged.' } });
    assert.equal(log.lines.length, 2);
    for (const line of log.lines) {
      assert.equal(line.level, 50);
      assert.equal(line.err?.message, 'disk on fire');
      assert.match(line.err?.stack ?? '', /server\.test\.ts/);
    }
    await faulty.close();
  });

  it("shows a 503's own message: a PDF that takes too long says to try the Word or HTML version, and is logged", async () => {
    const log = capturedLog();
    const slow = buildServer(served.store, { logStream: log.stream, openPrinter: async () => ({ print: () => Promise.reject(new PdfTimeoutError(20_000)), close: async () => undefined }) }).app;
    const r = await slow.inject({ method: 'GET', url: '/2011/la/356/letter.pdf' });
    assert.equal(r.statusCode, 503);
    assert.match(r.body, /This letter&#39;s PDF took too long to make \(more than 20 seconds\), so it was stopped\. Try the Word or HTML version of the letter\./);
    assert.doesNotMatch(r.body, /Something went wrong/);
    assert.equal(log.lines.length, 1);
    assert.equal(log.lines[0]!.level, 50);
    await slow.close();
    const none = buildServer(served.store, { logStream: capturedLog().stream, openPrinter: () => Promise.reject(new Error('no Chromium at /nowhere: set KINGSWAY_CHROMIUM')) }).app;
    const missing = await none.inject({ method: 'GET', url: '/2011/la/356/letter.pdf' });
    assert.equal(missing.statusCode, 503);
    assert.match(missing.body, /The PDF cannot be made on this server just now\. Try the Word or HTML version of the letter\./);
    assert.doesNotMatch(missing.body, /KINGSWAY_CHROMIUM|nowhere/);
    await none.close();
  });

  it('a form field sent twice is refused with 400 naming the field', async () => {
    const from = served.inspector;
    const r = await served.app.inject({ method: 'POST', url: '/2011/la/356/letter/edits', payload: `_csrf=${encodeURIComponent(from.csrf)}&action=remove&target=a&target=b`, headers: { ...from.headers, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(r.statusCode, 400);
    assert.match(r.body, /govuk-template/);
    assert.match(r.body, /The form field &quot;target&quot; is given more than once \(or is not text\): give it once\./);
  });

  it('a query parameter given twice or too long is refused with 400 naming it, on pages and in the API; an unknown one is still ignored', async () => {
    const twice = await get('/2011?region=North+West&region=London');
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /The address&#39;s query parameter &quot;region&quot; is given more than once/);
    const long = await get(`/2011?q=${'x'.repeat(101)}`);
    assert.equal(long.statusCode, 400);
    assert.match(long.body, /The address&#39;s query parameter &quot;q&quot; is too long: it can be at most 100 characters\./);
    assert.equal((await get(`/2011/la/356?junk=${'x'.repeat(201)}`)).statusCode, 400);
    assert.equal((await get('/2011/la/356/letter?edit=a&edit=b')).statusCode, 400);
    assert.equal((await get('/compare?la=356&la=358')).statusCode, 400);
    const api = await get('/api/2011/assessments?region=a&region=b');
    assert.equal(api.statusCode, 400);
    assert.deepEqual(api.json(), { error: { status: 400, message: 'The address\'s query parameter "region" is given more than once (or is not text): give it once.' } });
    assert.equal((await get('/api/2011/las/356/settings?group=a&group=b')).statusCode, 400);
    const ignored = await get('/2011?r=1');
    assert.equal(ignored.statusCode, 200);
  });

  it("refuses a letter edit's words over the limits, or with control characters, on the form beside the field", async () => {
    // The author is the inspector signed in (issue 15): the form has no name field to check.
    const form = (fields: Record<string, string>) => postForm(served.app, '/2011/la/356/letter/edits', fields, served.inspector);
    const before = (await served.store.letterEdits('356' as never, 2011)).length;
    const words = await form({ action: 'reword', target: 'a:special', text: 'x'.repeat(2001) });
    assert.equal(words.statusCode, 400);
    assert.match(words.body, /<a href="#text">The words must be 2,000 characters or fewer \(this is 2,001\)<\/a>/);
    const bidi = await form({ action: 'reword', target: 'a:special', text: 'New words\u202e.' });
    assert.equal(bidi.statusCode, 400);
    assert.match(bidi.body, /<a href="#text">The words contains the control character U\+202E at position 10, which is not allowed<\/a>/);
    const lines = await form({ action: 'add', target: 'a:special', text: 'One line.\r\nTwo lines.' });
    assert.match(lines.body, /<a href="#text">The words must be on one line: remove the line breaks<\/a>/);
    assert.equal((await served.store.letterEdits('356' as never, 2011)).length, before);
  });

  it('a 1 MB letter edit or a 500 KB field is refused before it is read, with a page saying the form is too large', async () => {
    const before = (await served.store.letterEdits('356' as never, 2011)).length;
    // From an inspector who may edit, with the form's token: refused for its size alone.
    for (const fields of [{ target: 'a:special', text: 'x'.repeat(1024 * 1024) }, { target: 'J'.repeat(500 * 1024), text: 'New words.' }]) {
      const r = await served.app.inject({ method: 'POST', url: '/2011/la/356/letter/edits', payload: new URLSearchParams({ _csrf: served.inspector.csrf, action: 'reword', ...fields }).toString(), headers: { ...served.inspector.headers, 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(r.statusCode, 413);
      assert.match(r.body, /The form sent is too large: at most 64 KB is accepted\. A sentence can be at most 2,000 characters, and a name 120\./);
    }
    assert.equal((await served.store.letterEdits('356' as never, 2011)).length, before);
  });

  it('200 requests with distinct junk params leave one cache entry', async () => {
    // Pages the public sees (2011's Stockport, the one LA-year published): a 404 is never kept.
    await get('/2011/la/356');
    const before = served.cache.size;
    for (let i = 0; i < 200; i++) assert.equal((await get(`/2011/la/356?r=${i}`)).statusCode, 200);
    assert.equal(served.cache.size, before);
    for (let i = 0; i < 200; i++) assert.equal((await get(`/2011?q=stock&r=${i}&utm_source=x${i}`)).statusCode, 200);
    assert.equal(served.cache.size, before + 1);
    // Values the page ignores (and lists) are a mistake's page: rendered, never kept.
    for (let i = 0; i < 20; i++) assert.match((await get(`/2011?q=stock&outcome=junk${i}`)).body, new RegExp(`Ignored in the address: outcome=junk${i}\\.`));
    assert.equal(served.cache.size, before + 1);
  });

  it("has Kingsway's own header, footer and icon on every page: no crown, royal arms or Crown copyright, and not GDS Transport", async () => {
    // The evaluation is Ofsted's staff's (issue 15): read as an analyst; the public's answer there is the 404 page.
    for (const [url, read] of [['/2011', get], ['/2011/la/356', get], ['/2011/la/356/letter', get], ['/compare', get], ['/api', get], ['/evaluation/ilacs', served.staff], ['/evaluation/ilacs', get], ['/nowhere/at/all', get]] as const) {
      const body = (await read(url)).body;
      assert.match(body, /<link rel="icon" href="\/static\/favicon\.svg" type="image\/svg\+xml">/, url);
      assert.match(body, /Kingsway is an independent reconstruction, not a government service\. It is open source under the MIT licence\./, url);
      assert.match(body, /Open Government Licence v3\.0/, url);
      assert.doesNotMatch(body, /Crown copyright|govuk-footer__crown|govuk-footer__copyright-logo|govuk-header__logo|govuk-logo|\/assets\/images|manifest\.json/, url);
    }
    assert.equal((await get('/static/favicon.svg')).statusCode, 200);
    assert.match((await get('/static/kingsway.css')).body, /body\.govuk-template__body :not\(code, kbd, pre, samp\) \{ font-family: var\(--kw-font\); \}/);
  });

  it('serves the GOV.UK Frontend stylesheet, but not its crown images or the GDS Transport font', async () => {
    assert.equal((await get('/govuk/govuk-frontend.min.css')).statusCode, 200);
    assert.equal((await get('/govuk/index.scss')).statusCode, 404);
    assert.equal((await get('/assets/images/favicon.svg')).statusCode, 404);
    assert.equal((await get('/assets/images/govuk-crest.svg')).statusCode, 404);
    assert.equal((await get('/assets/fonts/bold-b542beb274-v2.woff2')).statusCode, 404);
  });

  it('writes CSV downloads so that no cell can run as a spreadsheet formula', async () => {
    const renamed = new Proxy(served.store, {
      get: (target, name) => {
        if (name === 'localAuthorities') return async () => (await target.localAuthorities()).map((la) => (la.code === '356' ? { ...la, name: '=HYPERLINK("http://example.com","Stockport")' } : la));
        const value: unknown = Reflect.get(target, name, target);
        // The store's methods read its private fields, so they run on the store itself, not the proxy.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const app = buildServer(renamed).app;
    const r = await app.inject({ method: 'GET', url: '/2011/assessments.csv?q=356' });
    assert.match(r.body, /\n356,"'=HYPERLINK\(""http:\/\/example\.com"",""Stockport""\)",North West,/);
    await app.close();
  });
});

describe('the JSON API', () => {
  const served = servedFixture();
  const json = async (url: string) => {
    const r = await served.app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.json() as Record<string, unknown> };
  };

  it('pages the assessments and links to the next page', async () => {
    // The public's list holds the published outcomes only (issue 15): of the fixture's 2011, Stockport's.
    const published = await json('/api/2011/assessments?per_page=2');
    assert.deepEqual([published.body['total'], (published.body['data'] as { la_code: string }[]).map((a) => a.la_code), (published.body['links'] as { next: unknown }).next], [1, ['356'], null]);
    // Ofsted's staff's holds all four, two to a page.
    const staffJson = async (url: string) => {
      const r = await served.staff(url);
      return { status: r.statusCode, body: r.json() as Record<string, unknown> };
    };
    const first = await staffJson('/api/2011/assessments?per_page=2');
    assert.equal(first.status, 200);
    assert.equal(first.body['total'], 4);
    assert.equal((first.body['data'] as unknown[]).length, 2);
    const links = first.body['links'] as { next: string | null; prev: string | null };
    assert.equal(links.prev, null);
    assert.match(links.next!, /^\/api\/2011\/assessments\?per_page=2&page=2$/);
    const second = await staffJson(links.next!);
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
