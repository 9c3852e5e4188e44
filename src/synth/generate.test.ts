import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { UsageError } from '../domain/errors.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { isJudgement } from '../domain/judgement.ts';
import { BUNDLE_COLUMNS } from '../ingest/bundle/spec.ts';
import type { BundleFileKind } from '../ingest/bundle/spec.ts';
import { readLaCodes } from '../ingest/sources/la-codes.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { generateNationalBundle } from './generate.ts';
import { profileDate } from './national-figures.ts';

const noNeighbours = new Map<LaCode, LaCode[]>();
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('generateNationalBundle on a few LAs', () => {
  const small = generateNationalBundle({ year: 2011, seed: 7, las: FIXTURE_LAS, neighbours: noNeighbours });

  it('is deterministic for a seed, and a different seed differs', () => {
    assert.equal(digest(generateNationalBundle({ year: 2011, seed: 7, las: FIXTURE_LAS, neighbours: noNeighbours }).rows), digest(small.rows));
    assert.notEqual(digest(generateNationalBundle({ year: 2011, seed: 8, las: FIXTURE_LAS, neighbours: noNeighbours }).rows), digest(small.rows));
  });

  it('is labelled synthetic', () => {
    assert.equal(small.dataset.kind, 'synthetic');
    assert.equal(small.dataset.id, 'synthetic-2011-seed7');
    assert.ok((small.rows.providers ?? []).every((p) => String(p['name']).startsWith('Synthetic ')));
    assert.ok((small.rows.addressees ?? []).every((a) => String(a['name']).startsWith('Synthetic ')));
  });

  it('covers only the LAs of the year: Bedford from 2009, Bedfordshire before', () => {
    const las = (year: number) => new Set((generateNationalBundle({ year, seed: 1, las: FIXTURE_LAS, neighbours: noNeighbours }).rows.addressees ?? []).map((a) => a['la_code']));
    assert.deepEqual([...las(2011)].sort(), ['356', '358', '822', '861']);
    assert.deepEqual([...las(2008)].sort(), ['356', '358', '820', '861']);
  });

  it('writes only columns of the bundle spec', () => {
    for (const [kind, rows] of Object.entries(small.rows) as [BundleFileKind, Record<string, unknown>[]][]) {
      const allowed = new Set(Object.keys(BUNDLE_COLUMNS[kind]));
      for (const row of rows) for (const key of Object.keys(row)) assert.ok(allowed.has(key), `${kind}.${key}`);
    }
  });

  it('gives each LA exactly one fostering and one adoption agency of its own', () => {
    for (const type of ['fostering-agency', 'adoption-agency']) {
      const byLa = new Map<unknown, number>();
      for (const p of small.rows.providers ?? []) if (p['provider_type'] === type) byLa.set(p['la_code'], (byLa.get(p['la_code']) ?? 0) + 1);
      assert.deepEqual([...byLa.values()], [1, 1, 1, 1], type);
    }
  });

  it('has no inspection after the profile date, and no children’s centre inspected before 2010', () => {
    const centres = new Set((small.rows.providers ?? []).filter((p) => p['provider_type'] === 'childrens-centre').map((p) => p['urn']));
    assert.ok(centres.size > 0);
    for (const i of small.rows['provider-inspections'] ?? []) {
      assert.ok(String(i['inspection_date']) <= profileDate(2011), JSON.stringify(i));
      if (centres.has(i['urn'])) assert.ok(String(i['inspection_date']) >= '2010-01-01');
      if (i['overall_effectiveness'] !== null) assert.ok(isJudgement(String(i['overall_effectiveness'])));
    }
    const in2009 = generateNationalBundle({ year: 2009, seed: 7, las: FIXTURE_LAS, neighbours: noNeighbours });
    assert.equal((in2009.rows.providers ?? []).filter((p) => p['provider_type'] === 'childrens-centre').length, 0);
  });

  it('gives every indicator value as a number or a data symbol, and England as the mean of its LAs', () => {
    const values = small.rows['indicator-values'] ?? [];
    for (const v of values) assert.ok(typeof v['value'] === 'number' || ['x', 'c', 'z', 'low'].includes(String(v['value'])), JSON.stringify(v));
    const key = (v: Record<string, unknown>) => `${v['indicator_id']}|${v['period']}`;
    for (const england of values.filter((v) => v['area_kind'] === 'england')) {
      const las = values.filter((v) => v['area_kind'] === 'la' && key(v) === key(england) && typeof v['value'] === 'number').map((v) => v['value'] as number);
      if (las.length === 0) continue;
      const mean = las.reduce((a, b) => a + b, 0) / las.length;
      assert.ok(Math.abs((england['value'] as number) - mean) <= 0.051, `${key(england)}: ${england['value']} vs ${mean}`);
    }
  });

  it('refuses years outside 2006-2011, naming the year', () => {
    for (const year of [2005, 2012]) {
      assert.throws(() => generateNationalBundle({ year, seed: 1, las: FIXTURE_LAS, neighbours: noNeighbours }), (e: Error) => e instanceof UsageError && e.message.includes(String(year)));
    }
  });
});

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
describe('generateNationalBundle at national scale', { skip: existsSync(dataDir) ? false : 'shared/data is not beside the checkout' }, () => {
  it('has 152 LAs and a national mix near the published figures', () => {
    const read = readLaCodes({
      derived: `${dataDir}derived/la_childrens_services_2006_2011.csv`,
      dfeLas: `${dataDir}dfe-la-codes/las.csv`,
      laitCodes: `${dataDir}dfe-lait/la_code_list.csv`,
      mysocietyLas: `${dataDir}mysociety-la-codes/uk_local_authorities.csv`,
      mysocietyGssLookup: `${dataDir}mysociety-la-codes/lookup_gss_to_registry.csv`,
    });
    assert.ok(read.ok);
    const las: readonly LocalAuthority[] = read.batch.localAuthorities ?? [];
    const bundle = generateNationalBundle({ year: 2011, seed: 1, las, neighbours: noNeighbours });
    assert.equal(bundle.rows.addressees?.length, 152);
    const count = (type: string) => (bundle.rows.providers ?? []).filter((p) => p['provider_type'] === type && p['ownership'] !== 'academy').length;
    assert.ok(count('primary-school') >= 15_000 && count('primary-school') <= 19_000, `primary ${count('primary-school')}`);
    assert.ok(count('secondary-school') >= 2_800 && count('secondary-school') <= 3_600);
    assert.ok(count('childminder') >= 40_000);
    const ucra2011 = (bundle.rows['la-inspections'] ?? []).filter((i) => i['inspection_kind'] === 'ucra' && String(i['end_date']).startsWith('2011'));
    const withPriority = ucra2011.filter((i) => (i['priority_action_count'] as number) > 0).length;
    assert.ok(withPriority >= 2 && withPriority <= 25, `LAs with areas for priority action in 2011: ${withPriority}`);
  });
});
