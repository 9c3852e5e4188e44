import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ImportRejectedError } from '../src/domain/errors.ts';
import type { InspectorJudgement } from '../src/domain/inspector-judgement.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { openStore as openAt, restoreStore, storeLocation } from '../src/store/open-store.ts';
import type { ImportBatch, Store } from '../src/store/repository.ts';
import { seedFixture } from './support/cli.ts';
import { storeKinds } from './support/store-kinds.ts';
import type { StoreKind } from './support/store-kinds.ts';
import { FIXTURE_HEX_BATCH, FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { concurrentWriter, WRITES } from './support/concurrent-writer.ts';
import { copyBundle, readEverything, TEST_POSTGRES } from './support/store.ts';

/**
 * The contract every store keeps (issue 14: one repository interface, several implementations, one suite, as
 * Kysely tests its dialects): the same reads, writes, replacements, rejections, fingerprints and data versions on
 * SQLite and on PostgreSQL. CI starts a PostgreSQL server (scripts/postgres.sh) and must run both; elsewhere the
 * PostgreSQL half is skipped, saying why, when no server is given.
 */
const { kinds: KINDS, dir: tmpDir, next } = storeKinds('contract');

const open = (db: string): Promise<Store> => openAt(storeLocation(db));
const STOCKPORT = '356' as LaCode;
const context = { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set<string>() };

function minimalBundle(): ImportBatch {
  const read = readBundle({ dir: copyBundle('minimal', join(tmpDir, `bundle-${next()}`)), context });
  assert.ok(read.ok, 'the minimal fixture bundle reads');
  return read.batch;
}

/** A larger, realistic batch: the Stockport 2011 seed fixture (providers, inspections, indicators, comparators). */
function seedBundle(): ImportBatch {
  const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context });
  assert.ok(read.ok, 'the Stockport seed fixture reads');
  return read.batch;
}

const NEIGHBOURS: ImportBatch = {
  dataset: { id: 'neighbours-fixture', kind: 'real', title: 'Fixture neighbours', source: 'test/store-contract.test.ts', licence: 'Open Government Licence v3.0' },
  files: [{ path: 'neighbours.csv', sha256: 'n1', rows: 3 }],
  neighbourSets: [
    { vintage: '2021', la: STOCKPORT, neighbours: [{ rank: 1, code: '358' as LaCode, band: 'very-close' }, { rank: 2, code: '861' as LaCode, band: null }] },
    { vintage: '2021', la: '358' as LaCode, neighbours: [{ rank: 1, code: STOCKPORT, band: 'close' }] },
  ],
};

const judgement = (n: number, author = 'A Inspector'): InspectorJudgement => ({
  la: STOCKPORT,
  year: 2011,
  decision: n % 5 === 0 ? { kind: 'withheld' } : { kind: 'grade', grade: ((n % 4) + 1) as 1 | 2 | 3 | 4 },
  rationale: `judgement ${n}`,
  author,
  stage: 'final',
  authorId: null,
  recordedAt: `2011-10-${String((n % 28) + 1).padStart(2, '0')}T09:00:${String(n % 60).padStart(2, '0')}.000Z`,
  derivedAtTheTime: n % 3 === 0 ? null : 3,
});

async function filled(kind: StoreKind): Promise<{ db: string; store: Store }> {
  const db = kind.fresh();
  const store = await open(db);
  for (const batch of [FIXTURE_LA_BATCH, FIXTURE_HEX_BATCH, NEIGHBOURS, minimalBundle()]) assert.equal((await store.replaceDataset(batch)).status, 'written');
  return { db, store };
}

const rejection = (error: unknown): string => {
  assert.ok(error instanceof ImportRejectedError, `expected an ImportRejectedError, got ${String(error)}`);
  return error.rejections.map((r) => `${r.value}: ${r.reason}`).join('\n');
};

