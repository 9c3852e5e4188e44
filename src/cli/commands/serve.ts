import { NotFoundError, UsageError } from '../../domain/errors.ts';
import type { Store } from '../../store/repository.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { buildServer } from '../../web/server.ts';
import { defaultAllowedHosts, hostMatcher, isLoopback } from '../../web/security.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway serve`: the web application on loopback (by default) until interrupted. It answers as soon as it
 * listens; every year is then assessed in the background (an LA page shows the LA's grade in each year), so that
 * later pages are as quick as the rest.
 */
export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  readonly log: boolean;
  readonly letter?: LetterSettings;
  /** --allowed-host, each time given: the Host names answered (default: defaultAllowedHosts of --host and --port). */
  readonly allowedHosts?: readonly string[];
  /** --secure-cookies or --no-secure-cookies; neither: secure unless it listens on loopback with no proxy in front. */
  readonly secureCookies?: boolean;
  /** --trust-proxy: the reverse proxies' addresses (comma-separated IPs or CIDR ranges) whose X-Forwarded-* are believed. */
  readonly trustProxy?: string;
}

/**
 * The security settings `kingsway serve` gives the site (src/web/security.ts). Cookies are Secure (and the site sends
 * HSTS) unless it listens on loopback with no proxy in front, which is the local demo over plain http: a browser
 * refuses a Secure cookie over http. Behind an HTTPS proxy on the same machine, --trust-proxy says so (or
 * --secure-cookies); to sign in over plain http from another machine, --no-secure-cookies.
 */
export function serveSecurity(options: ServeOptions): { allowedHosts: readonly string[]; secureCookies: boolean; trustProxy?: string } {
  const allowedHosts = options.allowedHosts && options.allowedHosts.length > 0 ? options.allowedHosts : defaultAllowedHosts(options.host, options.port);
  try {
    hostMatcher(allowedHosts);
  } catch (e) {
    throw new UsageError(`--allowed-host: ${(e as Error).message}`);
  }
  const secureCookies = options.secureCookies ?? (options.trustProxy !== undefined || !isLoopback(options.host));
  return { allowedHosts, secureCookies, ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}) };
}

export async function runServe(store: Store, options: ServeOptions, io: Io): Promise<void> {
  // An empty store would serve a site with nothing in it as though all were well (a reviewer saw exactly that on a
  // fresh clone): refuse, and say what to do.
  if ((await store.localAuthorities()).length === 0) throw new NotFoundError('the store holds no local authorities, so there is nothing to serve: run `kingsway demo` (or `kingsway import`) on it first');
  const security = serveSecurity(options);
  const { app, data } = buildServer(store, { logRequests: options.log, ...(options.letter ? { letter: options.letter } : {}), ...security });
  const address = await app.listen({ port: options.port, host: options.host });
  io.out(`Kingsway is running at ${address.replace('127.0.0.1', 'localhost')} (press Ctrl+C to stop)`);
  io.err(`answering the host names ${security.allowedHosts.join(', ')} (--allowed-host); ${security.secureCookies ? 'cookies Secure, for HTTPS (--no-secure-cookies to sign in over plain http)' : 'cookies for plain http on loopback (--secure-cookies behind HTTPS)'}`);
  // It listens first and assesses the years after (issue 14: it once assessed all 14 before answering, 15-25 s at
  // every start): a request for a year not yet assessed waits for that year alone (and those its direction of travel
  // reads), which the site assesses once whoever asks first. The latest years first: the front page opens on them.
  const started = performance.now();
  void (async () => {
    for (const year of data.years) {
      // The store answers synchronously (better-sqlite3), so a year's assessment runs without giving the event loop a
      // turn: yield between years, so that a page already rendered is sent rather than held until every year is done.
      await new Promise((resume) => setImmediate(resume));
      try {
        await data.year(year);
      } catch (error) {
        // A year that fails is tried again when it is asked for; the others still warm.
        io.err(`could not assess ${year} ahead of its first request: ${(error as Error).message}`);
      }
    }
    io.err(`assessed ${data.years.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  })();
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void app.close().then(() => done());
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
