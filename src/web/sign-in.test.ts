import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addAccount, SESSION_HOURS, SIGN_IN_REFUSED } from '../application/accounts.ts';
import type { SystemActor } from '../domain/audit.ts';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { browser, cookieHeader, csrfTokenIn, keepCookies, postForm, signedInAs } from '../../test/support/web-session.ts';
import type { WebSession } from '../../test/support/web-session.ts';
import { buildServer } from './server.ts';
import type { WebOptions } from './server.ts';
import { safeNext } from './sign-in.ts';

/**
 * Signing in and out through the site (issue 15; sign-in.ts, security.ts), in process with Fastify's inject over the
 * fixture store: the cookie and its attributes, who the header names, the same refusal whatever was wrong, the rate
 * limits, the session ended on the server, login CSRF and the `next` address.
 */
const CLI: SystemActor = { kind: 'system', name: 'command line (test)' };
const PASSWORD = 'a long enough passphrase';
const quiet = { write: () => undefined };

function served(options: WebOptions = {}): { readonly app: FastifyInstance; readonly store: Store } {
  const held: { app?: FastifyInstance; store?: Store } = {};
  before(async () => {
    held.store = await webFixtureStore();
    held.app = buildServer(held.store, { secureCookies: false, logStream: quiet, ...options }).app;
    await addAccount(held.store, { name: 'Ivy Inspector', role: 'inspector', password: PASSWORD }, { at: new Date().toISOString(), by: CLI });
    await addAccount(held.store, { name: 'Lee Stockport', role: 'la', la: '356', password: PASSWORD }, { at: new Date().toISOString(), by: CLI });
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

/** A form field's <input> tag, its attributes' spacing made single (GOV.UK Frontend's macros leave runs of it). */
const inputTag = (html: string, id: string) => (html.match(/<input[^>]*>/g) ?? []).map((t) => t.replace(/\s+/g, ' ')).find((t) => t.includes(` id="${id}" `)) ?? '';

const signInForm = (app: FastifyInstance, from: WebSession, fields: Record<string, string>) => postForm(app, '/sign-in', fields, from);

describe('signing in and out', () => {
  const s = served();

  it('shows a GOV.UK sign-in form with a CSRF token, and says what is missing in an error summary', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/sign-in?next=%2F2011%2Fla%2F356%2Fletter' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Sign in<\/h1>/);
    assert.match(inputTag(page.body, 'name'), /^<input class="govuk-input[^"]*" id="name" name="name" type="text" spellcheck="false" value="" autocomplete="username">$/);
    assert.match(inputTag(page.body, 'password'), / name="password" type="password" .*autocomplete="current-password"/);
    assert.match(page.body, /<input type="hidden" name="next" value="\/2011\/la\/356\/letter">/);
    assert.ok(csrfTokenIn(page.body).length > 20);
    const from = await browser(s.app);
    const blank = await signInForm(s.app, from, { name: ' ', password: '' });
    assert.equal(blank.statusCode, 400);
    assert.match(blank.body, /<title>Error: Sign in – Kingsway<\/title>/);
    assert.match(blank.body, /govuk-error-summary/);
    assert.match(blank.body, /<a href="#name">Enter your name<\/a>/);
    assert.match(blank.body, /<a href="#password">Enter your password<\/a>/);
  });

  it('signs in: an HttpOnly, SameSite=Lax session cookie for SESSION_HOURS, a 303 to `next`, and the header names the person on every page', async () => {
    const from = await browser(s.app);
    const r = await signInForm(s.app, from, { name: 'Ivy Inspector', password: PASSWORD, next: '/2011/la/356/letter' });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/2011/la/356/letter');
    const cookie = (r.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string; maxAge?: number; secure?: boolean; domain?: string }[]).find((c) => c.name === 'kingsway-session');
    assert.ok(cookie, 'the session cookie is set');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.maxAge, SESSION_HOURS * 3600);
    assert.equal(cookie.domain, undefined);
    assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
    const headers = { cookie: cookieHeader(keepCookies(r, from.cookies)) };
    for (const url of ['/2011/la/356/letter', '/2011', '/2011/la/356', '/compare', '/nowhere']) {
      const page = await s.app.inject({ method: 'GET', url, headers });
      assert.match(page.body, /Signed in as <strong>Ivy Inspector<\/strong> \(inspector\) · <form method="post" action="\/sign-out" class="kw-account__form"><input type="hidden" name="_csrf" value="[^"]+"><button type="submit" class="govuk-link kw-account__sign-out">Sign out<\/button><\/form>/, url);
      assert.doesNotMatch(page.body, />Sign in<\/a>/, url);
      // A page made for one person is for no shared cache.
      assert.equal(page.headers['cache-control'], 'no-store', url);
    }
    const events = await s.store.auditEvents();
    assert.ok(events.some((e) => e.action === 'signed-in' && e.actor.name === 'Ivy Inspector'));
  });

  it("names an LA user's LA beside their role, and shows the public a link to sign in that comes back to the page", async () => {
    const lee = await signedInAs(s.app, s.store, 'la', '356');
    const page = await s.app.inject({ method: 'GET', url: '/2011/la/356/letter', headers: lee.headers });
    assert.match(page.body, new RegExp(`Signed in as <strong>${lee.name}</strong> \\(LA user, 356\\)`));
    const anonymous = await s.app.inject({ method: 'GET', url: '/2011/la/356/letter' });
    assert.match(anonymous.body, /<a class="govuk-link" href="\/sign-in\?next=%2F2011%2Fla%2F356%2Fletter">Sign in<\/a>/);
    assert.doesNotMatch(anonymous.body, /Signed in as/);
    assert.match((await s.app.inject({ method: 'GET', url: '/2011' })).body, /href="\/sign-in\?next=%2F2011">Sign in<\/a>/);
  });

  it('refuses a wrong password, an unknown name and a name in the wrong case with the same words, and sets no session cookie', async () => {
    const from = await browser(s.app);
    for (const fields of [{ name: 'Ivy Inspector', password: 'not the password at all' }, { name: 'Nobody Atall', password: PASSWORD }, { name: 'ivy inspector', password: PASSWORD }]) {
      const r = await signInForm(s.app, from, fields);
      assert.equal(r.statusCode, 400, fields.name);
      assert.match(r.body, new RegExp(`<a href="#name">${SIGN_IN_REFUSED.replace(/[.()]/g, '\\$&')}</a>`), fields.name);
      assert.equal(r.cookies.find((c: { name: string }) => c.name === 'kingsway-session'), undefined, fields.name);
      // The name typed is kept; the password never is.
      assert.match(inputTag(r.body, 'name'), new RegExp(` value="${fields.name}" `));
      assert.doesNotMatch(r.body, new RegExp(fields.password));
    }
  });

  it('signs out: the session ends on the server, the cookie is cleared, and the same cookie replayed signs no one in', async () => {
    const ivy = await signedInAs(s.app, s.store, 'inspector');
    const before = await s.app.inject({ method: 'GET', url: '/2011', headers: ivy.headers });
    assert.match(before.body, /Signed in as/);
    const out = await postForm(s.app, '/sign-out', {}, ivy);
    assert.equal(out.statusCode, 303);
    assert.equal(out.headers.location, '/');
    const cleared = (out.cookies as { name: string; maxAge?: number }[]).find((c) => c.name === 'kingsway-session');
    assert.equal(cleared?.maxAge, 0);
    // A copy of the cookie kept from before: the server no longer knows the session.
    const replayed = await s.app.inject({ method: 'GET', url: '/2011', headers: ivy.headers });
    assert.equal(replayed.statusCode, 200);
    assert.doesNotMatch(replayed.body, /Signed in as/);
    assert.match(replayed.body, />Sign in<\/a>/);
    assert.equal((replayed.cookies as { name: string; maxAge?: number }[]).find((c) => c.name === 'kingsway-session')?.maxAge, 0, 'the dead cookie is cleared');
    const events = await s.store.auditEvents();
    assert.ok(events.some((e) => e.action === 'signed-out' && e.actor.name === ivy.name));
  });

  it('signing in again as someone else ends the first session', async () => {
    const ivy = await signedInAs(s.app, s.store, 'inspector');
    const again = await signInForm(s.app, ivy, { name: 'Lee Stockport', password: PASSWORD });
    assert.equal(again.statusCode, 303);
    const oldCookie = { cookie: ivy.cookie };
    assert.doesNotMatch((await s.app.inject({ method: 'GET', url: '/2011', headers: oldCookie })).body, /Signed in as/);
    const now = { cookie: cookieHeader(keepCookies(again, ivy.cookies)) };
    assert.match((await s.app.inject({ method: 'GET', url: '/2011', headers: now })).body, /Signed in as <strong>Lee Stockport<\/strong>/);
  });

  it('refuses a sign-in or a sign-out without the CSRF token (login CSRF), with a 403 page', async () => {
    const noToken = await s.app.inject({ method: 'POST', url: '/sign-in', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ name: 'Ivy Inspector', password: PASSWORD }).toString() });
    assert.equal(noToken.statusCode, 403);
    assert.match(noToken.body, /govuk-template/);
    assert.match(noToken.body, /did not carry the security code this site gave your browser/);
    assert.equal(noToken.cookies.find((c: { name: string }) => c.name === 'kingsway-session'), undefined);
    const ivy = await signedInAs(s.app, s.store, 'inspector');
    const forged = await postForm(s.app, '/sign-out', {}, { ...ivy, csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
    assert.match((await s.app.inject({ method: 'GET', url: '/2011', headers: ivy.headers })).body, /Signed in as/, 'still signed in');
  });

  it('sends the browser on only to a path on this site: an open redirect is sent to /', async () => {
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', '/\\/evil.example', '/.//evil.example', '/\t/evil.example', 'javascript:alert(1)', '', '/sign-out', 'evil.example']) {
      assert.equal(safeNext(next), '/', JSON.stringify(next));
    }
    assert.equal(safeNext(undefined), '/');
    assert.equal(safeNext('/2011/la/356/letter?edit=a%3Aspecial#edit'), '/2011/la/356/letter?edit=a%3Aspecial#edit');
    assert.equal(safeNext('/2011/la/356/indicator/NI%2075'), '/2011/la/356/indicator/NI%2075');
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil']) {
      const r = await signInForm(s.app, await browser(s.app), { name: 'Ivy Inspector', password: PASSWORD, next });
      assert.equal(r.statusCode, 303, next);
      assert.equal(r.headers.location, '/', next);
      const page = await s.app.inject({ method: 'GET', url: `/sign-in?next=${encodeURIComponent(next)}` });
      assert.match(page.body, /<input type="hidden" name="next" value="\/">/, next);
    }
  });
});

