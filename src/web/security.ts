import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { CookieSerializeOptions } from '@fastify/cookie';
import helmet from '@fastify/helmet';
import csrfProtection from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import { sessionActor } from '../application/accounts.ts';
import { PUBLIC } from '../domain/roles.ts';
import type { Actor } from '../domain/roles.ts';
import type { Store } from '../store/repository.ts';
import { HttpError } from './http-error.ts';

/**
 * The web's security layer (issue 15), made of Fastify's own plugins and a few lines of ours:
 *   - who is signed in: our store-backed sessions (src/application/accounts.ts) read from an HttpOnly cookie on every
 *     request, as `request.actor` (PUBLIC when there is no cookie, or it is ended, expired or its account disabled);
 *   - @fastify/helmet: security headers, with a Content-Security-Policy whose script nonce is new on every response;
 *   - @fastify/csrf-protection (in @fastify/cookie mode): every POST carries a token made from a secret kept in this
 *     browser's own cookie, so that a form sent from another site, or a token copied from another browser, is refused;
 *   - @fastify/rate-limit: a generous limit per address on every request (sign-in has its strict one: sign-in.ts);
 *   - the Host header checked against the names the site answers to (a rebound DNS name is refused).
 * The pages' templates get who is signed in, a CSRF token and the nonce from `pageContext` (server.ts's `render`).
 */

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is signed in by this request's session cookie, or PUBLIC: set before any handler runs (security.ts). */
    actor: Actor;
  }
}

/** What the security layer reads of WebOptions (server.ts's WebOptions extends it). */
export interface SecurityOptions {
  /**
   * The site is served over HTTPS (itself or by a reverse proxy): cookies are `Secure` and `__Host-` prefixed, and
   * Strict-Transport-Security and upgrade-insecure-requests are sent. Default true; `kingsway serve` turns it off when
   * it listens on loopback with no proxy in front (browsers refuse Secure cookies over plain http), unless told.
   */
  readonly secureCookies?: boolean;
  /**
   * The names the site answers to, as a Host header gives them: `name` (any port) or `name:port`. Any other Host is
   * answered 421. Default the loopback names on any port (localhost, 127.0.0.1, [::1]); `kingsway serve` passes its own.
   */
  readonly allowedHosts?: readonly string[];
  /** Fastify's trustProxy: which proxies' X-Forwarded-For and -Host to believe (rate limits are per client address). */
  readonly trustProxy?: FastifyServerOptions['trustProxy'];
  /** Every request, per client address: at most `max` in `windowMs` (default DEFAULT_RATE_LIMIT). */
  readonly rateLimit?: { readonly max: number; readonly windowMs: number };
  /** Sign-in attempts (POST /sign-in) in `windowMs`: per address and name typed, and per address (DEFAULT_SIGN_IN_RATE_LIMIT). */
  readonly signInRateLimit?: { readonly perNameAndAddress: number; readonly perAddress: number; readonly windowMs: number };
  /** The clock sessions are checked and started by; a test's own, or the system's. */
  readonly now?: () => Date;
}

/**
 * 3,000 requests in 10 s from one address (300 a second): no person comes near it, and the benchmark's 200 a second
 * from one loopback address for 30 s (npm run bench -- web) stays under it; a client going faster is told 429.
 */
export const DEFAULT_RATE_LIMIT = { max: 3000, windowMs: 10_000 } as const;

/**
 * Sign-in attempts in 15 minutes: 10 for one name from one address (guessing one person's password), and 100 from one
 * address whatever the names (trying many names; an office behind one address still signs everyone in).
 */
export const DEFAULT_SIGN_IN_RATE_LIMIT = { perNameAndAddress: 10, perAddress: 100, windowMs: 15 * 60_000 } as const;

