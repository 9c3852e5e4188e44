import type { Period } from '../domain/period.ts';
import type { TrendWord } from '../profile/block-c.ts';

/**
 * Comparisons and trends in the letters' words. A comparison is the plain relation (above, in line, below) of the LA's
 * figure to a comparator; for gaps (the attainment of low-income families against others) the letters say "wider" and
 * "narrower" instead (stockport-2011: "It is now narrower than for similar local authorities but wider than the average
 * nationally").
 */
export type Relation = 'above' | 'in-line' | 'below';
export type Wording = 'level' | 'gap';

const WORDS: Readonly<Record<Wording, Readonly<Record<Relation, string>>>> = {
  level: { above: 'above', 'in-line': 'in line with', below: 'below' },
  gap: { above: 'wider than', 'in-line': 'in line with', below: 'narrower than' },
};

/**
 * The LA against similar areas and England in one phrase, as the seeds write it:
 * - the same relation to both: "in line with the averages nationally and for similar areas";
 * - different: "in line with similar areas and above the national average", joined by "but" where one is above and
 *   the other below ("narrower than for similar areas but wider than the average nationally").
 * Either comparator may be missing (no neighbours with a figure; no national figure).
 */
export function comparedWith(similar: Relation | null, england: Relation | null, wording: Wording = 'level'): string | null {
  const w = WORDS[wording];
  if (similar === null && england === null) return null;
  if (england === null) return `${w[similar!]} the average for similar areas`;
  if (similar === null) return `${w[england]} the national average`;
  if (similar === england) return `${w[similar]} the averages nationally and for similar areas`;
  const opposed = similar !== 'in-line' && england !== 'in-line';
  return `${w[similar]} similar areas ${opposed ? 'but' : 'and'} ${w[england]} the national average`;
}

/** A trend as a verb phrase: "has improved", "has been maintained", "has narrowed over the last two years". */
export function trendWords(trend: TrendWord, over?: string): string {
  const verb: Readonly<Record<TrendWord, string>> = {
    improving: 'has improved',
    stable: 'has been maintained',
    declining: 'has declined',
    narrowing: 'has narrowed',
    widening: 'has widened',
  };
  return over ? `${verb[trend]} over ${over}` : verb[trend];
}

/** "the last two years", "the last five years": for trends over a run of years. */
export function overTheLast(years: number): string {
  const words = ['', 'year', 'two years', 'three years', 'four years', 'five years'];
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`a span of years must be a whole number from 1, not ${years}`);
  return `the last ${words[years] ?? `${years} years`}`;
}

/**
 * A period in the letters' words: the year a figure is for, never the source's label. The letters name results by
 * the year they were published for ("There were no published Key Stage 2 results in 2010", "Provisional results for
 * 2011", stoke-on-trent-2011), so an academic or financial year "2010/11" reads "2011", and a qualifier such as
 * "(prov)" is said in words by the caller ("Provisional figures for 2011"), never printed. A pooled span reads "2008 to
 * 2010".
 */
export function periodWords(period: Pick<Period, 'kind' | 'startYear' | 'endYear'>): string {
  if (period.endYear === null) return 'an unspecified period';
  return period.kind === 'multi-year' && period.startYear !== null && period.startYear !== period.endYear ? `${period.startYear} to ${period.endYear}` : String(period.endYear);
}

/**
 * Where a figure stands, through the indicator's polarity: good where it is better than a comparator and worse than
 * none, poor where it is worse than either, in line otherwise (and where the indicator has no polarity).
 */
export type Standing = 'good' | 'in-line' | 'poor';
export function standingOf(...verdicts: readonly ('better' | 'in-line' | 'worse' | null | undefined)[]): Standing {
  if (verdicts.includes('worse')) return 'poor';
  return verdicts.includes('better') ? 'good' : 'in-line';
}

/**
 * A trend as a sentence about the indicator, its words chosen by where the figure stands as well as how it moved. A
 * movement is said as it is ("It has narrowed over the last two years", stockport-2011). No movement is not always
 * "maintained": only a good position is ("this strong performance has been maintained", stockport-2011); a poor one
 * "did not improve" (stoke-on-trent-2011: "results did not improve and were consistently below similar areas"), and a
 * gap that is not closing "is not narrowing" (stoke-on-trent-2011); one in line "has changed little". [reconstruction:
 * the in-line wording]
 */
export function trendSentence(trend: TrendWord, standing: Standing, wording: Wording, over: string): string {
  if (trend !== 'stable') return `It ${trendWords(trend, over)}.`;
  if (standing === 'good') return `This position has been maintained over ${over}.`;
  if (standing === 'poor') return wording === 'gap' ? 'It is not narrowing.' : `It has not improved over ${over}.`;
  return `It has changed little over ${over}.`;
}

/**
 * What provisional figures show against the last final one, as the letters say it after the final year's position
 * (stockport-2011: "Provisional figures for 2011 indicate that this strong performance has been maintained";
 * stoke-on-trent-2011: "Provisional results for 2011, however, show some improvement"). `moved` is the change from the
 * last final figure to the provisional one; `nowCompared`, the provisional figures against the comparators where that
 * reads differently from the final year's.
 */
export function provisionalSentence(year: string, moved: TrendWord | null, standing: Standing, nowCompared: string | null): string {
  const lead = `Provisional figures for ${year}`;
  const after = nowCompared ? `: they are ${nowCompared}` : '';
  switch (moved) {
    case 'improving':
      return `${lead} show some improvement${after}.`;
    case 'declining':
      return `${lead} show a fall${after}.`;
    case 'narrowing':
      return `${lead} show the gap narrowing${after}.`;
    case 'widening':
      return `${lead} show the gap widening${after}.`;
    default:
      if (nowCompared) return `${lead} show it to be ${nowCompared}.`;
      if (standing === 'good') return `${lead} indicate that this position has been maintained.`;
      return standing === 'poor' ? `${lead} show no improvement.` : `${lead} show little change.`;
  }
}
