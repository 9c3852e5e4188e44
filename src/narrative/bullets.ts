import { JUDGEMENT_LABEL, isGoodOrBetter } from '../domain/judgement.ts';
import type { BlockARow, CountedSetting, OutcomeShares, OutcomeTally } from '../profile/block-a.ts';
import { shares } from '../profile/block-a.ts';
import type { LaProfile } from '../profile/profile.ts';
import { comparedWith } from './comparisons.ts';
import type { Relation } from './comparisons.ts';
import { capitalise, countWords, isAre, judgementCounts, listWords, ordinalWords, singularOf } from './counts.ts';
import { fractionWords, proportionOf } from './proportions.ts';
import type { Sentence } from './sentence.ts';
import { indicatorStatements } from './indicator-statements.ts';
import { ucraStatements } from './inspection-statements.ts';
import { sentence } from './sentence.ts';
import { groupParts, noLongerInadequate, settingsMoved, tallyOf, unseenAcademies } from './block-a-parts.ts';
import type { GroupPart } from './block-a-parts.ts';
import { EARLY_YEARS_GROUPS, GROUP_NOUN, GROUP_ONE, GROUP_THEME, THEMES } from './themes.ts';
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
  /** At most this many in the whole letter, the most salient first: the seeds state nine (stockport-2011) and ten
   * (stoke-on-trent-2011); with every indicator the NIS has, letters ran to twice the seeds' length (issue 12;
   * docs/letters.md, "Style and length"). */
  indicatorsPerLetter: 10,
  /** Of the early years groups, the majority good or better makes "early years and childcare" a strength. */
  earlyYearsStrength: 0.51,
  /** A change in the share good or better, in points, that the letter mentions ("up from 73% last year"). */
  changeWorthSaying: 5,
  /**
   * Below that, a change of at least this many points is still said where settings, not rounding, made it: at least
   * `settingsMovedWorthSaying` settings crossed the line of good that way since last year (new settings counted, so
   * new children's centres all judged good count) and none the other way. Aggregate counts carry no settings, so a
   * few points' drift among hundreds of childminders is not said (stockport-2011: "As in 2010, the large majority of
   * providers of early years and childcare", two points up). [reconstruction]
   */
  changeWorthSayingWithSettings: 3,
  settingsMovedWorthSaying: 3,
  /** Specialist provision read as one: a strength where more than this share of its settings is good or better. */
  specialistStrength: 0.5,
} as const;

