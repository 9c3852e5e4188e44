import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { cliStore, seedFixture } from './support/cli.ts';
import { tempDir } from './support/store.ts';
import type { CliStore } from './support/cli.ts';

/** `kingsway assess`, `explain` and `judge` on the Stockport 2011 fixture, as an inspector would use them. */

describe('kingsway assess, explain and judge', () => {
  let cli: CliStore;
  const kingsway = (...args: string[]) => cli.kingsway(...args);
  before(async () => {
    cli = await cliStore(seedFixture('stockport-2011-assessment'));
  });
  after(() => cli.cleanup());

  it('assess gives every LA of the year a line, with the reason where it could not be assessed', () => {
    const run = kingsway('assess', '--year', '2011');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^356\s+Stockport\s+3\s+3\s+-\s+derived, awaiting inspector judgement\s+SYNTHETIC$/m);
    assert.match(run.stdout, /^358\s+Trafford\s+-\s+-\s+-\s+not assessed: no inspected settings and no compared indicators for Trafford \(358\)/m);
    assert.match(run.stdout, /^3 Performs well\s+1\s+25\.0%\s+71\s+46\.7%$/m);
    assert.match(run.stderr, /3 LAs could not be assessed/);
  });

  it('explain puts the trace in words, with the evidence under each step', () => {
    const run = kingsway('explain', '--la', '356', '--year', '2011');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^1\. Framework assessment-2011, inheriting assessment-2010: evidence at 2011-08-31$/m);
    assert.match(run.stdout, /^2\. Block A: weighted mean band/m);
    assert.match(run.stdout, /^\s+Special schools: 83% good or better of 6 → band 3$/m);
    assert.match(run.stdout, /Derived grade 3: Performs well/);
    assert.match(run.stdout, /No inspector judgement recorded: the derived grade 3 awaits one/);
  });

  it('judge records a final grade beside the derived one, which every view keeps showing', () => {
    const judged = kingsway('judge', '--la', '356', '--year', '2011', '--grade', '4', '--rationale', 'Moderation: consistently strong social care', '--by', 'A Inspector');
    assert.equal(judged.status, 0, judged.stderr);
    assert.match(judged.stdout, /final grade 4 by A Inspector \(derived grade 3, kept\)/);
    const table = kingsway('assess', '--year', '2011', '--la', '356', '--csv');
    const [row] = Papa.parse<Record<string, string>>(table.stdout.trim(), { header: true }).data;
    assert.deepEqual([row?.['grade'], row?.['derived'], row?.['final'], row?.['change'], row?.['status']], ['4', '3', '4', '1', 'final']);
    const explained = kingsway('explain', '--la', '356', '--year', '2011');
    assert.match(explained.stdout, /Final grade 4, judged by A Inspector at \S+, changing the derived grade 3 by \+1: Moderation: consistently strong social care/);
  });

  it('a later judgement supersedes an earlier one; last year’s final grade gives the direction of travel', () => {
    assert.equal(kingsway('judge', '--la', '356', '--year', '2011', '--grade', '3', '--rationale', 'Agreed at moderation', '--by', 'Panel').status, 0);
    assert.equal(kingsway('judge', '--name', 'Stockport', '--year', '2010', '--grade', '3', '--rationale', 'Published 2010 assessment', '--by', 'Ofsted').status, 0);
    const explained = kingsway('explain', '--la', '356', '--year', '2011');
    assert.match(explained.stdout, /Final grade 3, judged by Panel .* agreeing with the derived grade: Agreed at moderation/);
    assert.match(explained.stdout, /This performance has been sustained from 2010 to 2011\./);
  });

  it('withholds an outcome with its reason', () => {
    assert.equal(kingsway('judge', '--la', '861', '--year', '2011', '--withhold', '--rationale', 'Full inspection under way', '--by', 'Panel').status, 0);
    const run = kingsway('assess', '--year', '2011', '--json');
    const report = JSON.parse(run.stdout) as { results: Record<string, unknown>[]; distribution: { outcome: string; run: number }[] };
    const { judged_at: at, ...row } = report.results.find((r) => r['la_code'] === '861')!;
    assert.match(String(at), /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(row, {
      la_code: '861',
      la_name: 'Stoke-on-Trent',
      region: 'West Midlands',
      status: 'withheld',
      grade: null,
      derived: null,
      provisional: null,
      final: null,
      change: null,
      limiting_rules: '',
      direction: null,
      reason: 'Full inspection under way',
      judged_by: 'Panel',
      // Stoke-on-Trent has no evidence of its own here: England's figures, made of Stockport's synthetic rows, are all it reads.
      synthetic: true,
      synthetic_basis: 'comparators',
      datasets: [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'comparators' }],
    });
    assert.equal(report.distribution.find((d) => d.outcome === 'withheld')?.run, 1);
    const table = kingsway('assess', '--year', '2011');
    assert.match(table.stdout, /^861\s+Stoke-on-Trent\s+-\s+-\s+-\s+withheld by Panel at \S+: Full inspection under way\s+SYNTHETIC comparators$/m);
    const explained = kingsway('explain', '--la', '861', '--year', '2011');
    assert.match(explained.stdout, /^Outcome withheld by Panel at \S+: Full inspection under way$/m);
  });

  it('assess says which rows rest on synthetic data, in the table, the CSV and the JSON, and labels the distribution', () => {
    const run = kingsway('assess', '--year', '2011');
    assert.match(run.stdout, /^Includes data that is not real: fixture-stockport-2011$/m);
    assert.match(run.stdout, /^outcome\s+Kingsway, from synthetic data\s+share\s+Ofsted, published 2011\s+share$/m);
    const [row] = Papa.parse<Record<string, string>>(kingsway('assess', '--year', '2011', '--la', '356', '--csv').stdout.trim(), { header: true }).data;
    assert.deepEqual([row?.['synthetic'], row?.['synthetic_basis'], row?.['datasets']], ['true', 'own', 'fixture-stockport-2011 (synthetic)']);
    const report = JSON.parse(kingsway('assess', '--year', '2011', '--la', '356', '--json').stdout) as { results: Record<string, unknown>[]; syntheticDatasets: string[] };
    assert.deepEqual(report.syntheticDatasets, ['fixture-stockport-2011']);
    assert.deepEqual([report.results[0]!['synthetic'], report.results[0]!['datasets']], [true, [{ id: 'fixture-stockport-2011', kind: 'synthetic', role: 'own-and-comparators' }]]);
    const explained = kingsway('explain', '--la', '356', '--year', '2011');
    assert.match(explained.stdout, /^SYNTHETIC DATA: Built from synthetic data \(fixture-stockport-2011\)/m);
  });

  it('refuses a grade off the scale, or both a grade and --withhold, with exit 2 and nothing recorded', () => {
    const off = kingsway('judge', '--la', '356', '--year', '2011', '--grade', '5', '--rationale', 'x', '--by', 'y');
    assert.equal(off.status, 2);
    assert.match(off.stderr, /--grade must be a whole number from 1 to 4, not "5"/);
    const both = kingsway('judge', '--la', '356', '--year', '2011', '--grade', '3', '--withhold', '--rationale', 'x', '--by', 'y');
    assert.equal(both.status, 2);
    assert.match(both.stderr, /either --grade or --withhold/);
    const csv = kingsway('assess', '--year', '2011', '--la', '356', '--csv');
    assert.match(csv.stdout, /,3,3,3,0,/);
  });

  it('takes analyst settings from a file or a flag, shows them in the trace, and names a bad value', () => {
    const settings = join(cli.dir, 'settings.json');
    writeFileSync(settings, JSON.stringify({ cutOffs: { blockA: { 4: 0.7 } } }));
    const run = kingsway('explain', '--la', '356', '--year', '2011', '--settings', settings, '--similar-areas', 'median');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /analyst setting: cutOffs\.blockA\.4 = 0\.7/);
    assert.match(run.stdout, /analyst setting: similarAreas = "median"/);
    writeFileSync(settings, JSON.stringify({ cutOffs: { blockA: { 4: 'high' } } }));
    const bad = kingsway('assess', '--year', '2011', '--settings', settings);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /settings\.json: cutOffs\.blockA\.4: /);
  });
});

describe('kingsway assess on a store with no LAs', () => {
  it('assess on a store with no local authorities fails with exit 1 instead of reporting 0 LAs', () => {
    const tmp = tempDir();
    try {
      const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
      const run = spawnSync(process.execPath, [main, '--db', join(tmp.dir, 'empty.db'), 'assess', '--year', '2011'], { encoding: 'utf8' });
      assert.equal(run.status, 1, run.stdout + run.stderr);
      assert.match(run.stderr, /no local authorities of 2011 are stored, so there is nothing to assess/);
      assert.equal(run.stdout, '');
    } finally {
      tmp.cleanup();
    }
  });
});
