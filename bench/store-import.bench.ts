import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCsv } from '../src/ingest/source.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { openStore, storeLocation } from '../src/store/open-store.ts';
import { benchPostgres } from './postgres.ts';
import type { BenchLine } from './support.ts';
import { benchDataDir, median, scratch, timeRuns } from './support.ts';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/**
 * Issue 14: the whole import of the published data (`kingsway import`: LA lists, both neighbour vintages, LAIT, the
 * ILACS history, Ofsted's provider files, the hex map) into PostgreSQL beside SQLite, each into an empty store, as a
 * user runs it (a process of its own); and LAIT alone on PostgreSQL against its bare parse in the same process, as
 * bench/lait-import.bench.ts measures it on SQLite (aim: 2× on both stores).
 */
export async function benchStoreImport(runs = 3): Promise<BenchLine[]> {
  const data = benchDataDir();
  const tmp = scratch();
  try {
    const full = (db: string) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [main, '--db', db, 'import', '--data', data], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`kingsway import into ${db} failed: ${run.stderr}`);
      return performance.now() - started;
    };
    const sqlite = full(join(tmp.dir, 'full.db'));
    const postgres = full(benchPostgres());

    const laCodes = PUBLISHED_SOURCES.find((s) => s.name === 'la-codes')!;
    const lait = PUBLISHED_SOURCES.find((s) => s.name === 'lait')!;
    const parse = await timeRuns(runs, () => {
      const loaded = loadCsv(join(data, 'dfe-lait/bds_long.csv.gz'), 'bds_long.csv.gz');
      if (!loaded.ok || loaded.value.table.rows.length !== 641_070) throw new Error('LAIT did not parse to 641,070 rows');
    });
    const las = laCodes.read(data, { las: [] });
    if (!las.ok) throw new Error('LA lists rejected');
    const imports: number[] = [];
    for (let run = 0; run < runs; run++) {
      const store = await openStore(storeLocation(benchPostgres()));
      await store.replaceDataset(las.batch);
      const started = performance.now();
      const read = lait.read(data, { las: las.batch.localAuthorities ?? [] });
      if (!read.ok) throw new Error(`LAIT rejected: ${read.rejections[0]?.reason}`);
      if ((await store.replaceDataset(read.batch)).status !== 'written') throw new Error('LAIT was not written');
      imports.push(performance.now() - started);
      await store.close();
    }
    const p = median(parse);
    const i = median(imports);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      { benchmark: 'full import', measure: 'kingsway import of the published data, SQLite (one run)', value: s(sqlite) },
      { benchmark: 'full import', measure: 'kingsway import of the published data, PostgreSQL (one run)', value: `${s(postgres)} = ${(postgres / sqlite).toFixed(2)}× SQLite` },
      { benchmark: 'LAIT import', measure: `PostgreSQL: parse, validate, write (median of ${runs})`, value: s(i) },
      { benchmark: 'LAIT import', measure: 'PostgreSQL: import / parse', value: `${(i / p).toFixed(2)}×`, target: '2× (issue 14)', met: i / p <= 2 },
    ];
  } finally {
    tmp.cleanup();
  }
}
