import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ImportRejectedError } from '../src/domain/errors.ts';
import type { Rejection } from '../src/domain/errors.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { runImport } from '../src/cli/commands/import.ts';
import type { Io } from '../src/cli/io.ts';
import { isReservedDatasetId, PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { LA_CODES_DATASET } from '../src/ingest/sources/la-codes.ts';
import { LAIT_DATASET } from '../src/ingest/sources/lait.ts';
import { ILACS_DATASET } from '../src/ingest/sources/ilacs.ts';
import { neighbourDataset } from '../src/ingest/sources/neighbours.ts';
import { hexDataset } from '../src/ingest/sources/hexmap.ts';
import type { Store } from '../src/store/repository.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { copyBundle, dbOf, fingerprint, openStore, tempDir } from './support/store.ts';

/**
 * The fuzz corpus of issue 11, "Input that corrupts or escapes": test/fixtures/malformed-bundles/<case>/ is the
 * minimal bundle with exactly one fault, and expected.json what the report must say about it. Each case is imported
 * into a store holding the fixture LAs and the minimal bundle, and must be rejected with its message (and file, line,
 * column and value where given) and leave the store's fingerprint as it was.
 *
 * setup.json, where a case has one, says what git cannot hold well: symbolic links (`symlinks`: path in the bundle ->
 * target) and a 5 MB field (`inflate`: a placeholder in a file replaced by that many characters). Beside each bundle
 * the test puts a folder `outside/` with a valid providers file and a copy of passwd-like lines, for the escapes to
 * aim at; no rejection may echo a line of either.
 */

const CORPUS = fileURLToPath(new URL('./fixtures/malformed-bundles/', import.meta.url));
/** Today, as the shell would pass it: the reader never reads the clock. */
const TODAY = '2026-06-01';
const PASSWD = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

interface Expected {
  readonly description: string;
  readonly message: string;
  /** The file inside the bundle the rejection is reported against (`manifest.json`, `providers.csv`). */
  readonly file?: string;
  readonly line?: number | null;
  readonly column?: string | null;
  readonly value?: string;
  /** How many rejections in all (one fault, one message). */
  readonly count?: number;
  /** Another substring the same rejection's reason must hold. */
  readonly also?: string;
  /** A substring no rejection may hold. */
  readonly absent?: string;
}

interface Setup {
  readonly symlinks?: Readonly<Record<string, string>>;
  readonly inflate?: { readonly file: string; readonly placeholder: string; readonly length: number };
}

/** `kingsway import --bundle DIR` itself (src/cli/commands/import.ts), quiet, with today's date as the shell gives it. */
const quiet: Io = { out: () => {}, err: () => {}, progress: () => {}, endProgress: () => {} };
async function importBundle(store: Store, dir: string, today: string): Promise<{ ok: true } | { ok: false; rejections: readonly Rejection[] }> {
  const [result] = await runImport(store, { dataDir: undefined, bundles: [dir], dryRun: false, today }, quiet);
  return result!.status === 'rejected' ? { ok: false, rejections: result!.rejections } : { ok: true };
}

/** A store with the fixture LAs and the minimal bundle (dataset fixture-minimal, synthetic) in it. */
async function loadedStore(dir: string): Promise<void> {
  const store = await openStore(dir);
  await store.replaceDataset(FIXTURE_LA_BATCH);
  const minimal = await importBundle(store, copyBundle('minimal', join(dir, 'base')), TODAY);
  assert.deepEqual(minimal, { ok: true });
  await store.close();
}

describe('malformed evidence bundles (issue 11 corpus)', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  const cases = readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

  it('the corpus has a case for every fault the issue lists, and more', () => {
    assert.ok(cases.length >= 30, `only ${cases.length} cases`);
  });

  for (const name of cases) {
    const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as Expected;
    it(`${name}: ${expected.description}`, async () => {
      const root = join(tmp.dir, name);
      mkdirSync(join(root, 'outside'), { recursive: true });
      writeFileSync(join(root, 'outside', 'providers.csv'), readFileSync(new URL('./fixtures/bundles/minimal/providers.csv', import.meta.url)));
      writeFileSync(join(root, 'outside', 'passwd'), PASSWD);
      const bundle = join(root, name);
      cpSync(join(CORPUS, name), bundle, { recursive: true });
      rmSync(join(bundle, 'expected.json'));
      const setupPath = join(bundle, 'setup.json');
      if (existsSync(setupPath)) {
        const setup = JSON.parse(readFileSync(setupPath, 'utf8')) as Setup;
        rmSync(setupPath);
        for (const [path, target] of Object.entries(setup.symlinks ?? {})) symlinkSync(target, join(bundle, path));
        if (setup.inflate) {
          const path = join(bundle, setup.inflate.file);
          const text = readFileSync(path, 'utf8');
          assert.ok(text.includes(setup.inflate.placeholder), `${setup.inflate.file} has no ${setup.inflate.placeholder}`);
          writeFileSync(path, text.replace(setup.inflate.placeholder, 'A'.repeat(setup.inflate.length)));
        }
      }
      await loadedStore(root);
      const db = dbOf(root);
      const before = await fingerprint(db);

      const store = await openStore(root);
      const result = await importBundle(store, bundle, TODAY);
      await store.close();

      assert.equal(result.ok, false, 'the bundle must be rejected');
      const rejections = result.ok ? [] : result.rejections;
      const match = rejections.find((r) => r.reason.includes(expected.message));
      assert.ok(match, `no rejection saying ${JSON.stringify(expected.message)}; got ${JSON.stringify(rejections, null, 1).slice(0, 2000)}`);
      if (expected.file !== undefined) assert.equal(match.file.endsWith(`${name}/${expected.file}`) || match.file.split(', ')[0]!.endsWith(`${name}/${expected.file}`), true, `file of ${JSON.stringify(match)}`);
      if (expected.line !== undefined) assert.equal(match.line, expected.line, `line of ${JSON.stringify(match)}`);
      if (expected.column !== undefined) assert.equal(match.column, expected.column, `column of ${JSON.stringify(match)}`);
      if (expected.value !== undefined) assert.equal(match.value, expected.value, `value of ${JSON.stringify(match).slice(0, 300)}`);
      if (expected.also !== undefined) assert.ok(match.reason.includes(expected.also), `reason ${JSON.stringify(match.reason)} lacks ${JSON.stringify(expected.also)}`);
      if (expected.count !== undefined) assert.equal(rejections.length, expected.count, `expected ${expected.count} rejections; got ${JSON.stringify(rejections, null, 1).slice(0, 2000)}`);
      for (const r of rejections) {
        const said = `${r.file} ${r.column ?? ''} ${r.value} ${r.reason}`;
        if (expected.absent !== undefined) assert.ok(!said.includes(expected.absent), `a rejection says ${JSON.stringify(expected.absent)}: ${said}`);
        assert.ok(!said.includes('root:x:0:0') && !said.includes('daemon:'), `a line of a file outside the bundle was echoed: ${said}`);
        assert.ok(r.value.length <= 200, `a rejected value is shown ${r.value.length} characters long`);
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u202e]/u.test(said), `a control character is shown raw: ${JSON.stringify(said)}`);
      }
      assert.equal(await fingerprint(db), before, 'the store must be unchanged');
    });
  }
});

