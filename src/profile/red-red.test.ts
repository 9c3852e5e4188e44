import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { IndicatorDefinition } from '../domain/indicator.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { parsePeriod } from '../domain/period.ts';
import { loadAssessInput } from '../application/load-evidence.ts';
import { frameworkFor } from '../frameworks/index.ts';
import type { Framework } from '../frameworks/types.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { assessAll } from '../judgement/assess.ts';
import type { ImportBatch } from '../store/repository.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from '../../test/support/las.ts';
import { profileWith } from '../../test/support/profiles.ts';
import { scratchStore } from '../../test/support/store.ts';
import type { BlockCRow, Comparison, Figure, PeriodFigures } from './block-c.ts';
import type { LaProfile } from './profile.ts';
import { redRedOf, redReds } from './red-red.ts';

const framework = frameworkFor(2011);

/**
 * Hand-made Block C rows, as test/support/profiles.ts makes them: the verdicts are given, not computed, so that each
 * condition can be set alone; the change is computed from the series, as the profile's trend is.
 */
type Verdict = 'better' | 'in-line' | 'worse';
const comparison = (verdict: Verdict | null): Comparison => ({
  comparator: 50,
  source: 'published',
  difference: verdict === 'better' ? 5 : verdict === 'worse' ? -5 : 0,
  position: 'equal',
  relation: verdict === 'in-line' || verdict === null ? 'in-line' : verdict === 'better' ? 'above' : 'below',
  verdict,
});
const PERIODS = ['2007/08', '2008/09', '2009/10', '2010/11'];
function row(values: readonly (number | 'c')[], verdicts: { similarAreas: Verdict | null; england: Verdict | null }, indicator: Partial<IndicatorDefinition> = {}): BlockCRow {
  const periods = PERIODS.slice(-values.length);
  const series = values.map((v, n): PeriodFigures => {
    const la: Figure = v === 'c' ? { kind: 'symbol', symbol: 'c' } : { kind: 'number', value: v };
    const last = n === values.length - 1;
    return { period: parsePeriod(periods[n]!)!, la, similarAreas: last ? comparison(verdicts.similarAreas) : null, england: last ? comparison(verdicts.england) : null };
  });
  return {
    indicator: { id: 'T 1', name: 'test indicator', unit: '%', polarity: 'higher-is-better', ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test', ...indicator },
    series,
    latest: series.at(-1) ?? null,
    rank: null,
    trend: null,
    twoYearTrend: null,
    provisional: null,
  };
}
const worse = { similarAreas: 'worse', england: 'worse' } as const;
const fires = (r: BlockCRow) => redRedOf(r, framework) !== null;

describe('red-reds: worse than similar areas and England, and getting worse', () => {
  it('fires on a row worse than both and declining, with its figures', () => {
    const r = redRedOf(row([60, 61, 58], worse), framework);
    assert.ok(r);
    assert.equal(r.id, 'T 1');
    assert.equal(r.name, 'test indicator');
    assert.equal(r.outcome, 'enjoying-and-achieving');
    assert.equal(r.period.original, '2010/11');
    assert.equal(r.value, 58);
    assert.equal(r.similarAreas.verdict, 'worse');
    assert.equal(r.england.verdict, 'worse');
    assert.deepEqual([r.previous.period.original, r.previous.value], ['2009/10', 61]);
    assert.deepEqual([r.change.change, r.change.word, r.change.from.original, r.change.to.original], [-3, 'declining', '2009/10', '2010/11']);
  });

  it('reads the change from the previous period only, not the whole series', () => {
    // Better than five years ago, but worse than last year: red-red. Worse than five years ago, better than last year: not.
    assert.ok(fires(row([50, 61, 58], worse)));
    assert.ok(!fires(row([70, 56, 58], worse)));
  });

  it('does not fire when worse than similar areas only, or England only', () => {
    assert.ok(!fires(row([61, 58], { similarAreas: 'worse', england: 'in-line' })));
    assert.ok(!fires(row([61, 58], { similarAreas: 'worse', england: 'better' })));
    assert.ok(!fires(row([61, 58], { similarAreas: 'in-line', england: 'worse' })));
    assert.ok(!fires(row([61, 58], { similarAreas: null, england: 'worse' })));
  });

  it('does not fire when in line with both', () => {
    assert.ok(!fires(row([61, 58], { similarAreas: 'in-line', england: 'in-line' })));
  });

  it('does not fire when getting better', () => {
    assert.ok(!fires(row([55, 58], worse)));
  });

  it('does not fire when the change is within the tolerance (stable)', () => {
    assert.ok(!fires(row([58.5, 57.6], worse)));
    // Rates: 3% of the previous value; 2.9 on 100 is stable.
    assert.ok(!fires(row([100, 102.9], worse, { unit: 'rate per 10,000', polarity: 'lower-is-better' })));
  });

  it('counts a change of exactly the tolerance as a movement (the trends\' boundary)', () => {
    // 7.1 − 6.1 is 0.9999999999999991 in binary: read as the whole point it is.
    assert.ok(fires(row([7.1, 6.1], worse)));
    assert.ok(fires(row([100, 103], worse, { unit: 'rate per 10,000', polarity: 'lower-is-better' })));
  });

  it('reads a gap indicator as worse when it widens', () => {
    const gap = { id: 'NI 102b', name: 'Achievement gap at Key Stage 4', unit: 'percentage points', polarity: 'lower-is-better' } as const;
    const r = redRedOf(row([30, 32], worse, gap), framework);
    assert.equal(r?.change.word, 'widening');
    assert.ok(!fires(row([32, 30], worse, gap)), 'a narrowing gap is getting better');
    assert.ok(!fires(row([30, 30.5], worse, gap)), 'a gap within the tolerance is stable');
  });

  it('never fires on an indicator without polarity', () => {
    // Even with verdicts forced to worse: no polarity, no worse direction.
    assert.ok(!fires(row([61, 58], worse, { polarity: 'no-polarity' })));
    assert.ok(!fires(row([61, 58], { similarAreas: null, england: null }, { polarity: 'no-polarity' })));
  });

  it('does not fire on a data symbol in place of the latest number', () => {
    assert.ok(!fires(row([61, 58, 'c'], worse)));
  });

  it('skips a symbol in the period before, reading the change from the last number', () => {
    const r = redRedOf(row([61, 'c', 58], worse), framework);
    assert.deepEqual([r?.previous.period.original, r?.previous.value, r?.change.change], ['2008/09', 61, -3]);
  });

  it('does not fire with a single period (no change to read)', () => {
    assert.ok(!fires(row([58], worse)));
    assert.ok(!fires(row(['c', 58], worse)));
  });

  it('lists a profile\'s red-reds in Block C order', () => {
    const profile: LaProfile = { ...profileWith(framework, {}), blockC: [row([61, 58], worse, { id: 'A' }), row([55, 58], worse, { id: 'B' }), row([7.1, 6.1], worse, { id: 'C' })] };
    assert.deepEqual(redReds(profile, framework).map((r) => r.id), ['A', 'C']);
  });
});

/**
 * The definition again, from the series' figures and comparators alone (not the verdicts, trends or latestChange of
 * block-c.ts): the latest number worse than both comparators by at least the tolerance, and worse than the last number
 * before it by at least the tolerance (1 point for percentages; 3% of the comparator, or of the earlier value, for rates).
 */
function independentlyRedRed(r: BlockCRow, f: Pick<Framework, 'inLineTolerance'>): boolean {
  const d = r.indicator;
  if (d.polarity === 'no-polarity') return false;
  const last = r.series.at(-1);
  if (!last || last.la.kind !== 'number') return false;
  const value = last.la.value;
  const inPoints = /%|percent|percentage point/i.test(d.unit);
  const tol = (base: number) => Math.round((inPoints ? f.inLineTolerance.points : Math.abs(base) * f.inLineTolerance.relative) * 1e6) / 1e6;
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  // How much worse `a` is than `b`, through the polarity (a gap is lower-is-better, so wider is worse).
  const worseBy = (a: number, b: number) => round(d.polarity === 'lower-is-better' ? a - b : b - a);
  const worseThan = (c: Comparison | null) => c !== null && worseBy(value, c.comparator) >= tol(c.comparator);
  if (!worseThan(last.similarAreas) || !worseThan(last.england)) return false;
  const before = r.series.slice(0, -1).findLast((s) => s.la.kind === 'number');
  if (!before || before.la.kind !== 'number') return false;
  const change = round(value - before.la.value);
  const moved = Math.abs(change) >= tol(before.la.value);
  if (!moved) return false;
  return /gap/i.test(`${d.id} ${d.name}`) ? change > 0 : worseBy(value, before.la.value) > 0;
}

const seeds = fileURLToPath(new URL('../../test/fixtures/seeds/', import.meta.url));
const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };

