import type { BlockCRow } from '../../profile/block-c.ts';
import { areaKey } from '../../profile/block-c.ts';
import type { ProfileRun } from '../../profile/profile.ts';

/**
 * How far an indicator can plausibly move in a year: the 90th percentile of how far LAs' figures moved from one
 * published period to the next, over every LA of the run and every pair of consecutive periods the framework reads
 * (the row's series). A what-if never moves a figure further than this: a change an LA has rarely seen in a year is
 * not one it can plan on. Read from the data, not fitted to any outcome; the same for every LA of a run.
 *
 * Where the run holds too few LAs' figures to read a national spread from (fewer than ten movements: an evidence
 * bundle of one LA, as the seed fixtures are), the step is the largest the LA's own figure has moved from one period
 * to the next in its series: a movement it has made itself. `null` where there is neither: such an indicator is not
 * moved.
 */
export const PLAUSIBLE_QUANTILE = 0.9;
const MIN_MOVES = 10;

/** By the indicator's periods, then the run's LAs (two runs may share an index and read other LAs), then the series. */
const STEPS = new WeakMap<object, WeakMap<readonly string[], Map<string, number | null>>>();

export function plausibleStep(run: ProfileRun, row: BlockCRow): number | null {
  return nationalStep(run, row) ?? ownStep(row);
}

function nationalStep(run: ProfileRun, row: BlockCRow): number | null {
  const periods = run.indicators.byIndicator.get(row.indicator.id);
  if (!periods || row.series.length < 2) return null;
  const key = row.series.map((s) => s.period.original).join('|');
  let byLas = STEPS.get(periods);
  if (!byLas) STEPS.set(periods, (byLas = new WeakMap()));
  let byKey = byLas.get(run.laCodes);
  if (!byKey) byLas.set(run.laCodes, (byKey = new Map()));
  if (byKey.has(key)) return byKey.get(key)!;
  const moves: number[] = [];
  for (let i = 1; i < row.series.length; i++) {
    const before = periods.get(row.series[i - 1]!.period.original)?.byArea;
    const after = periods.get(row.series[i]!.period.original)?.byArea;
    if (!before || !after) continue;
    for (const code of run.laCodes) {
      const k = areaKey('la', code);
      const a = before.get(k)?.value;
      const b = after.get(k)?.value;
      if (a?.kind === 'number' && b?.kind === 'number') moves.push(Math.abs(b.value - a.value));
    }
  }
  let step: number | null = null;
  if (moves.length >= MIN_MOVES) {
    moves.sort((x, y) => x - y);
    step = moves[Math.min(moves.length - 1, Math.floor(PLAUSIBLE_QUANTILE * moves.length))]!;
    if (step === 0) step = null;
  }
  byKey.set(key, step);
  return step;
}

function ownStep(row: BlockCRow): number | null {
  let most = 0;
  let previous: number | null = null;
  for (const p of row.series) {
    if (p.la.kind !== 'number') continue;
    if (previous !== null) most = Math.max(most, Math.abs(p.la.value - previous));
    previous = p.la.value;
  }
  return most > 0 ? most : null;
}
