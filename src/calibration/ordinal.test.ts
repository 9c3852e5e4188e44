import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitOrdinal, gradeChances, gradeOfScore, objective } from './ordinal.ts';
import type { OrdinalCase } from './ordinal.ts';

test('the band a score falls in: at a cut-off is the lower grade', () => {
  const cut: [number, number, number] = [-1, 0, 1];
  assert.equal(gradeOfScore(cut, -2), 1);
  assert.equal(gradeOfScore(cut, -1), 1);
  assert.equal(gradeOfScore(cut, -0.5), 2);
  assert.equal(gradeOfScore(cut, 0.5), 3);
  assert.equal(gradeOfScore(cut, 1.01), 4);
});

test('grade chances sum to one and, worked by hand, put a score of 0 with cut-offs ±1 evenly about the middle', () => {
  const chances = gradeChances({ weights: [1], cutOffs: [-1, 0, 1] }, [0]);
  assert.ok(Math.abs(chances.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  // σ(−1) = 0.2689; σ(0) − σ(−1) = 0.2311; symmetric above.
  assert.ok(Math.abs(chances[0] - 0.268941) < 1e-5);
  assert.ok(Math.abs(chances[1] - 0.231059) < 1e-5);
  assert.ok(Math.abs(chances[0] - chances[3]) < 1e-12);
});

test('the gradient is the derivative of the objective (finite differences)', () => {
  const cases: OrdinalCase[] = [
    { x: [0.5, -1], y: 1 },
    { x: [1.5, 0.2], y: 2 },
    { x: [-0.3, 0.7], y: 3 },
    { x: [2, 1], y: 4 },
    { x: [0, 0], y: 2 },
  ];
  const p = [0.3, -0.2, -0.5, 0.1, -0.3];
  const { gradient } = objective(p, cases, 0.7);
  for (let i = 0; i < p.length; i++) {
    const h = 1e-6;
    const up = [...p];
    const down = [...p];
    up[i]! += h;
    down[i]! -= h;
    const numeric = (objective(up, cases, 0.7).value - objective(down, cases, 0.7).value) / (2 * h);
    assert.ok(Math.abs(numeric - gradient[i]!) < 1e-5, `parameter ${i}: ${numeric} vs ${gradient[i]}`);
  }
});

test('a fit recovers the direction of each feature and keeps its cut-offs in order', () => {
  // Grades rise with the first feature and fall with the second; the third is noise.
  const cases: OrdinalCase[] = [];
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  for (let i = 0; i < 300; i++) {
    const x = [rand() * 2, rand() * 2, rand() * 2];
    const latent = 1.5 * x[0]! - 1 * x[1]! + rand() * 0.8;
    const y = (latent < -1.5 ? 1 : latent < 0 ? 2 : latent < 1.5 ? 3 : 4) as OrdinalCase['y'];
    cases.push({ x, y });
  }
  const model = fitOrdinal(cases, 3, 0.1);
  assert.ok(model.weights[0]! > 1, `first weight ${model.weights[0]}`);
  assert.ok(model.weights[1]! < -0.5, `second weight ${model.weights[1]}`);
  assert.ok(Math.abs(model.weights[2]!) < Math.abs(model.weights[1]!) / 3, `noise weight ${model.weights[2]}`);
  assert.ok(model.cutOffs[0] < model.cutOffs[1] && model.cutOffs[1] < model.cutOffs[2]);
  // Deterministic: the same cases give the same model.
  assert.deepEqual(fitOrdinal(cases, 3, 0.1), model);
});

test('a stronger penalty gives smaller weights', () => {
  const cases: OrdinalCase[] = [1, 2, 3, 4, 1, 2, 3, 4].map((y, i) => ({ x: [y + (i % 2) * 0.3], y: y as OrdinalCase['y'] }));
  const weak = fitOrdinal(cases, 1, 0.01);
  const strong = fitOrdinal(cases, 1, 10);
  assert.ok(Math.abs(strong.weights[0]!) < Math.abs(weak.weights[0]!));
});
