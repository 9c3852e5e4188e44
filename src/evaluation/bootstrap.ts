import { stream } from '../synth/random.ts';

/**
 * How far a statistic of a sample could move by chance: the percentile bootstrap (Efron 1979). The cases are drawn
 * with replacement, as many as there are, `resamples` times; the statistic is computed on each draw; the interval is
 * the middle `level` of those values (the 2.5th and 97.5th percentiles for 95%, linearly interpolated between order
 * statistics: the "type 7" quantile of R and NumPy).
 *
 * Deterministic: the draws come from a seeded stream (src/synth/random.ts), so the same cases, seed and count give the
 * same interval on every machine. They depend only on the seed and the number of cases, so two statistics over the same
 * cases with the same seed are resampled together, case for case (a paired bootstrap): their intervals are comparable.
 *
 * A statistic may be undefined on a draw (a kappa where every drawn case has one grade): such draws are left out and
 * counted, and the interval is taken over the rest; `null` when no draw gives a value.
 */
export interface BootstrapInterval {
  readonly low: number;
  readonly high: number;
  readonly level: number;
  readonly resamples: number;
  /** Draws on which the statistic was undefined, left out of the interval. */
  readonly undefinedDraws: number;
}

export interface BootstrapOptions {
  readonly resamples?: number;
  readonly seed?: string;
  readonly level?: number;
}

export const DEFAULT_RESAMPLES = 2000;
export const DEFAULT_SEED = 'kingsway evaluate ilacs';

/** The `p` quantile of sorted values, interpolated between the two nearest order statistics. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new RangeError('the quantile of no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The statistic on each of `resamples` draws (those where it is defined), in draw order, and how many draws there were:
 * what an interval is taken from, and what a caller asking more of the same draws (the share above zero) reads.
 */
export function bootstrapDraws<T>(cases: readonly T[], statistic: (sample: readonly T[]) => number | null, options: BootstrapOptions = {}): { readonly values: number[]; readonly resamples: number } {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const n = cases.length;
  const values: number[] = [];
  if (n === 0 || resamples <= 0) return { values, resamples };
  const rng = stream(`${options.seed ?? DEFAULT_SEED}|${n}`);
  const sample: T[] = new Array<T>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) sample[i] = cases[rng.int(0, n - 1)]!;
    const value = statistic(sample);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  return { values, resamples };
}

/** The percentile interval of draws already made (`bootstrapDraws`); `null` when no draw gave a value. */
export function intervalOf(draws: { readonly values: readonly number[]; readonly resamples: number }, level = 0.95): BootstrapInterval | null {
  if (draws.values.length === 0) return null;
  const sorted = [...draws.values].sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return { low: quantile(sorted, tail), high: quantile(sorted, 1 - tail), level, resamples: draws.resamples, undefinedDraws: draws.resamples - sorted.length };
}

export function bootstrapInterval<T>(cases: readonly T[], statistic: (sample: readonly T[]) => number | null, options: BootstrapOptions = {}): BootstrapInterval | null {
  return intervalOf(bootstrapDraws(cases, statistic, options), options.level ?? 0.95);
}