/** The names a server on loopback answers to. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The cookies' names. Over HTTPS, `__Host-` names: the browser keeps them only if they are Secure, for Path=/ and for
 * this host alone (no Domain), so no other site on a sibling domain can set or replace them. Over plain http on
 * loopback (tests, the local demo) browsers refuse Secure and `__Host-` cookies, so the names are plain.
 */
export function cookieNames(secure: boolean): { readonly session: string; readonly csrf: string } {
  return secure ? { session: '__Host-kingsway-session', csrf: '__Host-kingsway-csrf' } : { session: 'kingsway-session', csrf: 'kingsway-csrf' };
}

/**
 * Both cookies' attributes. HttpOnly: no script reads them. SameSite=Lax rather than Strict: a person following a
 * link to Kingsway from an email or another site arrives signed in (Strict would show them signed out until they
 * moved to a second page), while a cross-site POST, the only way to change anything, carries neither cookie, and the
 * CSRF token is checked besides.
 */
export function cookieOptions(secure: boolean): CookieSerializeOptions {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure };
}

/** Whether an address to listen on is loopback: only this machine can reach the server. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/**
 * `kingsway serve`'s allowed Host names when none is given: the loopback names and the address it listens on (not
 * 0.0.0.0 or ::, which no one types), with its port (any port when it is 0: chosen when it listens).
 */
export function defaultAllowedHosts(listenHost: string, port: number): string[] {
  const names = new Set(LOOPBACK_HOSTS);
  const host = listenHost.toLowerCase();
  if (!['0.0.0.0', '::', '[::]', ''].includes(host)) names.add(isIP(host) === 6 ? `[${host}]` : host);
  return [...names].map((name) => (port === 0 ? name : `${name}:${port}`));
}

/** A Host header (or an allowed name) as a name and port, in lower case without a trailing dot; null if it is not one. */
function hostParts(host: string): { readonly name: string; readonly port: string | null } | null {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  if (!m) return null;
  return { name: m[1]!.toLowerCase().replace(/\.$/, ''), port: m[2] ?? null };
}

/** Whether a Host header names one of `allowed` (`name` matches it on any port, `name:port` on that port only). */
export function hostMatcher(allowed: readonly string[]): (host: string | undefined) => boolean {
  const anyPort = new Set<string>();
  const exact = new Set<string>();
  for (const entry of allowed) {
    const parts = hostParts(entry);
    if (!parts) throw new Error(`${JSON.stringify(entry)} is not a host name, or a host name and port, such as kingsway.example.org or localhost:3000`);
    if (parts.port === null) anyPort.add(parts.name);
    else exact.add(`${parts.name}:${Number(parts.port)}`);
  }
  return (host) => {
    const parts = host === undefined ? null : hostParts(host);
    if (!parts) return false;
    return anyPort.has(parts.name) || (parts.port !== null && exact.has(`${parts.name}:${Number(parts.port)}`));
  };
}

/** The key a page cache keeps a person's own copy of a page under: `public` for whoever is not signed in. */
export function actorKey(actor: Actor): string {
  return actor.kind === 'public' ? 'public' : `user ${actor.id}`;
}

/** Who is signed in, in the words the header shows: "Ann Smith" and "inspector" (an LA user's with their LA's code). */
export function signedInAs(actor: Actor): { readonly name: string; readonly role: string } | null {
  if (actor.kind === 'public') return null;
  return { name: actor.name, role: actor.role === 'la' ? `LA user, ${actor.la}` : actor.role };
}

/** The header's "Sign in" link, coming back to this page (its path: a query string is the visitor's own). */
function signInHref(request: FastifyRequest): string {
  const path = request.url.split('?')[0] ?? '/';
  return path === '/' || path.startsWith('/sign-') ? '/sign-in' : `/sign-in?next=${encodeURIComponent(path)}`;
}

