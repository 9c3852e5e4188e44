import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssessmentGrade } from '../../domain/grade.ts';
import type { Judgement } from '../../domain/judgement.ts';
import type { EcmOutcome } from '../../domain/indicator.ts';
import { ECM_OUTCOMES } from '../../domain/indicator.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import { gradeOfScore } from '../../calibration/ordinal.ts';
import type { Calibration } from '../../calibration/model.ts';
import { frameworkFor } from '../../frameworks/index.ts';
import type { Framework } from '../../frameworks/types.ts';
import type { BlockARow } from '../../profile/block-a.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { derive } from '../derive.ts';
import type { Derivation } from '../derive.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';
import type { Position } from './position.ts';
import { positionOf } from './position.ts';

/**
 * Where a derivation stands against the grade boundaries (position.ts), checked against `derive` on hand-made
 * profiles: the blend of 2009-2011 (rounded, so x.5 reads the upper grade), the calibrated score of today's years (a
 * score exactly at a cut-off reads the lower grade, as `gradeOfScore` reads it) and the 2006 outcome mean. Then, over
 * many derivations of every kind, the grade the boundaries give (1 + the boundaries the position is at or above for
 * a rounded position, strictly above for a score) must be the provisional grade `derive` gives.
 */
type Derived = Extract<Derivation, { ok: true }>;

const ok = (d: Derivation): Derived => {
  assert.ok(d.ok, d.ok ? '' : d.reason);
  return d;
};

