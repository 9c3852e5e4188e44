import type { EcmOutcome } from '../domain/indicator.ts';
import type { Period } from '../domain/period.ts';
import type { Framework } from '../frameworks/types.ts';
import type { BlockCRow, Comparison, Trend } from './block-c.ts';
import { latestChange } from './block-c.ts';

/**
 * "Red-reds", as users of Fingertips (the public-health data tool) call them: the indicators where the LA is worse than
 * similar areas, worse than England, and getting worse. A row is red-red when, at its latest period,
 *
 * - its verdict against similar areas is `worse` and its verdict against England is `worse` (the comparisons of
 *   block-c.ts: through the indicator's polarity, outside the framework's tolerance), and
 * - the change from the previous period with a number to the latest is a movement in the worse direction by at least
 *   the tolerance, read by the trends' boundary (a change of exactly the tolerance is a movement, less is stable;
 *   docs/judgement.md "At the boundary"): `declining`, or for a gap indicator `widening`.
 *
 * An indicator without polarity is never red-red (it has no verdicts and no worse direction), nor one whose latest
 * figure is a data symbol rather than a number. A description of the profile for readers: it never enters the grade.
 */
export interface RedRed {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly outcome: EcmOutcome | null;
  readonly period: Period;
  readonly value: number;
  readonly similarAreas: Comparison;
  readonly england: Comparison;
  readonly previous: { readonly period: Period; readonly value: number };
  /** LA's latest minus its previous value, and its word (`declining`, or `widening` for a gap). */
  readonly change: Trend & { readonly word: 'declining' | 'widening' };
}

/** The trend words that are a movement in the worse direction: a gap widening, anything else declining. */
const WORSE_WORDS: ReadonlySet<string> = new Set(['declining', 'widening']);

/** One row's red-red, or `null` where it is not one. */
export function redRedOf(row: BlockCRow, framework: Pick<Framework, 'inLineTolerance'>): RedRed | null {
  const latest = row.latest;
  if (row.indicator.polarity === 'no-polarity' || !latest || latest.la.kind !== 'number') return null;
  if (latest.similarAreas?.verdict !== 'worse' || latest.england?.verdict !== 'worse') return null;
  const change = latestChange(row, framework);
  if (!change || !WORSE_WORDS.has(change.word)) return null;
  const before = row.series.find((s) => s.period === change.from);
  if (!before || before.la.kind !== 'number') return null;
  return {
    id: row.indicator.id,
    name: row.indicator.name,
    unit: row.indicator.unit,
    outcome: row.indicator.ecmOutcome,
    period: latest.period,
    value: latest.la.value,
    similarAreas: latest.similarAreas,
    england: latest.england,
    previous: { period: before.period, value: before.la.value },
    change: change as RedRed['change'],
  };
}

/** The red-reds of a profile's Block C, in Block C's order. */
export function redReds(profile: { readonly blockC: readonly BlockCRow[] }, framework: Pick<Framework, 'inLineTolerance'>): RedRed[] {
  return profile.blockC.map((row) => redRedOf(row, framework)).filter((r) => r !== null);
}

/** The sentence that says what a red-red is, for pages that mark them. */
export const RED_RED_MEANING = 'A red-red is an indicator where the local authority is worse than similar areas, worse than England, and has got worse since the period before.';
