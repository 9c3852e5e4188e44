import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { Derivation } from '../judgement/derive.ts';
import { cutOffsGrade, evaluateIlacs, formatKappa, NO_PREVIOUS, PREDICTORS, PREVIOUS_UNGRADED, trustSummary } from './ilacs.ts';

const inspection = (kind: 'ilacs' | 'sif', la: string, start: string | null, end: string, overall: LaInspection['overall']): LaInspection =>
  ({ la: la as LaCode, kind, startDate: start, endDate: end, publishedOn: null, overall, judgements: {}, strengthsCount: null, developmentCount: null, priorityActionCount: null, findings: [], sourceRef: null }) as LaInspection;
const ilacs = (la: string, start: string, end: string, overall: LaInspection['overall']) => inspection('ilacs', la, start, end, overall);
/** An assessment whose 2011 cut-offs give `provisional` and whose final (derived) grade is `derived`. */
const assessed = (provisional: number, derived = provisional, extra: object = {}) => ({ status: 'assessed', derivation: { ok: true, provisional, derived, ...extra } }) as unknown as Assessment;

describe('the evaluation against ILACS judgements', () => {
  const inspections = [
    inspection('sif', '356', null, '2014-06-01', null),
    ilacs('356', '2019-01-14', '2019-01-25', 'good'),
    ilacs('356', '2023-02-06', '2023-02-17', 'outstanding'),
    inspection('sif', '358', null, '2015-03-01', 'requires-improvement'),
    ilacs('358', '2022-11-28', '2022-12-09', 'requires-improvement'),
    ilacs('861', '2018-06-04', '2018-06-15', 'requires-improvement'),
    ilacs('861', '2023-03-06', '2023-03-17', 'inadequate'),
    ilacs('822', '2024-05-13', '2024-05-24', null),
    ilacs('928', '2021-06-07', '2021-06-18', 'good'),
    ilacs('370', '2023-09-04', '2023-09-15', 'good'),
  ];
  const grades: Record<string, Assessment> = {
    // An inspection beginning in January to March reads the indicator year two before: 356's of January 2019 reads 2017.
    '356 2017': assessed(3),
    '356 2021': assessed(4),
    // A limiting rule took 358 down a grade: Kingsway's final grade is 2, the cut-offs' 3.
    '358 2021': assessed(3, 2),
    '861 2017': assessed(2),
    '861 2021': assessed(2, 1),
    // Once derive.ts records the cut-offs' grade apart from a calibrated provisional one, that is what is read.
    '370 2022': assessed(3, 3, { byCutOffs: 2 }),
  };
  const e = evaluateIlacs(inspections, (i, year) => grades[`${i.la} ${year}`], [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], { resamples: 400 });

  it('grades each ILACS inspection by every predictor, from the data published before it began and the inspection before it', () => {
    assert.deepEqual(
      e.cases.map((c) => [c.la, c.dataYear, c.inspectors, c.predictions.kingsway, c.predictions['cut-offs-2011'], c.predictions['carry-forward'], c.predictions['always-good']]),
      [
        ['861', 2017, 'requires-improvement', 2, 2, null, 3],
        ['356', 2017, 'good', 3, 3, null, 3],
        ['928', 2020, 'good', null, null, null, 3],
        ['358', 2021, 'requires-improvement', 2, 3, 2, 3],
        ['356', 2021, 'outstanding', 4, 4, 3, 3],
        ['861', 2021, 'inadequate', 1, 2, 2, 3],
        ['370', 2022, 'good', 3, 2, null, 3],
        ['822', 2023, null, null, null, null, 3],
      ],
    );
    // Carry-forward reads the latest report that ended before the inspection began, single inspection framework or ILACS.
    assert.deepEqual(e.cases[3]!.previous, { kind: 'sif', startDate: null, endDate: '2015-03-01', overall: 'requires-improvement' });
    assert.deepEqual(e.cases[4]!.previous, { kind: 'ilacs', startDate: '2019-01-14', endDate: '2019-01-25', overall: 'good' });
  });

  it('compares every predictor on the same inspections, and counts those left out by reason', () => {
    for (const s of [e.reporting, e.tuning]) assert.deepEqual(s.predictors.map((p) => p.agreement.n), PREDICTORS.map(() => s.compared));
    assert.deepEqual([e.reporting.inspections, e.reporting.compared, e.tuning.inspections, e.tuning.compared], [4, 2, 4, 1]);
    assert.deepEqual([...e.reporting.excluded], [[NO_PREVIOUS, 1], ['no overall effectiveness grade in the data', 1]]);
    assert.deepEqual([...e.tuning.excluded], [[NO_PREVIOUS, 1], [PREVIOUS_UNGRADED.sif, 1], ['the LA did not exist in 2020 (a boundary change)', 1]]);
    // Each predictor on every inspection it grades, before the cases were shared: Kingsway grades 356, 861 and 370 from
    // 2023 on; carry-forward only 356 and 861; always good every inspection with an inspectors' grade.
    const own = (s: typeof e.reporting) => s.ownCases.map((o) => o.agreement.n);
    assert.deepEqual([own(e.reporting), own(e.tuning)], [[3, 3, 2, 3], [3, 3, 1, 4]]);
    assert.equal(e.tuning.ownCases[0]!.agreement.exact, 1);
  });

  it('gives each row its agreement, kappa, interval and recall, worked by hand', () => {
    const [kingsway, cutOffs, carry, good] = e.reporting.predictors;
    // Kingsway: outstanding graded 4, inadequate graded 1. Perfect.
    assert.deepEqual([kingsway!.agreement.exact, kingsway!.agreement.quadraticKappa], [1, 1]);
    assert.deepEqual(kingsway!.recall, { inadequate: 1, 'requires-improvement': null, good: null, outstanding: 1 });
    assert.equal(kingsway!.inadequatePrecision, 1);
    // Two cases: a draw of both is perfect (kappa 1), a draw of one twice has no kappa and is counted apart.
    assert.deepEqual([kingsway!.kappaInterval!.low, kingsway!.kappaInterval!.high], [1, 1]);
    assert.ok(kingsway!.kappaInterval!.undefinedDraws > 150 && kingsway!.kappaInterval!.undefinedDraws < 250);
    // 2011 cut-offs: (4, 4) and (2, 1). Observed disagreement 1/9; expected (0 + 1 + 4/9 + 1/9) / 2 = 7/9; kappa 6/7.
    assert.ok(Math.abs(cutOffs!.agreement.quadraticKappa! - 6 / 7) < 1e-12);
    assert.deepEqual([cutOffs!.agreement.exact, cutOffs!.agreement.withinOne, cutOffs!.recall.inadequate, cutOffs!.inadequatePrecision], [0.5, 1, 0, null]);
    // Carry-forward: (3, 4) and (2, 1). Observed 2/9; expected (1/9 + 4/9 + 4/9 + 1/9) / 2 = 5/9; kappa 3/5.
    assert.ok(Math.abs(carry!.agreement.quadraticKappa! - 3 / 5) < 1e-12);
    // Always good: a constant grade agrees exactly as often as chance, kappa 0.
    assert.equal(formatKappa(good!.agreement.quadraticKappa), '0.000');
    assert.deepEqual([good!.agreement.exact, good!.agreement.withinOne], [0, 0.5]);
    // One inspection in the tuning set: no kappa, and no interval.
    assert.deepEqual([e.tuning.predictors[0]!.agreement.quadraticKappa, e.tuning.predictors[0]!.kappaInterval], [null, null]);
  });

  it('sums up the reported set for an LA page', () => {
    assert.deepEqual(trustSummary(e), {
      predictor: 'kingsway',
      inspectionsEndingFrom: '2023-01-01',
      n: 2,
      quadraticKappa: 1,
      interval: { low: 1, high: 1, level: 0.95 },
      exact: 1,
      withinOne: 1,
      inadequateRecall: 1,
      carryForwardKappa: e.reporting.predictors[2]!.agreement.quadraticKappa,
    });
  });
  it("sets Kingsway's kappa against carry-forward's with a paired bootstrap on the same inspections", () => {
    const d = e.reporting.overCarryForward;
    const k = e.reporting.predictors.find((p) => p.predictor.id === 'kingsway')!.agreement.quadraticKappa;
    const c = e.reporting.predictors.find((p) => p.predictor.id === 'carry-forward')!.agreement.quadraticKappa;
    assert.equal(d.difference, k !== null && c !== null ? k - c : null);
    if (d.interval && d.difference !== null) assert.ok(d.interval.low <= d.difference + 1e-12 && d.difference - 1e-12 <= d.interval.high);
    assert.ok(d.shareOfDrawsAbove === null || (d.shareOfDrawsAbove >= 0 && d.shareOfDrawsAbove <= 1));
  });

  it('finds no difference from carry-forward where Kingsway grades as carry-forward does', () => {
    const same = evaluateIlacs(inspections, (i, year) => {
      const prev = e.cases.find((c) => c.la === i.la && c.dataYear === year)?.predictions['carry-forward'];
      return prev ? assessed(prev) : grades[`${i.la} ${year}`];
    }, [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], { resamples: 200 });
    assert.equal(same.reporting.overCarryForward.difference, 0);
    assert.equal(same.reporting.overCarryForward.shareOfDrawsAbove, 0);
  });
});

describe("the 2011 cut-offs' grade", () => {
  const ok = (fields: object) => ({ ok: true, provisional: 3, derived: 3, ...fields }) as unknown as Extract<Derivation, { ok: true }>;
  it('is the recorded byCutOffs where derive.ts gives it, and the provisional grade until it does', () => {
    assert.equal(cutOffsGrade(ok({})), 3);
    assert.equal(cutOffsGrade(ok({ byCutOffs: 2 })), 2);
  });
});
