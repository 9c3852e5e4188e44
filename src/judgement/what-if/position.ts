import type { AssessmentGrade } from '../../domain/grade.ts';
import type { Framework } from '../../frameworks/types.ts';
import type { Derivation } from '../derive.ts';

/**
 * Where a derivation stands before its limiting rules: the one number its provisional grade is read from, and the
 * boundaries between grades on that number. The what-if (search.ts) uses it to say how far the LA is from each
 * boundary, and to rank changes by how far they move it; a grade itself is only ever what `derive` gives.
 *
 * - 2009-2011 (profile blocks): the blend, Block A's weighted mean band × its weight + Block C's band × the rest
 *   (docs/judgement.md step 3), rounded: the boundary between 2 and 3 is at 2.5, and 2.5 itself reads 3
 *   (`Math.round`).
 * - Today's calibrated years: the calibrated score, banded by the fitted cut-offs; a score exactly at a cut-off reads
 *   the lower grade (src/calibration/ordinal.ts, `gradeOfScore`).
 * - 2006 (graded areas): the mean of the five ECM outcome grades, rounded as the blend is (src/judgement/apa.ts).
 */
export type PositionKind = 'blend' | 'calibrated-score' | 'outcome-mean';

export interface Boundary {
  /** The boundary between `below` and `below + 1`. */
  readonly below: AssessmentGrade;
  readonly at: number;
  /** Position minus boundary: positive above it. */
  readonly distance: number;
  /** Which side a position exactly at the boundary reads: the upper grade for a rounded blend, the lower for a score. */
  readonly atBoundaryReads: 'upper' | 'lower';
}

export interface Position {
  readonly kind: PositionKind;
  readonly value: number;
  /** The grade the position gives before any limiting rule. */
  readonly provisional: AssessmentGrade;
  readonly boundaries: readonly Boundary[];
}

type Derived = Extract<Derivation, { ok: true }>;

const BELOW: readonly AssessmentGrade[] = [1, 2, 3];

export function positionOf(derivation: Derived, framework: Pick<Framework, 'cutOffs' | 'blockCOutcomes'>): Position | null {
  if (derivation.calibrated) {
    const { score, cutOffs } = derivation.calibrated;
    return { kind: 'calibrated-score', value: score, provisional: derivation.provisional, boundaries: BELOW.map((below, i) => ({ below, at: cutOffs[i]!, distance: score - cutOffs[i]!, atBoundaryReads: 'lower' })) };
  }
  const value = derivation.areas.length > 0 ? outcomeMean(derivation, framework) : blend(derivation, framework);
  if (value === null) return null;
  return {
    kind: derivation.areas.length > 0 ? 'outcome-mean' : 'blend',
    value,
    provisional: derivation.provisional,
    boundaries: BELOW.map((below) => ({ below, at: below + 0.5, distance: value - (below + 0.5), atBoundaryReads: 'upper' })),
  };
}

function blend(d: Derived, framework: Pick<Framework, 'cutOffs'>): number | null {
  const a = d.blockA.mean;
  const c = d.blockC.band;
  const w = framework.cutOffs.blockAWeight;
  if (a === null) return c;
  if (c === null) return a;
  // Settled as derive settles it before rounding, so that a blend of exactly 2.5 stands at the boundary, not below it.
  return Math.round((w * a + (1 - w) * c) * 1e6) / 1e6;
}

function outcomeMean(d: Derived, framework: Pick<Framework, 'blockCOutcomes'>): number | null {
  const grades = d.areas.filter((a) => (framework.blockCOutcomes as readonly string[]).includes(a.id)).map((a) => a.grade);
  return grades.length === 0 ? null : grades.reduce((s, g) => s + g, 0) / grades.length;
}
