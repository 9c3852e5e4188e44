import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultDataDir } from '../src/ingest/data-dir.ts';

/** The published data the benchmarks read: $KINGSWAY_DATA, else the copy the project carries (data/published). */
export function benchDataDir(): string {
  const dir = defaultDataDir(process.env);
  if (dir === undefined || !existsSync(dir)) throw new Error(`benchmark data not found at ${dir ?? 'data/published'}: set KINGSWAY_DATA`);
  return dir;
}

export function scratch(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'kingsway-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `fn` `times` times and returns each run's wall time in ms (after one untimed warm-up when asked). */
export async function timeRuns(times: number, fn: (run: number) => Promise<void> | void): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await fn(i);
    out.push(performance.now() - start);
  }
  return out;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface BenchLine {
  readonly benchmark: string;
  readonly measure: string;
  readonly value: string;
  readonly target?: string;
  readonly met?: boolean;
}
