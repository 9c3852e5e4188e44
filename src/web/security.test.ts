import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { browser, postForm, signedInAs } from '../../test/support/web-session.ts';
import type { PageCache } from './page-cache.ts';
import { buildServer } from './server.ts';
import type { WebOptions } from './server.ts';
import { actorKey, CSRF_REFUSED, defaultAllowedHosts, DOWNLOAD_CSP, hostMatcher, isLoopback } from './security.ts';

/**
 * The web's security layer (security.ts), in process with Fastify's inject over the fixture store: the headers and
 * the Content-Security-Policy with its nonce, CSRF on every POST, the Host check, the rate limit, and pages for one
 * person kept out of the shared page cache.
 */
const quiet = { write: () => undefined };

function served(options: WebOptions = {}): { readonly app: FastifyInstance; readonly store: Store; readonly cache: PageCache } {
  const held: { app?: FastifyInstance; store?: Store; cache?: PageCache } = {};
  before(async () => {
    held.store = await webFixtureStore();
    ({ app: held.app, cache: held.cache } = buildServer(held.store, { logStream: quiet, ...options }));
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
  };
}

/** A Content-Security-Policy as its directives. */
const directives = (csp: unknown): Map<string, string[]> => new Map(String(csp).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

/** The GOV.UK template's inline script's nonce attribute. */
const scriptNonce = (html: string) => /<script nonce="([^"]+)">document\.body\.className/.exec(html)?.[1];

describe('security headers', () => {
  const s = served({ secureCookies: false });

  it('sends a Content-Security-Policy whose script nonce is new on every response and is the inline script\'s, cached page or not', async () => {
    for (const url of ['/2011', '/2011/la/356', '/2011/la/356/indicator/NI%2075', '/compare?year=2011&la=356&measure=group%3Aspecial', '/2011/la/356/letter', '/evaluation/ilacs', '/api', '/sign-in', '/nowhere']) {
      const nonces = new Set<string>();
      // Twice: the second of a cached page is the cache's copy.
      for (let i = 0; i < 2; i++) {
        const r = await s.app.inject({ method: 'GET', url });
        const csp = directives(r.headers['content-security-policy']);
        assert.deepEqual(csp.get('default-src'), ["'self'"], url);
        const script = csp.get('script-src') ?? [];
        assert.equal(script[0], "'self'", url);
        assert.equal(script.length, 2, url);
        const nonce = /^'nonce-([0-9a-f]{32})'$/.exec(script[1]!)?.[1];
        assert.ok(nonce, url);
        assert.equal(scriptNonce(r.body), nonce, `${url}: the inline script carries the response's nonce`);
        nonces.add(nonce);
        assert.equal(csp.get('style-src')?.[0], "'self'", url);
        assert.ok(!csp.get('style-src')?.includes("'unsafe-inline'"), url);
        assert.deepEqual(csp.get('style-src-attr'), ["'unsafe-inline'"], url);
        assert.deepEqual(csp.get('img-src'), ["'self'", 'data:'], url);
        assert.deepEqual(csp.get('frame-ancestors'), ["'none'"], url);
        assert.deepEqual(csp.get('form-action'), ["'self'"], url);
        assert.deepEqual(csp.get('object-src'), ["'none'"], url);
        assert.equal(csp.has('upgrade-insecure-requests'), false, `${url}: plain http`);
        // No <style> element (Plot's is in kingsway.css), and no other inline script.
        assert.doesNotMatch(r.body, /<style/, url);
        assert.equal((r.body.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).length, 1, url);
      }
      assert.equal(nonces.size, 2, `${url}: a new nonce for each response`);
    }
  });

  it("sends helmet's other headers, and no HSTS over plain http", async () => {
    const r = await s.app.inject({ method: 'GET', url: '/2011' });
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['x-frame-options'], 'DENY');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(r.headers['strict-transport-security'], undefined);
  });

  it('keeps the JSON API and the downloads working, each download with a policy of its own: no script, its own styles', async () => {
    const api = await s.app.inject({ method: 'GET', url: '/api/2011/las/356' });
    assert.equal(api.statusCode, 200);
    assert.match(api.headers['content-type'] as string, /^application\/json/);
    assert.equal((api.json() as { grade: number }).grade, 3);
    assert.equal((await s.app.inject({ method: 'GET', url: '/openapi.json' })).statusCode, 200);
    for (const [url, type] of [
      ['/2011/assessments.csv', /^text\/csv/],
      ['/2011/la/356/block-a.csv', /^text\/csv/],
      ['/2011/la/356/letter.html', /^text\/html/],
      ['/2011/la/356/letter.md', /^text\/markdown/],
      ['/2011/la/356/letter.docx', /officedocument/],
    ] as const) {
      const r = await s.app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 200, url);
      assert.match(r.headers['content-type'] as string, type, url);
      assert.equal(r.headers['content-security-policy'], DOWNLOAD_CSP, url);
    }
    // The HTML letter's stylesheet is inline in it, and the policy lets it apply.
    assert.match((await s.app.inject({ method: 'GET', url: '/2011/la/356/letter.html' })).body, /<style>/);
    assert.match(DOWNLOAD_CSP, /style-src 'unsafe-inline'/);
    assert.match(DOWNLOAD_CSP, /default-src 'none'/);
    assert.equal((await s.app.inject({ method: 'GET', url: '/static/kingsway.css' })).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'GET', url: '/govuk/govuk-frontend.min.js' })).statusCode, 200);
  });
});

