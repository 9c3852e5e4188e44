import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreement } from './agreement.ts';
import type { Grade4 } from './agreement.ts';
import { bootstrapInterval, quantile } from './bootstrap.ts';

type Pair = { readonly predicted: Grade4; readonly actual: Grade4 };
const pairs = (list: [number, number][]): Pair[] => list.map(([predicted, actual]) => ({ predicted: predicted as Grade4, actual: actual as Grade4 }));
const kappa = (sample: readonly Pair[]) => agreement(sample).quadraticKappa;
// Ten cases that agree moderately: six exactly, three by one grade, one by two.
const TEN = pairs([[1, 1], [2, 2], [3, 3], [4, 4], [3, 3], [2, 2], [2, 1], [3, 4], [4, 3], [1, 3]]);
const times = (k: number) => Array.from({ length: k }, () => TEN).flat();

describe('the percentile bootstrap interval', () => {
  it('takes quantiles between order statistics, worked by hand', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    // (5 − 1) × 0.025 = 0.1 of the way from 10 to 20; (5 − 1) × 0.975 = 3.9, 0.9 of the way from 40 to 50.
    assert.ok(Math.abs(quantile([10, 20, 30, 40, 50], 0.025) - 11) < 1e-12);
    assert.ok(Math.abs(quantile([10, 20, 30, 40, 50], 0.975) - 49) < 1e-12);
    assert.equal(quantile([7], 0.975), 7);
  });

  it('is the same on every run: the draws come from the seed', () => {
    const a = bootstrapInterval(times(3), kappa, { resamples: 500, seed: 'test' });
    const b = bootstrapInterval(times(3), kappa, { resamples: 500, seed: 'test' });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, bootstrapInterval(times(3), kappa, { resamples: 500, seed: 'another' }));
  });

  it('contains the point estimate, and narrows as the cases grow with the same agreement', () => {
    const point = kappa(TEN)!;
    // The same ten cases repeated have the same kappa; only the number of cases changes.
    assert.ok(Math.abs(kappa(times(10))! - point) < 1e-12);
    const widths = [2, 8, 32].map((k) => {
      const interval = bootstrapInterval(times(k), kappa, { resamples: 1000 })!;
      assert.ok(interval.low <= point && point <= interval.high, `${k * 10} cases: ${interval.low} to ${interval.high} around ${point}`);
      assert.equal(interval.level, 0.95);
      return interval.high - interval.low;
    });
    assert.ok(widths[0]! > widths[1]! && widths[1]! > widths[2]!, widths.join(' > '));
    // A bootstrap interval's width falls about as 1/√n: four times the cases, about half the width.
    assert.ok(widths[2]! / widths[1]! > 0.35 && widths[2]! / widths[1]! < 0.65, String(widths[2]! / widths[1]!));
  });

  it('leaves out and counts the draws where the statistic is undefined', () => {
    // Two cases, 0 and 1: a draw of two is {0, 1} half the time (mean 0.5) and one value twice (undefined) otherwise.
    const mixed = (s: readonly number[]) => (s.every((x) => x === s[0]) ? null : s.reduce((a, b) => a + b, 0) / s.length);
    const interval = bootstrapInterval([0, 1], mixed, { resamples: 1000 })!;
    assert.deepEqual([interval.low, interval.high], [0.5, 0.5]);
    assert.ok(interval.undefinedDraws > 400 && interval.undefinedDraws < 600, String(interval.undefinedDraws));
    // A kappa where every case has one grade on both sides: no draw defines it.
    assert.equal(bootstrapInterval(pairs([[3, 3], [3, 3], [3, 3]]), kappa), null);
    assert.equal(bootstrapInterval([], kappa), null);
  });
});