const near = (a: number, b: number, what = '') => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} is not ${b}`);

/** The grade a position's boundaries give: each boundary it is past adds one. */
const gradeByBoundaries = (p: Position): number => 1 + p.boundaries.filter((b) => (b.atBoundaryReads === 'upper' ? b.distance >= 0 : b.distance > 0)).length;

/** A Block A row of `inspected` settings, `good` of them good, the rest satisfactory. */
function rowWith(row: BlockARow, inspected: number, good: number): BlockARow {
  const tally = { inspected, outstanding: 0, good, satisfactory: inspected - good, inadequate: 0 };
  const shares = { outstanding: 0, goodOrBetter: good / inspected, satisfactory: (inspected - good) / inspected, inadequate: 0 };
  return { ...row, la: { ...row.la, tally, shares } };
}

/** The profile with its Block A groups as given (settings inspected, good), the rest of its groups dropped. */
function withGroups(profile: LaProfile, groups: readonly (readonly [number, number])[]): LaProfile {
  return { ...profile, blockA: groups.map(([n, g], i) => rowWith(profile.blockA[i]!, n, g)) };
}

const verdicts = (outcome: EcmOutcome, better: number, inLine: number, worse: number) => [
  ...Array.from({ length: better }, () => ({ outcome, verdict: 'better' as const })),
  ...Array.from({ length: inLine }, () => ({ outcome, verdict: 'in-line' as const })),
  ...Array.from({ length: worse }, () => ({ outcome, verdict: 'worse' as const })),
];

/** A calibration that reads only the previous ILACS (grade − 2.5, weight 1), with cut-offs on its values: a score can sit exactly on a cut-off. */
function previousOnly(base: Framework, cutOffs: readonly [number, number, number]): Framework {
  const calibration: Calibration = { ...base.calibration!, features: [{ spec: { kind: 'previous-grade', id: 'previous-grade', label: 'previous inspection' }, scale: 1, weight: 1 }], cutOffs };
  return { ...base, calibration };
}

describe('the position of a 2009-2011 blend', () => {
  const framework = frameworkFor(2011);

  it('is Block A weighted with Block C, with boundaries half way between grades', () => {
    // Every group at 50% good (band 2); all Block C comparisons better (band 4): 0.7 × 2 + 0.3 × 4 = 2.6.
    const d = ok(derive(profileWith(framework, { goodOrBetter: 0.5, verdicts: verdicts('staying-safe', 3, 0, 0) }), framework));
    assert.equal(d.blockA.mean, 2);
    assert.equal(d.blockC.band, 4);
    const p = positionOf(d, framework)!;
    assert.equal(p.kind, 'blend');
    near(p.value, 2.6, 'blend');
    assert.equal(p.provisional, 3);
    assert.deepEqual(p.boundaries.map((b) => [b.below, b.at, b.atBoundaryReads]), [[1, 1.5, 'upper'], [2, 2.5, 'upper'], [3, 3.5, 'upper']]);
    near(p.boundaries[0]!.distance, 1.1, 'from 1.5');
    near(p.boundaries[1]!.distance, 0.1, 'from 2.5');
    near(p.boundaries[2]!.distance, -0.9, 'from 3.5');
    for (const b of p.boundaries) assert.equal(b.distance, p.value - b.at);
  });

  it('reads Block A alone where no indicator is compared, and Block C alone where no setting is inspected', () => {
    const aOnly = ok(derive(withGroups(profileWith(framework, {}), [[10, 5], [10, 7], [10, 9]]), framework));
    assert.equal(aOnly.blockC.band, null);
    const pa = positionOf(aOnly, framework)!;
    near(pa.value, (2 + 3 + 4) / 3, 'Block A alone');
    assert.equal(pa.provisional, 3);
    const cOnly = ok(derive({ ...profileWith(framework, { verdicts: verdicts('enjoying-and-achieving', 0, 1, 1) }), blockA: [] }, framework));
    assert.equal(cOnly.blockA.mean, null);
    const pc = positionOf(cOnly, framework)!;
    assert.equal(pc.value, cOnly.blockC.band);
    assert.equal(pc.provisional, cOnly.provisional);
  });

  it('reads x.5 as the upper grade, as Math.round does: a blend exactly on a boundary is at distance 0 and gives the grade above', () => {
    // Two groups, bands 2 and 3, and no indicators: Block A's mean is 2.5 exactly.
    const d = ok(derive(withGroups(profileWith(framework, {}), [[10, 5], [10, 6]]), framework));
    assert.equal(d.blockA.mean, 2.5);
    const p = positionOf(d, framework)!;
    assert.equal(p.value, 2.5);
    assert.equal(p.boundaries[1]!.distance, 0);
    assert.equal(p.boundaries[1]!.atBoundaryReads, 'upper');
    assert.equal(p.provisional, 3);
    assert.equal(d.provisional, 3);
    assert.equal(gradeByBoundaries(p), 3);
    // The same with both blocks, where the weights make an exact half: 0.5 × 2 + 0.5 × 3 (an analyst's weight).
    const halves: Framework = { ...framework, cutOffs: { ...framework.cutOffs, blockAWeight: 0.5 } };
    const both = ok(derive(profileWith(halves, { goodOrBetter: 0.5, verdicts: verdicts('staying-safe', 0, 1, 0) }), halves));
    assert.deepEqual([both.blockA.mean, both.blockC.band], [2, 3]);
    const pb = positionOf(both, halves)!;
    assert.equal(pb.value, 2.5);
    assert.equal(pb.provisional, 3);
    assert.equal(gradeByBoundaries(pb), 3);
  });

  // Four small groups, weighing a fifth per setting: 1 setting (none good, band 1), 2 (both good, band 4), 3 (two good,
  // band 3), 1 (good, band 4); Block C band 1. Block A's mean is (0.2 + 1.6 + 1.8 + 0.8) / 1.4 = 22/7, and the blend
  // 0.7 × 22/7 + 0.3 × 1 is 2.5 exactly, but 2.499999999999999 in binary.
  const smallGroups = () => withGroups(profileWith(framework, { verdicts: verdicts('being-healthy', 0, 0, 2) }), [[1, 0], [2, 2], [3, 2], [1, 1]]);

  it('a blend that is 2.5 in exact arithmetic but not in floating point reads as derive reads it', () => {
    const d = ok(derive(smallGroups(), framework));
    assert.equal(d.blockC.band, 1);
    near(d.blockA.mean!, 22 / 7, 'Block A');
    const p = positionOf(d, framework)!;
    assert.equal(p.provisional, d.provisional);
    assert.equal(gradeByBoundaries(p), d.provisional);
  });

  it(
    'a blend of exactly 2.5 in exact arithmetic reads 3, as docs/judgement.md says',
    () => {
      const d = ok(derive(smallGroups(), framework));
      assert.equal(d.provisional, 3);
    },
  );

  it('just below a half reads the lower grade', () => {
    // Bands 2, 3, 3 and 2 of four groups, one of them weighing a fifth: the mean is just under 2.5.
    const d = ok(derive(withGroups(profileWith(framework, {}), [[10, 5], [10, 6], [1, 0], [10, 5]]), framework));
    const p = positionOf(d, framework)!;
    assert.ok(p.value < 2.5 && p.value > 2, String(p.value));
    assert.equal(p.provisional, 2);
    assert.ok(p.boundaries[1]!.distance < 0);
    assert.equal(gradeByBoundaries(p), 2);
  });
});

describe('the position of a calibrated score (today’s years)', () => {
  const base = frameworkFor(2024);
  const ilacs = (overall: Judgement) => [laInspection('ilacs', '2023-03-01', { overall })];

  it('is the score against the fitted cut-offs, and a score exactly at a cut-off reads the lower grade', () => {
    const framework = previousOnly(base, [-0.5, 0.5, 1.5]);
    // Previous ILACS good: 3 − 2.5 = 0.5, exactly the second cut-off.
    const d = ok(derive(profileWith(framework, { laInspections: ilacs('good') }), framework));
    assert.ok(d.calibrated);
    assert.equal(d.calibrated.score, 0.5);
    const p = positionOf(d, framework)!;
    assert.equal(p.kind, 'calibrated-score');
    assert.equal(p.value, 0.5);
    assert.deepEqual(p.boundaries.map((b) => [b.below, b.at, b.distance, b.atBoundaryReads]), [[1, -0.5, 1, 'lower'], [2, 0.5, 0, 'lower'], [3, 1.5, -1, 'lower']]);
    assert.equal(gradeOfScore([-0.5, 0.5, 1.5], 0.5), 2);
    assert.equal(p.provisional, 2);
    assert.equal(gradeByBoundaries(p), 2);
  });

  it('gives gradeOfScore’s grade at every cut-off and between them', () => {
    const cutOffs = [-0.5, 0.5, 1.5] as const;
    const framework = previousOnly(base, cutOffs);
    const cases: [Judgement | null, number][] = [['inadequate', -1.5], ['requires-improvement', -0.5], [null, 0], ['good', 0.5], ['outstanding', 1.5]];
    for (const [overall, score] of cases) {
      const d = ok(derive(profileWith(framework, { laInspections: overall ? ilacs(overall) : [] }), framework));
      const p = positionOf(d, framework)!;
      assert.equal(p.value, score, String(overall));
      assert.equal(p.provisional, gradeOfScore(cutOffs, score), String(overall));
      assert.equal(gradeByBoundaries(p), gradeOfScore(cutOffs, score), String(overall));
    }
  });

  it('reads the year’s own calibration: its score and its cut-offs', () => {
    const d = ok(derive(profileWith(base, { laInspections: ilacs('requires-improvement'), verdicts: verdicts('staying-safe', 2, 1, 0) }), base));
    const p = positionOf(d, base)!;
    assert.equal(p.value, d.calibrated!.score);
    assert.deepEqual(p.boundaries.map((b) => b.at), [...base.calibration!.cutOffs]);
    assert.equal(p.provisional, gradeOfScore(base.calibration!.cutOffs, d.calibrated!.score));
  });
});

describe('the position of the 2006 outcome mean', () => {
  const framework = frameworkFor(2006);

  it('is the mean of the five outcome grades, from indicators or from the joint area review', () => {
    // Indicators (each verdict is against similar areas and England alike): being healthy net +1 (band 4), staying
    // safe net 0 (band 3), the last two net −0.25 (band 2); enjoying and achieving's indicators are all worse (band 1),
    // but the JAR graded it good (3), which it takes.
    const jar = laInspection('jar', '2006-03-01', { judgements: { 'enjoying-and-achieving': 'good' } });
    const profile = profileWith(framework, {
      laInspections: [jar],
      verdicts: [...verdicts('being-healthy', 2, 0, 0), ...verdicts('staying-safe', 0, 2, 0), ...verdicts('enjoying-and-achieving', 0, 0, 2), ...verdicts('positive-contribution', 0, 3, 1), ...verdicts('economic-wellbeing', 0, 3, 1)],
    });
    const d = ok(derive(profile, framework));
    const grades = ECM_OUTCOMES.map((o) => d.areas.find((a) => a.id === o)!.grade);
    assert.deepEqual(grades, [4, 3, 3, 2, 2]);
    const p = positionOf(d, framework)!;
    assert.equal(p.kind, 'outcome-mean');
    near(p.value, 14 / 5, 'mean');
    assert.equal(p.provisional, 3);
    assert.equal(p.provisional, d.areas.find((a) => a.id === 'children-services')!.grade);
    assert.deepEqual(p.boundaries.map((b) => [b.below, b.at, b.atBoundaryReads]), [[1, 1.5, 'upper'], [2, 2.5, 'upper'], [3, 3.5, 'upper']]);
    near(p.boundaries[1]!.distance, 0.3, 'from 2.5');
  });

  it('does not count management, capacity or social care in the mean', () => {
    const jar = laInspection('jar', '2006-03-01', { judgements: { 'service-management': 'inadequate' } });
    const profile = profileWith(framework, { laInspections: [jar], verdicts: ECM_OUTCOMES.flatMap((o) => verdicts(o, 2, 0, 0)) });
    const d = ok(derive(profile, framework));
    const p = positionOf(d, framework)!;
    assert.equal(p.value, 4);
    assert.equal(p.provisional, 4);
  });
});

describe('the position agrees with derive’s provisional grade over many hand-made derivations', () => {
  // Block A groups at various shares (bands 1-4, some groups weighing less than one), Block C in every mix, Block B as
  // each year reads it: every derivation's position must give, through its boundaries, the grade derive gives.
  const groupSets: (readonly (readonly [number, number])[])[] = [
    [[10, 2]],
    [[10, 5], [10, 6]],
    [[10, 4], [10, 5], [10, 6], [10, 9]],
    [[20, 9], [3, 3], [7, 5], [10, 10], [1, 0]],
    [[12, 7], [5, 2], [8, 8], [2, 1], [9, 4], [6, 6], [4, 0]],
    [[10, 9], [10, 9], [10, 9], [10, 9], [10, 9], [10, 9], [10, 2]],
    [[10, 9], [10, 9], [10, 9], [10, 2], [10, 2], [10, 2], [10, 5]],
  ];
  const mixes: ReturnType<typeof verdicts>[] = [
    [],
    verdicts('staying-safe', 1, 0, 0),
    verdicts('staying-safe', 0, 0, 1),
    [...verdicts('staying-safe', 2, 1, 0), ...verdicts('enjoying-and-achieving', 0, 1, 2)],
    [...verdicts('being-healthy', 1, 2, 1), ...verdicts('economic-wellbeing', 3, 0, 1)],
    ECM_OUTCOMES.flatMap((o, i) => verdicts(o, i % 3, 1, (i + 1) % 2)),
  ];
  const check = (d: Derivation, framework: Framework, what: string) => {
    if (!d.ok) return 0;
    const p = positionOf(d, framework);
    assert.ok(p, `${what}: a position`);
    assert.equal(p.provisional, d.provisional, what);
    assert.equal(gradeByBoundaries(p), d.provisional, `${what}: position ${p.value} against ${p.boundaries.map((b) => b.at).join(', ')}`);
    assert.deepEqual(p.boundaries.map((b) => b.below), [1, 2, 3], what);
    for (let i = 1; i < p.boundaries.length; i++) assert.ok(p.boundaries[i - 1]!.at < p.boundaries[i]!.at, what);
    for (const b of p.boundaries) assert.ok(Math.abs(p.value - b.at - b.distance) < 1e-12, what);
    if (p.kind !== 'calibrated-score') assert.equal(p.provisional, Math.min(4, Math.max(1, Math.round(p.value))) as AssessmentGrade, what);
    return 1;
  };

  it('2009-2011 blends', () => {
    let n = 0;
    for (const year of [2009, 2010, 2011]) {
      const framework = frameworkFor(year);
      const weights: Framework[] = [framework, { ...framework, cutOffs: { ...framework.cutOffs, blockAWeight: 0.5 } }, { ...framework, cutOffs: { ...framework.cutOffs, blockAWeight: 0.8 } }];
      for (const f of weights) for (const groups of groupSets) for (const mix of mixes) n += check(derive(withGroups(profileWith(f, { verdicts: mix }), groups), f), f, `${f.id} w=${f.cutOffs.blockAWeight} ${JSON.stringify(groups)} ${mix.length}`);
    }
    assert.ok(n > 300, `${n} derivations`);
  });

  it('calibrated scores, with the year’s own calibration and with cut-offs a score can sit on', () => {
    let n = 0;
    const base = frameworkFor(2024);
    const previous: (LaInspection[])[] = [[], ...(['outstanding', 'good', 'requires-improvement', 'inadequate'] as const).map((o) => [laInspection('ilacs', '2023-03-01', { overall: o })]), [laInspection('sif', '2016-03-01', { overall: 'good' })]];
    for (const f of [base, frameworkFor(2019), previousOnly(base, [-0.5, 0.5, 1.5]), previousOnly(base, [-1.5, -0.5, 0.5]), previousOnly(base, [-1, 0, 1])]) {
      for (const laInspections of previous) for (const mix of mixes) for (const share of [0.3, 0.7]) n += check(derive(profileWith(f, { goodOrBetter: share, laInspections, verdicts: mix }), f), f, `${f.id} ${f.calibration!.cutOffs.join('/')} ${laInspections[0]?.overall ?? 'none'} ${mix.length}`);
    }
    assert.ok(n > 200, `${n} derivations`);
  });

  it('2006 outcome means', () => {
    let n = 0;
    const framework = frameworkFor(2006);
    const jars = [[], [laInspection('jar', '2006-03-01', { judgements: { 'staying-safe': 'outstanding', 'being-healthy': 'inadequate' } })], [laInspection('jar', '2005-11-01', { judgements: { 'enjoying-and-achieving': 'adequate', 'positive-contribution': 'good', 'economic-wellbeing': 'good' } })]];
    for (const laInspections of jars) {
      for (let i = 0; i < 40; i++) {
        // Each outcome's mix from i, so that the five bands run through many combinations.
        const mix = ECM_OUTCOMES.flatMap((o, k) => verdicts(o, (i >> k) & 1 ? 2 : 0, (i + k) % 3 === 0 ? 1 : 0, (i >> k) & 1 ? 0 : 1 + ((i + k) % 2)));
        n += check(derive(profileWith(framework, { laInspections, verdicts: mix }), framework), framework, `2006 ${i} ${laInspections.length}`);
      }
    }
    assert.ok(n >= 100, `${n} derivations`);
  });
});
