import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { FIRST_SYNTHETIC_URN } from '../../synth/providers.ts';
import { BUNDLED_DATA_DIR } from '../data-dir.ts';
import { PUBLISHED_SOURCES } from '../shared-data.ts';
import type { SourceRead } from '../source.ts';
import { findHeader } from './ofsted-provider-columns.ts';
import { readOfstedProviders } from './ofsted-providers.ts';
import type { InYearFile, SnapshotFile } from './ofsted-providers.ts';

/** Ofsted's provider-level files, one messy case per fixture (test/fixtures/ofsted-providers/), then the real ones. */
const fixtures = fileURLToPath(new URL('../../../test/fixtures/ofsted-providers/', import.meta.url));
const la = (code: string, name: string, openedOn: string | null = null, closedOn: string | null = null): LocalAuthority => ({
  code: code as LaCode,
  gss: `E0${code}`,
  name,
  formalName: `${name} Council`,
  type: 'UA',
  region: 'North West',
  openedOn,
  closedOn,
  note: null,
});
const LAS: readonly LocalAuthority[] = [
  la('356', 'Stockport'),
  la('358', 'Trafford'),
  la('801', 'Bristol, City of'),
  la('840', 'County Durham'),
  la('837', 'Bournemouth', null, '2019-03-31'),
  la('836', 'Poole', null, '2019-03-31'),
  la('839', 'Bournemouth, Christchurch and Poole', '2019-04-01'),
];
const snapshot = (file: string, year: number): SnapshotFile => ({ path: join(fixtures, file), display: file, asAt: `${year}-03-31` });
const inYear = (file: string): InYearFile => ({ path: join(fixtures, file), display: file, from: '2017-04-01', to: '2018-03-31' });
const read = (snapshots: readonly SnapshotFile[], inYears: readonly InYearFile[] = []) => readOfstedProviders({ snapshots, inYear: inYears, las: LAS });
const ok = (r: SourceRead) => {
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.rejections, null, 1));
  return r;
};
const rejected = (r: SourceRead) => {
  assert.equal(r.ok, false, 'expected the source to be refused');
  return r.ok ? [] : r.rejections;
};
const note = (r: SourceRead, pattern: RegExp) => assert.ok(r.ok && r.notes.some((n) => pattern.test(n)), `no note matching ${pattern}: ${r.ok ? r.notes.join('\n') : ''}`);

describe('Ofsted provider files: where the header is', () => {
  it('on line 1 (2015): "Setting Name", "Inspection Date", adequate and satisfactory, REDACTED, DfE spellings of LA names', () => {
    const r = ok(read([snapshot('header-line-1-2015.csv', 2015)]));
    const providers = r.batch.providers ?? [];
    assert.deepEqual(
      providers.map((p) => [p.urn, p.type, p.la, p.ownership, p.name]),
      [
        ['SC037454', 'childrens-home', '356', 'la-run', 'REDACTED'],
        ['SC466378', 'childrens-home', '356', 'private-voluntary', 'REDACTED'],
        ['SC001831', 'residential-special-school', '801', 'private-voluntary', 'The Grange School'],
        ['SC472139', 'fostering-agency', '840', 'private-voluntary', 'Foster Co'],
      ],
      '"Bristol, City of" and "Durham" are found; a residential special school open over 295 days is one',
    );
    assert.deepEqual(
      (r.batch.providerInspections ?? []).map((i) => [i.urn, i.date, i.overall, i.sub['staying-safe'] ?? null]),
      [
        ['SC037454', '2015-03-27', 'outstanding', 'outstanding'],
        ['SC466378', '2015-03-26', 'adequate', 'adequate'],
        ['SC001831', '2015-03-03', 'satisfactory', 'good'],
        ['SC472139', '2015-02-01', 'requires-improvement', 'requires-improvement'],
      ],
    );
    note(r, /header-line-1-2015\.csv: 2 rows of only commas, skipped/);
    note(r, /2 rows with the name REDACTED/);
  });

  it('on line 2, under a group-header line (2016-2021): requires improvement in any case, "Not judged", not yet inspected', () => {
    const r = ok(read([snapshot('header-line-2-2019.csv', 2019)]));
    const inspections = r.batch.providerInspections ?? [];
    assert.deepEqual(inspections.map((i) => i.overall), ['requires-improvement', 'requires-improvement', 'good']);
    assert.equal(inspections[2]!.sub['staying-safe'], undefined, '"Not judged" is no judgement');
    assert.equal(r.batch.providers?.find((p) => p.urn === '2345678')?.type, 'adoption-agency', 'a provider not yet inspected is still a provider');
    note(r, /header-line-2-2019\.csv: 1 not yet inspected/);
    note(r, /1 sub-judgements recorded as "Not judged"/);
  });

  it('on line 4, under a title and notes, with line breaks inside header cells (2022-2025); CRLF; supported accommodation; Wales', () => {
    const r = ok(read([snapshot('header-line-4-multiline-2025.csv', 2025)]));
    assert.deepEqual((r.batch.providers ?? []).map((p) => [p.urn, p.type]), [
      ['SC037454', 'childrens-home'],
      ['3234567', 'supported-accommodation'],
      ['3234568', 'supported-accommodation'],
      ['3234569', 'childrens-home'],
    ]);
    const sa = r.batch.providerInspections?.find((i) => i.urn === '3234567');
    assert.deepEqual([sa?.date, sa?.overall], ['2025-03-05', null], "supported accommodation's own scale is not a four-point judgement");
    note(r, /header-line-4-multiline-2025\.csv: 2 not yet inspected; 1 of them supported accommodation; 1 in Wales/);
    note(r, /providers in Wales \(Cardiff\)/);
    note(r, /supported accommodation inspections judged on its own three-point scale: 1; recorded with no overall judgement/);
  });

  it('is found on the bytes, whatever the title above it holds', () => {
    assert.deepEqual(findHeader(Buffer.from('Title \xd0 here,,\nWeb link,URN,Name\n', 'latin1')), { offset: 15, line: 2 });
    assert.equal(findHeader(Buffer.from('no,header\nhere,at all\n')), null);
  });
});

