import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { assessmentYearDate, existsOn } from '../src/domain/local-authority.ts';
import { setUp } from './assessment.bench.ts';
import type { BenchLine } from './support.ts';
import { scratch } from './support.ts';

/**
 * Issue 5: with a load generator on loopback against the running server (`kingsway serve`, in its own process, on the
 * synthetic national dataset), the LA page and the API's profile endpoint each hold 200 requests a second for 30 s
 * with p99 under 100 ms and no errors. The requests go round every LA, so the first request for each page renders it
 * (and the rest may be served from the page cache), as they would for real visitors. The reference is the smallest
 * endpoint (/api/years) at the same rate, in the same run.
 */
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

async function startServer(db: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [main, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve(m[1]!);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  return { url, stop: () => new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) };
}

interface Load {
  readonly rps: number;
  readonly p99: number;
  readonly p50: number;
  readonly errors: number;
  readonly requests: number;
}

async function load(url: string, paths: readonly string[], seconds: number): Promise<Load> {
  const result = await autocannon({ url, connections: 10, duration: seconds, overallRate: 200, requests: paths.map((path) => ({ method: 'GET', path })) });
  return { rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, errors: result.errors + result.timeouts + result.non2xx, requests: result.requests.total };
}

export async function benchWeb(seconds = 30): Promise<BenchLine[]> {
  const tmp = scratch();
  try {
    const { store, las } = await setUp(tmp.dir);
    await store.close();
    const server = await startServer(join(tmp.dir, 'bench.db'));
    try {
      const codes = las.filter((l) => existsOn(l, assessmentYearDate(2011))).map((l) => l.code);
      const reference = await load(server.url, ['/api/years'], 10);
      const page = await load(server.url, codes.map((c) => `/2011/la/${c}`), seconds);
      const api = await load(server.url, codes.map((c) => `/api/2011/las/${c}/profile`), seconds);
      const line = (measure: string, l: Load, target?: boolean): BenchLine => ({
        benchmark: 'web 2011',
        measure,
        value: `${l.rps.toFixed(0)} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${target ? ` = ${(l.p99 / Math.max(1, reference.p99)).toFixed(1)}× reference p99` : ''}, ${l.errors} errors of ${l.requests}`,
        ...(target ? { target: '200 req/s for 30 s, p99 < 100 ms, no errors', met: l.rps >= 195 && l.p99 < 100 && l.errors === 0 } : {}),
      });
      return [line('reference: GET /api/years at 200 req/s for 10 s', reference), line(`LA page, every LA in turn, ${seconds} s`, page, true), line(`API profile, every LA in turn, ${seconds} s`, api, true)];
    } finally {
      await server.stop();
    }
  } finally {
    tmp.cleanup();
  }
}
