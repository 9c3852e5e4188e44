import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { cliStore, seedFixture } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';

/** `kingsway profile` on the Stockport 2011 fixture, in each of its three formats. */

describe('kingsway profile', () => {
  let cli: CliStore;
  const kingsway = (...args: string[]) => cli.kingsway(...args);
  before(async () => {
    cli = await cliStore(seedFixture('stockport-2011-assessment'));
  });
  after(() => cli.cleanup());

  it('prints Blocks A, B and C as tables, saying the data is not real', () => {
    const run = kingsway('profile', '--la', '356', '--year', '2011');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Includes data that is not real: fixture-stockport-2011/);
    assert.match(run.stdout, /Special schools\s+6\s+33%\s+83%\s+17%\s+0%/);
    assert.match(run.stdout, /Primary schools\s+94\s.*aggregate/);
    assert.match(run.stdout, /Unannounced inspection of contact, referral and assessment arrangements, 2011-05-11: no overall judgement; areas for priority action: 0/);
    assert.match(run.stdout, /NI 117\s+2010\s+6\s+4\.8 \(supplied\)\s+6\.1\s+worse\s+in-line \(just below\)/);
  });

  it('--csv gives one table of Blocks A and C that a spreadsheet reads', () => {
    const run = kingsway('profile', '--name', 'Stockport', '--year', '2011', '--csv');
    const parsed = Papa.parse<Record<string, string>>(run.stdout.trim(), { header: true });
    assert.equal(parsed.errors.length, 0);
    const special = parsed.data.find((r) => r['block'] === 'A' && r['id'] === 'special');
    assert.equal(special?.['la_inspected'], '6');
    assert.ok(parsed.data.some((r) => r['block'] === 'C' && r['id'] === 'NI 75' && r['period'] === '2010/11' && r['vs_similar_areas'] === 'in-line'));
    // Every row says whether synthetic data lies behind it, and which datasets.
    assert.ok(parsed.data.every((r) => r['synthetic'] === 'true' && r['datasets'] === 'fixture-stockport-2011 (synthetic)'));
  });

  it('--json gives the whole profile', () => {
    const profile = JSON.parse(kingsway('profile', '--la', '356', '--year', '2011', '--json').stdout) as { blockA: unknown[]; blockB: unknown[]; blockC: unknown[]; framework: { id: string }; synthetic: boolean; datasets: unknown[]; provenanceByBlock: { blockB: { synthetic: boolean } } };
    assert.equal(profile.framework.id, 'assessment-2011');
    assert.deepEqual([profile.synthetic, profile.datasets, profile.provenanceByBlock.blockB.synthetic], [true, [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }], true]);
    assert.equal(profile.blockA.length, 15);
    assert.ok(profile.blockC.length >= 9);
  });

  it('refuses a year with no framework, naming it', () => {
    const run = kingsway('profile', '--la', '356', '--year', '2008');
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no framework for 2008/);
  });
});
