import { JUDGEMENT_LABEL, isGoodOrBetter } from '../domain/judgement.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { LaInspection, LaJudgementName } from '../domain/la-inspection.ts';
import type { SubJudgementName } from '../domain/provider.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { LaProfile } from '../profile/profile.ts';
import { groupKind } from './bullets.ts';
import { capitalise, countOf, countWords, listWords, singularOf } from './counts.ts';
import { GROUP_NOUN, GROUP_ONE } from './themes.ts';
import { letterMonth } from './dates.ts';
import { indicatorPhrase } from './indicator-phrases.ts';
import { successionSentences } from './inspection-statements.ts';
import { proportionOf } from './proportions.ts';
import type { EvidenceRef, Sentence } from './sentence.ts';
import { sentence } from './sentence.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/** "perform well", from the scale label "Performs well" (2009-2011). */
const verbOf = (label: string): string => label.replace(/^Performs\b/, 'perform');
const blockARefs = (profile: LaProfile): EvidenceRef[] => profile.blockA.filter((r) => r.la.tally.inspected > 0).map((r) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt }));

/**
 * The summary of a 2009-2011 letter (shared/docs/framework.md §8), as its first paragraph: the grade in words, the
 * direction since last year, the headline proportion of good or better provision (and, from the staying safe and
 * enjoying and achieving judgements, whether it "helps children and young people to stay safe and enjoy learning"),
 * and whether the strengths and areas have changed since last year's letter. Every sentence carries its evidence.
 */
export function summarySentences(a: Assessed, framework: Framework): Sentence[] {
  const out: Sentence[] = [];
  const label = framework.scale.find((s) => s.grade === a.grade)?.label ?? String(a.grade);
  out.push(sentence('grade', `Children's services in ${a.la.formalName} ${verbOf(label)}.`, { block: 'grade', framework: framework.id, grade: a.grade, final: a.final }));
  if (a.direction) {
    const before = verbOf(framework.scale.find((s) => s.grade === a.direction!.previousGrade)?.label ?? '').replace(/^perform /, '');
    // Today's years travel from Kingsway's own grade of the year before, never an inspector's, and say so.
    const kingsway = a.direction.basis === 'kingsway-indicator-assessment';
    const from = kingsway ? `Kingsway's indicator assessment of ${a.direction.previousYear}` : String(a.direction.previousYear);
    const text =
      a.direction.direction === 'sustained'
        ? kingsway
          ? `${from} gave the same grade.`
          : `This performance has been sustained from ${a.direction.previousYear} to ${framework.year}.`
        : `This is ${a.direction.direction === 'improved' ? 'an improvement on' : 'a decline from'} ${from}, when children's services performed ${before}.`;
    out.push(sentence('direction', text, { block: 'direction', year: a.direction.previousYear, grade: a.direction.previousGrade }));
  }
  const headline = headlineSentence(a.profile, framework.letter.body === 'bullets');
  if (headline) out.push(headline);
  const academies = academiesSentence(a.profile);
  if (academies) out.push(academies);
  if (framework.letter.body === 'bullets') {
    const unchanged = unchangedSentence(a.profile);
    if (unchanged) out.push(unchanged);
  }
  return out;
}

/**
 * The share of provision good or better, over "inspected and regulated services and settings" (trafford-2009): every
 * setting counted, except that no one kind of setting (a Block A group) weighs more than all the others together. A
 * few hundred childminders would otherwise outweigh every school and service (an LA with 300 childminders two thirds
 * good and 250 schools and services almost all good reads "large majority" counted this way, "majority" counted
 * setting by setting). Of the readings tried, only this and the plain count of settings give all three seeds'
 * words (stockport-2011 "the large majority", 79%; stoke-on-trent-2011 "the majority", 62%; trafford-2009 "a
 * majority", 62%); a share over kinds of setting, or with early years and childcare as one kind, reads each seed one
 * band higher (87%, 74%, 66%). docs/letters.md, "The headline". [reconstruction]
 */