/** What the layout (templates/layout.njk) reads on every page, besides the page's own context. */
export interface PageContext {
  readonly actor: Actor;
  readonly signedIn: { readonly name: string; readonly role: string } | null;
  /** The nonce of this response's Content-Security-Policy, for the GOV.UK template's one inline script. */
  readonly cspNonce: string;
  /** A CSRF token for a form on the page, `{{ csrfToken() }}`: made when a template asks (it sets the secret's cookie on a first visit). */
  readonly csrfToken: () => string;
  readonly signInHref: string;
}

/** The layout's context for a page rendered for this response: who is signed in, the CSP nonce, a CSRF token. */
export function pageContext(reply: FastifyReply): PageContext {
  const actor = reply.request.actor ?? PUBLIC;
  let token: string | undefined;
  return { actor, signedIn: signedInAs(actor), cspNonce: reply.cspNonce?.script ?? '', csrfToken: () => (token ??= reply.generateCsrf()), signInHref: signInHref(reply.request) };
}

/**
 * Stands for the nonce in a page rendered once and sent to many (the page cache): `withNonce` puts each response's own
 * in its place. Letters only, so that autoescaping leaves it as it is; it is looked for as the whole script tag,
 * `<script nonce="…">`, which no escaped text on a page can contain.
 */
const NONCE_SLOT = 'kingswayCspNonceSlot';
const NONCE_TAG = Buffer.from(`<script nonce="${NONCE_SLOT}">`);
const NONCE_AT = '<script nonce="'.length;

/**
 * Whether this response may be a page rendered once and shared (the page cache): only for whoever is not signed in.
 * A signed-in person's page names them and carries a sign-out form with a CSRF token made from their browser's
 * secret, so it is rendered for them each time, never kept.
 */
export function sharesPages(reply: FastifyReply): boolean {
  return (reply.request.actor ?? PUBLIC).kind === 'public';
}

/**
 * The layout's context for a page rendered once and sent to every visitor who is not signed in (the page cache): the
 * nonce is a stand-in (withNonce), and there is no CSRF token (a template asking for one fails: it cannot be shared).
 */
export function sharedPageContext(reply: FastifyReply): PageContext {
  return {
    actor: PUBLIC,
    signedIn: null,
    cspNonce: NONCE_SLOT,
    csrfToken: () => {
      throw new Error('a page rendered for the page cache cannot hold a CSRF token: render it for the response instead');
    },
    signInHref: signInHref(reply.request),
  };
}

/** A page rendered with sharedPageContext, with this response's CSP nonce in its script tag. */
export function withNonce(reply: FastifyReply, page: Buffer): Buffer {
  const at = page.indexOf(NONCE_TAG);
  const nonce = reply.cspNonce?.script;
  if (at < 0 || !nonce) return page;
  return Buffer.concat([page.subarray(0, at + NONCE_AT), Buffer.from(nonce, 'latin1'), page.subarray(at + NONCE_AT + NONCE_SLOT.length)]);
}

/** What a refused POST says: no token, or not this browser's. */
export const CSRF_REFUSED =
  'The form was refused because it did not carry the security code this site gave your browser with the page. This happens when a form is sent from another website, or when your browser does not keep cookies for this site. Go back to the page, reload it, and send the form again.';

/**
 * A download (a CSV, a letter as Word, PDF, Markdown or HTML: every response with a Content-Disposition) is a document
 * of its own, not one of our pages: no script at all, its own inline styles (the HTML letter's stylesheet is in it).
 */
export const DOWNLOAD_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The pages' Content-Security-Policy (fastify-helmet adds each response's nonces to script-src and style-src). Style
 * attributes are allowed, and only they: the charts' and the hex map's SVG carry a few (font, size, overflow).
 */
function contentSecurityPolicy(secure: boolean) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'style-src-attr': ["'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
    },
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface SecurityPluginOptions {
  readonly store: Store;
  readonly options: SecurityOptions;
}

