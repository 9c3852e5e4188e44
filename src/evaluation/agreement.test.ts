import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreement, precision, recall } from './agreement.ts';
import type { Grade4 } from './agreement.ts';

const pairs = (list: [number, number][]) => list.map(([predicted, actual]) => ({ predicted: predicted as Grade4, actual: actual as Grade4 }));

describe('agreement between two gradings on a four-point scale', () => {
  it('is perfect when they agree on every case', () => {
    const a = agreement(pairs([[1, 1], [2, 2], [3, 3], [4, 4]]));
    assert.deepEqual([a.exact, a.withinOne, a.quadraticKappa], [1, 1, 1]);
  });

  it('counts the confusion matrix predicted by actual', () => {
    const a = agreement(pairs([[3, 2], [3, 2], [2, 2], [4, 1]]));
    assert.equal(a.matrix[2]![1], 2);
    assert.equal(a.matrix[1]![1], 1);
    assert.equal(a.matrix[3]![0], 1);
    assert.equal(a.exact, 0.25);
    assert.equal(a.withinOne, 0.75);
  });

  it('gives the quadratic weighted kappa worked by hand', () => {
    // predicted 1,2,3,4 against actual 1,2,4,3: observed disagreement 2 × (1/9) = 2/9; expected, with uniform margins
    // of one each, (1/4)·Σ w(i,j) = (1/4)·(40/9) = 10/9; kappa = 1 − (2/9)/(10/9) = 0.8.
    const a = agreement(pairs([[1, 1], [2, 2], [3, 4], [4, 3]]));
    assert.ok(Math.abs(a.quadraticKappa! - 0.8) < 1e-12, String(a.quadraticKappa));
  });

  it('is negative when the gradings run opposite ways', () => {
    assert.ok(agreement(pairs([[1, 4], [2, 3], [3, 2], [4, 1]])).quadraticKappa! < 0);
  });

  it('has no kappa where it is undefined, and no shares for no cases', () => {
    assert.equal(agreement(pairs([[3, 3], [3, 3]])).quadraticKappa, null);
    assert.deepEqual(agreement([]), { n: 0, matrix: [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], exact: null, withinOne: null, quadraticKappa: null });
  });

  it('gives the recall and precision of each grade, worked by hand', () => {
    // Inspectors: two 1s, one 2, three 3s. The predictor finds one of the two 1s and calls a 3 a 1 as well; it finds
    // two of the three 3s; the 2 it calls a 3.
    const a = agreement(pairs([[1, 1], [2, 1], [3, 2], [1, 3], [3, 3], [3, 3]]));
    assert.deepEqual([1, 2, 3, 4].map((g) => recall(a, g as Grade4)), [1 / 2, 0, 2 / 3, null]);
    // Of its two 1s, one is inspectors' 1; of its three 3s, two are 3s; it never says 4.
    assert.deepEqual([1, 2, 3, 4].map((g) => precision(a, g as Grade4)), [1 / 2, 0, 2 / 3, null]);
    assert.equal(precision(agreement(pairs([[1, 1], [1, 1], [1, 2], [3, 3]])), 1), 2 / 3);
  });
});