export function headlineShare(rows: readonly { readonly la: { readonly tally: { readonly inspected: number; readonly outstanding: number; readonly good: number } } }[]): number | null {
  const counted = rows.filter((r) => r.la.tally.inspected > 0);
  const total = counted.reduce((s, r) => s + r.la.tally.inspected, 0);
  if (total === 0) return null;
  if (counted.length === 1) return (counted[0]!.la.tally.outstanding + counted[0]!.la.tally.good) / total;
  let weight = 0;
  let good = 0;
  for (const r of counted) {
    const t = r.la.tally;
    const w = Math.min(t.inspected, total - t.inspected);
    weight += w;
    good += (w * (t.outstanding + t.good)) / t.inspected;
  }
  return good / weight;
}

function headlineSentence(profile: LaProfile, withSubJudgements: boolean): Sentence | null {
  const share = headlineShare(profile.blockA);
  if (share === null) return null;
  // stockport-2011: "… is good or better overall and helps children and young people to stay safe and enjoy
  // learning": said where most settings judged on each are good or better at it.
  const helps = withSubJudgements && (['staying-safe', 'enjoying-and-achieving'] as const).every((name) => mostlyGood(profile, name));
  return sentence('headline', `${capitalise(proportionOf(share))} provision for children and young people is good or better${helps ? ' and helps children and young people to stay safe and enjoy their learning' : ''}.`, ...blockARefs(profile));
}

/**
 * stoke-on-trent-2011: "some schools have become academies. The most recent inspection judgements for these schools
 * have been taken into account in the assessment": said where any group counts an academy.
 */
function academiesSentence(profile: LaProfile): Sentence | null {
  const rows = profile.blockA.filter((r) => r.settings.some((s) => s.ownership === 'academy'));
  if (rows.length === 0) return null;
  return sentence('academies', 'Some schools have become academies; the most recent inspection judgements for these schools have been taken into account in the assessment.', ...rows.map((r) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt })));
}

function subTally(profile: LaProfile, name: SubJudgementName): { judged: number; good: number } {
  let judged = 0;
  let good = 0;
  for (const row of profile.blockA) {
    const sub = row.subJudgements.find((s) => s.name === name);
    if (!sub) continue;
    judged += sub.tally.inspected;
    good += sub.tally.outstanding + sub.tally.good;
  }
  return { judged, good };
}

/** A majority of at least five settings judged on it. [reconstruction] */
const mostlyGood = (profile: LaProfile, name: SubJudgementName): boolean => {
  const { judged, good } = subTally(profile, name);
  return judged >= 5 && good / judged > 0.5;
};

/**
 * "The strengths and areas for further improvement have not changed significantly since last year" (stockport-2011):
 * where each group of settings is a strength, an area or neither, as it was at last year's profile date, for at least
 * three in four of the groups inspected in both years (stoke-on-trent-2011: "remain largely the same as last year").
 * [reconstruction: the three in four]
 */
function unchangedSentence(profile: LaProfile): Sentence | null {
  const both = profile.blockA.filter((r) => r.la.tally.inspected > 0 && r.lastYear.tally.inspected > 0);
  if (both.length < 3) return null;
  const lastYear = (r: (typeof both)[number]) => groupKind({ ...r, la: r.lastYear, similarAreas: null, england: null });
  const now = (r: (typeof both)[number]) => groupKind({ ...r, similarAreas: null, england: null });
  const same = both.filter((r) => lastYear(r) === now(r)).length;
  if (same / both.length < 0.75) return null;
  return sentence('unchanged', 'The strengths and areas for further improvement have not changed significantly since last year.', ...both.map((r) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt })));
}

const JUDGEMENT_NAME_WORDS: Partial<Record<LaJudgementName, string>> = {
  'looked-after-children': 'services for looked after children',
  'care-leavers': 'outcomes for young people leaving care',
  'help-and-protection': 'help and protection',
  'in-care': 'the experiences of children in care',
  'impact-of-leaders': 'the impact of leaders',
};

