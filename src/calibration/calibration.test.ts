import assert from 'node:assert/strict';
import { test } from 'node:test';
import { indicatorsFramework } from '../frameworks/indicators/definition.ts';
import { CALIBRATION } from '../frameworks/indicators/calibration.ts';
import type { BlockCRow, Comparison } from '../profile/block-c.ts';
import type { LaProfile } from '../profile/profile.ts';
import { parsePeriod } from '../domain/period.ts';
import { laInspection, profileWith } from '../../test/support/profiles.ts';
import { dataYearBefore, dayBefore } from './cases.ts';
import { FEATURE_SPECS, rawFeature, rawFeatures } from './features.ts';
import { assertTrainable, TRAINING_ENDED_BEFORE } from './fit.ts';
import type { TrainingCase } from './fit.ts';
import type { Calibration, FeatureSpec } from './model.ts';
import { calibratedGrade, contributionLines } from './score.ts';

const F2025 = indicatorsFramework(2025);
const spec = (id: string): FeatureSpec => FEATURE_SPECS.find((s) => s.id === id)!;

/** A Block C row of one LAIT indicator, the LA's figure against England's. */
function row(id: string, polarity: 'higher-is-better' | 'lower-is-better', la: number | null, england: number): BlockCRow {
  const comparison: Comparison | null = la === null ? null : { comparator: england, source: 'published', difference: la - england, position: la > england ? 'above' : la < england ? 'below' : 'equal', relation: 'in-line', verdict: 'in-line' };
  const figures = { period: parsePeriod('2024')!, la: la === null ? ({ kind: 'none' } as const) : ({ kind: 'number', value: la } as const), similarAreas: null, england: comparison };
  return { indicator: { id, name: id, unit: '%', polarity, ecmOutcome: 'staying-safe', topic: null, description: null, source: 'test' }, series: [figures], latest: figures, rank: null, trend: null, twoYearTrend: null, provisional: null };
}

function profile(options: { agency?: number | null; previous?: 'inadequate' | 'good' | null } = {}): LaProfile {
  const laInspections = options.previous ? [laInspection('ilacs', '2023-06-30', { overall: options.previous })] : [];
  const base = profileWith(F2025, { laInspections });
  return { ...base, blockC: [row('Work_Force_Agecy_Rate', 'lower-is-better', options.agency === undefined ? 15 : options.agency, 15)] };
}

test('the data year an inspection may read: the year before from April, two years before in January to March', () => {
  assert.equal(dataYearBefore('2023-04-01'), 2022);
  assert.equal(dataYearBefore('2023-03-31'), 2021);
  assert.equal(dataYearBefore('2019-12-02'), 2018);
  assert.equal(dayBefore('2023-03-01'), '2023-02-28');
  assert.equal(dayBefore('2024-01-01'), '2023-12-31');
});

test('the previous inspection is read on Kingsway scale less 2.5, and its absence is flagged', () => {
  assert.equal(rawFeature(profile({ previous: 'inadequate' }), spec('previous-grade')).value, -1.5);
  assert.equal(rawFeature(profile({ previous: 'good' }), spec('previous-grade')).value, 0.5);
  assert.equal(rawFeature(profile({ previous: 'good' }), spec('previous-none')).value, 0);
  const none = profile();
  assert.equal(rawFeature(none, spec('previous-grade')).value, 0);
  assert.equal(rawFeature(none, spec('previous-none')).value, 1);
  assert.match(rawFeature(profile({ previous: 'inadequate' }), spec('previous-grade')).figure, /ILACS ending 2023-06-30: inadequate/);
});

