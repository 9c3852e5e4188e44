import { JUDGEMENT_LABEL, isGoodOrBetter } from '../domain/judgement.ts';
import type { BlockARow, OutcomeShares, OutcomeTally } from '../profile/block-a.ts';
import type { BlockCRow, Comparison, PeriodFigures } from '../profile/block-c.ts';
import type { LaProfile } from '../profile/profile.ts';
import { comparedWith, overTheLast, trendWords } from './comparisons.ts';
import type { Relation } from './comparisons.ts';
import { capitalise, countWords, isAre, judgementCounts, ordinalWords } from './counts.ts';
import { indicatorPhrase, isGap } from './indicator-phrases.ts';
import { fractionWords, proportionOf } from './proportions.ts';
import type { Sentence } from './sentence.ts';
import { sentence, slug } from './sentence.ts';
import { EARLY_YEARS_GROUPS, GROUP_NOUN, GROUP_ONE, GROUP_THEME, THEMES, indicatorTheme } from './themes.ts';
import type { Theme } from './themes.ts';

/**
 * The "Strengths" and "Areas for further improvement" bullets: statements chosen from the profile by named rules of
 * salience, grouped by theme in the letters' order, one bullet per theme and kind. The rules are [reconstruction],
 * read from what the seeds single out, and held here as named values:
 * - a group of settings is a strength when its share good or better is above both similar areas and England, or,
 *   failing a comparison, when a very large majority is good or better; an area when below both, or when three in
 *   ten or more are no better than satisfactory (stockport-2011: "a third are still no better than satisfactory");
 * - indicators are read together by theme, as the seeds read them ("the gap … has narrowed … It is now narrower than
 *   for similar local authorities but wider than the average nationally" sits among the areas because the theme's
 *   gaps, taken together, are wider): each scores +2/−2 against similar areas (the first comparator of the profile),
 *   +1/−1 against England and +1/−1 for its trend; the theme's indicators go to the strengths or the areas by the
 *   sign of their sum, and one that pulls the other way is put with "However".
 */
