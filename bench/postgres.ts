import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../scripts/postgres.sh', import.meta.url));
let server: { url: string; stop: () => void } | undefined;
let schemas = 0;

/**
 * A PostgreSQL server for the benchmarks: $KINGSWAY_TEST_POSTGRES if set, else a throwaway one started here on
 * loopback (scripts/postgres.sh, the same as the test suite's) and stopped when the benchmarks end. Each call gives
 * a URL for a new, empty schema on it.
 */
export function benchPostgres(): string {
  if (server === undefined) {
    const given = process.env['KINGSWAY_TEST_POSTGRES'];
    if (given) server = { url: given, stop: () => undefined };
    else {
      const dir = mkdtempSync(join(tmpdir(), 'kingsway-bench-pg-'));
      const exported = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' });
      const url = exported.match(/KINGSWAY_TEST_POSTGRES=(\S+)/)?.[1];
      if (!url) throw new Error(`scripts/postgres.sh did not start a server: ${exported}`);
      server = { url, stop: () => execFileSync('bash', [script, 'stop', dir]) };
      process.on('exit', () => server?.stop());
    }
  }
  return `${server.url}${server.url.includes('?') ? '&' : '?'}schema=bench_${process.pid}_${++schemas}`;
}
