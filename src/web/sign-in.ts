import type { FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { SESSION_HOURS, SIGN_IN_REFUSED, signIn, signOut } from '../application/accounts.ts';
import type { Store } from '../store/repository.ts';
import { HttpError } from './http-error.ts';
import { query, text } from './request-schema.ts';
import { cookieNames, cookieOptions, DEFAULT_SIGN_IN_RATE_LIMIT } from './security.ts';
import type { SecurityOptions } from './security.ts';

/**
 * Signing in and out (issue 15): GET /sign-in shows the form, POST /sign-in checks the name and password
 * (src/application/accounts.ts signIn, which writes the audit event) and sets the session cookie, POST /sign-out ends
 * the session on the server and clears the cookie. Both POSTs carry the CSRF token (security.ts), sign-in included:
 * without it another site could sign a visitor in as the attacker (login CSRF).
 */

/** Where a sign-in may send the browser on: a path on this site, or the front page. */
const BASE = 'http://kingsway.invalid';

/**
 * The `next` address made safe: a path on this site (it starts with one "/", and is still a path once the URL parser
 * has normalised it, so `/.//evil.example` cannot become `//evil.example`), else "/". Never another site's address
 * (`//evil.example`, `https://evil.example`, `/\evil.example`, which browsers read as `//evil.example`), nor the
 * sign-in and sign-out pages themselves.
 */
export function safeNext(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//') || /[\\\p{Cc}\s]/u.test(raw)) return '/';
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return '/';
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (url.origin !== BASE || !path.startsWith('/') || path.startsWith('//') || /^\/sign-(in|out)\b/.test(path)) return '/';
  return path;
}

type Render = (reply: FastifyReply, template: string, context: object) => FastifyReply;

export interface SignInPluginOptions {
  readonly store: Store;
  readonly options: SecurityOptions;
  /** server.ts's render: the template with the layout's context (security.ts pageContext) and the page's own. */
  readonly render: Render;
}

interface FormError {
  readonly field: 'name' | 'password';
  readonly text: string;
}

/** The same name however it is typed: rate limits count "Ann Smith" and " ann  smith" as one. */
const folded = (name: string) => name.trim().toLowerCase().replace(/\s+/gu, ' ').slice(0, 200);

export const signInPages = fp<SignInPluginOptions>(
  async (app, { store, options, render }) => {
    const secure = options.secureCookies ?? true;
    const now = options.now ?? (() => new Date());
    const names = cookieNames(secure);
    const attributes = cookieOptions(secure);
    const limits = options.signInRateLimit ?? DEFAULT_SIGN_IN_RATE_LIMIT;
    // Two counts of attempts, each its own store: one name from one address, and one address whatever the names.
    const byNameAndAddress = app.createRateLimit({ max: limits.perNameAndAddress, timeWindow: limits.windowMs, keyGenerator: (request) => `${request.ip} ${folded(((request.body ?? {}) as Record<string, string | undefined>)['name'] ?? '')}` });
    const byAddress = app.createRateLimit({ max: limits.perAddress, timeWindow: limits.windowMs, keyGenerator: (request) => request.ip });
    const minutes = Math.round(limits.windowMs / 60_000);

    const page = (reply: FastifyReply, form: { next: string; name: string; errors: readonly FormError[] }) =>
      render(reply, 'sign-in.njk', {
        title: 'Sign in',
        next: form.next,
        values: { name: form.name },
        errors: form.errors,
        errorFor: Object.fromEntries(form.errors.map((e) => [e.field, { text: e.text }])),
      });

    app.get<{ Querystring: { next?: string } }>('/sign-in', { schema: { querystring: query({ next: text(2000) }) } }, async (request, reply) => page(reply, { next: safeNext(request.query.next), name: '', errors: [] }));

    const signInSchema = { body: { type: 'object', properties: { name: text(1000), password: text(2000), next: text(2000), _csrf: text(200) }, additionalProperties: text(200) } };
    app.post<{ Body: Record<string, string | undefined> }>('/sign-in', { schema: signInSchema }, async (request, reply) => {
      const body = request.body ?? {};
      const name = body['name'] ?? '';
      const password = body['password'] ?? '';
      const next = safeNext(body['next']);
      const errors: FormError[] = [];
      if (name.trim() === '') errors.push({ field: 'name', text: 'Enter your name' });
      if (password === '') errors.push({ field: 'password', text: 'Enter your password' });
      if (errors.length > 0) return page(reply.code(400), { next, name, errors });

      // Counted before the password is checked (one scrypt hash, about 0.1 s), whether it is right or not.
      const [one, all] = await Promise.all([byNameAndAddress(request), byAddress(request)]);
      const exceeded = [one, all].filter((r) => !r.isAllowed && r.isExceeded);
      if (exceeded.length > 0) {
        const wait = Math.max(...exceeded.map((r) => (r.isAllowed ? 0 : r.ttlInSeconds)));
        reply.header('retry-after', String(wait));
        throw new HttpError(429, `There have been too many attempts to sign in from your address: at most ${limits.perNameAndAddress} for one name, and ${limits.perAddress} in all, in ${minutes} minutes. Wait ${Math.ceil(wait / 60)} minute${Math.ceil(wait / 60) === 1 ? '' : 's'} and try again.`);
      }

      const at = now().toISOString();
      const result = await signIn(store, { name, password }, { at });
      if (!result.ok) return page(reply.code(400), { next, name, errors: [{ field: 'name', text: SIGN_IN_REFUSED }] });
      // Signed in as someone else before, in this browser: that session ends now rather than lingering until it expires.
      const previous = request.cookies[names.session];
      if (previous !== undefined) await signOut(store, previous, at);
      reply.setCookie(names.session, result.token, { ...attributes, maxAge: SESSION_HOURS * 3600 });
      return reply.redirect(next, 303);
    });

    app.post<{ Body: Record<string, string | undefined> }>('/sign-out', { schema: { body: { type: 'object', properties: { _csrf: text(200) }, additionalProperties: text(200) } } }, async (request, reply) => {
      const token = request.cookies[names.session];
      // Ended on the server, so that the cookie, if it is kept or copied, signs no one in.
      if (token !== undefined) await signOut(store, token, now().toISOString());
      reply.clearCookie(names.session, attributes);
      return reply.redirect('/', 303);
    });
  },
  { name: 'kingsway-sign-in', fastify: '5.x', dependencies: ['kingsway-security'] },
);