export const SALIENCE = {
  strengthGoodOrBetter: 0.8,
  areaNoBetterThanSatisfactory: 0.3,
  /** A difference in shares good or better, in points, below which a group is "in line" with a comparator. */
  inLinePoints: 0.05,
  /** Up to this many settings, counts are given in words ("Five of the six special schools"). */
  countInWordsUpTo: 10,
  /** Above that, the few not good or better are still counted ("20 are good or better and the remaining two …"). */
  countTheRestUpTo: 2,
  /** At most this many indicators in one theme's bullet, the most salient first. */
  indicatorsPerTheme: 5,
  /** Of the early years groups, the majority good or better makes "early years and childcare" a strength. */
  earlyYearsStrength: 0.51,
  /** A change in the share good or better, in points, that the letter mentions ("up from 73% last year"). */
  changeWorthSaying: 5,
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
const pct = (x: number) => `${Math.round(x * 100)}%`;
const judgementOf = (t: OutcomeTally): string | null =>
  t.outstanding === t.inspected ? 'outstanding' : t.good === t.inspected ? 'good' : t.satisfactory === t.inspected ? 'satisfactory' : t.inadequate === t.inspected ? 'inadequate' : null;
const sameTally = (a: OutcomeTally, b: OutcomeTally) => a.inspected === b.inspected && a.outstanding === b.outstanding && a.good === b.good && a.satisfactory === b.satisfactory && a.inadequate === b.inadequate;

function shareRelation(la: OutcomeShares, c: { shares: OutcomeShares } | null): Relation | null {
  if (!c || c.shares.goodOrBetter === null || la.goodOrBetter === null) return null;
  const d = la.goodOrBetter - c.shares.goodOrBetter;
  return Math.abs(d) < SALIENCE.inLinePoints ? 'in-line' : d > 0 ? 'above' : 'below';
}

/** Strength, area or neither, by the rule in the header. */
export function groupKind(row: BlockARow): Kind | null {
  const t = row.la.tally;
  if (t.inspected === 0) return null;
  const similar = shareRelation(row.la.shares, row.similarAreas);
  const england = shareRelation(row.la.shares, row.england);
  if (similar === 'above' && england === 'above') return 'strength';
  if (similar === 'below' && england === 'below') return 'area';
  const good = (t.outstanding + t.good) / t.inspected;
  return good >= SALIENCE.strengthGoodOrBetter ? 'strength' : 1 - good >= SALIENCE.areaNoBetterThanSatisfactory ? 'area' : null;
}

function groupSentence(row: BlockARow, kind: Kind, year: number): string {
  const t = row.la.tally;
  const before = row.lastYear.tally;
  const label = GROUP_NOUN[row.group.id] ?? inSentence(row.group.label);
  const good = t.outstanding + t.good;
  const notGood = t.inspected - good;
  const only = judgementOf(t);
  const asBefore = before.inspected > 0 && sameTally(t, before) ? `As in ${year - 1}, ` : '';
  const lead = (text: string) => (asBefore ? `${asBefore}${inSentence(text)}` : text);
  const similar = shareRelation(row.la.shares, row.similarAreas);
  const england = shareRelation(row.la.shares, row.england);
  if (similar !== null && similar === england && similar !== 'in-line' && t.inspected > SALIENCE.countInWordsUpTo) {
    // trafford-2009: "A higher proportion of primary and secondary schools are good or better than is the case
    // nationally and in similar areas; fewer are inadequate."
    const more = similar === 'above';
    const inadequate = t.inadequate / t.inspected;
    const fewer = [row.similarAreas, row.england].every((c) => c!.shares.inadequate !== null && (more ? inadequate < c!.shares.inadequate! : inadequate > c!.shares.inadequate!));
    return `A ${more ? 'higher' : 'lower'} proportion of ${label} are good or better than nationally and in similar areas${fewer ? `; ${more ? 'fewer' : 'more'} are inadequate` : ''}.`;
  }
  if (t.inspected === 1) {
    const was = before.inspected === 1 ? judgementOf(before) : null;
    if (was && was !== only) return `The ${singular(row.group.label)} ${judgementRankWord(was, only!)} from ${was} to ${only}.`;
    return lead(`The ${singular(row.group.label)} is ${only}.`);
  }
  const change = changeSince(row, year);
  if (t.inspected <= SALIENCE.countInWordsUpTo) {
    const all = t.inspected === 2 ? 'Both' : `All ${countWords(t.inspected)}`;
    if (only) return lead(`${all} ${label} are ${only}.${change}`);
    if (notGood === 1 && good > 0) {
      const other = t.satisfactory ? 'satisfactory' : 'inadequate';
      return `${capitalise(countWords(good))} of the ${countWords(t.inspected)} ${label} are good or better. The ${ordinalWords(t.inspected)} is ${other}.${change}`;
    }
    if (notGood === 0) return lead(`${all} ${label} are good or better: ${judgementCounts(t)}.${change}`);
    return lead(`Of the ${countWords(t.inspected)} ${label}, ${judgementCounts(t)}.${change}`);
  }
  const compared = comparedWith(similar, england);
  if (kind === 'area') {
    // An area is put by what is wrong: "a third are still no better than satisfactory" (stockport-2011).
    const part = fractionWords(notGood, t.inspected) ?? proportionOf(notGood / t.inspected).replace(/ of$/, '').replace(/^the (minority|small minority)$/, 'a $1');
    const still = before.inspected > 0 && (before.satisfactory + before.inadequate) / before.inspected >= SALIENCE.areaNoBetterThanSatisfactory ? 'still ' : '';
    const outstandingNow = before.inspected > 0 && before.outstanding === 0 && t.outstanding > 0 ? ` Last year none of them was outstanding; this year ${countWords(t.outstanding)} ${isAre(t.outstanding)}.` : '';
    return `Of the ${countWords(t.inspected)} ${label}, ${part} ${isAre(notGood)} ${still}no better than satisfactory${compared ? `; the proportion good or better is ${compared}` : ''}.${outstandingNow}`;
  }
  if (notGood > 0 && notGood <= SALIENCE.countTheRestUpTo) {
    // stockport-2011: "Of the 22 children's homes commissioned …, 20 are good or better and the remaining two are satisfactory."
    const rest = t.inadequate === 0 ? 'satisfactory' : t.satisfactory === 0 ? 'inadequate' : 'satisfactory or inadequate';
    return `Of the ${countWords(t.inspected)} ${label}, ${countWords(good)} are good or better and the remaining ${countWords(notGood)} ${isAre(notGood)} ${rest}.`;
  }
  return lead(`${capitalise(proportionOf(row.la.shares.goodOrBetter!))} ${label} are good or better${compared ? `, a proportion ${compared}` : ''}.${change}`);
}

/** "has improved from satisfactory to outstanding" (stoke-on-trent-2011), or "has declined from good to satisfactory". */
function judgementRankWord(was: string, now: string): string {
  const order = ['inadequate', 'satisfactory', 'good', 'outstanding'];
  return order.indexOf(now) > order.indexOf(was) ? 'has improved' : 'has declined';
}

/** " This is an improvement on 2010 (100% good or better, up from 80%)." where the share good or better moved by enough to say. */
function changeSince(row: BlockARow, year: number): string {
  const before = row.lastYear.shares.goodOrBetter;
  const now = row.la.shares.goodOrBetter;
  if (before === null || now === null || row.goodOrBetterChange === null || Math.abs(row.goodOrBetterChange) < SALIENCE.changeWorthSaying) return '';
  return ` This is ${row.goodOrBetterChange > 0 ? 'an improvement on' : 'a decline from'} ${year - 1} (${pct(now)} good or better, ${row.goodOrBetterChange > 0 ? 'up' : 'down'} from ${pct(before)}).`;
}

/**
 * Early years and childcare read together (stockport-2011: "the large majority of providers of early years and
 * childcare are good or better. However, there is still a small number of childminders who are inadequate";
 * stoke-on-trent-2011: "mostly good or outstanding and none are now inadequate"). A group of them is then stated on
 * its own only where it goes against the whole.
 */
function earlyYearsStatement(rows: readonly BlockARow[], year: number): { statement: Statement | null; kind: Kind | null } {
  const members = rows.filter((r) => EARLY_YEARS_GROUPS.includes(r.group.id) && r.la.tally.inspected > 0);
  if (members.length < 2) return { statement: null, kind: null };
  const sum = (f: (t: OutcomeTally) => number, which: 'la' | 'lastYear') => members.reduce((s, r) => s + f(r[which].tally), 0);
  const inspected = sum((t) => t.inspected, 'la');
  const good = sum((t) => t.outstanding + t.good, 'la');
  const inadequate = sum((t) => t.inadequate, 'la');
  const share = good / inspected;
  const kind: Kind | null = share >= SALIENCE.earlyYearsStrength ? 'strength' : 1 - share >= 0.5 ? 'area' : null;
  if (!kind) return { statement: null, kind: null };
  const lastInspected = sum((t) => t.inspected, 'lastYear');
  const lastShare = lastInspected > 0 ? sum((t) => t.outstanding + t.good, 'lastYear') / lastInspected : null;
  const asBefore = lastShare !== null && proportionOf(lastShare) === proportionOf(share) ? `As in ${year - 1}, ` : '';
  const words = proportionOf(share);
  const parts = [`${asBefore ? `${asBefore}${words}` : capitalise(words)} early years and childcare settings are good or better.`];
  if (inadequate === 0) parts.push(`None ${sum((t) => t.inadequate, 'lastYear') > 0 ? 'is now' : 'is'} inadequate.`);
  else {
    const named = members.filter((r) => r.la.tally.inadequate > 0).map((r) => `${countWords(r.la.tally.inadequate)} ${r.la.tally.inadequate === 1 ? (GROUP_ONE[r.group.id] ?? singular(r.group.label)) : (GROUP_NOUN[r.group.id] ?? inSentence(r.group.label))}`);
    parts.push(`However, ${named.join(' and ')} ${isAre(inadequate)} inadequate.`);
  }
  for (const r of members) {
    if (r.goodOrBetterChange !== null && Math.abs(r.goodOrBetterChange) >= SALIENCE.changeWorthSaying) {
      parts.push(`The proportion of ${GROUP_NOUN[r.group.id] ?? inSentence(r.group.label)} that are good or better has ${r.goodOrBetterChange > 0 ? 'improved' : 'fallen'}, from ${pct(r.lastYear.shares.goodOrBetter!)} to ${pct(r.la.shares.goodOrBetter!)}.`);
    }
  }
  return { kind, statement: { theme: 'under-fives', kind, sentence: sentence('a:early-years', parts.join(' '), ...members.map((r) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt }))) } };
}