describe('what an import may replace', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  it('every published source’s name and dataset id is reserved, and an ordinary id is not', () => {
    for (const source of PUBLISHED_SOURCES) assert.ok(isReservedDatasetId(source.name), source.name);
    for (const id of [LA_CODES_DATASET.id, LAIT_DATASET.id, ILACS_DATASET.id, neighbourDataset('2021-04').id, neighbourDataset('2030-01').id, hexDataset('uk-upper-tier').id]) assert.ok(isReservedDatasetId(id), id);
    assert.equal(isReservedDatasetId('stockport-mi-2011'), false);
    assert.equal(isReservedDatasetId('synthetic-2011-seed1'), false);
  });

  it('replacing the LA list with one that drops an LA a bundle’s rows point at is refused, naming what would break', async () => {
    const dir = join(tmp.dir, 'las');
    await loadedStore(dir);
    const db = dbOf(dir);
    const before = await fingerprint(db);
    const store = await openStore(dir);
    const withoutStockport = { ...FIXTURE_LA_BATCH, files: [{ path: 'las-without-356.csv', sha256: 'x', rows: 4 }], localAuthorities: FIXTURE_LAS.filter((la) => la.code !== '356') };
    await assert.rejects(store.replaceDataset(withoutStockport), (error: unknown) => {
      assert.ok(error instanceof ImportRejectedError);
      const reasons = error.rejections.map((r) => r.reason);
      assert.ok(reasons.includes('replacing "la-codes" would leave 4 providers of dataset "fixture-minimal" pointing at LA 356, which it no longer has; keep LA 356 in it, or remove what refers to it first'), reasons.join('\n'));
      for (const what of ['LA inspections', 'addressees', 'indicator values', 'outcome counts']) assert.ok(reasons.some((r) => r.includes(`${what} of dataset "fixture-minimal" pointing at LA 356`)), what);
      assert.equal(error.rejections[0]?.value, 'LA 356');
      return true;
    });
    // An LA list that keeps every LA referred to is written as before.
    const renamed = { ...FIXTURE_LA_BATCH, files: [{ path: 'las-renamed.csv', sha256: 'y', rows: 5 }], localAuthorities: FIXTURE_LAS.map((la) => (la.code === '358' ? { ...la, note: 'renamed' } : la)) };
    assert.equal((await store.replaceDataset(renamed)).status, 'written');
    await store.replaceDataset(FIXTURE_LA_BATCH);
    await store.close();
    assert.equal(await fingerprint(db), before, 'the refused import changed nothing, and the LA list is as it was');
  });

  it('an inspector judgement on an LA keeps the LA list from dropping it', async () => {
    const dir = join(tmp.dir, 'judged');
    const store = await openStore(dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    await store.recordJudgement({ la: FIXTURE_LAS[1]!.code, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: 'Agreed at moderation', author: 'A Inspector', stage: 'final', authorId: null, recordedAt: '2026-06-01T10:00:00.000Z', derivedAtTheTime: 3 });
    const withoutTrafford = { ...FIXTURE_LA_BATCH, files: [{ path: 'las-without-358.csv', sha256: 'z', rows: 4 }], localAuthorities: FIXTURE_LAS.filter((la) => la.code !== '358') };
    await assert.rejects(store.replaceDataset(withoutTrafford), /would leave 1 inspector judgements pointing at LA 358/);
    await store.close();
  });

  it('re-importing a bundle without an indicator another bundle’s values use is refused', async () => {
    const dir = join(tmp.dir, 'indicators');
    await loadedStore(dir);
    const store = await openStore(dir);
    // A second bundle with values of NI 75, which only fixture-minimal defines.
    const second = copyBundle('minimal', join(dir, 'second'));
    const manifestPath = join(second, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { dataset: { id: string }; files: { kind: string }[] };
    manifest.dataset.id = 'fixture-values';
    manifest.files = manifest.files.filter((f) => f.kind === 'indicator-values');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    writeFileSync(join(second, 'indicator-values.csv'), 'indicator_id,area_kind,area_code,period,value\nNI 75,la,358,2009/10,55.0\n');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"rows":4', '"rows":1'));
    assert.deepEqual(await importBundle(store, second, TODAY), { ok: true });
    const before = await fingerprint(dbOf(dir));
    // fixture-minimal again, its indicator renamed: NI 75 would be gone, and fixture-values's value with it.
    const first = copyBundle('minimal', join(dir, 'first'));
    for (const file of ['indicators.csv', 'indicator-values.csv']) writeFileSync(join(first, file), readFileSync(join(first, file), 'utf8').replaceAll('NI 75', 'NI 75a'));
    const result = await importBundle(store, first, TODAY);
    await store.close();
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.rejections[0]!.reason, /replacing "fixture-minimal" would leave 1 indicator values of dataset "fixture-values" pointing at indicator NI 75, which it no longer has/);
    assert.equal(await fingerprint(dbOf(dir)), before);
  });

  it('a synthetic bundle re-imported over itself, changed, still imports', async () => {
    const dir = join(tmp.dir, 'synthetic');
    await loadedStore(dir);
    const store = await openStore(dir);
    const changed = copyBundle('minimal', join(dir, 'changed'));
    writeFileSync(join(changed, 'providers.csv'), readFileSync(join(changed, 'providers.csv'), 'utf8').replace('Fixture Primary School', 'Fixture Primary Academy'));
    assert.deepEqual(await importBundle(store, changed, TODAY), { ok: true });
    assert.equal((await store.providers()).find((p) => p.urn === '8100001')?.name, 'Fixture Primary Academy');
    await store.close();
  });

  it('a bundle’s files may be symbolic links that stay inside the bundle folder', async () => {
    const dir = join(tmp.dir, 'inner-link');
    await loadedStore(dir);
    const bundle = copyBundle('minimal', join(dir, 'linked'));
    mkdirSync(join(bundle, 'data'));
    cpSync(join(bundle, 'providers.csv'), join(bundle, 'data', 'providers.csv'));
    rmSync(join(bundle, 'providers.csv'));
    symlinkSync('data/providers.csv', join(bundle, 'providers.csv'));
    const store = await openStore(dir);
    const result = await importBundle(store, bundle, TODAY);
    await store.close();
    assert.deepEqual(result, { ok: true });
  });

  it('without today from the caller, a bundle’s dates are limited by its as-at date alone', () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'no-today'));
    const path = join(bundle, 'provider-inspections.csv');
    writeFileSync(path, readFileSync(path, 'utf8').replace('8100001,2008-03-12', '8100001,2099-03-12'));
    const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };
    assert.equal(readBundle({ dir: bundle, context }).ok, true);
    const manifestPath = join(bundle, 'manifest.json');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace('"encoding": "utf-8",', '"encoding": "utf-8",\n  "as_at": "2011-08-31",'));
    const read = readBundle({ dir: bundle, context });
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.rejections[0]!.reason, /after the bundle's as-at date \(manifest.json as_at: 2011-08-31\)/);
  });
});
