import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { addAccount } from '../../src/application/accounts.ts';
import type { SystemActor } from '../../src/domain/audit.ts';
import type { AccountRole } from '../../src/domain/roles.ts';
import type { Store } from '../../src/store/repository.ts';

/**
 * A browser, as the web tests play one with Fastify's inject (src/web/security.ts, sign-in.ts): the cookies it keeps,
 * and a CSRF token for its forms. `browser(app)` is someone not signed in (their first page sets the CSRF secret's
 * cookie); `signedInAs(app, store, role)` adds an account and signs it in through the sign-in form.
 */
export interface WebSession {
  /** The Cookie header this browser sends: the CSRF secret's cookie, and the session's once signed in. */
  readonly cookie: string;
  /** `{ cookie }`, to spread into inject's headers. */
  readonly headers: { readonly cookie: string };
  /** A CSRF token made from this browser's secret: a form's `_csrf` field (or an x-csrf-token header). */
  readonly csrf: string;
  /** The cookies by name. */
  readonly cookies: ReadonlyMap<string, string>;
}

export interface SignedInSession extends WebSession {
  readonly name: string;
  readonly password: string;
}

const CLI: SystemActor = { kind: 'system', name: 'command line (test)' };

type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;

/** The cookies a response sets, over those kept: a cleared one (Max-Age=0, or expired) is forgotten. */
export function keepCookies(response: Injected, jar: ReadonlyMap<string, string> = new Map()): Map<string, string> {
  const kept = new Map(jar);
  for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    if (c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now())) kept.delete(c.name);
    else kept.set(c.name, c.value);
  }
  return kept;
}

/** The Cookie header for a jar. */
export const cookieHeader = (jar: ReadonlyMap<string, string>): string => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** The first CSRF token on a page (a form's hidden `_csrf` field). */
export function csrfTokenIn(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(m, 'the page has a form with a CSRF token');
  return m[1]!;
}

const session = (jar: ReadonlyMap<string, string>, csrf: string): WebSession => {
  const cookie = cookieHeader(jar);
  return { cookie, headers: { cookie }, csrf, cookies: jar };
};

/** A browser not signed in: the sign-in page's CSRF token and the secret's cookie it set. */
export async function browser(app: FastifyInstance): Promise<WebSession> {
  const page = await app.inject({ method: 'GET', url: '/sign-in' });
  assert.equal(page.statusCode, 200);
  return session(keepCookies(page), csrfTokenIn(page.body));
}

let accounts = 0;

/**
 * Adds an account with the role (and, for `la`, the LA: default 356) and signs it in through the sign-in form: the
 * browser's cookies (the CSRF secret's and the session's) and a CSRF token for its forms.
 */
export async function signedInAs(app: FastifyInstance, store: Store, role: AccountRole, la?: string): Promise<SignedInSession> {
  accounts += 1;
  const name = `Test ${role} ${accounts}`;
  const password = 'a long enough passphrase';
  await addAccount(store, { name, role, password, ...(role === 'la' ? { la: la ?? '356' } : {}) }, { at: new Date().toISOString(), by: CLI });
  const start = await browser(app);
  const signed = await app.inject({ method: 'POST', url: '/sign-in', headers: { ...start.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: start.csrf, name, password }).toString() });
  assert.equal(signed.statusCode, 303, signed.body);
  return { ...session(keepCookies(signed, start.cookies), start.csrf), name, password };
}

/** A form POSTed from a browser: its cookies, and its CSRF token as the `_csrf` field. */
export function postForm(app: FastifyInstance, url: string, fields: Record<string, string>, from: WebSession): Promise<Injected> {
  return app.inject({ method: 'POST', url, headers: { ...from.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: from.csrf, ...fields }).toString() });
}
