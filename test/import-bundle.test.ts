import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readBundle } from '../src/ingest/bundle/read.ts';
import type { SourceRead } from '../src/ingest/source.ts';
import type { Rejection } from '../src/domain/errors.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { copyBundle, dbOf, fingerprint, openStore, readEverything, tempDir } from './support/store.ts';

/**
 * The evidence bundle import, as a user meets it: a valid bundle imports and re-imports without change; each kind of
 * malformed input is rejected with file, line, column, value and reason, and leaves the store exactly as it was.
 */
const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };

function rejectionsOf(read: SourceRead): readonly Rejection[] {
  assert.equal(read.ok, false, 'expected the bundle to be rejected');
  return read.ok ? [] : read.rejections;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

describe('evidence bundle import', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  it('reads the minimal bundle into domain values', () => {
    const read = readBundle({ dir: copyBundle('minimal', join(tmp.dir, 'a')), context });
    assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections));
    const b = read.batch;
    assert.equal(b.dataset.kind, 'synthetic');
    assert.equal(b.providers?.length, 4);
    assert.equal(b.providers?.find((p) => p.urn === '8100003')?.predecessorUrn, '8100002');
    const interim = b.providerInspections?.find((i) => i.kind === 'interim');
    assert.equal(interim?.overall, null, 'an interim visit with no overall judgement stays null');
    assert.deepEqual(b.providerInspections?.find((i) => i.urn === '8100004' && i.kind === 'full')?.sub, { 'staying-safe': 'good', 'enjoying-and-achieving': 'outstanding' });
    const ucra = b.laInspections?.find((i) => i.kind === 'ucra');
    assert.equal(ucra?.priorityActionCount, 0);
    assert.deepEqual(ucra?.findings.map((f) => f.kind), ['strength', 'area-for-development']);
    assert.equal(b.laInspections?.find((i) => i.kind === 'slac')?.judgements.safeguarding, 'good');
    const suppressed = b.indicatorValues?.find((v) => v.period.original === '2010/11');
    assert.deepEqual(suppressed?.value, { kind: 'symbol', symbol: 'c' }, 'a suppressed value is a symbol, never zero');
    assert.equal(b.indicatorValues?.find((v) => v.area.kind === 'similar-areas')?.area.code, '356');
    assert.deepEqual(b.outcomeCounts?.map((c) => c.basis), ['aggregate', 'supplied-comparator']);
    assert.deepEqual(b.addressees?.[0]?.addressLines, ["Children and Young People's Directorate, 3rd Floor Stopford House", 'Town Hall', 'Stockport']);
  });

  it('imports into the store, and re-importing the same bundle changes nothing', async () => {
    const dir = join(tmp.dir, 'b');
    const bundle = copyBundle('minimal', dir);
    const store = await openStore(dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    const read = readBundle({ dir: bundle, context });
    assert.ok(read.ok);
    const first = await store.replaceDataset(read.batch);
    assert.equal(first.status, 'written');
    assert.equal((await store.providers({ la: FIXTURE_LAS[0]!.code })).length, 4);
    await store.close();
    const once = await fingerprint(dbOf(dir));
    const reopened = await openStore(dir);
    const onceFacts = await readEverything(reopened);
    await reopened.close();

    const again = await openStore(dir);
    assert.equal((await again.replaceDataset(read.batch)).status, 'unchanged');
    await again.close();
    assert.equal(await fingerprint(dbOf(dir)), once, 're-import must leave every row as it was');

    // Even when the content is written again (as when another file of the bundle changed), the same rows result.
    const forced = await openStore(dir);
    const rewrite = await forced.replaceDataset({ ...read.batch, files: [...read.batch.files, { path: 'extra.csv', sha256: 'x', rows: 0 }] });
    assert.deepEqual(rewrite.status === 'written' && rewrite.replaced, true);
    assert.deepEqual(await readEverything(forced), onceFacts, 'rewriting the same content gives the same facts');
    await forced.close();
    assert.notEqual(await fingerprint(dbOf(dir)), once, 'the dataset record notes the new file list');
  });

  const cases: ReadonlyArray<{ name: string; file: string; change: (t: string) => string; expect: Partial<Omit<Rejection, 'reason'>> & { reason: RegExp } }> = [
    {
      name: 'a wrong column name',
      file: 'providers.csv',
      change: (t) => t.replace('provider_type', 'provdier_type'),
      expect: { file: 'b/providers.csv', line: 1, column: '3 (provdier_type)', value: 'provdier_type', reason: /unknown column/ },
    },
    {
      name: 'an unknown LA code',
      file: 'providers.csv',
      change: (t) => t.replace('8100001,Fixture Primary School,primary-school,356', '8100001,Fixture Primary School,primary-school,999'),
      expect: { line: 2, column: '4 (la_code)', value: '999', reason: /unknown LA code/ },
    },
    {
      name: 'an impossible date',
      file: 'provider-inspections.csv',
      change: (t) => t.replace('2008-03-12', '2008-02-30'),
      expect: { line: 2, column: '2 (inspection_date)', value: '2008-02-30', reason: /real date/ },
    },
    {
      name: 'an unknown judgement word',
      file: 'provider-inspections.csv',
      change: (t) => t.replace('8100002,2007-11-20,full,satisfactory', '8100002,2007-11-20,full,Excellentish'),
      expect: { line: 3, column: '4 (overall_effectiveness)', value: 'Excellentish', reason: /outstanding, good/ },
    },
    {
      name: 'a file truncated mid-row',
      file: 'provider-inspections.csv',
      change: (t) => t.slice(0, t.indexOf('8100004,2011-04-14') + 12),
      expect: { line: 6, column: null, reason: /truncated/ },
    },
    {
      name: 'a file truncated at a line boundary (caught by the manifest count)',
      file: 'provider-inspections.csv',
      change: (t) => t.split('\n').slice(0, 4).join('\n') + '\n',
      expect: { value: '3 rows', reason: /manifest says 5 data rows: the file looks truncated/ },
    },
    {
      name: 'a windows-1252 file',
      file: 'addressees.csv',
      change: (t) => t,
      expect: { line: 2, column: '17', value: 'bytes E9 20 57', reason: /not valid UTF-8/ },
    },
    {
      name: 'an inspection of a provider not in the bundle',
      file: 'provider-inspections.csv',
      change: (t) => t.replace('8100001,2008-03-12', '8199999,2008-03-12'),
      expect: { line: 2, column: '1 (urn)', value: '8199999', reason: /no provider with this URN/ },
    },
    {
      name: 'an LA inspection of an LA that no longer existed',
      file: 'la-inspections.csv',
      change: (t) => t.replace('356,slac', '820,slac'),
      expect: { line: 3, column: '1 (la_code)', value: '820', reason: /did not exist on 2010-06-18/ },
    },
    {
      name: 'a duplicate row',
      file: 'providers.csv',
      change: (t) => t.replace('8100002,Fixture High School', '8100001,Fixture High School'),
      expect: { line: 3, column: '1 (urn)', value: '8100001', reason: /already on line 2/ },
    },
    {
      name: 'an inspection given twice',
      file: 'provider-inspections.csv',
      change: (t) => t.replace('8100002,2007-11-20,full', '8100001,2008-03-12,full'),
      expect: { line: 3, column: '2 (inspection_date)', value: '2008-03-12', reason: /already on line 2/ },
    },
    {
      name: 'a zero written in place of a value with no symbol',
      file: 'indicator-values.csv',
      change: (t) => t.replace('2010/11,c', '2010/11,n/k'),
      expect: { line: 3, column: '5 (value)', value: 'n/k', reason: /data symbol/ },
    },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} and leaves the store unchanged`, async () => {
      const dir = join(tmp.dir, `case-${cases.indexOf(c)}`);
      const bundle = copyBundle('minimal', dir);
      const store = await openStore(dir);
      await store.replaceDataset(FIXTURE_LA_BATCH);
      await store.close();
      const before = await fingerprint(dbOf(dir));

      if (c.name === 'a windows-1252 file') {
        // "Ofsted £" style: a byte that windows-1252 writes for "é" is not UTF-8.
        const path = join(bundle, 'addressees.csv');
        const text = readFileSync(path, 'utf8').replace('Andrew Webb', 'Andr\u00e9 Webb');
        writeFileSync(path, Buffer.from(text, 'latin1'));
      } else {
        edit(bundle, c.file, c.change);
      }
      const read = readBundle({ dir: bundle, context });
      const rejections = rejectionsOf(read);
      const match = rejections.find((r) => c.expect.reason.test(r.reason));
      assert.ok(match, `no rejection matching ${c.expect.reason}; got ${JSON.stringify(rejections)}`);
      for (const key of ['line', 'column', 'value'] as const) {
        if (key in c.expect) assert.equal(match[key], c.expect[key], `${key} of ${JSON.stringify(match)}`);
      }
      assert.match(match.file, new RegExp(`/${c.file.replace('.', '\\.')}$`));

      const store2 = await openStore(dir);
      await store2.close();
      assert.equal(await fingerprint(dbOf(dir)), before, 'the store must be unchanged');
    });
  }

  it('rejects a manifest with a bad field, naming it', () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'm'));
    edit(bundle, 'manifest.json', (t) => t.replace('"kind": "synthetic"', '"kind": "made-up"'));
    const [first] = rejectionsOf(readBundle({ dir: bundle, context }));
    assert.equal(first?.column, 'dataset.kind');
    assert.equal(first?.value, 'made-up');
  });

  it('rejects broken manifest JSON with its line', () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'j'));
    edit(bundle, 'manifest.json', (t) => t.replace('"version": 1,', '"version": 1'));
    const [first] = rejectionsOf(readBundle({ dir: bundle, context }));
    assert.equal(first?.line, 4);
    assert.match(first?.reason ?? '', /not valid JSON/);
  });

  it('matches renamed columns through the alias table, and a manifest may add aliases', () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'al'));
    edit(bundle, 'providers.csv', (t) => t.replace('urn,name,provider_type', 'URN,Provider name,Type of provision'));
    edit(bundle, 'indicator-values.csv', (t) => t.replace('indicator_id,area_kind', 'Measure,area_kind'));
    assert.equal(rejectionsOf(readBundle({ dir: bundle, context }))[0]?.value, 'Measure');
    const read = readBundle({ dir: bundle, context, aliases: { 'indicator-values': { indicator_id: ['Measure'] } } });
    assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections));
  });

  it('reports every rejected value, not only the first', () => {
    const bundle = copyBundle('minimal', join(tmp.dir, 'many'));
    edit(bundle, 'provider-inspections.csv', (t) => t.replaceAll(',full,', ',fulll,'));
    const rejections = rejectionsOf(readBundle({ dir: bundle, context }));
    assert.equal(rejections.filter((r) => r.value === 'fulll').length, 4);
  });
});
