import { NotFoundError } from '../../domain/errors.ts';
import type { Store } from '../../store/repository.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { buildServer } from '../../web/server.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway serve`: the web application on loopback (by default) until interrupted. It answers as soon as it
 * listens; every year is then assessed in the background (an LA page shows the LA's grade in each year), so that
 * later pages are as quick as the rest.
 */
export async function runServe(store: Store, options: { port: number; host: string; log: boolean; letter?: LetterSettings }, io: Io): Promise<void> {
  // An empty store would serve a site with nothing in it as though all were well (a reviewer saw exactly that on a
  // fresh clone): refuse, and say what to do.
  if ((await store.localAuthorities()).length === 0) throw new NotFoundError('the store holds no local authorities, so there is nothing to serve: run `kingsway demo` (or `kingsway import`) on it first');
  const { app, data } = buildServer(store, { logRequests: options.log, ...(options.letter ? { letter: options.letter } : {}) });
  const address = await app.listen({ port: options.port, host: options.host });
  io.out(`Kingsway is running at ${address.replace('127.0.0.1', 'localhost')} (press Ctrl+C to stop)`);
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
