import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_DATA_DIR, defaultDataDir } from '../src/ingest/data-dir.ts';
import { readChecksums, verifyChecksums } from '../src/ingest/checksums.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { tempDir } from './support/store.ts';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const shared = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const everyFile = PUBLISHED_SOURCES.flatMap((s) => s.files);

test('fresh machine: the project carries every published file the main job reads, each with a checksum that matches', () => {
  const { checksums, rejections } = readChecksums(BUNDLED_DATA_DIR);
  assert.deepEqual(rejections, []);
  assert.ok(checksums);
  assert.deepEqual(verifyChecksums(BUNDLED_DATA_DIR, everyFile, checksums), []);
  // Every carried file is read by some source, and SOURCES.md gives each one its source and licence.
  assert.deepEqual([...checksums.keys()].sort(), [...everyFile].sort());
  const sources = readFileSync(join(BUNDLED_DATA_DIR, 'SOURCES.md'), 'utf8');
  for (const file of everyFile) assert.ok(sources.includes(`\`${file}\``), `SOURCES.md names ${file}`);
});

test('fresh machine: the main job reads the carried copy by default, and KINGSWAY_DATA when it is set', () => {
  assert.equal(defaultDataDir({}), BUNDLED_DATA_DIR);
  assert.equal(defaultDataDir({ KINGSWAY_DATA: '/somewhere' }), '/somewhere');
  assert.equal(defaultDataDir({}, '/no/such/folder'), undefined);
});

test('the carried copy is byte for byte the shared reference data, where that is present', { skip: existsSync(shared) ? false : 'shared/data is not beside the checkout' }, () => {
  for (const file of everyFile) assert.ok(readFileSync(join(BUNDLED_DATA_DIR, file)).equals(readFileSync(join(shared, file))), `${file} differs from shared/data`);
});

test('a published file whose bytes do not match its checksum is refused, naming the file, and the other sources still import', () => {
  const tmp = tempDir();
  try {
    const data = join(tmp.dir, 'data');
    cpSync(BUNDLED_DATA_DIR, data, { recursive: true, filter: (src) => !src.endsWith('.gz') && !src.includes('mysociety') });
    // The hex map is small and read last: damage it and check the rest is unaffected.
    const hex = join(data, 'odileeds-hexmaps/uk-upper-tier-local-authorities.hexjson');
    writeFileSync(hex, readFileSync(hex, 'utf8').replace('"layout"', ' "layout"'));
    const run = spawnSync(process.execPath, [main, '--db', join(tmp.dir, 'k.db'), 'import', '--data', data, '--only', 'hexmap'], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /hexmap: REJECTED \(1 problem; nothing written\)/);
    assert.match(run.stdout, /odileeds-hexmaps\/uk-upper-tier-local-authorities\.hexjson: "[0-9a-f]{64}": the file's SHA-256 is not the 09bb73a5/);
  } finally {
    tmp.cleanup();
  }
});

test('fresh machine: with no data folder, or one missing a file, the main job fails with exit 1 and says what to do', () => {
  const tmp = tempDir();
  try {
    const none = spawnSync(process.execPath, [main, '--db', join(tmp.dir, 'a.db'), 'demo', '--data', join(tmp.dir, 'nothing-here')], { encoding: 'utf8' });
    assert.equal(none.status, 1, none.stdout + none.stderr);
    assert.match(none.stderr, /the data folder .*nothing-here does not exist: name a folder laid out as data\/published is/);
    const data = join(tmp.dir, 'data');
    cpSync(BUNDLED_DATA_DIR, data, { recursive: true, filter: (src) => !src.endsWith('bds_long.csv.gz') });
    const partial = spawnSync(process.execPath, [main, '--db', join(tmp.dir, 'b.db'), 'demo', '--data', data], { encoding: 'utf8' });
    assert.equal(partial.status, 1, partial.stdout + partial.stderr);
    assert.match(partial.stdout, /lait: REJECTED \(1 problem; nothing written\)\n  dfe-lait\/bds_long\.csv\.gz: "dfe-lait\/bds_long\.csv\.gz": the file is missing from the data folder/);
    assert.match(partial.stderr, /the main job stopped because published data was rejected \(above\); nothing was generated/);
  } finally {
    tmp.cleanup();
  }
});

test('fresh machine: serve refuses an empty store instead of serving an empty site', () => {
  const tmp = tempDir();
  try {
    const serve = spawnSync(process.execPath, [main, '--db', join(tmp.dir, 'empty.db'), 'serve', '--port', '0'], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(serve.status, 1, serve.stdout + serve.stderr);
    assert.match(serve.stderr, /the store holds no local authorities, so there is nothing to serve: run `kingsway demo`/);
  } finally {
    tmp.cleanup();
  }
});
