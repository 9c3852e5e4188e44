import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../src/domain/roles.ts';
import type { Store } from '../../src/store/repository.ts';
import { signedInAs } from './web-session.ts';
import type { SignedInSession, WebSession } from './web-session.ts';

/**
 * Pages asked for as one person, for the web tests that read content behind the embargo (issue 15): the public (no
 * cookie), or a member of Ofsted's staff signed in through the sign-in form (web-session.ts), who sees every LA-year
 * as it stands, published or not.
 */
type Injected = Awaited<ReturnType<FastifyInstance['inject']>>;
export type Get = (url: string) => Promise<Injected>;

/** GETs from one browser, its cookies sent; with no session, as the public. */
export const getAs =
  (app: FastifyInstance, session?: WebSession): Get =>
  (url) =>
    app.inject({ method: 'GET', url, headers: session ? { ...session.headers } : {} });

/** A member of Ofsted's staff (an analyst unless said), signed in: GETs with their cookie, and the session itself. */
export async function staffGet(app: FastifyInstance, store: Store, role: StaffRole = 'analyst'): Promise<Get & { readonly session: SignedInSession }> {
  const session = await signedInAs(app, store, role);
  return Object.assign(getAs(app, session), { session });
}

/**
 * A server in another process (`kingsway serve`) as the session helpers (web-session.ts) ask of one: its `inject`,
 * made over HTTP with fetch, answering with what they read of inject's answer (the status, the headers, the body and
 * the cookies set). Only for those helpers and the requests they make; it is no FastifyInstance beyond `inject`.
 */
export function overHttp(base: string): FastifyInstance {
  const inject = async (options: { method?: string; url: string; headers?: Record<string, string>; payload?: string }) => {
    const r = await fetch(`${base}${options.url}`, { method: options.method ?? 'GET', redirect: 'manual', headers: options.headers ?? {}, ...(options.payload !== undefined ? { body: options.payload } : {}) });
    const body = await r.text();
    const cookies = r.headers.getSetCookie().map((line) => {
      const [pair, ...attributes] = line.split(';');
      const at = pair!.indexOf('=');
      const cookie: { name: string; value: string; maxAge?: number; expires?: Date } = { name: pair!.slice(0, at).trim(), value: pair!.slice(at + 1).trim() };
      for (const attribute of attributes) {
        const [key, value = ''] = attribute.split('=').map((s) => s.trim());
        if (key!.toLowerCase() === 'max-age') cookie.maxAge = Number(value);
        if (key!.toLowerCase() === 'expires') cookie.expires = new Date(value);
      }
      return cookie;
    });
    return { statusCode: r.status, headers: Object.fromEntries(r.headers), body, cookies, json: () => JSON.parse(body) as unknown };
  };
  return { inject } as unknown as FastifyInstance;
}