/**
 * What a safeguarding and looked after children inspection found: both its judgements, each with its capacity to
 * improve, for the inspection judges safeguarding and services for looked after children apart. Where they agree,
 * once, as stoke-on-trent-2011 says it ("found services to be adequate, with good capacity to improve"); where they
 * differ, each ("found safeguarding services to be adequate and services for looked after children to be good, each
 * with good capacity to improve"). [reconstruction: the wording where they differ] An inspection with neither gives
 * its overall effectiveness, if it has one.
 */
export function slacFound(slac: Pick<LaInspection, 'overall' | 'judgements'>): string | null {
  const j = slac.judgements;
  const capacity = (c: Judgement | undefined) => (c ? `, with ${JUDGEMENT_LABEL[c]} capacity to improve` : '');
  const safeguarding = j.safeguarding;
  const lac = j['looked-after-children'];
  const [sc, lc] = [j['safeguarding-capacity'], j['looked-after-children-capacity']];
  if (safeguarding && lac) {
    if (safeguarding === lac && sc === lc) return `services to be ${JUDGEMENT_LABEL[safeguarding]}${capacity(sc)}`;
    const each = sc && sc === lc ? `, each${capacity(sc).slice(1)}` : null;
    return each
      ? `safeguarding services to be ${JUDGEMENT_LABEL[safeguarding]} and services for looked after children to be ${JUDGEMENT_LABEL[lac]}${each}`
      : `safeguarding services to be ${JUDGEMENT_LABEL[safeguarding]}${capacity(sc)}, and services for looked after children to be ${JUDGEMENT_LABEL[lac]}${capacity(lc)}`;
  }
  if (safeguarding) return `safeguarding services to be ${JUDGEMENT_LABEL[safeguarding]}${capacity(sc)}`;
  if (lac) return `services for looked after children to be ${JUDGEMENT_LABEL[lac]}${capacity(lc)}`;
  return slac.overall ? `services to be ${JUDGEMENT_LABEL[slac.overall]}` : null;
}

/**
 * The LA's own inspections since last year's letter: a full safeguarding and looked after children inspection and
 * the unannounced inspection of contact, referral and assessment, with what they found (stockport-2011,
 * stoke-on-trent-2011), and serious case reviews evaluated in the year (trafford-2009).
 */