describe('security headers over HTTPS', () => {
  const s = served({ secureCookies: true });

  it('sends HSTS and upgrade-insecure-requests', async () => {
    const r = await s.app.inject({ method: 'GET', url: '/2011' });
    assert.equal(r.headers['strict-transport-security'], 'max-age=31536000');
    assert.ok(directives(r.headers['content-security-policy']).has('upgrade-insecure-requests'));
  });
});

describe('CSRF', () => {
  const s = served({ secureCookies: false });
  // Only an inspector, signed in, may edit a letter (issue 15): the author is the account, never a field.
  const edit = { action: 'reword', target: 'a:special', text: 'Five of the six special schools maintained by the council are good or better.' };
  const url = '/2011/la/356/letter/edits';
  const formHeaders = { 'content-type': 'application/x-www-form-urlencoded' };

  it('puts a token in each of the letter page\'s forms', async () => {
    // An inspector's browser holding its session's cookie alone: the page's forms set the secret's.
    const inspector = await signedInAs(s.app, s.store, 'inspector');
    const page = await s.app.inject({ method: 'GET', url: '/2011/la/356/letter?edit=a%3Aspecial', headers: { cookie: `kingsway-session=${inspector.cookies.get('kingsway-session')}` } });
    assert.match(page.body, /<form method="post" action="\/2011\/la\/356\/letter\/edits" id="edit-form" novalidate>\s*<input type="hidden" name="_csrf" value="[^"]+">/);
    assert.ok((page.cookies as { name: string }[]).some((c) => c.name === 'kingsway-csrf'), 'the secret is set in its cookie');
  });

  it('refuses a POST with no token, a forged one, or one made for another browser, with a 403 GOV.UK page, and records nothing', async () => {
    const before = (await s.store.letterEdits('356' as never, 2011)).length;
    const mine = await signedInAs(s.app, s.store, 'inspector');
    const theirs = await browser(s.app);
    const attempts = [
      // A cross-site form: the browser sends no cookie (SameSite=Lax) and the page has no token.
      s.app.inject({ method: 'POST', url, headers: formHeaders, payload: new URLSearchParams(edit).toString() }),
      // This browser's cookie, and no token.
      s.app.inject({ method: 'POST', url, headers: { ...mine.headers, ...formHeaders }, payload: new URLSearchParams(edit).toString() }),
      // A token made up.
      postForm(s.app, url, edit, { ...mine, csrf: 'AAAAAAAA-Y2fFMMgVGM2Xk7FoS4Fk4RvRovtN6p1dtiQjjPe4V_0' }),
      // Another browser's token: made from its secret, not this one's.
      postForm(s.app, url, edit, { ...mine, csrf: theirs.csrf }),
      // A token with no cookie to check it against.
      s.app.inject({ method: 'POST', url, headers: formHeaders, payload: new URLSearchParams({ ...edit, _csrf: mine.csrf }).toString() }),
    ];
    for (const [i, r] of (await Promise.all(attempts)).entries()) {
      assert.equal(r.statusCode, 403, `attempt ${i}`);
      assert.match(r.body, /govuk-template/, `attempt ${i}`);
      assert.match(r.body, /<h1 class="govuk-heading-l">There is a problem<\/h1>/, `attempt ${i}`);
      assert.ok(r.body.includes(CSRF_REFUSED.replace(/'/g, '&#39;')), `attempt ${i}`);
    }
    assert.equal((await s.store.letterEdits('356' as never, 2011)).length, before);
    // This browser's own token, as the form's field or as a header, is accepted.
    assert.equal((await postForm(s.app, url, edit, mine)).statusCode, 303);
    const byHeader = await s.app.inject({ method: 'POST', url, headers: { ...mine.headers, ...formHeaders, 'x-csrf-token': mine.csrf }, payload: new URLSearchParams({ ...edit, text: 'Five special schools of six are good or better.' }).toString() });
    assert.equal(byHeader.statusCode, 303);
  });
});

describe('allowed Host names', () => {
  const loopback = served({ secureCookies: false });
  const named = served({ secureCookies: false, allowedHosts: ['kingsway.example.org', 'localhost:3000'] });

  it('answers the loopback names by default, and refuses any other Host with 421 and a plain message', async () => {
    for (const host of ['localhost', 'localhost:80', '127.0.0.1:3000', '[::1]:8080', 'LOCALHOST.']) assert.equal((await loopback.app.inject({ method: 'GET', url: '/2011', headers: { host } })).statusCode, 200, host);
    // (inject sends a Host of its own when given none, so a request with none is not tried here.)
    for (const host of ['evil.example', 'evil.example:80', 'localhost.evil.example', '127.0.0.2', 'localhost:80@evil.example']) {
      const r = await loopback.app.inject({ method: 'GET', url: '/2011', headers: { host } });
      assert.equal(r.statusCode, 421, host);
      assert.match(r.headers['content-type'] as string, /^text\/plain/, host);
      assert.match(r.body, /^This server does not answer for the host/);
    }
    // Refused before anything is read: a form to another name is not checked, nor its CSRF token.
    assert.equal((await loopback.app.inject({ method: 'POST', url: '/sign-in', headers: { host: 'evil.example' } })).statusCode, 421);
  });

  it('answers only the names it is given, on any port or on the one given', async () => {
    assert.equal((await named.app.inject({ method: 'GET', url: '/2011', headers: { host: 'kingsway.example.org' } })).statusCode, 200);
    assert.equal((await named.app.inject({ method: 'GET', url: '/2011', headers: { host: 'Kingsway.Example.Org:443' } })).statusCode, 200);
    assert.equal((await named.app.inject({ method: 'GET', url: '/2011', headers: { host: 'localhost:3000' } })).statusCode, 200);
    assert.equal((await named.app.inject({ method: 'GET', url: '/2011', headers: { host: 'localhost:3001' } })).statusCode, 421);
    assert.equal((await named.app.inject({ method: 'GET', url: '/2011', headers: { host: 'localhost' } })).statusCode, 421);
  });

  it('works out the names from where the server listens', () => {
    assert.deepEqual(defaultAllowedHosts('127.0.0.1', 3000), ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']);
    assert.deepEqual(defaultAllowedHosts('0.0.0.0', 8080), ['localhost:8080', '127.0.0.1:8080', '[::1]:8080']);
    assert.deepEqual(defaultAllowedHosts('192.0.2.10', 3000), ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.0.2.10:3000']);
    assert.deepEqual(defaultAllowedHosts('::1', 0), ['localhost', '127.0.0.1', '[::1]']);
    assert.deepEqual(defaultAllowedHosts('fd00::5', 0), ['localhost', '127.0.0.1', '[::1]', '[fd00::5]']);
    assert.equal(hostMatcher(defaultAllowedHosts('fd00::5', 0))('[FD00::5]:3000'), true);
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopback(host), true, host);
    for (const host of ['0.0.0.0', '::', '192.0.2.1', 'kingsway.example.org']) assert.equal(isLoopback(host), false, host);
    assert.throws(() => hostMatcher(['https://kingsway.example.org']), /is not a host name/);
  });
});

describe('the rate limit on every request', () => {
  const s = served({ secureCookies: false, rateLimit: { max: 5, windowMs: 60_000 } });

  it('answers 429 beyond the limit from one address, as a GOV.UK page, or JSON from the API, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await s.app.inject({ method: 'GET', url: '/2011' })).statusCode, 200);
    const page = await s.app.inject({ method: 'GET', url: '/2011' });
    assert.equal(page.statusCode, 429);
    assert.match(page.body, /govuk-template/);
    assert.match(page.body, /Too many requests have come from your address: at most 5 are answered in 60 seconds\. Wait 1 minute and try again\./);
    assert.ok(Number(page.headers['retry-after']) > 0);
    const api = await s.app.inject({ method: 'GET', url: '/api/2011/las/356' });
    assert.equal(api.statusCode, 429);
    assert.equal((api.json() as { error: { status: number } }).error.status, 429);
    // Another address has its own count.
    assert.equal((await s.app.inject({ method: 'GET', url: '/2011', remoteAddress: '192.0.2.8' })).statusCode, 200);
  });
});

describe('the page cache and who is signed in', () => {
  const s = served({ secureCookies: false });

  it("keeps a page for each audience, with each signed-in person's own header and token put in for them alone", async () => {
    await s.app.inject({ method: 'GET', url: '/2011/la/356' });
    const ivy = await signedInAs(s.app, s.store, 'inspector');
    const ian = await signedInAs(s.app, s.store, 'inspector');
    const ivys = await s.app.inject({ method: 'GET', url: '/2011/la/356', headers: ivy.headers });
    const kept = s.cache.size;
    // The second inspector is served the page kept for inspectors, with their own name and their browser's token.
    const ians = await s.app.inject({ method: 'GET', url: '/2011/la/356', headers: ian.headers });
    assert.equal(s.cache.size, kept, 'one page kept for the inspectors');
    assert.match(ivys.body, new RegExp(`Signed in as <strong>${ivy.name}</strong>`));
    assert.match(ians.body, new RegExp(`Signed in as <strong>${ian.name}</strong>`));
    assert.doesNotMatch(ians.body, new RegExp(ivy.name), "nothing of the first inspector's reaches the second");
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    assert.notEqual(token(ivys.body), token(ians.body));
    // Ian's token signs Ian out, from his own browser.
    const out = await s.app.inject({ method: 'POST', url: '/sign-out', headers: { ...ian.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: `_csrf=${encodeURIComponent(token(ians.body)!)}` });
    assert.equal(out.statusCode, 303);
    // The public's page is its own: no one's name, no token, no slot left in it.
    const theirs = await s.app.inject({ method: 'GET', url: '/2011/la/356' });
    assert.doesNotMatch(theirs.body, /Signed in as|kingswayAccountSlot/);
    assert.doesNotMatch(theirs.body, /name="_csrf"/, 'a shared page holds no CSRF token');
    assert.equal(actorKey({ kind: 'public' }), 'public');
    assert.equal(actorKey({ kind: 'user', id: 7, name: 'Ivy', role: 'inspector', la: null }), 'user 7');
  });
});