/** The LA's own fostering and adoption agencies, one sentence where they share a judgement ("They are both outstanding"). */
function agenciesStatement(rows: readonly BlockARow[], year: number): Statement | null {
  const fostering = rows.find((r) => r.group.id === 'fostering');
  const adoption = rows.find((r) => r.group.id === 'adoption');
  if (!fostering || !adoption || fostering.la.tally.inspected !== 1 || adoption.la.tally.inspected !== 1) return null;
  const judgement = judgementOf(fostering.la.tally);
  if (judgement !== judgementOf(adoption.la.tally) || fostering.lastYear.tally.inspected !== 1 || !sameTally(fostering.la.tally, fostering.lastYear.tally) || !sameTally(adoption.la.tally, adoption.lastYear.tally)) return null;
  const kind = groupKind(fostering);
  if (!kind || kind !== groupKind(adoption)) return null;
  const text = `As in ${year - 1}, the local authority's fostering and adoption agencies are both ${judgement}.`;
  return { theme: 'looked-after', kind, sentence: sentence('a:fostering+adoption', text, { block: 'A', group: 'fostering', asAt: fostering.asAt }, { block: 'A', group: 'adoption', asAt: adoption.asAt }) };
}

function groupStatements(profile: LaProfile): Statement[] {
  const year = profile.framework.year;
  const early = earlyYearsStatement(profile.blockA, year);
  const agencies = agenciesStatement(profile.blockA, year);
  const out: Statement[] = [];
  for (const row of profile.blockA) {
    const theme = GROUP_THEME[row.group.id];
    const kind = groupKind(row);
    if (!theme || !kind) continue;
    if (early.statement && EARLY_YEARS_GROUPS.includes(row.group.id) && kind === early.kind) continue;
    if (agencies && (row.group.id === 'fostering' || row.group.id === 'adoption')) {
      if (row.group.id === 'fostering') out.push(agencies);
      continue;
    }
    out.push({ theme, kind, sentence: sentence(`a:${row.group.id}`, groupSentence(row, kind, year), { block: 'A', group: row.group.id, asAt: row.asAt }) });
  }
  // The early years statement leads its theme, before any early years group stated against it.
  return early.statement ? [early.statement, ...out] : out;
}