export function inspectionSentences(a: Assessed): Sentence[] {
  const out: Sentence[] = [];
  const since = a.profile.framework.previousProfileDate;
  const slac = a.profile.blockB.find((b) => b.kind === 'slac')?.latest;
  if (slac && slac.endDate > since) {
    const evidence = { block: 'B' as const, kind: 'slac' as const, endDate: slac.endDate };
    const found = slacFound(slac);
    if (found) out.push(sentence('slac', `A recent full inspection of safeguarding and services for looked after children, in ${letterMonth(slac.endDate)}, found ${found}.`, evidence));
    // stoke-on-trent-2011: "… but inadequate for young people leaving care". Services for looked after children are
    // said in the sentence before, whatever their judgement.
    const inadequate = (Object.keys(JUDGEMENT_NAME_WORDS) as LaJudgementName[]).filter((name) => name !== 'looked-after-children' && slac.judgements[name] === 'inadequate');
    if (inadequate.length > 0) out.push(sentence('slac-inadequate', `It judged ${listWords(inadequate.map((name) => JUDGEMENT_NAME_WORDS[name]!))} inadequate.`, evidence));
  }
  const ucra = a.profile.blockB.find((b) => b.kind === 'ucra')?.latest;
  if (ucra && ucra.endDate > since) {
    const evidence = { block: 'B' as const, kind: 'ucra' as const, endDate: ucra.endDate };
    const texts = (kind: string) => ucra.findings.filter((f) => f.kind === kind).map((f) => f.text.replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase()));
    const strengths = texts('strength');
    const development = texts('area-for-development');
    const strengthCount = strengths.length || (ucra.strengthsCount ?? 0);
    const developmentCount = development.length || (ucra.developmentCount ?? 0);
    const priority = ucra.priorityActionCount ?? texts('area-for-priority-action').length;
    const found = [
      strengthCount > 0 ? `${countWords(strengthCount)} area${strengthCount === 1 ? '' : 's'} of strength${strengths.length > 0 ? '{strengths}' : ''}` : null,
      // Counted here, said among the areas for further improvement in the inspectors' words (inspection-statements.ts,
      // ucraStatements): listed here, they made one sentence of eighty words.
      developmentCount > 0 ? `${countWords(developmentCount)} area${developmentCount === 1 ? '' : 's'} for development` : null,
    ].filter((x) => x !== null);
    const opening = `A recent unannounced inspection of contact, referral and assessment arrangements for children in need and children who may be in need of protection, in ${letterMonth(ucra.endDate)}, found ${found.length > 0 ? found.join(' and ') : 'no areas of strength or for development'}.`;
    // The strengths in the inspectors' words, in brackets where the sentence stays short; else one or two of them in a
    // sentence of their own (issue 12: in brackets, four of them made sentences of seventy words).
    const bracketed = opening.replace('{strengths}', ` (${listWords(strengths)})`);
    const text = bracketed.split(/\s+/).length <= UCRA_SENTENCE_WORDS ? bracketed : `${opening.replace('{strengths}', '')} ${strengths.length > 2 ? 'Among them, the inspectors' : 'The inspectors'} noted ${listWords(strengths.slice(0, 2).map((x) => `'${x}'`))}.`;
    out.push(sentence('ucra', text, evidence));
    out.push(sentence('ucra-priority', priority === 0 ? 'There were no areas for priority action.' : `It found ${countWords(priority)} area${priority === 1 ? '' : 's'} for priority action.`, evidence));
  }
  const scrs = a.profile.blockB.find((b) => b.kind === 'scr-evaluation')?.inWindow ?? [];
  if (scrs.length > 0) {
    const judged = scrs.map((s) => s.overall).filter((j) => j !== null);
    const all = judged.length === scrs.length && judged.every((j) => j === judged[0]);
    const text =
      scrs.length === 1
        ? `There has been one serious case review${judged[0] ? `, which was judged ${JUDGEMENT_LABEL[judged[0]]}` : ''}.`
        : `There have been ${countWords(scrs.length)} serious case reviews${all && judged[0] ? `, all judged ${JUDGEMENT_LABEL[judged[0]]}` : ''}.`;
    out.push(sentence('scr', text, ...scrs.map((s) => ({ block: 'B' as const, kind: 'scr-evaluation' as const, endDate: s.endDate }))));
  }
  // Today's indicator years: the SIF and ILACS judgements in force, and what changed (inspection-statements.ts).
  out.push(...successionSentences(a.profile));
  return out;
}

/** The longest the unannounced inspection's sentence may be with its strengths in brackets (src/narrative/lint/: 45). */
const UCRA_SENTENCE_WORDS = 45;

/** At most this many exceptions named in the 2009 letter's account of judgements and indicators (trafford-2009 names one). */
const EXCEPTIONS_NAMED = 2;

const SUB_WORDS: Readonly<Record<string, string>> = { 'staying-safe': 'staying safe', 'enjoying-and-achieving': 'enjoying and achieving' };

/**
 * The 2009 rating letter's account of the judgements on staying safe and enjoying and achieving across settings, with
 * the exceptions named (trafford-2009: "Judgements on staying safe are all good or better in all settings with the
 * exception of private fostering, and are good or better in enjoying and achieving except for the pupil referral
 * unit"), and of the National Indicator Set against similar areas ("A large majority of indicators in the national
 * indicator set are in line with or above the performance of similar areas. Under staying safe performance is above
 * or in line with similar areas apart from the stability of placement for looked after children").
 */
