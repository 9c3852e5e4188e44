import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from '../../src/render/pdf.ts';
import type { Store } from '../../src/store/repository.ts';
import { buildServer } from '../../src/web/server.ts';
import type { WebSession } from './web-session.ts';

export interface ServedInChromium {
  /** The server's address, `http://127.0.0.1:<port>`. */
  readonly base: string;
  readonly browser: Browser;
  readonly store: Store;
  /** The server itself, for signing someone in (web-session.ts signedInAs) to browse as them (signedInContext). */
  readonly app: FastifyInstance;
}

/**
 * For a `describe` of browser tests: before them, the site served on a free loopback port from the store `makeStore`
 * gives (quietly: no request log) and the Debian Chromium launched; after them, both closed and the store too.
 * Call it inside the `describe`; read the fields in the tests.
 */
export function servedInChromium(makeStore: () => Promise<Store>): ServedInChromium {
  let app: FastifyInstance | undefined;
  let store: Store | undefined;
  let browser: Browser | undefined;
  let base = '';
  before(async () => {
    store = await makeStore();
    app = buildServer(store, { logStream: { write: () => undefined } }).app;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });
  return {
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not launched yet: read this inside a test');
      return browser;
    },
    get store() {
      if (!store) throw new Error('the store is not open yet: read this inside a test');
      return store;
    },
    get app() {
      if (!app) throw new Error('the server is not built yet: read this inside a test');
      return app;
    },
  };
}

/**
 * A browser context holding a session's cookies for the server at `base` (its CSRF secret's, and its session's once
 * signed in: web-session.ts), so that its pages are the ones that person sees (issue 15: Ofsted's staff see what is
 * not yet published). As the server sets them: for its host, every path, HttpOnly, and Secure where their `__Host-`
 * names say so (Chromium counts http://127.0.0.1 as secure).
 */
export async function signedInContext(browser: Browser, base: string, session: WebSession, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  const domain = new URL(base).hostname;
  await context.addCookies([...session.cookies].map(([name, value]) => ({ name, value, domain, path: '/', httpOnly: true, secure: name.startsWith('__Host-'), sameSite: 'Lax' as const })));
  return context;
}
