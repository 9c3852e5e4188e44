import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { BenchLine } from './support.ts';
import { benchDataDir, median, scratch, timeRuns } from './support.ts';

/**
 * Ofsted's provider-level social care files (twelve, 13 MB, 37,000 rows): the whole reader (finding each header on the
 * bytes, strict decoding, Papa Parse, column aliases, every value checked, LA names placed by date, the union of
 * inspections and the providers' records per LA) against the bare parse of the same files in the same process (read,
 * decoded as UTF-8 with no checks, Papa Parse over the whole text), so the ratio says what reading them properly costs
 * on top of parsing, whatever the machine. The write to SQLite is timed apart.
 */
export async function benchProviderImport(runs = 5): Promise<BenchLine[]> {
  const data = benchDataDir();
  const source = PUBLISHED_SOURCES.find((s) => s.name === 'ofsted-providers')!;
  const laCodes = PUBLISHED_SOURCES.find((s) => s.name === 'la-codes')!.read(data, { las: [] });
  if (!laCodes.ok) throw new Error('LA lists rejected');
  const las = laCodes.batch.localAuthorities ?? [];
  const decoder = new TextDecoder('utf-8');

  const parseOnly = () => {
    let rows = 0;
    for (const file of source.files) rows += Papa.parse<string[]>(decoder.decode(readFileSync(join(data, file))), { delimiter: ',' }).data.length;
    if (rows < 37_000) throw new Error(`the provider files parsed to ${rows} rows`);
  };
  const readAll = () => {
    const read = source.read(data, { las });
    if (!read.ok) throw new Error(`provider files rejected: ${read.rejections[0]?.reason}`);
    return read;
  };
  // One untimed run of each, so that neither pays for the first reading of the files or the JIT alone.
  parseOnly();
  readAll();
  const parse = await timeRuns(runs, parseOnly);
  const reader = await timeRuns(runs, () => void readAll());

  const tmp = scratch();
  try {
    const writes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const store = await SqliteStore.open(join(tmp.dir, `providers-${run}.db`));
      await store.replaceDataset(laCodes.batch);
      const read = readAll();
      const started = performance.now();
      const outcome = await store.replaceDataset(read.batch);
      writes.push(performance.now() - started);
      if (outcome.status !== 'written') throw new Error('the providers were not written');
      await store.close();
    }
    const p = median(parse);
    const r = median(reader);
    const w = median(writes);
    return [
      { benchmark: 'provider import', measure: `bare parse of the 12 files (median of ${runs})`, value: `${p.toFixed(0)} ms` },
      { benchmark: 'provider import', measure: `whole reader: headers, decoding, checks, union (median of ${runs})`, value: `${r.toFixed(0)} ms` },
      { benchmark: 'provider import', measure: 'SQLite write of the dataset (median of 3)', value: `${w.toFixed(0)} ms` },
      // [reconstruction] A target of our own: checking each value, placing each LA name and building the union should
      // cost no more than a few bare parses; 5× leaves room for a slower machine's garbage collector.
      { benchmark: 'provider import', measure: 'whole reader / bare parse', value: `${(r / p).toFixed(2)}×`, target: '< 5×', met: r / p < 5 },
    ];
  } finally {
    tmp.cleanup();
  }
}
