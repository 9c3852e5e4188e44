import { NotFoundError } from '../../domain/errors.ts';
import type { Store } from '../../store/repository.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { buildServer } from '../../web/server.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway serve`: the web application on loopback (by default) until interrupted. Every year is assessed before it
 * listens (an LA page shows the LA's grade in each year), so that the first page is as quick as the rest.
 */
export async function runServe(store: Store, options: { port: number; host: string; log: boolean; letter?: LetterSettings }, io: Io): Promise<void> {
  // An empty store would serve a site with nothing in it as though all were well (a reviewer saw exactly that on a
  // fresh clone): refuse, and say what to do.
  if ((await store.localAuthorities()).length === 0) throw new NotFoundError('the store holds no local authorities, so there is nothing to serve: run `kingsway demo` (or `kingsway import`) on it first');
  const { app, data } = buildServer(store, { logRequests: options.log, ...(options.letter ? { letter: options.letter } : {}) });
  const started = performance.now();
  for (const year of data.years) await data.year(year);
  io.err(`assessed ${data.years.join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const address = await app.listen({ port: options.port, host: options.host });
  io.out(`Kingsway is running at ${address.replace('127.0.0.1', 'localhost')} (press Ctrl+C to stop)`);
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