/**
 * The LA's own regulated services inspected as such (trafford-2009: "The local authority fostering and adoption
 * services are good but private fostering is inadequate"): a strength when good or better, an area otherwise.
 */
function serviceStatements(profile: LaProfile): Statement[] {
  return profile.blockB.flatMap((b): Statement[] => {
    if (b.kind !== 'private-fostering' || !b.latest?.overall) return [];
    const j = b.latest.overall;
    const kind: Kind = isGoodOrBetter(j) ? 'strength' : 'area';
    return [{ theme: 'safeguarding', kind, sentence: sentence('b:private-fostering', `The local authority's private fostering arrangements are ${JUDGEMENT_LABEL[j]}.`, { block: 'B', kind: b.kind, endDate: b.latest.endDate }) }];
  });
}

const SCORE = { better: 1, 'in-line': 0, worse: -1 } as const;
const verdictScore = (c: Comparison | null | undefined): number => (c?.verdict ? SCORE[c.verdict] : 0);
const TREND_SCORE = { improving: 1, narrowing: 1, stable: 0, declining: -1, widening: -1 } as const;

/** The latest period with a figure for the LA; the one after it, if the latest is a data symbol ("not published"). */
function latestFigures(row: BlockCRow): { figures: PeriodFigures; unpublished: PeriodFigures | null } | null {
  const numeric = row.series.findLast((p) => p.la.kind === 'number');
  if (!numeric) return null;
  const latest = row.series.at(-1)!;
  return { figures: numeric, unpublished: latest !== numeric && latest.la.kind === 'symbol' ? latest : null };
}