/** The change in the share good or better that the letter says, by the rule of `SALIENCE.changeWorthSaying`; `null` if none. */
export function changeToSay(row: BlockARow): number | null {
  const change = row.goodOrBetterChange;
  if (change === null || row.lastYear.shares.goodOrBetter === null || row.la.shares.goodOrBetter === null) return null;
  if (Math.abs(change) >= SALIENCE.changeWorthSaying) return change;
  if (Math.abs(change) < SALIENCE.changeWorthSayingWithSettings) return null;
  const { up, down } = settingsMoved(row);
  const [towards, against] = change > 0 ? [up, down] : [down, up];
  return towards >= SALIENCE.settingsMovedWorthSaying && against === 0 ? change : null;
}

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
/** "Local authority fostering agency" read as one setting; "children's home run by the local authority" (counts.ts). */
const singular = (label: string): string => singularOf(label);
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
      return `${capitalise(countWords(good))} of the ${countWords(t.inspected)} ${label} ${isAre(good)} good or better. The ${ordinalWords(t.inspected)} is ${other}.${change}`;
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
    return `Of the ${countWords(t.inspected)} ${label}, ${countWords(good)} are good or better and the remaining ${countWords(notGood)} ${isAre(notGood)} ${rest}.${changeSince(row, year)}`;
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
  const change = changeToSay(row);
  if (before === null || now === null || change === null) return '';
  return ` This is ${change > 0 ? 'an improvement on' : 'a decline from'} ${year - 1} (${pct(now)} good or better, ${change > 0 ? 'up' : 'down'} from ${pct(before)}).`;
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
    const change = changeToSay(r);
    if (change !== null) {
      parts.push(`The proportion of ${GROUP_NOUN[r.group.id] ?? inSentence(r.group.label)} that are good or better has ${change > 0 ? 'improved' : 'fallen'}, from ${pct(r.lastYear.shares.goodOrBetter!)} to ${pct(r.la.shares.goodOrBetter!)}.`);
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

/** A group's kind, or, where it is neither a strength nor an area, the direction of a change worth saying (item 8). */
function partKind(row: BlockARow): Kind | null {
  const kind = groupKind(row);
  if (kind) return kind;
  const change = changeToSay(row);
  return change === null ? null : change > 0 ? 'strength' : 'area';
}

const nounOf = (row: BlockARow): string => GROUP_NOUN[row.group.id] ?? inSentence(row.group.label);
const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** Counts by judgement, best first, as "good (one) and satisfactory (two)", or the one judgement they share. */
function judgementList(t: OutcomeTally): string {
  const parts = (['outstanding', 'good', 'satisfactory', 'inadequate'] as const).map((w) => [t[w], w] as const).filter(([n]) => n > 0);
  return parts.length === 1 ? parts[0]![1] : listWords(parts.map(([n, w]) => `${w} (${countWords(n)})`));
}

/**
 * Academies apart from the LA's own schools (stoke-on-trent-2011: "some schools have become academies. The most
 * recent inspection judgements for these schools have been taken into account"): how many, the judgements of those
 * inspected since, and those not yet inspected since they converted with the judgement their predecessor last had.
 */
function academiesSentence(part: GroupPart, noun: string): string {
  const t = part.row.la.tally;
  const n = t.inspected;
  const unseen = unseenAcademies(part.row);
  const seen = part.row.settings.filter((s) => s.viaPredecessor === null);
  const out = [n === 1 ? `One ${singular(noun)} has become an academy.` : `${capitalise(countWords(n))} ${noun} have become academies.`];
  if (seen.length > 0) {
    const st = tallyOf(seen);
    if (n === 1) out.push(`It is ${judgementList(st)}.`);
    else if (seen.length === n) out.push(`${capitalise(judgementCounts(st))}.`);
    else if (seen.length === 1) out.push(`One has been inspected since and is ${judgementList(st)}.`);
    else out.push(`Of the ${countWords(seen.length)} inspected since, ${judgementCounts(st)}.`);
  }
  const k = unseen.length;
  if (k > 0) {
    const who = k === n ? (n === 1 ? 'It has not' : n === 2 ? 'Neither has' : 'None has') : k === 1 ? (n - k === 1 ? 'The other has not' : 'One has not') : `${capitalise(countWords(k))} have not`;
    out.push(`${who} been inspected since ${k === 1 ? 'it' : 'they'} converted; ${k === 1 ? 'the school it replaced was' : 'the schools they replaced were'} last judged ${judgementList(tallyOf(unseen))}.`);
  }
  return out.join(' ');
}

/**
 * Schools causing concern that are no longer (item 7): settings inadequate at last year's profile date and judged
 * satisfactory or better since, in the seeds' words for a change of judgement (stoke-on-trent-2011: "has improved
 * from satisfactory to outstanding"). [reconstruction: no seed names one]
 */
function concernSentence(row: BlockARow, specialist: boolean): string | null {
  // Special school sixth forms are read with specialist provision, the rest of their group apart.
  const settings = noLongerInadequate(row).filter((s) => GROUP_THEME[row.group.id] === 'specialist' || (s.type === 'special-school-sixth-form') === specialist);
  if (settings.length === 0) return null;
  const t = tallyOf(settings);
  const one = judgementOf(t);
  const noun = specialist && GROUP_THEME[row.group.id] !== 'specialist' ? 'special school sixth forms' : nounOf(row);
  if (settings.length === 1) return `One of the ${noun} has improved from inadequate to ${one} since last year.`;
  return one ? `${capitalise(countWords(settings.length))} of the ${noun} have improved from inadequate to ${one} since last year.` : `${capitalise(countWords(settings.length))} of the ${noun} that were inadequate last year have improved: ${judgementCounts(t)}.`;
}

/**
 * Specialist provision read as one, as the seeds read it (stoke-on-trent-2011: "Specialist education provision is
 * mostly good. One of the two pupil referral units is outstanding, as are all the special schools, including the
 * independent special schools. The two special school sixth forms are outstanding"; stockport-2011 puts its special
 * schools and pupil referral units in one bullet): special schools, special school sixth forms, residential special
 * schools and pupil referral units pooled, a strength where most of them are good or better and an area otherwise,
 * each kind then counted in its own sentence so that no setting goes unsaid, and a kind that goes against the whole
 * put with "However".
 */
function specialistStatements(rows: readonly BlockARow[], year: number): Statement[] {
  const members: { row: BlockARow; id: string; evidence: BlockARow }[] = [];
  for (const row of rows) {
    if (row.la.tally.inspected === 0) continue;
    if (GROUP_THEME[row.group.id] === 'specialist') members.push(...specialSchoolParts(row).map((r) => ({ row: r, id: r === row ? `a:${row.group.id}` : `a:${r.group.id}`, evidence: row })));
    else for (const part of groupParts(row, nounOf(row))) if (part.kind === 'special-sixth-forms') members.push({ row: part.row, id: part.id, evidence: row });
  }
  if (members.length === 0) return [];
  const inspected = members.reduce((s, m) => s + m.row.la.tally.inspected, 0);
  const good = members.reduce((s, m) => s + m.row.la.tally.outstanding + m.row.la.tally.good, 0);
  const kind: Kind = good / inspected > SALIENCE.specialistStrength ? 'strength' : 'area';
  const out: Statement[] = [];
  const ref = (r: BlockARow) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt });
  // A lead sentence over three kinds or more (stoke-on-trent-2011: "Specialist education provision is mostly good",
  // before its pupil referral units, special schools and special school sixth forms); over two, the two counts say
  // it (stockport-2011 has its special schools and pupil referral units without one). [reconstruction: the three]
  if (members.length >= 3) {
    const share = good / inspected;
    // stoke-on-trent-2011: "Specialist education provision is mostly good."
    const text = share === 1 ? 'All specialist provision is good or better.' : share === 0.5 ? 'Half of specialist provision is good or better.' : share > 0.5 ? 'Specialist provision is mostly good or better.' : share === 0 ? 'No specialist provision is good or better.' : 'Specialist provision is mostly no better than satisfactory.';
    out.push({ theme: 'specialist', kind, sentence: sentence('a:specialist', text, ...[...new Set(members.map((m) => m.evidence))].map(ref)) });
  }
  const concerned = new Set<BlockARow>();
  const ownKind = (m: (typeof members)[number]): Kind => {
    const t = m.row.la.tally;
    return (t.outstanding + t.good) / t.inspected > SALIENCE.specialistStrength ? 'strength' : 'area';
  };
  // The kinds that go with the whole first, then those against it, each "However": a bullet never opens with it.
  for (const m of [...members.filter((x) => ownKind(x) === kind), ...members.filter((x) => ownKind(x) !== kind)]) {
    const own = ownKind(m);
    const text = groupSentence(m.row, own, year);
    const against = own !== kind;
    out.push({ theme: 'specialist', kind, sentence: sentence(m.id, against ? `However, ${lowerFirst(text)}` : text, ref(m.evidence)) });
    // Once a group, after its first sentence: settings of it no longer inadequate (item 7).
    const concern = concerned.has(m.evidence) ? null : concernSentence(m.evidence, true);
    concerned.add(m.evidence);
    if (concern) out.push({ theme: 'specialist', kind, sentence: sentence(`a:${m.evidence.group.id}:improved`, concern, ref(m.evidence)) });
  }
  return out;
}

