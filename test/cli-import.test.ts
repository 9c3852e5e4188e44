import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FIXTURE_LA_BATCH } from './support/las.ts';
import { copyBundle, dbOf, fingerprint, openStore, tempDir } from './support/store.ts';

/** `kingsway import --bundle` as a user runs it: the summary, the rejections, the exit code, the store afterwards. */
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const kingsway = (db: string, ...args: string[]) => spawnSync(process.execPath, [main, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, KINGSWAY_DATA: '' } });

describe('kingsway import --bundle', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  before(async () => {
    tmp = tempDir();
    db = dbOf(tmp.dir);
    const store = await openStore(tmp.dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    await store.close();
  });
  after(() => tmp.cleanup());

  it('an inspection dated 2099 is refused by kingsway import, which gives the readers today\'s date', async () => {
    const bundle = join(tmp.dir, 'future');
    cpSync(fileURLToPath(new URL('./fixtures/malformed-bundles/future-inspection-date/', import.meta.url)), bundle, { recursive: true });
    const before = await fingerprint(db);
    const run = kingsway(db, 'import', '--no-data', '--bundle', bundle);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /provider-inspections\.csv, line 2, column 2 \(inspection_date\): "2099-03-12": .*the date is after today/);
    assert.equal(await fingerprint(db), before);
  });

  it('dry-run reports what would be written and writes nothing', async () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'dry'));
    const before = await fingerprint(db);
    const run = kingsway(db, 'import', '--no-data', '--bundle', bundle, '--dry-run');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /valid: would write 4 provider, 5 provider inspection, 2 la inspection/);
    assert.match(run.stdout, /dataset "fixture-minimal" is SYNTHETIC/);
    assert.match(run.stdout, /1 source: 1 valid, 0 rejected \(dry run: nothing written\)/);
    assert.equal(await fingerprint(db), before);
  });

  it('imports, then says unchanged on the second run', async () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'ok'));
    const first = kingsway(db, 'import', '--no-data', '--bundle', bundle);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stdout, /written: 4 provider, 5 provider inspection/);
    const second = kingsway(db, 'import', '--no-data', '--bundle', bundle);
    assert.match(second.stdout, /unchanged \(identical to what is stored\)/);
    const show = kingsway(db, 'show', 'la', '356');
    assert.match(show.stdout, /Secondary schools\s+2/);
    assert.match(show.stdout, /SYNTHETIC data included: fixture-minimal/);
  });

  it('a bad bundle exits 1, prints each rejected value with its position, and leaves the store as it was', async () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'bad'));
    const path = join(bundle, 'provider-inspections.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('2008-03-12', '2008-02-30').replace(',satisfactory,', ',Excellentish,'));
    const before = await fingerprint(db);
    const run = kingsway(db, 'import', '--no-data', '--bundle', bundle);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /REJECTED \(2 problems; nothing written\)/);
    assert.match(run.stdout, /minimal\/provider-inspections\.csv, line 2, column 2 \(inspection_date\): "2008-02-30": expected a real date/);
    assert.match(run.stdout, /minimal\/provider-inspections\.csv, line 3, column 4 \(overall_effectiveness\): "Excellentish": expected outstanding/);
    assert.equal(await fingerprint(db), before);
  });

  it('a usage error exits 2 naming the bad value', async () => {
    const run = kingsway(db, 'las', '--year', 'twenty');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--year must be a whole number from 1990 to 2100, not "twenty"/);
  });
});
