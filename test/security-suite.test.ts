import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { LaCode } from '../src/domain/local-authority.ts';
import type { Actor } from '../src/domain/roles.ts';
import { demoAccounts } from '../src/application/demo-process.ts';
import { moveAssessments, recordGrades } from '../src/application/workflow.ts';
import { frameworkFor } from '../src/frameworks/index.ts';
import type { Store } from '../src/store/repository.ts';
import { buildServer } from '../src/web/server.ts';
import type { RouteEntry } from '../src/web/server.ts';
import { siteLetterSource } from '../src/web/process-routes.ts';
import { browser, postForm, signedInAs } from './support/web-session.ts';
import { webFixtureStore } from './support/web.ts';

/**
 * Issue 15's attacks, one named test each, against the whole web application on a store where Stockport's 2011
 * assessment is in its factual accuracy check (nothing of it published) and Trafford's LA user is signed in elsewhere.
 * Each asks as an attacker would, with only what an attacker has: a page on another site, someone else's LA account,
 * no account at all, the wrong role, a cookie kept from before sign-out, and every route the site has.
 */
const STOCKPORT = '356' as LaCode;
const YEAR = 2011;

describe('the security suite (issue 15)', () => {
  let store: Store;
  let app: FastifyInstance;
  let data: ReturnType<typeof buildServer>['data'];
  let routes: readonly RouteEntry[] = [];

  before(async () => {
    store = await webFixtureStore({ published: false });
    const built = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false });
    app = built.app;
    data = built.data;
    routes = built.routes;
    await app.ready();
    // Stockport 2011: released, drafted with a proposed grade, sent to the LA for its check.
    const { actors } = await demoAccounts(store, '2011-08-18T08:00:00.000Z');
    const as = (role: string) => actors.get(role)!;
    const letterOf = siteLetterSource(data);
    const step = async (move: string, actor: Actor, at: string) => {
      const [r] = await moveAssessments(store, YEAR, [{ la: STOCKPORT, move }], { at, actor, letterOf });
      assert.ok(r!.ok, move);
    };
    await step('release-profile', as('analyst'), '2011-08-18T09:00:00.000Z');
    await step('start-draft', as('inspector'), '2011-08-18T10:00:00.000Z');
    const a = (await data.year(YEAR)).byCode.get(STOCKPORT)!;
    await recordGrades(store, frameworkFor(YEAR), [{ la: STOCKPORT, grade: a.status === 'assessed' ? a.derived : 3, rationale: 'As derived.' }], { at: '2011-10-01T09:00:00.000Z', actor: as('inspector'), stage: 'proposed' });
    await step('send-for-check', as('inspector'), '2011-10-01T10:00:00.000Z');
    data.changed(YEAR);
    data.processChanged();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('a forged cross-site post is refused', async () => {
    const inspector = await signedInAs(app, store, 'inspector');
    // The inspector's own browser, sending a form another site put there: the cookie goes with it, the token cannot.
    for (const payload of ['action=remove&target=grade', `action=remove&target=grade&_csrf=${encodeURIComponent('forged-token-from-elsewhere')}`]) {
      const forged = await app.inject({ method: 'POST', url: `/${YEAR}/la/${STOCKPORT}/letter/edits`, headers: { cookie: inspector.cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, payload });
      assert.equal(forged.statusCode, 403, payload);
    }
    // Another browser's token, however valid there, is not this browser's.
    const elsewhere = await browser(app);
    const moved = await app.inject({ method: 'POST', url: `/${YEAR}/la/${STOCKPORT}/process/move`, headers: { cookie: inspector.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: elsewhere.csrf, move: 'send-to-moderation' }).toString() });
    assert.equal(moved.statusCode, 403);
    assert.equal((await store.letterEdits(STOCKPORT, YEAR)).length, 0, 'no edit was recorded');
    assert.equal((await store.workflowEvents(YEAR, STOCKPORT)).at(-1)!.move, 'send-for-check', 'no move was made');
  });

  it("an LA user asking for another LA's draft gets 404", async () => {
    const trafford = await signedInAs(app, store, 'la', '358');
    for (const url of [`/${YEAR}/la/${STOCKPORT}/letter`, `/${YEAR}/la/${STOCKPORT}/letter.pdf`, `/${YEAR}/la/${STOCKPORT}/letter.md`, `/${YEAR}/la/${STOCKPORT}/process`, `/${YEAR}/la/${STOCKPORT}`, `/api/${YEAR}/las/${STOCKPORT}`, `/api/${YEAR}/las/${STOCKPORT}/letter`]) {
      const r = await app.inject({ method: 'GET', url, headers: trafford.headers });
      assert.equal(r.statusCode, 404, url);
      assert.doesNotMatch(r.body, /factual accuracy|performs (excellently|well|adequately|poorly)/i, `${url} says nothing of the draft`);
    }
    // Stockport's own LA user sees it: it is their check.
    const stockport = await signedInAs(app, store, 'la', '356');
    assert.equal((await app.inject({ method: 'GET', url: `/${YEAR}/la/${STOCKPORT}/letter`, headers: stockport.headers })).statusCode, 200);
    // And a comment on another LA's draft is refused as if it were not there.
    const comment = await postForm(app, `/${YEAR}/la/${STOCKPORT}/process/comment`, { text: 'Not ours to say.' }, trafford);
    assert.equal(comment.statusCode, 404);
  });

  it('the public asking for an unpublished letter, its PDF, its CSV row or its API record gets 404', async () => {
    for (const url of [`/${YEAR}/la/${STOCKPORT}`, `/${YEAR}/la/${STOCKPORT}/letter`, `/${YEAR}/la/${STOCKPORT}/letter.pdf`, `/${YEAR}/la/${STOCKPORT}/letter.docx`, `/${YEAR}/la/${STOCKPORT}/letter.html`, `/${YEAR}/la/${STOCKPORT}/letter.md`, `/${YEAR}/la/${STOCKPORT}/block-a.csv`, `/api/${YEAR}/las/${STOCKPORT}`, `/api/${YEAR}/las/${STOCKPORT}/profile`, `/api/${YEAR}/las/${STOCKPORT}/letter`, `/${YEAR}/la/${STOCKPORT}/process`, `/${YEAR}/process`]) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404, url);
    }
    // The national CSV, JSON and page do not hold its row.
    for (const url of [`/${YEAR}/assessments.csv`, `/api/${YEAR}/assessments.csv`, `/api/${YEAR}/assessments`, `/${YEAR}`]) {
      const r = await app.inject({ method: 'GET', url });
      assert.ok(r.statusCode === 200 || r.statusCode === 404, `${url}: ${r.statusCode}`);
      assert.doesNotMatch(r.body, /Stockport/, `${url} does not name Stockport`);
    }
  });

  it('an inspector signing off gets 403', async () => {
    const inspector = await signedInAs(app, store, 'inspector');
    for (const move of ['sign-off', 'publish']) {
      const r = await postForm(app, `/${YEAR}/la/${STOCKPORT}/process/move`, { move }, inspector);
      assert.equal(r.statusCode, 403, move);
      assert.match(r.body, /inspector may not/i);
    }
    assert.equal((await store.workflowEvents(YEAR, STOCKPORT)).at(-1)!.move, 'send-for-check');
  });

  it('a session replayed after sign-out is refused', async () => {
    const inspector = await signedInAs(app, store, 'inspector');
    assert.equal((await app.inject({ method: 'GET', url: `/${YEAR}/la/${STOCKPORT}/process`, headers: inspector.headers })).statusCode, 200);
    assert.equal((await postForm(app, '/sign-out', {}, inspector)).statusCode, 303);
    // The same cookie, sent again: the session has ended on the server, so it signs nobody in.
    assert.equal((await app.inject({ method: 'GET', url: `/${YEAR}/la/${STOCKPORT}/process`, headers: inspector.headers })).statusCode, 404);
    const r = await postForm(app, `/${YEAR}/la/${STOCKPORT}/process/move`, { move: 'send-to-moderation' }, inspector);
    assert.equal(r.statusCode, 404);
  });

  it('the audit log cannot be rewritten through any route', async () => {
    const moderator = await signedInAs(app, store, 'moderator');
    const before = await store.auditEvents();
    assert.ok(before.length > 10);
    // No route changes or removes anything: there is no PUT, PATCH or DELETE at all, and none under /audit but GET.
    assert.deepEqual(routes.filter((r) => !['GET', 'HEAD', 'POST'].includes(r.method)), []);
    assert.deepEqual(routes.filter((r) => r.url.startsWith('/audit') && r.method !== 'GET' && r.method !== 'HEAD'), []);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      for (const url of ['/audit', '/audit.csv', '/api/audit']) {
        const r = await app.inject({ method, url, headers: { ...moderator.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(moderator.csrf)}&id=1&action=signed-in` });
        assert.ok(r.statusCode === 404 || r.statusCode === 405, `${method} ${url}: ${r.statusCode}`);
      }
    }
    // Every POST route, sent a moderator's well-formed form naming an audit event: each appends at most; none rewrites.
    // (Not the sign-out: it would end this moderator's session before the checks below.)
    const posts = routes.filter((x) => x.method === 'POST' && x.url !== '/sign-out');
    assert.ok(posts.length >= 7, `${posts.length} POST routes`);
    for (const r of posts) {
      const url = r.url.replace(':year', String(YEAR)).replace(':code', STOCKPORT);
      await postForm(app, url, { id: '1', action: 'signed-in', subject: 'rewritten', at: '2000-01-01T00:00:00.000Z', text: 'x' }, moderator);
    }
    const afterwards = await store.auditEvents({ limit: 10_000 });
    assert.deepEqual(afterwards.slice(0, before.length), before, 'every earlier event is as it was');
    // And the log reads back as moderators export it.
    const csv = await app.inject({ method: 'GET', url: '/audit.csv', headers: moderator.headers });
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.trim().split('\n').length >= before.length + 1, true);
    const inspector = await signedInAs(app, store, 'inspector');
    assert.equal((await app.inject({ method: 'GET', url: '/audit', headers: inspector.headers })).statusCode, 403, 'an inspector may not read it');
    assert.equal((await app.inject({ method: 'GET', url: '/audit' })).statusCode, 404, 'the public is not told it exists');
  });
});


describe('a correction before it is published (issue 15)', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false }).app;
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('stays out of public view: the page, the API and the CSV keep the published grade and its rationale', async () => {
    const before = JSON.parse((await app.inject({ method: 'GET', url: `/api/${YEAR}/las/${STOCKPORT}` })).body) as { grade: number; judgement: { rationale: string } };
    const other = before.grade === 1 ? 2 : 1;
    const { actors } = await demoAccounts(store, '2026-01-01T00:00:00.000Z');
    // A moderator records a new final grade for a correction (allowed after publication), not yet published.
    await recordGrades(store, frameworkFor(YEAR), [{ la: STOCKPORT, grade: other, rationale: 'A correction not yet published.' }], { at: new Date().toISOString(), actor: actors.get('moderator')!, stage: 'final' });
    const served = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false }).app;
    try {
      const api = JSON.parse((await served.inject({ method: 'GET', url: `/api/${YEAR}/las/${STOCKPORT}` })).body) as { grade: number; judgement: { rationale: string } };
      assert.equal(api.grade, before.grade);
      assert.equal(api.judgement.rationale, before.judgement.rationale);
      for (const url of [`/${YEAR}/la/${STOCKPORT}`, `/${YEAR}/assessments.csv`, `/api/${YEAR}/las/${STOCKPORT}`, `/${YEAR}/la/${STOCKPORT}/letter.md`]) {
        assert.doesNotMatch((await served.inject({ method: 'GET', url })).body, /A correction not yet published/, url);
      }
      // Ofsted's staff see it as it stands.
      const moderator = await signedInAs(served, store, 'moderator');
      assert.equal(JSON.parse((await served.inject({ method: 'GET', url: `/api/${YEAR}/las/${STOCKPORT}`, headers: moderator.headers })).body).grade, other);
    } finally {
      await served.close();
    }
  });
});