/**
 * Special schools, with independent special schools among them: one statement where they share a judgement
 * ("all the special schools, including the independent special schools", stoke-on-trent-2011), else each apart
 * (stockport-2011: "Five of the six special schools maintained by the local authority").
 */
function specialSchoolParts(row: BlockARow): BlockARow[] {
  const independent = row.settings.filter((s) => s.type === 'independent-special-school');
  if (independent.length === 0 || independent.length === row.settings.length) return [row];
  const maintained = row.settings.filter((s) => s.type !== 'independent-special-school');
  if (judgementOf(row.la.tally) !== null) return [{ ...row, group: { ...row.group, label: `Special schools, including the ${countWords(independent.length)} independent special school${independent.length === 1 ? '' : 's'},` } }];
  const part = (id: string, label: string, settings: readonly CountedSetting[]): BlockARow => {
    const t = tallyOf(settings);
    const last = tallyOf(row.lastYearSettings.filter((b) => settings.some((s) => s.urn === b.urn)));
    return { ...row, group: { ...row.group, id, label }, la: { tally: t, shares: shares(t), basis: 'provider-level' }, settings, similarAreas: null, england: null, lastYear: { tally: last, shares: shares(last), basis: 'provider-level' }, lastYearSettings: [], goodOrBetterChange: null };
  };
  return [part(row.group.id, 'Special schools maintained by the local authority', maintained), part(`${row.group.id}:independent`, 'Independent special schools', independent)];
}