describe('Ofsted provider files: encodings', () => {
  it("reads 2024's table though its title has a lone byte 0xD0, and says so", () => {
    const r = ok(read([snapshot('title-byte-d0-2024.csv', 2024)]));
    assert.equal(r.batch.providers?.length, 1);
    note(r, /title-byte-d0-2024\.csv: the title above the table \(line 1\) is not valid UTF-8 \(byte D0\)/);
  });

  it('refuses a file whose title gives another year than the one it is read as', () => {
    const [r] = rejected(read([snapshot('title-byte-d0-2024.csv', 2023)]));
    assert.deepEqual([r?.file, r?.line], ['title-byte-d0-2024.csv', 1]);
    assert.match(r?.reason ?? '', /the title says 2024, but the file is read as the providers at 2023-03-31/);
  });

  it("reads 2022's stray windows-1252 byte in a name as its en dash, and says where", () => {
    const r = ok(read([snapshot('windows-1252-name-2022.csv', 2022)]));
    assert.equal(r.batch.providers?.[0]?.name, 'Regional Foster Families – West Midlands');
    note(r, /windows-1252-name-2022\.csv: 1 byte not valid UTF-8 in an otherwise ASCII table, read as windows-1252: line 3, column \d+, byte 96 as "–"/);
  });

  it('refuses a table that mixes UTF-8 with stray bytes, with the position', () => {
    const [r] = rejected(read([snapshot('mixed-encoding.csv', 2022)]));
    assert.equal(r?.line, 3);
    assert.match(r?.reason ?? '', /not valid UTF-8/);
  });
});