/**
 * The security layer, registered first in buildServer: its hooks run on every request, in this order: the actor set
 * to PUBLIC, helmet's headers and nonces, the Host check, the rate limit, the cookies read, the session resolved; then,
 * once the body is read, the CSRF check of every POST (or other unsafe method). A refusal on the way is an HttpError,
 * which server.ts's error handler answers as a GOV.UK page, or JSON under /api/.
 */
export const webSecurity = fp<SecurityPluginOptions>(
  async (app, { store, options }) => {
    const secure = options.secureCookies ?? true;
    const now = options.now ?? (() => new Date());
    const names = cookieNames(secure);
    const attributes = cookieOptions(secure);
    const hostAllowed = hostMatcher(options.allowedHosts ?? LOOPBACK_HOSTS);
    const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;

    app.decorateRequest('actor', null as never);
    app.addHook('onRequest', async (request) => {
      request.actor = PUBLIC;
    });

    await app.register(helmet, {
      enableCSPNonces: true,
      contentSecurityPolicy: contentSecurityPolicy(secure),
      // Only over HTTPS: HSTS sent over http is ignored, and on localhost would pin every local server to HTTPS. Not
      // includeSubDomains: the deployment's other hosts are not Kingsway's to decide.
      strictTransportSecurity: secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: false } : false,
      xFrameOptions: { action: 'deny' },
    });

    // DNS rebinding: a page on another site whose name is made to resolve to this server's address would otherwise be
    // answered as though it were Kingsway. A plain refusal, before anything is read.
    app.addHook('onRequest', async (request, reply) => {
      if (hostAllowed(request.host)) return;
      return reply
        .code(421)
        .type('text/plain; charset=utf-8')
        .send(`This server does not answer for the host ${JSON.stringify(request.host ?? '')}. If that is its name, start it with kingsway serve --allowed-host NAME.\n`);
    });

    await app.register(rateLimit, { global: false });
    const seconds = Math.round(limit.windowMs / 1000);
    app.addHook(
      'onRequest',
      app.rateLimit({
        max: limit.max,
        timeWindow: limit.windowMs,
        errorResponseBuilder: (_request, context) => new HttpError(context.statusCode, `Too many requests have come from your address: at most ${limit.max.toLocaleString('en-GB')} are answered in ${seconds} seconds. Wait ${context.after} and try again.`),
      }),
    );

    await app.register(cookie);
    app.addHook('onRequest', async (request, reply) => {
      const token = request.cookies[names.session];
      if (token === undefined) return;
      const actor = await sessionActor(store, token, now().toISOString());
      if (actor) request.actor = actor;
      // Signed out elsewhere, expired, or the account disabled: the browser need not send it again.
      else reply.clearCookie(names.session, attributes);
    });

    await app.register(csrfProtection, {
      cookieKey: names.csrf,
      cookieOpts: attributes,
      // The form's hidden field, or a header for a script; nowhere else (not the query string, which is logged).
      getToken: (request) => ((request.body as Record<string, unknown> | undefined)?.['_csrf'] as string | undefined) ?? (request.headers['x-csrf-token'] as string | undefined),
    });
    // In preValidation, after the body is read (the token is a form field) and before the schema is checked or any
    // handler runs. The plugin's refusal becomes a 403 whose page says what happened.
    app.addHook('preValidation', (request, reply, done) => {
      if (SAFE_METHODS.has(request.method)) return done();
      const refusing: FastifyReply = Object.create(reply, { send: { value: () => (done(new HttpError(403, CSRF_REFUSED)), reply) } });
      app.csrfProtection(request, refusing, done);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      if (reply.hasHeader('content-disposition')) reply.header('content-security-policy', DOWNLOAD_CSP);
      // A page made for one person (their name, their CSRF token, a cookie being set) is for no shared cache.
      if (!reply.hasHeader('cache-control') && (request.actor.kind !== 'public' || reply.hasHeader('set-cookie'))) reply.header('cache-control', 'no-store');
      return payload;
    });
  },
  { name: 'kingsway-security', fastify: '5.x' },
);