function groupStatements(profile: LaProfile): Statement[] {
  const year = profile.framework.year;
  const early = earlyYearsStatement(profile.blockA, year);
  const agencies = agenciesStatement(profile.blockA, year);
  const out: Statement[] = [];
  for (const row of profile.blockA) {
    const theme = GROUP_THEME[row.group.id];
    // Specialist provision is read as one, below.
    if (!theme || theme === 'specialist') continue;
    if (agencies && (row.group.id === 'fostering' || row.group.id === 'adoption')) {
      if (row.group.id === 'fostering') out.push(agencies);
      continue;
    }
    const evidence = { block: 'A' as const, group: row.group.id, asAt: row.asAt };
    let stated: Kind | null = null;
    for (const part of groupParts(row, nounOf(row))) {
      if (part.kind === 'special-sixth-forms') continue;
      if (part.kind === 'academies') {
        const kind = stated ?? groupKind(part.row) ?? 'strength';
        out.push({ theme, kind, sentence: sentence(part.id, academiesSentence(part, nounOf(row)), evidence) });
        continue;
      }
      // The LA's own schools, counted apart, have no comparators of their own (similar areas and England are
      // figures for the whole group). Where they say nothing by their own share, the whole group's comparison is
      // said, as before the split, so that a large group (a county's hundred secondary schools) never vanishes
      // from the letter; the academies follow it.
      const own = partKind(part.row);
      const whole = own === null && part.kind === 'maintained' ? groupKind(row) : null;
      const kind = own ?? whole;
      if (!kind) continue;
      stated = kind;
      if (early.statement && EARLY_YEARS_GROUPS.includes(row.group.id) && kind === early.kind) continue;
      out.push({ theme, kind, sentence: sentence(part.id, groupSentence(own === null ? row : part.row, kind, year), evidence) });
    }
    const concern = concernSentence(row, false);
    if (concern) {
      const kind = stated ?? 'strength';
      out.push({ theme, kind, sentence: sentence(`a:${row.group.id}:improved`, kind === 'area' ? `However, ${lowerFirst(concern)}` : concern, evidence) });
    }
  }
  // The early years statement leads its theme, before any early years group stated against it.
  return [...(early.statement ? [early.statement] : []), ...out, ...specialistStatements(profile.blockA, year)];
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

/**
 * `reportedLastYear`: what last year's letter, as sent, said among its strengths and areas ("strengths:c:ni-75"), for
 * the statements that refer back to it ("As reported in last year's assessment"). Empty where there was none.
 */
export function bullets(profile: LaProfile, reportedLastYear: ReadonlySet<string> = new Set()): Bullets {
  const statements = [...groupStatements(profile), ...serviceStatements(profile), ...ucraStatements(profile), ...indicatorStatements(profile, reportedLastYear, SALIENCE.indicatorsPerTheme, SALIENCE.indicatorsPerLetter)];
  const gather = (kind: Kind): Bullet[] =>
    THEMES.flatMap((theme) => {
      const sentences = statements.filter((s) => s.kind === kind && s.theme === theme).map((s) => s.sentence);
      return sentences.length > 0 ? [{ theme, sentences }] : [];
    });
  return { strengths: gather('strength'), areas: gather('area') };
}