interface Scored {
  readonly row: BlockCRow;
  readonly score: number;
  /** Whether it differs from either comparator or has moved: the EYFS gap "is closing … in line with similar areas
   * but … greater than the average across the country" scores 0 and is still worth saying (stockport-2011). */
  readonly signal: boolean;
  readonly text: string;
  readonly period: string;
}

const yearOf = (period: string) => Number(period.slice(0, 4));

/** Whether every period of the series, three or more, stands in the same relation to both comparators. */
function consistent(row: BlockCRow): boolean {
  const numeric = row.series.filter((p) => p.la.kind === 'number');
  const key = (p: PeriodFigures) => `${p.similarAreas?.relation ?? '-'}/${p.england?.relation ?? '-'}`;
  return numeric.length >= 3 && numeric.every((p) => key(p) === key(numeric.at(-1)!)) && key(numeric.at(-1)!) !== '-/-';
}

function indicatorText(row: BlockCRow, figures: PeriodFigures, unpublished: PeriodFigures | null): string {
  const wording = isGap(row.indicator) ? 'gap' : 'level';
  const phrase = indicatorPhrase(row.indicator);
  const compared = comparedWith(figures.similarAreas?.relation ?? null, figures.england?.relation ?? null, wording);
  if (!compared) return '';
  // "For the last five years, GCSE examination results … have been in line with the averages for similar areas and
  // above those for England" (stockport-2011): where every period of the series reads the same.
  const numeric = row.series.filter((p) => p.la.kind === 'number');
  const years = yearOf(figures.period.original) - yearOf(numeric[0]!.period.original) + 1;
  const parts: string[] = [];
  const trend = row.trend;
  if (consistent(row)) {
    parts.push(`For ${overTheLast(years)}, up to ${figures.period.original}, ${phrase} has been ${compared}.`);
    // A gap consistently wider may still be closing (stockport-2011: "has narrowed over the last two years").
    if (trend && trend.word !== 'stable') parts.push(`It ${trendWords(trend.word, overTheLast(Math.max(1, yearOf(trend.to.original) - yearOf(trend.from.original))))}.`);
  } else {
    parts.push(`${capitalise(phrase)} (${figures.period.original}) is ${compared}.`);
    if (trend) parts.push(`It ${trendWords(trend.word, overTheLast(Math.max(1, yearOf(trend.to.original) - yearOf(trend.from.original))))}.`);
  }
  // Last, so that "However" or "as reported" lead the statement itself (stoke-on-trent-2011: "There were no
  // published Key Stage 2 results in 2010").
  if (unpublished) parts.push(`There were no published figures for ${unpublished.period.original}.`);
  return parts.join(' ');
}

