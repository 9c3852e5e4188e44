import { join } from 'node:path';
import { loadCsv } from '../src/ingest/source.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { BenchLine } from './support.ts';
import { benchDataDir, median, scratch } from './support.ts';

/**
 * Issue 2: importing all of LAIT (641,070 values) takes well under 10 s. Measured against the time merely to read
 * and parse the same file (gunzip, UTF-8 check, papaparse) in the same process, so the ratio says what validation
 * and the SQLite write cost on top of parsing, whatever the machine's speed. Issue 14 asks for at most 2×.
 *
 * Each run parses, then imports, so that the two measures of a run see the same load: on a machine shared with other
 * work, parsing three times and then importing three times put minutes-apart moments into one ratio (the same build
 * gave 2.3× and 5.3× within two minutes).
 */
/** One bare parse, in a function of its own so that nothing of the parsed table is still held while the import runs. */
function timeParse(data: string): number {
  const started = performance.now();
  const loaded = loadCsv(join(data, 'dfe-lait/bds_long.csv.gz'), 'bds_long.csv.gz');
  const ms = performance.now() - started;
  if (!loaded.ok || loaded.value.table.rows.length !== 641_070) throw new Error('LAIT did not parse to 641,070 rows');
  return ms;
}

export async function benchLaitImport(runs = 3): Promise<BenchLine[]> {
  const data = benchDataDir();
  const laCodes = PUBLISHED_SOURCES.find((s) => s.name === 'la-codes')!;
  const lait = PUBLISHED_SOURCES.find((s) => s.name === 'lait')!;
  const tmp = scratch();
  try {
    const las = laCodes.read(data, { las: [] });
    if (!las.ok) throw new Error('LA lists rejected');
    const parse: number[] = [];
    const imports: number[] = [];
    for (let run = 0; run < runs; run++) {
      parse.push(timeParse(data));
      // A fresh database each run, with the LA list already in (not timed: it is not LAIT).
      const store = await SqliteStore.open(join(tmp.dir, `lait-${run}.db`));
      await store.replaceDataset(las.batch);
      const started = performance.now();
      const read = lait.read(data, { las: las.batch.localAuthorities ?? [] });
      if (!read.ok) throw new Error(`LAIT rejected: ${read.rejections[0]?.reason}`);
      const outcome = await store.replaceDataset(read.batch);
      imports.push(performance.now() - started);
      if (outcome.status !== 'written') throw new Error('LAIT was not written');
      await store.close();
    }
    const p = median(parse);
    const i = median(imports);
    return [
      { benchmark: 'LAIT import', measure: 'parse only (median of 3)', value: `${(p / 1000).toFixed(2)} s` },
      { benchmark: 'LAIT import', measure: 'full import: parse, validate, write (median of 3)', value: `${(i / 1000).toFixed(2)} s`, target: '< 10 s', met: i < 10_000 },
      { benchmark: 'LAIT import', measure: 'import / parse', value: `${(i / p).toFixed(2)}×` },
    ];
  } finally {
    tmp.cleanup();
  }
}