export function ratingSentences(a: Assessed): Sentence[] {
  const out: Sentence[] = [];
  const profile = a.profile;
  const clauses: string[] = [];
  const evidence: EvidenceRef[] = [];
  for (const name of ['staying-safe', 'enjoying-and-achieving'] as const) {
    const { judged, good } = subTally(profile, name);
    if (judged === 0 || good / judged < 0.8) continue;
    const exceptions: string[] = [];
    for (const row of profile.blockA) {
      const sub = row.subJudgements.find((s) => s.name === name);
      if (!sub || sub.tally.inspected === 0) continue;
      evidence.push({ block: 'A', group: row.group.id, asAt: row.asAt });
      const notGood = sub.tally.inspected - sub.tally.outstanding - sub.tally.good;
      // A count agrees with its noun ("one pupil referral unit", "27 childcare settings on non-domestic premises").
      if (notGood > 0) exceptions.push(sub.tally.inspected === 1 ? `the ${GROUP_ONE[row.group.id] ?? singularOf(row.group.label)}` : countOf(notGood, GROUP_NOUN[row.group.id] ?? row.group.label.toLowerCase()));
    }
    for (const b of profile.blockB) {
      const j = b.latest?.judgements[name];
      if (b.latest && j && !isGoodOrBetter(j)) {
        exceptions.push(b.kind.replace(/-/g, ' '));
        evidence.push({ block: 'B', kind: b.kind, endDate: b.latest.endDate });
      }
    }
    // The seed names one exception a judgement; a list of many is no exception, and made sentences of 60 words
    // (issue 12): past EXCEPTIONS_NAMED the share of settings is said instead.
    const where = exceptions.length === 0 ? 'in all settings' : exceptions.length <= EXCEPTIONS_NAMED ? `in all settings except ${listWords(exceptions)}` : `in ${proportionOf(good / judged).replace(/ of$/, '')} of settings`;
    clauses.push(`${SUB_WORDS[name]} are good or better ${where}`);
  }
  // One sentence, as trafford-2009 has it, where it stays short; else a sentence a judgement.
  const joined = clauses.length === 2 && `${clauses.join(', and on ')}`.split(' ').length <= 30 ? [`Judgements on ${clauses.join(', and on ')}.`] : clauses.map((c) => `Judgements on ${c}.`);
  if (clauses.length > 0) out.push(sentence('sub-judgements', joined.join(' '), ...evidence));
  const compared = profile.blockC.filter((r) => r.latest?.similarAreas?.verdict);
  if (compared.length > 0) {
    const notWorse = compared.filter((r) => r.latest!.similarAreas!.verdict !== 'worse').length;
    const refs = compared.map((r) => ({ block: 'C' as const, indicator: r.indicator.id, period: r.latest!.period.original }));
    out.push(sentence('indicators', `${capitalise(proportionOf(notWorse / compared.length))} indicators in the National Indicator Set are in line with or above the performance of similar areas.`, ...refs));
    const safe = compared.filter((r) => r.indicator.ecmOutcome === 'staying-safe');
    const worse = safe.filter((r) => r.latest!.similarAreas!.verdict === 'worse');
    if (safe.length > 1 && worse.length < safe.length / 2) {
      const apart = worse.length === 0 ? '' : worse.length <= EXCEPTIONS_NAMED ? ` apart from ${listWords(worse.map((r) => indicatorPhrase(r.indicator)))}` : ` apart from ${countWords(worse.length)} of its ${countWords(safe.length)} indicators`;
      out.push(sentence('staying-safe-indicators', `Under staying safe, performance is above or in line with similar areas${apart}.`, ...safe.map((r) => ({ block: 'C' as const, indicator: r.indicator.id, period: r.latest!.period.original }))));
    }
  }
  return out;
}