for (const kind of KINDS) {
  const missing = kind.name === 'postgres' && TEST_POSTGRES === undefined;
  // CI must not quietly pass on one store: there, a missing server is a failure, not a skip.
  if (missing && process.env['CI']) {
    it('the PostgreSQL contract runs in CI', () => assert.fail('KINGSWAY_TEST_POSTGRES is not set: .ci/run starts a server (scripts/postgres.sh) for this suite'));
    continue;
  }
  describe(`the store contract on ${kind.name}`, { skip: missing ? 'no PostgreSQL server (KINGSWAY_TEST_POSTGRES); bash scripts/test.sh starts one' : false }, () => {
    let db: string;
    let store: Store;
    before(async () => {
      ({ db, store } = await filled(kind));
    });
    after(async () => store?.close());

    it('reads back every kind of fact as it was imported', async () => {
      assert.deepEqual((await store.localAuthorities()).map((l) => l.code), FIXTURE_LAS.map((l) => l.code).sort());
      assert.deepEqual(await store.localAuthority(STOCKPORT), FIXTURE_LAS.find((l) => l.code === STOCKPORT));
      assert.equal(await store.localAuthority('999' as LaCode), undefined);
      assert.deepEqual(await store.neighbourVintages(), ['2021']);
      assert.deepEqual(await store.neighbours(STOCKPORT, '2021'), NEIGHBOURS.neighbourSets![0]);
      assert.equal(await store.neighbours(STOCKPORT, '1999'), undefined);
      const bundle = minimalBundle();
      assert.deepEqual(await store.providers({ la: STOCKPORT }), [...bundle.providers!].sort((a, b) => a.urn.localeCompare(b.urn)));
      assert.equal((await store.providerInspections({ la: STOCKPORT })).length, bundle.providerInspections!.length);
      const inspections = await store.laInspections(STOCKPORT);
      assert.equal(inspections.length, 2);
      const findings = (list: readonly { findings: readonly unknown[] }[]) => list.flatMap((i) => i.findings.map((f) => JSON.stringify(f))).sort();
      assert.deepEqual(findings(inspections), findings(bundle.laInspections!));
      assert.deepEqual((await store.indicators()).map((i) => i.id), bundle.indicators!.map((i) => i.id));
      const values = await store.indicatorValues();
      assert.equal(values.length, bundle.indicatorValues!.length);
      // Numbers come back as the same doubles (PostgreSQL's `real` would have rounded them: column-types.ts).
      const numbers = (list: readonly { value: { kind: string; value?: number } }[]) => list.flatMap((v) => (v.value.kind === 'number' ? [v.value.value] : [])).sort();
      assert.deepEqual(numbers(values), numbers(bundle.indicatorValues!));
      assert.equal((await store.indicatorValues({ areaKind: 'similar-areas' })).length, bundle.indicatorValues!.filter((v) => v.area.kind === 'similar-areas').length);
      assert.equal((await store.outcomeCounts(STOCKPORT)).length, bundle.outcomeCounts!.filter((c) => c.area.code === STOCKPORT).length);
      assert.deepEqual(await store.addressee(STOCKPORT, bundle.addressees![0]!.year), bundle.addressees![0]);
      assert.deepEqual((await store.hexes()).map((h) => h.gss), [...FIXTURE_HEX_BATCH.hexes!].map((h) => h.gss).sort());
      const datasets = await store.datasets();
      assert.deepEqual(datasets.map((d) => d.id), ['fixture-minimal', 'hexmap-fixture', 'la-codes', 'neighbours-fixture']);
      assert.equal(datasets.find((d) => d.id === 'fixture-minimal')?.kind, 'synthetic');
    });

    it('summarises an LA and says which dataset each piece of evidence came from, with counts as numbers', async () => {
      const summary = await store.laEvidenceSummary(STOCKPORT);
      assert.deepEqual(summary.providersByType, { 'childrens-home': 1, 'primary-school': 1, 'secondary-school': 2 });
      assert.equal(summary.providerInspections, 5);
      assert.equal(summary.laInspections, 2);
      assert.equal(typeof summary.indicatorValues, 'number');
      assert.deepEqual(summary.datasets, ['fixture-minimal']);
      const sources = await store.evidenceDatasets({ providerTypes: ['primary-school'], laInspectionKinds: ['slac'], indicators: [], addresseeYear: 2011 });
      assert.ok(sources.some((s) => s.table === 'providers' && s.dataset === 'fixture-minimal' && s.part === 'primary-school'));
      assert.ok(sources.some((s) => s.table === 'la_inspections' && s.part === 'slac'));
      assert.ok(!sources.some((s) => s.table === 'indicator_values'), 'a table not asked for is not read');
    });

    it('re-importing the same batch changes nothing, and rewriting it gives the same facts', async () => {
      const before = await store.fingerprint();
      const facts = await readEverything(store);
      const batch = minimalBundle();
      assert.equal((await store.replaceDataset(batch)).status, 'unchanged');
      assert.equal(await store.fingerprint(), before);
      const rewritten = await store.replaceDataset({ ...batch, files: [...batch.files, { path: 'extra.csv', sha256: 'x', rows: 0 }] });
      assert.ok(rewritten.status === 'written' && rewritten.replaced);
      assert.deepEqual(await readEverything(store), facts);
      assert.equal((await store.replaceDataset(batch)).status, 'written', 'back to the first file list');
      assert.deepEqual(await readEverything(store), facts, 'the same facts again (the LA inspections under new surrogate ids)');
    });

    it('a replacement removes what the dataset no longer has', async () => {
      const s = await open(kind.fresh());
      try {
        await s.replaceDataset(FIXTURE_LA_BATCH);
        const batch = minimalBundle();
        await s.replaceDataset(batch);
        const fewer = { ...batch, files: [{ path: 'fewer.csv', sha256: 'f', rows: 1 }], providerInspections: batch.providerInspections!.slice(0, 2) };
        await s.replaceDataset(fewer);
        assert.equal((await s.providerInspections()).length, 2);
      } finally {
        await s.close();
      }
    });

    it('refuses a key another dataset holds, naming it and its owner, and changes nothing', async () => {
      const before = await store.fingerprint();
      const provider = minimalBundle().providers![0]!;
      const clash: ImportBatch = { dataset: { id: 'clash', kind: 'synthetic', title: 'Clash', source: 'test', licence: 'OGL' }, files: [{ path: 'clash.csv', sha256: 'c', rows: 1 }], providers: [provider] };
      const message = await store.replaceDataset(clash).then(() => assert.fail('accepted'), rejection);
      assert.match(message, new RegExp(`URN ${provider.urn}: already stored by dataset "fixture-minimal"`));
      assert.equal(await store.fingerprint(), before);
    });

    it('refuses a row repeated within one batch', async () => {
      const before = await store.fingerprint();
      const provider = { ...minimalBundle().providers![0]!, urn: '9999999' };
      const twice: ImportBatch = { dataset: { id: 'twice', kind: 'synthetic', title: 'Twice', source: 'test', licence: 'OGL' }, files: [{ path: 'twice.csv', sha256: 't', rows: 2 }], providers: [provider, provider] };
      assert.match(await store.replaceDataset(twice).then(() => assert.fail('accepted'), rejection), /URN 9999999: appears twice in dataset "twice"/);
      assert.equal(await store.fingerprint(), before);
    });

    it('refuses a change of kind, and a replacement that would leave other rows pointing at nothing', async () => {
      const before = await store.fingerprint();
      const real = { ...minimalBundle(), dataset: { ...minimalBundle().dataset, kind: 'real' as const } };
      assert.match(await store.replaceDataset(real).then(() => assert.fail('accepted'), rejection), /stored as synthetic data; real data cannot replace it/);
      const withoutStockport: ImportBatch = { ...FIXTURE_LA_BATCH, files: [{ path: 'las.csv', sha256: 'other', rows: 4 }], localAuthorities: FIXTURE_LAS.filter((l) => l.code !== STOCKPORT) };
      assert.match(await store.replaceDataset(withoutStockport).then(() => assert.fail('accepted'), rejection), /would leave .* providers of dataset "fixture-minimal" pointing at LA 356/);
      assert.equal(await store.fingerprint(), before);
    });

    it('appends judgements and edits in order, and records a batch of edits whole or not at all', async () => {
      await store.recordJudgement(judgement(1));
      await store.recordJudgement(judgement(2, 'B Moderator'));
      const recorded = await store.inspectorJudgements(2011, STOCKPORT);
      assert.deepEqual(recorded, [judgement(1), judgement(2, 'B Moderator')]);
      const edit = { la: STOCKPORT, year: 2011, change: { op: 'remove', target: 'S1' }, basis: null, author: 'A Inspector', recordedAt: '2011-10-05T10:00:00.000Z' } as const;
      const ids = await store.recordLetterEdits([edit, { ...edit, recordedAt: '2011-10-05T10:01:00.000Z' }]);
      assert.equal(ids.length, 2);
      assert.ok(ids[1]! > ids[0]!);
      const before = await store.letterEdits(STOCKPORT, 2011);
      // A batch whose second edit cannot be stored (no author: NOT NULL) leaves none of it behind.
      await assert.rejects(store.recordLetterEdits([edit, { ...edit, author: null as unknown as string }]));
      assert.deepEqual(await store.letterEdits(STOCKPORT, 2011), before);
    });

    it("follows other connections' commits, and not its own", async () => {
      const other = await open(db);
      try {
        const start = await store.externalVersion();
        await store.recordJudgement(judgement(3));
        assert.equal(await store.externalVersion(), start, 'its own write does not count');
        await other.recordJudgement(judgement(4));
        const moved = await store.externalVersion();
        assert.notEqual(moved, start, "another connection's judgement does");
        assert.equal(await store.externalVersion(), moved, 'and only once');
        await other.replaceDataset({ ...NEIGHBOURS, files: [{ path: 'neighbours.csv', sha256: 'n2', rows: 3 }] });
        assert.notEqual(await store.externalVersion(), moved, "another connection's import does");
      } finally {
        await other.close();
      }
    });

    it('takes concurrent writers in two processes without losing or mixing any', async () => {
      const before = (await store.inspectorJudgements(2011)).length;
      // Two other processes, as two servers or a server and the CLI would be, each recording judgements and edits
      // and importing a dataset of its own, all at once (support/concurrent-writer.ts).
      const [left, right] = await Promise.all(['left', 'right'].map((name) => concurrentWriter(db, name)));
      assert.equal(left, 0);
      assert.equal(right, 0);
      const after = await store.inspectorJudgements(2011);
      assert.equal(after.length, before + 2 * WRITES);
      const rationales = new Set(after.map((j) => j.rationale));
      for (const name of ['left', 'right']) for (let n = 0; n < WRITES; n++) assert.ok(rationales.has(`${name} ${n}`), `${name} ${n} recorded`);
      assert.equal((await store.addressee('358' as LaCode, 2009))?.name, 'left');
      assert.equal((await store.addressee('358' as LaCode, 2010))?.name, 'right');
      const edits = await store.letterEdits(STOCKPORT, 2011);
      assert.equal(new Set(edits.map((e) => e.id)).size, edits.length, 'every edit its own number');
      assert.equal(edits.filter((e) => e.author.startsWith('Writer ')).length, 2 * WRITES);
    });

    it('backs up and restores to the same fingerprint, and a backup restores into the other store too', async () => {
      const source = kind.fresh();
      const larger = await open(source);
      let fingerprint: string;
      const file = join(tmpDir, `backup-${next()}.db`);
      try {
        for (const batch of [FIXTURE_LA_BATCH, FIXTURE_HEX_BATCH, NEIGHBOURS, seedBundle()]) await larger.replaceDataset(batch);
        await larger.recordJudgement(judgement(7));
        await larger.recordLetterEdits([{ la: STOCKPORT, year: 2011, change: { op: 'remove', target: 'S9' }, basis: null, author: 'A Inspector', recordedAt: '2011-10-07T10:00:00.000Z' }]);
        fingerprint = await larger.fingerprint();
        await larger.backup(file);
        await assert.rejects(larger.backup(file), /exists: a backup is written to a new file/);
        await larger.recordJudgement(judgement(8));
        assert.notEqual(await larger.fingerprint(), fingerprint);
      } finally {
        // Closed before the restore: SQLite's restore swaps the file, which no connection may hold meanwhile.
        await larger.close();
      }
      for (const into of KINDS) {
        if (into.name === 'postgres' && TEST_POSTGRES === undefined) continue;
        // Over the store the backup came from, and into a new store of the other kind.
        const target = into.name === kind.name ? source : into.fresh();
        await restoreStore(storeLocation(target), file);
        const check = await open(target);
        try {
          assert.equal(await check.fingerprint(), fingerprint, `a ${kind.name} backup restored into ${into.name}`);
          const [id] = await check.recordLetterEdits([{ la: STOCKPORT, year: 2011, change: { op: 'remove', target: 'S10' }, basis: null, author: 'A Inspector', recordedAt: '2011-10-08T10:00:00.000Z' }]);
          assert.equal(id, 2, 'numbering goes on after the restored ids');
        } finally {
          await check.close();
        }
      }
    });
  });
}