test("an indicator is read as the LA's figure less England's, turned by its polarity; a missing one as England's", () => {
  // Agency social workers: lower is better, so 25% against England's 15% is ten points worse.
  assert.equal(rawFeature(profile({ agency: 25 }), spec('agency')).value, -10);
  assert.equal(rawFeature(profile({ agency: 10 }), spec('agency')).value, 5);
  const missing = rawFeature(profile({ agency: null }), spec('agency'));
  assert.equal(missing.value, null);
  assert.match(missing.figure, /read as England's/);
  assert.equal(rawFeatures(profile()).length, FEATURE_SPECS.length);
});

const TOY: Calibration = {
  ...CALIBRATION,
  features: [
    { spec: spec('previous-grade'), scale: 1, weight: 1 },
    { spec: spec('previous-none'), scale: 1, weight: 0 },
    { spec: spec('agency'), scale: 10, weight: 0.5 },
  ],
  cutOffs: [-1, 0, 1],
};

test('a calibrated grade is the band of the sum of its contributions, each named with its figure', () => {
  const c = calibratedGrade(profile({ agency: 35, previous: 'good' }), TOY);
  // previous good: +0.5; agency 20 points worse over a scale of 10, weighed 0.5: −1.0. Score −0.5: grade 2.
  assert.ok(Math.abs(c.score - -0.5) < 1e-12);
  assert.equal(c.grade, 2);
  assert.equal(c.contributions.reduce((s, x) => s + x.points, 0), c.score);
  const lines = contributionLines(c);
  assert.match(lines[0]!, /^−1\.00 agency social workers: 35% against England's 15% \(2024\)/);
  assert.match(lines[1]!, /^\+0\.50 previous inspection: ILACS ending 2023-06-30: good/);
  assert.match(lines.at(-1)!, /score −0\.50 against cut-offs −1\.00, ±0\.00, \+1\.00: grade 2/);
});

test('perturbed evidence moves the grade the way its weight says, and only that', () => {
  const worse = calibratedGrade(profile({ agency: 45, previous: 'good' }), TOY);
  const better = calibratedGrade(profile({ agency: 0, previous: 'good' }), TOY);
  assert.equal(worse.grade, 1);
  assert.equal(better.grade, 4);
  // A previous inspection one grade better adds the weight of one grade.
  const a = calibratedGrade(profile({ agency: 15, previous: 'inadequate' }), TOY).score;
  const b = calibratedGrade(profile({ agency: 15, previous: 'good' }), TOY).score;
  assert.ok(Math.abs(b - a - 2) < 1e-12);
});

test('the fitter refuses an inspection ending in 2023 or later, and data not published before an inspection began', () => {
  const base: TrainingCase = { la: '356' as TrainingCase['la'], startDate: '2022-05-01', endDate: '2022-05-12', dataYear: 2021, grade: 3, features: [] };
  assert.doesNotThrow(() => assertTrainable([base]));
  assert.throws(() => assertTrainable([{ ...base, endDate: '2023-01-01' }]), /356 ending 2023-01-01 may not be fitted on/);
  assert.throws(() => assertTrainable([{ ...base, dataYear: 2022 }]), /reads the data of 2022/);
});

test('the stored calibration was fitted on inspections ending before 2023 only, and reads the evidence it says', () => {
  assert.equal(CALIBRATION.trainingSet.endedBefore, TRAINING_ENDED_BEFORE);
  assert.ok(CALIBRATION.trainingSet.inspections.length > 100);
  for (const id of CALIBRATION.trainingSet.inspections) assert.ok(id.split(':')[1]! < TRAINING_ENDED_BEFORE, id);
  assert.equal(CALIBRATION.trainingSet.byGrade.reduce((a, b) => a + b, 0), CALIBRATION.trainingSet.inspections.length);
  assert.deepEqual(CALIBRATION.features.map((f) => f.spec), FEATURE_SPECS);
  for (const f of CALIBRATION.features) assert.ok(Number.isFinite(f.weight) && f.scale > 0, f.spec.id);
  const [t1, t2, t3] = CALIBRATION.cutOffs;
  assert.ok(t1 < t2 && t2 < t3);
  // Every indicator year grades by it.
  assert.equal(indicatorsFramework(2016).calibration, CALIBRATION);
  assert.equal(F2025.calibration, CALIBRATION);
});

test("an indicator year's grade is the calibrated one, with its contributions in the trace and the cut-offs' grade beside it", async () => {
  const { derive } = await import('../judgement/derive.ts');
  const { frameworkFor } = await import('../frameworks/index.ts');
  const d = derive(profile({ agency: 40, previous: 'inadequate' }), F2025);
  assert.ok(d.ok);
  assert.ok(d.calibrated);
  assert.equal(d.provisional, d.calibrated.grade);
  assert.equal(d.calibrated.grade, calibratedGrade(profile({ agency: 40, previous: 'inadequate' }), CALIBRATION).grade);
  const step = d.trace.find((t) => t.step === 'calibrated');
  assert.ok(step);
  assert.ok(step.evidence.some((line) => /previous inspection: ILACS ending 2023-06-30: inadequate/.test(line)));
  assert.ok(step.evidence.some((line) => /agency social workers: 40% against England's 15%/.test(line)));
  // A historical year has no calibration: its provisional grade is the cut-offs'.
  const historical = derive(profileWith(frameworkFor(2011), { goodOrBetter: 0.8 }), frameworkFor(2011));
  assert.ok(historical.ok);
  assert.equal(historical.calibrated, null);
  assert.equal(historical.byCutOffs, historical.provisional);
});
