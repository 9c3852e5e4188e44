import type { AssessmentGrade } from '../domain/grade.ts';
import type { LaProfile } from '../profile/profile.ts';
import { rawFeature } from './features.ts';
import type { Calibration, FeatureSpec } from './model.ts';
import { gradeOfScore } from './ordinal.ts';

/** One piece of evidence's share of a calibrated grade: its figure, and the points it adds to the score. */
export interface Contribution {
  readonly id: string;
  readonly label: string;
  readonly kind: FeatureSpec['kind'];
  /** What the evidence is, in words with its figure ("24.1 against England's 17.9 (2022)"). */
  readonly figure: string;
  /** `false` where the profile had no figure and England's level was read instead (it then adds nothing). */
  readonly present: boolean;
  readonly points: number;
}

export interface CalibratedGrade {
  readonly grade: AssessmentGrade;
  readonly score: number;
  readonly cutOffs: readonly [number, number, number];
  /** Every feature the method reads, in its order, with what it added (zero for an absent figure or a 0 flag). */
  readonly contributions: readonly Contribution[];
}

/**
 * The calibrated grade of a profile: each piece of evidence scaled and weighed, summed, and the sum banded by the
 * fitted cut-offs (src/calibration/ordinal.ts). Pure.
 */
export function calibratedGrade(profile: LaProfile, calibration: Calibration): CalibratedGrade {
  const contributions = calibration.features.map((f): Contribution => {
    const raw = rawFeature(profile, f.spec);
    const points = raw.value === null ? 0 : (f.weight * raw.value) / f.scale;
    return { id: f.spec.id, label: f.spec.label, kind: f.spec.kind, figure: raw.figure, present: raw.value !== null, points };
  });
  const score = contributions.reduce((s, c) => s + c.points, 0);
  return { grade: gradeOfScore(calibration.cutOffs, score), score, cutOffs: calibration.cutOffs, contributions };
}

const signed = (n: number) => (Math.abs(n) < 0.005 ? '±0.00' : `${n > 0 ? '+' : '−'}${Math.abs(n).toFixed(2)}`);

/**
 * The trace's lines for a calibrated grade: each contribution that moved the score, largest first, then those that
 * did not (a figure absent, read as England's level), so that what carried the grade reads first.
 */
export function contributionLines(c: CalibratedGrade): string[] {
  const moved = c.contributions.filter((x) => x.points !== 0).sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  // A flag that is not set ("no graded previous inspection" where there is one) says nothing of its own.
  const still = c.contributions.filter((x) => x.points === 0 && x.kind !== 'previous-none');
  return [...moved.map((x) => `${signed(x.points)} ${x.label}: ${x.figure}`), ...still.map((x) => `±0.00 ${x.label}: ${x.figure}`), `score ${signed(c.score)} against cut-offs ${c.cutOffs.map(signed).join(', ')}: grade ${c.grade}`];
}