describe('Ofsted provider files: what is refused, with its position', () => {
  it('a missing year file, naming it', () => {
    const [r] = rejected(read([snapshot('provider_at_march_2030.csv', 2030)]));
    assert.deepEqual([r?.file, r?.line], ['provider_at_march_2030.csv', null]);
    assert.match(r?.reason ?? '', /no such file: this year of the provider data is missing/);
  });

  it('a file with no header row', () => {
    const [r] = rejected(read([snapshot('no-header.csv', 2019)]));
    assert.match(r?.reason ?? '', /no header row: none of the first 12 lines has a "URN" column/);
  });

  it("a missing required column, on the header's line", () => {
    const [r] = rejected(read([snapshot('missing-column.csv', 2019)]));
    assert.equal(r?.line, 2);
    assert.match(r?.reason ?? '', /missing required column "localAuthority" \(accepted names: localAuthority, Local authority\)/);
  });

  it('an LA name no stored LA has, naming it', () => {
    const [r] = rejected(read([snapshot('unknown-la.csv', 2019)]));
    assert.deepEqual([r?.line, r?.column, r?.value], [3, '15 (Local authority)', 'Gotham']);
    assert.match(r?.reason ?? '', /unknown LA name/);
  });

  it('an LA name of an LA that did not exist on the file date', () => {
    const r = rejected(read([{ ...snapshot('unknown-la.csv', 2019), path: join(fixtures, 'union-2020.csv'), asAt: '2018-03-31' }])).find((x) => x.column === '15 (Local authority)');
    assert.equal(r?.value, 'Bournemouth, Christchurch & Poole');
    assert.match(r?.reason ?? '', /no LA of this name existed on 2018-03-31 \(839 2019-04-01 to …\)/);
  });

  it('each unreadable row: a date, a provision type, a judgement word, a sector, a date after the file, a judgement with no date, a URN twice', () => {
    const found = rejected(read([snapshot('bad-rows-2019.csv', 2019)]));
    const at = (line: number) => found.filter((r) => r.line === line).map((r) => `${r.column}: ${r.value}: ${r.reason}`);
    assert.match(at(3).join(), /21 \(Inspection date\): 31\/02\/2019: expected a date/);
    assert.match(at(4).join(), /4 \(Provision type\): Youth club: expected a provision type/);
    assert.match(at(5).join(), /24 \(Overall experiences .*\): Excellentish: expected outstanding, good/);
    assert.match(at(6).join(), /17 \(Sector\): Charity: expected a sector/);
    assert.match(at(7).join(), /10\/04\/2019: a latest inspection dated after the file's date \(2019-03-31\)/);
    assert.match(at(8).join(), /Good: a judgement with no inspection date/);
    assert.match(at(10).join(), /SC000007: this URN is listed already, on line 9/);
    assert.equal(found.length, 7);
  });

  it('a row cut short', () => {
    const [r] = rejected(read([snapshot('truncated-2019.csv', 2019)]));
    assert.equal(r?.line, 3);
    assert.match(r?.reason ?? '', /truncated/);
  });
});

describe('Ofsted provider files: one dataset from all of them', () => {
  const years = [2018, 2019, 2020, 2021];
  const union = () => ok(read(years.map((y) => snapshot(`union-${y}.csv`, y))));
  const byUrn = (r: Extract<SourceRead, { ok: true }>) => new Map((r.batch.providers ?? []).map((p) => [p.urn, p]));

  it('opens each provider at the first 31 March it is listed at, and closes it the day before the first it is missing from for good', () => {
    const p = byUrn(union());
    assert.deepEqual([p.get('SC100001')?.openedOn, p.get('SC100001')?.closedOn], ['2018-03-31', null]);
    assert.deepEqual([p.get('SC100003')?.openedOn, p.get('SC100003')?.closedOn], ['2018-03-31', '2020-03-30']);
    assert.deepEqual([p.get('SC100004')?.openedOn, p.get('SC100004')?.closedOn], ['2018-03-31', null], 'missing for one year, then back: registered throughout');
  });

  it('keeps a provider once per LA it was in, the earlier under URN@code', () => {
    const p = byUrn(union());
    const before = p.get('SC100005@356');
    const after = p.get('SC100005');
    assert.deepEqual([before?.la, before?.ownership, before?.openedOn, before?.closedOn], ['356', 'la-run', '2018-03-31', '2020-03-30']);
    assert.deepEqual([after?.la, after?.ownership, after?.openedOn, after?.closedOn], ['358', 'private-voluntary', '2020-03-31', null]);
    const r = union();
    const inspections = (urn: string) => (r.batch.providerInspections ?? []).filter((i) => i.urn === urn).map((i) => i.date);
    assert.deepEqual(inspections('SC100005@356'), ['2017-10-01', '2018-10-01', '2019-10-01'], 'the earlier record has the inspections up to its closing (2020-03-30)');
    assert.deepEqual(inspections('SC100005'), ['2017-10-01', '2018-10-01', '2019-10-01', '2020-10-01']);
  });

  it('reads a listing under an LA abolished the next day as in the successor the next file names', () => {
    const r = union();
    const p = byUrn(r);
    assert.deepEqual([p.get('SC100002@837')?.openedOn, p.get('SC100002@837')?.closedOn], ['2018-03-31', '2019-03-30']);
    assert.deepEqual([p.get('SC100002')?.la, p.get('SC100002')?.openedOn], ['839', '2019-03-31'], "the 2019 listing under Bournemouth counts in BCP, whose first year's profile reads it");
    assert.deepEqual([p.get('SC100006')?.la, p.get('SC100006')?.closedOn], ['836', '2020-03-30'], 'gone by the next file: left under Poole');
    note(r, /1 listing under an LA abolished the next day .* read as in the successor/);
    note(r, /1 listing under an LA abolished the next day with no later file/);
  });

  it('keeps each inspection once, counts two files that disagree, and counts the publication lag', () => {
    const r = union();
    const of = (urn: string) => (r.batch.providerInspections ?? []).filter((i) => i.urn === urn).map((i) => `${i.date} ${i.overall}`);
    assert.deepEqual(of('SC100001'), ['2017-06-01 good', '2018-06-01 requires-improvement', '2019-03-20 good'], 'given by two files, kept once');
    assert.deepEqual(of('SC100004'), ['2017-09-01 inadequate', '2020-09-01 good'], 'the later file is kept where two disagree');
    note(r, /1 inspection given differently by two files .*URN SC100004 on 2017-09-01: union-2018\.csv full good, union-2020\.csv full inadequate/);
    // SC100001's inspection of 20 March 2019 was first given by the 2020 file: the union reads it at 31 March 2019.
    note(r, /publication lag: 1 listing of a provider at a 31 March .*; 1 of them change whether the setting reads as good or better/);
  });

  it("adds the in-year file's inspections of listed providers, interim and monitoring visits with no judgement", () => {
    const r = ok(read([snapshot('header-line-2-2019.csv', 2019)], [inYear('in-year-2017-18.csv')]));
    const of = (urn: string) => (r.batch.providerInspections ?? []).filter((i) => i.urn === urn).map((i) => `${i.date} ${i.kind} ${i.overall}`);
    assert.deepEqual(of('1234567'), ['2017-05-15 full good', '2017-12-10 interim null', '2018-02-01 monitoring null', '2019-02-20 full requires-improvement']);
    assert.deepEqual(of('1999999'), [], 'a provider closed within the year, in no 31 March file, is not kept');
    note(r, /1 provider of the in-year file no 31 March file lists/);
    note(r, /interim inspections recording progress .*: 1; recorded with no overall judgement/);
  });
});

const realData = existsSync(join(BUNDLED_DATA_DIR, 'ofsted-social-care-providers', 'provider_at_march_2025.csv'));
describe('Ofsted provider files: the real ones (data/published)', { skip: realData ? false : 'data/published has no provider files' }, () => {
  it('read whole, with what they are known to hold', () => {
    const las = PUBLISHED_SOURCES.find((s) => s.name === 'la-codes')!.read(BUNDLED_DATA_DIR, { las: [] });
    assert.ok(las.ok);
    const r = ok(PUBLISHED_SOURCES.find((s) => s.name === 'ofsted-providers')!.read(BUNDLED_DATA_DIR, { las: las.batch.localAuthorities ?? [] }));
    const providers = r.batch.providers ?? [];
    assert.equal(r.batch.files.length, 12);
    assert.equal(providers.length, 7_525);
    assert.equal(r.batch.providerInspections?.length, 30_097);
    // 1,307 with empty judgement cells in 2025: 1,253 not inspected, 50 supported accommodation outcomes, 4 in Wales.
    note(r, /provider_at_march_2025\.csv: 1,253 not yet inspected; 839 of them supported accommodation; 4 in Wales/);
    note(r, /provider_at_march_2024\.csv: the title above the table \(line 1\) is not valid UTF-8 \(byte D0\)/);
    note(r, /provider_at_march_2022\.csv: 2 bytes not valid UTF-8 .* byte 96 as "–"/);
    // No real provider opens before the first file, so none is counted by the 2006-2011 frameworks.
    assert.ok(providers.every((p) => p.openedOn !== null && p.openedOn >= '2015-03-31'));
    // Real URNs are "SC" and six digits or at most seven digits below 9,000,000, where synthetic URNs begin.
    const numeric = providers.map((p) => p.urn.split('@')[0]!).filter((u) => /^\d+$/.test(u)).map(Number);
    assert.ok(Math.max(...numeric) < FIRST_SYNTHETIC_URN, `a real URN reaches ${Math.max(...numeric)}`);
    // Every English LA of 2025 has a provider registered in its area at 31 March 2025.
    const open2025 = new Set(providers.filter((p) => p.openedOn! <= '2025-03-31' && p.closedOn === null).map((p) => p.la));
    const las2025 = (las.batch.localAuthorities ?? []).filter((l) => (l.openedOn ?? '') <= '2025-04-01' && (l.closedOn === null || l.closedOn >= '2025-04-01')).map((l) => l.code);
    assert.deepEqual(las2025.filter((c) => !open2025.has(c)), []);
  });
});
