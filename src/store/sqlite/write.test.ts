import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { tempDir } from '../../../test/support/store.ts';
import type { Dataset } from '../../domain/dataset.ts';
import { ImportRejectedError } from '../../domain/errors.ts';
import type { IndicatorDefinition, IndicatorValue } from '../../domain/indicator.ts';
import { parsePeriod } from '../../domain/period.ts';
import type { ImportBatch } from '../repository.ts';
import { SqliteStore } from './sqlite-store.ts';
import { primaryKeyOrder } from './write.ts';

/**
 * Indicator values are written in the table's key order, in runs sharing an indicator and an area kind, many rows a
 * statement (write.ts). What is stored must not depend on any of that: every row as given, whatever the batch's order,
 * a clash still named with its owner, and nothing of a refused batch left behind.
 */
let tmp: ReturnType<typeof tempDir>;
before(() => (tmp = tempDir()));
after(() => tmp.cleanup());

const dataset = (id: string): Dataset => ({ id, kind: 'synthetic', title: id, source: 'test', licence: 'none' });
const indicator = (id: string): IndicatorDefinition => ({ id, name: id, unit: '%', polarity: 'higher-is-better', ecmOutcome: null, topic: null, description: null, source: 'test' });
const PERIODS = ['2016', '2016/17', '2014-16', '2018 (Rev)', '0'].map((p) => parsePeriod(p)!);

/** Values for 2 indicators × 3 area kinds × 130 areas × 5 periods (3,900: runs longer than one statement), shuffled. */
function values(): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  let n = 0;
  for (const id of ['B', 'A'])
    for (const kind of ['region', 'la', 'england'] as const)
      for (let code = 130; code-- > 0; )
        for (const period of PERIODS) {
          n++;
          const symbol = n % 7 === 0;
          out.push({ indicator: id, area: { kind, code: String(100 + code) }, period, value: symbol ? { kind: 'symbol', symbol: 'c' } : { kind: 'number', value: n / 4 }, original: symbol ? 'c' : String(n / 4) });
        }
  // A fixed shuffle, so that a failure can be reproduced.
  let seed = 42;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const batch = (id: string, vs: readonly IndicatorValue[], ids = ['A', 'B']): ImportBatch => ({ dataset: dataset(id), files: [], indicators: ids.map(indicator), indicatorValues: vs });
const key = (v: IndicatorValue) => `${v.indicator}|${v.area.kind}|${v.area.code}|${v.period.original}`;
const comparable = (vs: readonly IndicatorValue[]) => vs.map((v) => JSON.stringify([key(v), v.period, v.value, v.original])).sort();

describe('writing indicator values', () => {
  it('stores every value as given, whatever the order of the batch', async () => {
    const path = join(tmp.dir, 'order.db');
    const store = await SqliteStore.open(path);
    const given = values();
    const outcome = await store.replaceDataset(batch('values', given));
    assert.equal(outcome.status === 'written' && outcome.counts['indicator_value'], given.length);
    assert.deepEqual(comparable(await store.indicatorValues()), comparable(given));
    await store.close();
    const db = new Database(path, { readonly: true });
    const symbols = db.prepare("SELECT count(*) AS n FROM indicator_value WHERE symbol = 'c' AND value IS NULL").get() as { n: number };
    const numbers = db.prepare('SELECT count(*) AS n FROM indicator_value WHERE symbol IS NULL AND value IS NOT NULL').get() as { n: number };
    db.close();
    assert.deepEqual([symbols.n, numbers.n], [given.filter((v) => v.value.kind === 'symbol').length, given.filter((v) => v.value.kind === 'number').length]);
  });

  it('orders rows as the primary key does', async () => {
    const given = values();
    const { rows, periods } = primaryKeyOrder(given);
    const db = new Database(':memory:');
    db.exec('CREATE TABLE k (i TEXT, kind TEXT, code TEXT, period TEXT, at INTEGER)');
    const insert = db.prepare('INSERT INTO k VALUES (?,?,?,?,?)');
    given.forEach((v, at) => insert.run(v.indicator, v.area.kind, v.area.code, v.period.original, at));
    const sqliteOrder = (db.prepare('SELECT at FROM k ORDER BY i, kind, code, period').all() as { at: number }[]).map((r) => r.at);
    db.close();
    assert.deepEqual([...rows], sqliteOrder);
    assert.deepEqual(periods.map((p) => p.original).sort(), PERIODS.map((p) => p.original).sort());
  });

  it('refuses a value stored by another dataset, naming it, and writes nothing of the batch', async () => {
    const store = await SqliteStore.open(join(tmp.dir, 'clash.db'));
    const given = values();
    await store.replaceDataset(batch('first', given.slice(0, 1000)));
    const clash = given[500]!;
    // The clashing value's indicator is the first dataset's; the second's own are CA and CB.
    const second = [...given.slice(1000, 3000).map((v) => ({ ...v, indicator: `C${v.indicator}` })), clash];
    await assert.rejects(
      store.replaceDataset(batch('second', second, ['CA', 'CB'])),
      (error: unknown) =>
        error instanceof ImportRejectedError &&
        error.rejections.length === 1 &&
        error.rejections[0]!.value === `${clash.indicator} for ${clash.area.kind} ${clash.area.code}, ${clash.period.original}` &&
        error.rejections[0]!.reason === 'already stored by dataset "first"; remove that dataset first or use other identifiers',
    );
    assert.equal((await store.indicatorValues()).length, 1000, 'only the first dataset');
    await store.close();
  });

  it('refuses a value given twice in one batch', async () => {
    const store = await SqliteStore.open(join(tmp.dir, 'twice.db'));
    const given = values();
    const twice = given[1234]!;
    await assert.rejects(
      store.replaceDataset(batch('twice', [...given, { ...twice, original: 'again' }])),
      (error: unknown) =>
        error instanceof ImportRejectedError &&
        error.rejections[0]!.value === `${twice.indicator} for ${twice.area.kind} ${twice.area.code}, ${twice.period.original}` &&
        error.rejections[0]!.reason === 'appears twice in dataset "twice"',
    );
    assert.equal((await store.indicatorValues()).length, 0);
    await store.close();
  });
});