async function assessSeed(folder: string, change: (batch: ImportBatch) => ImportBatch = (b) => b) {
  const file = JSON.parse(readFileSync(join(seeds, folder, 'facts.json'), 'utf8')) as { la: LaCode; year: number };
  const read = readBundle({ dir: join(seeds, folder), context });
  assert.ok(read.ok);
  const store = await scratchStore();
  try {
    await store.replaceDataset(FIXTURE_LA_BATCH);
    await store.replaceDataset(change(read.batch));
    const f = frameworkFor(file.year);
    const [a] = assessAll(await loadAssessInput(store, f), [file.la]);
    assert.ok(a && a.status === 'assessed', folder);
    return { profile: a.profile, framework: f };
  } finally {
    await store.close();
  }
}

describe('red-reds in the seed fixtures', () => {
  for (const folder of readdirSync(seeds)) {
    it(`${folder}: the red-reds are exactly the rows the definition picks, recomputed from the series`, async () => {
      const { profile, framework: f } = await assessSeed(folder);
      const expected = profile.blockC.filter((r) => independentlyRedRed(r, f)).map((r) => r.indicator.id);
      assert.deepEqual(redReds(profile, f).map((r) => r.id), expected);
      if (folder === 'stockport-2011-assessment') assert.deepEqual(expected, ['NI 81'], 'the level 3 inequality gap widened two years running, above similar areas and England');
    });
  }

  it('Stockport 2011: NI 81 is no longer red-red once its latest figure is better than England', async () => {
    const before = await assessSeed('stockport-2011-assessment');
    const r = redReds(before.profile, before.framework).find((x) => x.id === 'NI 81');
    assert.ok(r, 'NI 81 is red-red as published');
    // Lower is better: two points below England's figure (which also puts it below similar areas and below 2009's).
    const better = r.england.comparator - 2;
    const { profile, framework: f } = await assessSeed('stockport-2011-assessment', (batch) => ({
      ...batch,
      indicatorValues: (batch.indicatorValues ?? []).map((v) => (v.indicator === 'NI 81' && v.area.kind === 'la' && v.period.original === r.period.original ? { ...v, value: { kind: 'number', value: better }, original: String(better) } : v)),
    }));
    const row = profile.blockC.find((x) => x.indicator.id === 'NI 81')!;
    assert.equal(row.latest?.england?.verdict, 'better');
    assert.equal(redReds(profile, f).some((x) => x.id === 'NI 81'), false);
  });
});
