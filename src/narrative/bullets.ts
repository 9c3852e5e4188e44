import type { BlockARow } from '../profile/block-a.ts';
import type { BlockCRow, Comparison } from '../profile/block-c.ts';
import type { LaProfile } from '../profile/profile.ts';
import { comparedWith, overTheLast, trendWords } from './comparisons.ts';
import type { Relation } from './comparisons.ts';
import { capitalise, countWords, isAre, judgementCounts, ordinalWords } from './counts.ts';
import { fractionWords, proportionOf } from './proportions.ts';
import type { Sentence } from './sentence.ts';
import { sentence } from './sentence.ts';
import { GROUP_NOUN, GROUP_THEME, THEMES, indicatorTheme } from './themes.ts';
import type { Theme } from './themes.ts';

/**
 * The "Strengths" and "Areas for further improvement" bullets: statements chosen from the profile by simple rules of
 * salience, grouped by theme in the letters' order, one bullet per theme. The rules are [reconstruction], held here
 * as named values: a group of settings is a strength when a very large majority is good or better, an area when
 * three in ten or more are no better than satisfactory; an indicator is a strength when better than both similar
 * areas and England, an area when worse than both.
 */
export const SALIENCE = {
  strengthGoodOrBetter: 0.8,
  areaNoBetterThanSatisfactory: 0.3,
  /** Up to this many settings, counts are given in words ("Five of the six special schools"). */
  countInWordsUpTo: 10,
} as const;

export interface Bullet {
  readonly theme: Theme;
  readonly sentences: readonly Sentence[];
}

export interface Bullets {
  readonly strengths: readonly Bullet[];
  readonly areas: readonly Bullet[];
}

type Kind = 'strength' | 'area';
interface Statement {
  readonly theme: Theme;
  readonly kind: Kind;
  readonly sentence: Sentence;
}

/** "Special schools" → "special schools"; a group's label as it reads inside a sentence. */
const inSentence = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);
/** "Local authority fostering agency" read as one setting. */
const singular = (label: string): string => inSentence(label).replace(/ies\b/, 'y').replace(/s\b(?= |$)/, '');

function groupSentence(row: BlockARow, kind: Kind): string {
  const t = row.la.tally;
  const label = GROUP_NOUN[row.group.id] ?? inSentence(row.group.label);
  const good = t.outstanding + t.good;
  const notGood = t.inspected - good;
  const only = t.outstanding === t.inspected ? 'outstanding' : t.good === t.inspected ? 'good' : t.satisfactory === t.inspected ? 'satisfactory' : t.inadequate === t.inspected ? 'inadequate' : null;
  if (t.inspected === 1) return `The ${singular(row.group.label)} is ${only}.`;
  if (t.inspected <= SALIENCE.countInWordsUpTo) {
    const all = t.inspected === 2 ? 'Both' : `All ${countWords(t.inspected)}`;
    if (only) return `${all} ${label} are ${only}.`;
    if (notGood === 1 && good > 0) {
      const other = t.satisfactory ? 'satisfactory' : 'inadequate';
      return `${capitalise(countWords(good))} of the ${countWords(t.inspected)} ${label} are good or better. The ${ordinalWords(t.inspected)} is ${other}.`;
    }
    if (notGood === 0) return `${all} ${label} are good or better: ${judgementCounts(t)}.`;
    return `Of the ${countWords(t.inspected)} ${label}, ${judgementCounts(t)}.`;
  }
  const relation = (c: { shares: { goodOrBetter: number | null } } | null): Relation | null => {
    if (!c || c.shares.goodOrBetter === null || row.la.shares.goodOrBetter === null) return null;
    const d = row.la.shares.goodOrBetter - c.shares.goodOrBetter;
    return Math.abs(d) < 0.05 ? 'in-line' : d > 0 ? 'above' : 'below';
  };
  const compared = comparedWith(relation(row.similarAreas), relation(row.england));
  if (kind === 'area') {
    // An area is put by what is wrong: "a third are still no better than satisfactory" (stockport-2011).
    const part = fractionWords(notGood, t.inspected) ?? proportionOf(notGood / t.inspected).replace(/ of$/, '').replace(/^the (minority|small minority)$/, 'a $1');
    return `Of the ${countWords(t.inspected)} ${label}, ${part} ${isAre(notGood)} no better than satisfactory${compared ? `; the proportion good or better is ${compared}` : ''}.`;
  }
  const before = row.lastYear.shares.goodOrBetter;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const change = before === null || row.goodOrBetterChange === null || Math.abs(row.goodOrBetterChange) < 5 ? '' : ` (${pct(row.la.shares.goodOrBetter!)}, ${row.goodOrBetterChange > 0 ? 'up' : 'down'} from ${pct(before)} last year)`;
  return `${capitalise(proportionOf(row.la.shares.goodOrBetter!))} ${label} are good or better${change}${compared ? `, a proportion ${compared}` : ''}.`;
}

function groupStatements(profile: LaProfile): Statement[] {
  return profile.blockA.flatMap((row): Statement[] => {
    const t = row.la.tally;
    const theme = GROUP_THEME[row.group.id];
    if (t.inspected === 0 || !theme) return [];
    const good = (t.outstanding + t.good) / t.inspected;
    const kind: Kind | null = good >= SALIENCE.strengthGoodOrBetter ? 'strength' : 1 - good >= SALIENCE.areaNoBetterThanSatisfactory ? 'area' : null;
    if (!kind) return [];
    return [{ theme, kind, sentence: sentence(`a:${row.group.id}`, groupSentence(row, kind), { block: 'A', group: row.group.id, asAt: row.asAt }) }];
  });
}

function relationOf(c: Comparison | null | undefined): Relation | null {
  return c ? c.relation : null;
}

function indicatorStatements(profile: LaProfile): Statement[] {
  return profile.blockC.flatMap((row: BlockCRow): Statement[] => {
    const latest = row.latest;
    if (!latest || latest.la.kind !== 'number') return [];
    const verdicts = [latest.similarAreas?.verdict, latest.england?.verdict].filter((v) => v !== null && v !== undefined);
    if (verdicts.length === 0) return [];
    const kind: Kind | null = verdicts.every((v) => v === 'better') ? 'strength' : verdicts.every((v) => v === 'worse') ? 'area' : null;
    if (!kind) return [];
    const gap = /\bgap\b/i.test(row.indicator.name);
    const compared = comparedWith(relationOf(latest.similarAreas), relationOf(latest.england), gap ? 'gap' : 'level');
    const trend = row.trend ? ` It ${trendWords(row.trend.word, overTheLast(Math.max(1, Number(row.trend.to.original.slice(0, 4)) - Number(row.trend.from.original.slice(0, 4)))))}.` : '';
    const text = `${row.indicator.name} (${latest.period.original}) ${isAre(1)} ${compared}.${trend}`;
    return [{ theme: indicatorTheme(row.indicator.id, row.indicator.ecmOutcome, row.indicator.name), kind, sentence: sentence(`c:${row.indicator.id}`, text, { block: 'C', indicator: row.indicator.id, period: latest.period.original }) }];
  });
}

export function bullets(profile: LaProfile): Bullets {
  const statements = [...groupStatements(profile), ...indicatorStatements(profile)];
  const gather = (kind: Kind): Bullet[] =>
    THEMES.flatMap((theme) => {
      const sentences = statements.filter((s) => s.kind === kind && s.theme === theme).map((s) => s.sentence);
      return sentences.length > 0 ? [{ theme, sentences }] : [];
    });
  return { strengths: gather('strength'), areas: gather('area') };
}
