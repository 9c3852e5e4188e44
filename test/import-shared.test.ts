import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { assessmentYearDate, existsOn } from '../src/domain/local-authority.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { runImport } from '../src/cli/commands/import.ts';
import type { Io } from '../src/cli/io.ts';
import { dbOf, fingerprint, openSpec, tempDir } from './support/store.ts';

/**
 * `kingsway import` on the real published data in shared/data, as CI lays it out beside the checkout. Skipped (and
 * said so) where that folder is absent: the rest of the suite runs on the project's own fixtures.
 */
const dataDir = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const haveData = existsSync(join(dataDir, 'dfe-lait', 'bds_long.csv.gz'));
const root = fileURLToPath(new URL('..', import.meta.url));
const quiet: Io = { out: () => {}, err: () => {}, progress: () => {}, endProgress: () => {} };

describe('import of the published data', { skip: haveData ? false : 'shared/data is not beside the checkout' }, () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  before(async () => {
    tmp = tempDir();
    db = dbOf(tmp.dir);
    const store = await openSpec(db);
    const results = await runImport(store, { dataDir, bundles: [], dryRun: false, today: '2026-12-01' }, quiet);
    await store.close();
    assert.deepEqual(
      results.map((r) => [r.source, r.status]),
      [['la-codes', 'written'], ['neighbours-2021', 'written'], ['neighbours-2025', 'written'], ['lait', 'written'], ['ilacs', 'written'], ['ofsted-providers', 'written'], ['ofsted-la-outcomes', 'written'], ['hexmap', 'written']],
      JSON.stringify(results.filter((r) => r.status === 'rejected').map((r) => r.rejections.slice(0, 3))),
    );
  });
  after(() => tmp.cleanup());

  it('has 150 LAs before April 2009 and 152 from then to 2011', async () => {
    const store = await openSpec(db);
    const las = await store.localAuthorities();
    await store.close();
    const inYear = (y: number) => las.filter((la) => existsOn(la, assessmentYearDate(y))).length;
    assert.equal(inYear(2008), 150);
    assert.equal(inYear(2009), 152);
    assert.equal(inYear(2011), 152);
    assert.equal(las.find((la) => la.code === '356')?.formalName, 'Stockport Metropolitan Borough Council');
  });

  it('has all 641,070 LAIT values, with "-" kept as the symbol x and its original', async () => {
    const store = await openSpec(db);
    const values = await store.indicatorValues();
    const indicators = await store.indicators();
    await store.close();
    assert.equal(values.length, 641_070);
    assert.equal(indicators.length, 434);
    const missing = values.filter((v) => v.value.kind === 'symbol');
    assert.equal(missing.length, 93_883);
    assert.ok(missing.every((v) => v.value.kind === 'symbol' && v.value.symbol === 'x' && v.original === '-'));
    const ot = values.find((v) => v.period.original === '2016-17 (OT)');
    assert.deepEqual(ot && { key: ot.period.key, qualifier: ot.period.qualifier }, { key: '2016-17', qualifier: 'outturn' });
    assert.ok(values.some((v) => v.area.kind === 'england' && v.area.code === '970'));
  });

  it('has both neighbour vintages, ten neighbours each', async () => {
    const store = await openSpec(db);
    assert.deepEqual(await store.neighbourVintages(), ['2021-04', '2025-05']);
    const stockport = await store.neighbours('356' as LaCode, '2021-04');
    await store.close();
    assert.equal(stockport?.neighbours.length, 10);
    assert.ok(stockport?.neighbours.every((n) => n.band !== null));
  });

  it('re-importing the same files changes nothing', async () => {
    const before = await fingerprint(db);
    const store = await openSpec(db);
    const results = await runImport(store, { dataDir, bundles: [], dryRun: false, today: '2026-12-01' }, quiet);
    await store.close();
    assert.ok(results.every((r) => r.status === 'unchanged'), JSON.stringify(results.map((r) => r.status)));
    assert.equal(await fingerprint(db), before);
  });

  it('`kingsway las --year 2011` prints 152 LAs, a 3-digit code on each line', () => {
    const out = execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'las', '--year', '2011'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = out.trim().split('\n').slice(1);
    assert.equal(lines.length, 152);
    assert.ok(lines.every((line) => /^\d{3}\s/.test(line)), lines.find((l) => !/^\d{3}\s/.test(l)));
    assert.ok(lines.some((line) => /^356\s+Stockport\s/.test(line)));
  });

  it("`kingsway assess --framework indicators-2025` assesses every current LA from the real data, labelled as Kingsway's own", () => {
    const out = execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'assess', '--framework', 'indicators-2025', '--summary'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(out, /^Kingsway's indicator assessment of 2025: the 2011 method applied to published data and calibrated on inspectors' judgements \(not an Ofsted judgement\): 153 LAs at 2025-08-31/);
    const assessed = [...out.matchAll(/^\d Performs \S+\s+(\d+)/gm)].reduce((s, m) => s + Number(m[1]), 0);
    assert.ok(assessed >= 140, `${assessed} assessed`);
    const explained = execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'explain', '--la', '356', '--year', '2025'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.match(explained, /Framework indicators-2025, inheriting indicators-2024/);
    assert.match(explained, /no inspector judgement applies/);
  });

  it("`kingsway evaluate ilacs` sets each predictor beside the inspectors' judgements on the same inspections, reporting on 2023 on, and cross-checks the scraped history", () => {
    const out = execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'evaluate', 'ilacs', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    type Row = { predictor: { id: string }; agreement: { n: number; quadraticKappa: number | null; matrix: number[][] }; kappaInterval: { low: number; high: number } | null };
    type Set = { compared: number; predictors: Row[]; ownCases: Row[] };
    const e = JSON.parse(out) as { cases: { set: string; endDate: string }[]; reporting: Set; tuning: Set; crossCheck: { ok: boolean; check: { rows: number; matched: number } } };
    assert.ok(e.cases.filter((c) => c.set === 'reporting').every((c) => c.endDate >= '2023-01-01'));
    assert.ok(e.reporting.compared > 100, `${e.reporting.compared} reported`);
    assert.ok(e.tuning.ownCases[0]!.agreement.n > 100, `${e.tuning.ownCases[0]!.agreement.n} graded by Kingsway for tuning`);
    for (const row of e.reporting.predictors) {
      assert.equal(row.agreement.n, e.reporting.compared, row.predictor.id);
      assert.equal(row.agreement.matrix.flat().reduce((s, x) => s + x, 0), e.reporting.compared);
    }
    const kingsway = e.reporting.predictors[0]!;
    assert.equal(kingsway.predictor.id, 'kingsway');
    assert.ok(kingsway.agreement.quadraticKappa !== null && kingsway.kappaInterval !== null && kingsway.kappaInterval.low <= kingsway.agreement.quadraticKappa && kingsway.agreement.quadraticKappa <= kingsway.kappaInterval.high);
    assert.ok(e.crossCheck.ok && e.crossCheck.check.rows === 151 && e.crossCheck.check.matched > 140, JSON.stringify(e.crossCheck).slice(0, 200));
  });

  it('`kingsway show la --name Stockport` prints the LA with its neighbours and what is stored', () => {
    const out = execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'show', 'la', '--name', 'stockport'], { encoding: 'utf8' });
    assert.match(out, /^Stockport \(356\)/);
    assert.match(out, /Stockport Metropolitan Borough Council/);
    assert.match(out, /Statistical neighbours \(2021-04/);
    assert.match(out, /\n1\s+\d{3}\s+\S/);
    assert.match(out, /Indicator values for the LA: \d{4,}/);
    assert.match(out, /Inspection of local authority children's services/);
  });

  it('--dry-run validates everything and writes nothing', async () => {
    const dry = join(tmp.dir, 'dry.db');
    const store = await openSpec(dry);
    await store.close();
    const empty = await fingerprint(dry);
    const again = await openSpec(dry);
    const results = await runImport(again, { dataDir, bundles: [], dryRun: true, today: '2026-12-01' }, quiet);
    await again.close();
    assert.ok(results.every((r) => r.status === 'valid'), JSON.stringify(results.map((r) => [r.source, r.status])));
    assert.equal(results.find((r) => r.source === 'lait')?.counts['indicator_value'], 641_070);
    assert.equal(await fingerprint(dry), empty);
  });

  it('`kingsway show la 999` fails with a message naming the code', () => {
    assert.throws(
      () => execFileSync(process.execPath, [join(root, 'src/cli/main.ts'), '--db', db, 'show', 'la', '999'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
      (error: { status: number; stderr: string }) => error.status === 1 && /no LA with code 999/.test(error.stderr),
    );
  });
});
