import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndicatorDefinition, IndicatorValue } from '../../domain/indicator.ts';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { parsePeriod } from '../../domain/period.ts';
import { frameworkFor } from '../../frameworks/index.ts';
import type { Framework } from '../../frameworks/types.ts';
import { indexIndicators } from '../../profile/block-c.ts';
import type { IndicatorIndex } from '../../profile/block-c.ts';
import { indexEvidence } from '../../profile/evidence.ts';
import type { ProfileRun } from '../../profile/profile.ts';
import { buildProfile, profileRun } from '../../profile/profile.ts';
import { FIXTURE_LAS } from '../../../test/support/las.ts';
import { PLAUSIBLE_QUANTILE, plausibleStep } from './steps.ts';

/**
 * The plausible step of an indicator (steps.ts): the 90th percentile of how far every LA's figure of the run moved
 * between consecutive periods of the row's series; the LA's own largest move where the run has fewer than ten moves;
 * `null` where there is neither. Hand-made LAs and indicator values, so that every move is known.
 */
const las: LocalAuthority[] = Array.from({ length: 24 }, (_, i) => ({ ...FIXTURE_LAS[0]!, code: String(900 + i) as LaCode, name: `Test LA ${i}`, gss: `E0990${String(i).padStart(4, '0')}` }));
const X: IndicatorDefinition = { id: 'X', name: 'test indicator', unit: '%', polarity: 'higher-is-better', ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test' };

const value = (code: string, period: string, v: number | null, kind: 'la' | 'england' | 'region' = 'la'): IndicatorValue => ({
  indicator: 'X',
  area: { kind, code },
  period: parsePeriod(period)!,
  value: v === null ? { kind: 'symbol', symbol: 'x' } : { kind: 'number', value: v },
  original: v === null ? 'x' : String(v),
});

/** Each LA's figures over the periods, from a function of its position in the list and the period. */
function valuesOf(periods: readonly string[], figure: (la: number, period: number) => number | null, count = las.length): IndicatorValue[] {
  return las.slice(0, count).flatMap((la, i) => periods.map((p, k) => value(la.code, p, figure(i, k))));
}

function runOf(index: IndicatorIndex, count = las.length, framework: Framework = frameworkFor(2011)): ProfileRun {
  return profileRun(framework, indexEvidence({ las: las.slice(0, count), neighbours: new Map(), providers: [], inspections: [], outcomeCounts: [] }), index, [], null);
}

const rowOf = (run: ProfileRun, la = las[0]!.code) => {
  const row = buildProfile(run, la).blockC.find((r) => r.indicator.id === 'X');
  assert.ok(row, 'a Block C row for X');
  return row;
};

/** What a 90th percentile must be of a list: one of its values, with at least 90% at or below it and at least 10% at or above. */
function assertNinetiethPercentile(step: number | null, moves: readonly number[]) {
  assert.ok(step !== null, 'a step');
  assert.ok(moves.includes(step), `${step} is one of the moves`);
  const atOrBelow = moves.filter((m) => m <= step).length / moves.length;
  const atOrAbove = moves.filter((m) => m >= step).length / moves.length;
  assert.ok(atOrBelow >= PLAUSIBLE_QUANTILE, `${atOrBelow} of the moves at or below ${step}`);
  assert.ok(atOrAbove >= 1 - PLAUSIBLE_QUANTILE - 1e-12, `${atOrAbove} of the moves at or above ${step}`);
}

describe('the plausible step from national moves', () => {
  it('is the 90th percentile of every LA’s move between consecutive periods', () => {
    // 20 LAs, LA i moving i + 1 points: the moves 1 … 20.
    const run = runOf(indexIndicators([X], valuesOf(['2009/10', '2010/11'], (i, k) => 50 + k * (i + 1), 20)), 20);
    const step = plausibleStep(run, rowOf(run));
    assertNinetiethPercentile(step, Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('reads moves by their size, whichever way, over every pair of consecutive periods of the series', () => {
    // 12 LAs over three periods: up 2 then down 7 for the first six, up 1 then down 1 for the rest: 24 moves.
    const figure = (i: number, k: number) => (i < 6 ? [50, 52, 45] : [50, 51, 50])[k]!;
    const run = runOf(indexIndicators([X], valuesOf(['2008/09', '2009/10', '2010/11'], figure, 12)), 12);
    const moves = [...Array(6).fill(2), ...Array(6).fill(7), ...Array(12).fill(1)];
    assertNinetiethPercentile(plausibleStep(run, rowOf(run)), moves);
    assert.equal(plausibleStep(run, rowOf(run)), 7);
  });

  it('is the same for every LA of the run', () => {
    const run = runOf(indexIndicators([X], valuesOf(['2009/10', '2010/11'], (i, k) => 40 + k * ((i * 7) % 11))));
    const steps = new Set(las.map((la) => plausibleStep(run, rowOf(run, la.code))));
    assert.equal(steps.size, 1);
  });

  it('counts only the run’s LAs with a number in both periods: not England, not a symbol, not an LA outside the run', () => {
    // 12 LAs of the run move 1; England and an LA outside the run move 50; two of the run's LAs have a symbol.
    const values = [
      ...valuesOf(['2009/10', '2010/11'], (i, k) => (i >= 10 && k === 1 ? null : 50 + k), 14),
      value('970', '2009/10', 10, 'england'),
      value('970', '2010/11', 60, 'england'),
      value('999', '2009/10', 10),
      value('999', '2010/11', 60),
    ];
    const run = runOf(indexIndicators([X], values), 14);
    assert.equal(plausibleStep(run, rowOf(run)), 1);
  });

  it('takes no more than the periods the framework reads', () => {
    // A 2011-12 figure that moves everyone 30 is after 2011's periods.
    const run = runOf(indexIndicators([X], valuesOf(['2009/10', '2010/11', '2011/12'], (_, k) => [50, 51, 81][k]!)));
    assert.equal(rowOf(run).series.length, 2);
    assert.equal(plausibleStep(run, rowOf(run)), 1);
  });
});

describe('the plausible step where the run has too few moves', () => {
  it('falls back to the LA’s own largest move when there are fewer than ten national moves', () => {
    // LA 0 moves +3 then −5 (its own largest is 5); the others move 20 each time.
    const figure = (i: number, k: number) => (i === 0 ? [50, 53, 48] : [50, 70, 90])[k]!;
    const index = indexIndicators([X], valuesOf(['2008/09', '2009/10', '2010/11'], figure, 5));
    // Five LAs over three periods: ten moves, enough for a national spread. Nine LAs over two periods (nine moves) or four
    // over three (eight) are too few, and the LA's own largest move is the step.
    const five = runOf(index, 5);
    assert.equal(plausibleStep(five, rowOf(five)), 20);
    const fewer = indexIndicators([X], valuesOf(['2009/10', '2010/11'], (i, k) => (i === 0 ? [50, 53][k]! : [50, 70][k]!), 9));
    const nine = runOf(fewer, 9);
    assert.equal(plausibleStep(nine, rowOf(nine)), 3, 'nine moves: the LA’s own');
    const ownSeries = indexIndicators([X], valuesOf(['2008/09', '2009/10', '2010/11'], figure, 4));
    const four = runOf(ownSeries, 4);
    assert.equal(plausibleStep(four, rowOf(four)), 5, 'eight moves: the LA’s own largest, whichever way');
  });

  it('skips a symbol in the LA’s own series, reading the move from the last number before it', () => {
    const figure = (i: number, k: number) => (i === 0 ? [50, null, 54][k]! : 50);
    const run = runOf(indexIndicators([X], valuesOf(['2008/09', '2009/10', '2010/11'], figure, 3)), 3);
    assert.equal(plausibleStep(run, rowOf(run)), 4);
  });

  it('is null where there is neither a national spread nor a move of the LA’s own', () => {
    const single = runOf(indexIndicators([X], valuesOf(['2010/11'], () => 50, 20)), 20);
    assert.equal(plausibleStep(single, rowOf(single)), null, 'one period');
    const still = runOf(indexIndicators([X], valuesOf(['2009/10', '2010/11'], (i) => 50 + i, 3)), 3);
    assert.equal(plausibleStep(still, rowOf(still)), null, 'the LA never moved, and three moves are too few');
  });
});

describe('the memo of plausible steps', () => {
  it('does not leak between different series of one indicator’s values', () => {
    // One index, two frameworks: 2010 reads 2008/09 and 2009/10 (everyone moves 1), 2011 also 2010/11 (everyone then moves 10).
    const values = valuesOf(['2008/09', '2009/10', '2010/11'], (_, k) => [50, 51, 61][k]!);
    for (const order of [[2010, 2011], [2011, 2010]]) {
      const index = indexIndicators([X], values.map((v) => ({ ...v })));
      const steps = new Map<number, number | null>();
      for (const year of order) {
        const run = runOf(index, las.length, frameworkFor(year));
        steps.set(year, plausibleStep(run, rowOf(run)));
      }
      assert.equal(steps.get(2010), 1, `2010, asked ${order.join(' then ')}`);
      assert.equal(steps.get(2011), 10, `2011, asked ${order.join(' then ')}`);
    }
  });

  it('gives the same step asked twice, and the same as a fresh index gives', () => {
    const values = valuesOf(['2009/10', '2010/11'], (i, k) => 50 + k * (i % 5));
    const run = runOf(indexIndicators([X], values));
    const first = plausibleStep(run, rowOf(run));
    assert.equal(plausibleStep(run, rowOf(run)), first);
    const fresh = runOf(indexIndicators([X], values.map((v) => ({ ...v }))));
    assert.equal(plausibleStep(fresh, rowOf(fresh)), first);
  });

  it(
    'does not leak between runs of different LAs that share one indicator index',
    () => {
      // LAs 0-13 move 1, LAs 14-23 move 10. Over the first 15 LAs the 90th percentile is 1; over all 24 it is 10.
      const values = valuesOf(['2009/10', '2010/11'], (i, k) => 50 + k * (i < 14 ? 1 : 10));
      for (const order of [[15, 24], [24, 15]]) {
        const index = indexIndicators([X], values.map((v) => ({ ...v })));
        const steps = new Map<number, number | null>();
        for (const count of order) {
          const run = runOf(index, count);
          steps.set(count, plausibleStep(run, rowOf(run)));
        }
        assert.deepEqual([steps.get(15), steps.get(24)], [1, 10], `asked for ${order.join(' LAs, then ')} LAs`);
      }
    },
  );
});