describe('sessions by the clock', () => {
  let clock = new Date();
  const s = served({ now: () => clock });

  it(`signs out by itself after ${SESSION_HOURS} hours, whatever is done meanwhile`, async () => {
    clock = new Date();
    const ivy = await signedInAs(s.app, s.store, 'inspector');
    clock = new Date(clock.getTime() + (SESSION_HOURS * 3600 - 60) * 1000);
    assert.match((await s.app.inject({ method: 'GET', url: '/2011', headers: ivy.headers })).body, /Signed in as/);
    clock = new Date(clock.getTime() + 120 * 1000);
    assert.doesNotMatch((await s.app.inject({ method: 'GET', url: '/2011', headers: ivy.headers })).body, /Signed in as/);
  });
});

describe('rate limits on signing in', () => {
  const s = served({ signInRateLimit: { perNameAndAddress: 3, perAddress: 5, windowMs: 15 * 60_000 } });

  it('answers 429 after the limit for one name from one address, and after the looser one for the address, right password or not', async () => {
    const from = await browser(s.app);
    for (let i = 0; i < 3; i++) assert.equal((await signInForm(s.app, from, { name: 'Ivy Inspector', password: 'not the password at all' })).statusCode, 400);
    // The same name however it is typed; the right password does not get past the limit.
    const limited = await signInForm(s.app, from, { name: '  ivy   INSPECTOR ', password: PASSWORD });
    assert.equal(limited.statusCode, 429);
    assert.match(limited.body, /govuk-template/);
    assert.match(limited.body, /There have been too many attempts to sign in from your address: at most 3 for one name, and 5 in all, in 15 minutes\. Wait 15 minutes and try again\./);
    assert.ok(Number(limited.headers['retry-after']) > 800);
    assert.equal(limited.cookies.find((c: { name: string }) => c.name === 'kingsway-session'), undefined);
    // Another name from the same address: allowed until the address's own limit (5 attempts in all; this is the 5th).
    assert.equal((await signInForm(s.app, from, { name: 'Lee Stockport', password: PASSWORD })).statusCode, 303);
    assert.equal((await signInForm(s.app, from, { name: 'Lee Stockport', password: PASSWORD })).statusCode, 429);
    // Another address is counted apart.
    const elsewhere = await s.app.inject({ method: 'POST', url: '/sign-in', remoteAddress: '192.0.2.7', headers: { ...from.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: from.csrf, name: 'Ivy Inspector', password: PASSWORD }).toString() });
    assert.equal(elsewhere.statusCode, 303);
  });
});