function indicatorStatements(profile: LaProfile, reportedLastYear: ReadonlySet<string>): Statement[] {
  const byTheme = new Map<Theme, Scored[]>();
  for (const row of profile.blockC) {
    const found = latestFigures(row);
    if (!found) continue;
    const { figures, unpublished } = found;
    const text = indicatorText(row, figures, unpublished);
    if (!text) continue;
    const parts = [2 * verdictScore(figures.similarAreas), verdictScore(figures.england), row.trend ? TREND_SCORE[row.trend.word] : 0];
    const score = parts.reduce((s, x) => s + x, 0);
    const signal = parts.some((x) => x !== 0);
    const theme = indicatorTheme(row.indicator.id, row.indicator.ecmOutcome, row.indicator.name);
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), { row, score, signal, text, period: figures.period.original }]);
  }
  const out: Statement[] = [];
  const referredBack = new Set<string>();
  for (const [theme, scored] of byTheme) {
    const total = scored.reduce((s, x) => s + x.score, 0);
    // An indicator in line with both comparators is worth saying only where it has been so for years ("Over the same
    // period, the proportion of 19-year-olds achieving the equivalent of two A level passes has been in line with the
    // averages nationally and for similar areas", stockport-2011).
    const worth = scored.filter((x) => x.signal || consistent(x.row));
    const chosen = [...worth].sort((a, b) => Math.abs(b.score) - Math.abs(a.score)).slice(0, SALIENCE.indicatorsPerTheme);
    // Those that go with the theme first, then those against it, each "However, …".
    const ordered = [...chosen.filter((x) => Math.sign(x.score) !== -Math.sign(total)), ...chosen.filter((x) => Math.sign(x.score) === -Math.sign(total))];
    const kept = new Set(ordered);
    for (const x of ordered) {
      if (!kept.has(x)) continue;
      const kind: Kind | null = total > 0 ? 'strength' : total < 0 ? 'area' : x.score > 0 ? 'strength' : x.score < 0 ? 'area' : null;
      if (!kind) continue;
      const against = (kind === 'strength' && x.score < 0) || (kind === 'area' && x.score > 0);
      const id = slug(`c:${x.row.indicator.id}`);
      // stoke-on-trent-2011: "However, as reported in 2010, the proportion of 16-year-olds with special educational
      // needs obtaining good qualifications is below …": where last year's letter, as sent, said it among the same.
      // Once in a bullet: the letters say it of a point, not of every figure that has not moved.
      const reported = reportedLastYear.has(`${kind === 'strength' ? 'strengths' : 'areas'}:${id}`) && !x.text.startsWith('For the last') && !referredBack.has(`${theme}:${kind}`);
      if (reported) referredBack.add(`${theme}:${kind}`);
      const lead = [against ? 'However' : null, reported ? "as reported in last year's assessment" : null].filter((w) => w !== null).join(', ');
      const text = lead ? `${capitalise(lead)}, ${x.text.charAt(0).toLowerCase()}${x.text.slice(1)}` : x.text;
      out.push({ theme, kind, sentence: sentence(id, text, { block: 'C', indicator: x.row.indicator.id, period: x.period }) });
    }
  }
  return out;
}

/**
 * `reportedLastYear`: what last year's letter, as sent, said among its strengths and areas ("strengths:c:ni-75"), for
 * the statements that refer back to it ("As reported in last year's assessment"). Empty where there was none.
 */
export function bullets(profile: LaProfile, reportedLastYear: ReadonlySet<string> = new Set()): Bullets {
  const statements = [...groupStatements(profile), ...serviceStatements(profile), ...indicatorStatements(profile, reportedLastYear)];
  const gather = (kind: Kind): Bullet[] =>
    THEMES.flatMap((theme) => {
      const sentences = statements.filter((s) => s.kind === kind && s.theme === theme).map((s) => s.sentence);
      return sentences.length > 0 ? [{ theme, sentences }] : [];
    });
  return { strengths: gather('strength'), areas: gather('area') };
}
