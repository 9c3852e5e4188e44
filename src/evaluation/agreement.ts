/**
 * How far two gradings of the same cases agree, on a four-point scale (1 to 4): the confusion matrix, the share that
 * agree exactly and within one grade, and Cohen's quadratic weighted kappa — agreement beyond what the two gradings'
 * own distributions would give by chance, with a disagreement of two grades counting four times one of one grade
 * (Cohen 1968). Kappa is 1 for perfect agreement and 0 for chance; it is `null` where it is undefined (fewer than two
 * cases, or both gradings constant).
 */
export type Grade4 = 1 | 2 | 3 | 4;

export interface Agreement {
  readonly n: number;
  /** matrix[predicted - 1][actual - 1]: how many cases Kingsway graded `predicted` and inspectors `actual`. */
  readonly matrix: readonly (readonly number[])[];
  readonly exact: number | null;
  readonly withinOne: number | null;
  readonly quadraticKappa: number | null;
}

export function agreement(pairs: readonly { readonly predicted: Grade4; readonly actual: Grade4 }[]): Agreement {
  const k = 4;
  const matrix = Array.from({ length: k }, () => Array<number>(k).fill(0));
  for (const p of pairs) matrix[p.predicted - 1]![p.actual - 1]!++;
  const n = pairs.length;
  if (n === 0) return { n, matrix, exact: null, withinOne: null, quadraticKappa: null };
  const exact = pairs.filter((p) => p.predicted === p.actual).length / n;
  const withinOne = pairs.filter((p) => Math.abs(p.predicted - p.actual) <= 1).length / n;
  const rows = matrix.map((r) => r.reduce((s, x) => s + x, 0));
  const cols = matrix[0]!.map((_, j) => matrix.reduce((s, r) => s + r[j]!, 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = ((i - j) * (i - j)) / ((k - 1) * (k - 1));
      observed += w * matrix[i]![j]!;
      expected += (w * rows[i]! * cols[j]!) / n;
    }
  }
  return { n, matrix, exact, withinOne, quadraticKappa: expected === 0 ? null : 1 - observed / expected };
}

/**
 * Recall of a grade: of the cases the second grading (inspectors) put at `grade`, the share the first (the predictor)
 * put there too. `null` where the second grading has no case at that grade.
 */
export function recall(a: Agreement, grade: Grade4): number | null {
  const actual = a.matrix.reduce((s, row) => s + row[grade - 1]!, 0);
  return actual === 0 ? null : a.matrix[grade - 1]![grade - 1]! / actual;
}

/**
 * Precision of a grade: of the cases the predictor put at `grade`, the share the inspectors put there too. `null`
 * where the predictor has no case at that grade.
 */
export function precision(a: Agreement, grade: Grade4): number | null {
  const predicted = a.matrix[grade - 1]!.reduce((s, x) => s + x, 0);
  return predicted === 0 ? null : a.matrix[grade - 1]![grade - 1]! / predicted;
}