describe('cookies over HTTPS', () => {
  const s = served({ secureCookies: true });

  it('names the session cookie __Host-kingsway-session, Secure, for Path=/ and no Domain', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/sign-in' });
    const csrfCookie = (page.cookies as { name: string; secure?: boolean; path?: string }[]).find((c) => c.name === '__Host-kingsway-csrf');
    assert.equal(csrfCookie?.secure, true);
    assert.equal(csrfCookie?.path, '/');
    const from = { ...(await browser(s.app)) };
    const r = await signInForm(s.app, from, { name: 'Ivy Inspector', password: PASSWORD });
    assert.equal(r.statusCode, 303);
    const cookie = (r.cookies as { name: string; secure?: boolean; httpOnly?: boolean; path?: string; domain?: string; sameSite?: string }[]).find((c) => c.name === '__Host-kingsway-session');
    assert.ok(cookie);
    assert.equal(cookie.secure, true);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.path, '/');
    assert.equal(cookie.domain, undefined);
    assert.equal(cookie.sameSite, 'Lax');
    assert.match((await s.app.inject({ method: 'GET', url: '/2011', headers: { cookie: cookieHeader(keepCookies(r, from.cookies)) } })).body, /Signed in as <strong>Ivy Inspector<\/strong>/);
    // A plain-named cookie is not read when the site is on HTTPS.
    const token = (r.cookies as { name: string; value: string }[]).find((c) => c.name === '__Host-kingsway-session')!.value;
    assert.doesNotMatch((await s.app.inject({ method: 'GET', url: '/2011', headers: { cookie: `kingsway-session=${token}` } })).body, /Signed in as/);
  });
});
