import { isGoodOrBetter } from '../domain/judgement.ts';
import type { ProviderType } from '../domain/provider.ts';
import type { BlockARow, CountedSetting, OutcomeTally } from '../profile/block-a.ts';
import { shares, tally } from '../profile/block-a.ts';

/**
 * The parts of a Block A group that a letter speaks of apart, and how a group's settings moved since last year. Pure
 * functions of the profile's rows; the words are bullets.ts's.
 *
 * A group of the profile may hold settings the letters never lump together:
 * - the LA's own schools and academies (stoke-on-trent-2011: "almost half of the local authority secondary schools";
 *   stockport-2011: "none of the 13 schools maintained by the local authority"). The grade may read academies through
 *   their latest judgements ("The most recent inspection judgements for these schools have been taken into account in
 *   the assessment"), but the letter's sentences about the LA's schools count the schools it maintains;
 * - school sixth forms and special school sixth forms (stoke-on-trent-2011: "the two school sixth forms … only
 *   satisfactory" among the areas; "The two special school sixth forms are outstanding" among specialist provision).
 */
export interface GroupPart {
  /** `a:secondary`, `a:secondary:academies`, `a:sixth-forms:special`: the sentence id of the part. */
  readonly id: string;
  /** As the part reads inside a sentence: "secondary schools maintained by the local authority". */
  readonly label: string;
  /** Whether the part is the group's own schools (maintained), academies, or the group whole. */
  readonly kind: 'whole' | 'maintained' | 'academies' | 'special-sixth-forms';
  /** The row restricted to the part: its tally now and last year, without the whole group's comparators. */
  readonly row: BlockARow;
}

const SCHOOL_GROUPS: readonly string[] = ['nursery-schools', 'primary', 'secondary', 'special', 'pru', 'sixth-forms'];
const SPECIAL_SIXTH_FORM: ProviderType = 'special-school-sixth-form';

function partRow(row: BlockARow, id: string, label: string, now: readonly CountedSetting[], before: readonly CountedSetting[]): BlockARow {
  const t = tally(now.map((s) => s.judgement));
  const last = tally(before.map((s) => s.judgement));
  const change = t.inspected === 0 || last.inspected === 0 ? null : Math.round((shares(t).goodOrBetter! - shares(last).goodOrBetter!) * 1000) / 10;
  return {
    ...row,
    group: { ...row.group, id, label },
    la: { tally: t, shares: shares(t), basis: 'provider-level' },
    settings: now,
    similarAreas: null,
    england: null,
    lastYear: { tally: last, shares: shares(last), basis: 'provider-level' },
    lastYearSettings: before,
    goodOrBetterChange: change,
  };
}

/**
 * A group's parts: the group whole where it holds one kind, else its LA-maintained schools, its academies and its
 * special school sixth forms, each as a row of its own. Comparators are the whole group's, so a part has none.
 * Last year's split needs last year's settings; where they are aggregates, the part has no last year.
 */
export function groupParts(row: BlockARow, label: string): GroupPart[] {
  const settings = row.settings;
  const academies = (s: CountedSetting) => s.ownership === 'academy';
  const specialSixth = (s: CountedSetting) => s.type === SPECIAL_SIXTH_FORM;
  const hasAcademies = SCHOOL_GROUPS.includes(row.group.id) && settings.some(academies);
  const hasSpecialSixth = settings.some(specialSixth) && settings.some((s) => !specialSixth(s));
  if (!hasAcademies && !hasSpecialSixth) {
    if (settings.length > 0 && settings.every(specialSixth)) return [{ id: `a:${row.group.id}`, label: 'special school sixth forms', kind: 'special-sixth-forms', row: { ...row, group: { ...row.group, label: 'Special school sixth forms' } } }];
    return [{ id: `a:${row.group.id}`, label, kind: 'whole', row }];
  }
  // Like for like: a school that has since become an academy is left out of last year's count of the LA's own.
  const converted = new Set(settings.filter(academies).flatMap((s) => (s.predecessorUrn === null ? [] : [s.predecessorUrn])));
  const before = row.lastYearSettings.filter((s) => !converted.has(s.urn));
  const parts: GroupPart[] = [];
  const own = (s: CountedSetting) => !academies(s) && !specialSixth(s);
  const ownLabel = hasAcademies ? `${label} maintained by the local authority` : label;
  if (settings.some(own)) parts.push({ id: `a:${row.group.id}`, label: ownLabel, kind: 'maintained', row: partRow(row, row.group.id, ownLabel, settings.filter(own), before.filter(own)) });
  if (hasAcademies) parts.push({ id: `a:${row.group.id}:academies`, label: 'academies', kind: 'academies', row: partRow(row, `${row.group.id}:academies`, 'Academies', settings.filter(academies), before.filter(academies)) });
  if (settings.some(specialSixth)) parts.push({ id: `a:${row.group.id}:special`, label: 'special school sixth forms', kind: 'special-sixth-forms', row: partRow(row, `${row.group.id}:special`, 'Special school sixth forms', settings.filter(specialSixth), before.filter(specialSixth)) });
  return parts;
}

/** Academies not inspected since they converted, each with the judgement its predecessor school last had. */
export const unseenAcademies = (row: BlockARow): readonly CountedSetting[] => row.settings.filter((s) => s.ownership === 'academy' && s.viaPredecessor !== null);

/** Last year's setting that a setting now counted continues: the same URN, or the school an academy replaced. */
function lastYearOf(row: BlockARow, s: CountedSetting): CountedSetting | undefined {
  return row.lastYearSettings.find((b) => b.urn === s.urn) ?? (s.predecessorUrn === null ? undefined : row.lastYearSettings.find((b) => b.urn === s.predecessorUrn));
}

/**
 * Settings that were inadequate at last year's profile date and are now judged satisfactory or better at an inspection
 * since (an academy judged through its predecessor's old inspection has not been judged again). [reconstruction: the
 * seeds name no such school, but a school out of special measures or notice to improve is news for the letter]
 */
export function noLongerInadequate(row: BlockARow): readonly CountedSetting[] {
  return row.settings.filter((s) => s.judgement !== 'inadequate' && s.viaPredecessor === null && lastYearOf(row, s)?.judgement === 'inadequate');
}

/**
 * How many settings moved across the line of good since last year: `up`, now good or better and last year not, or not
 * yet counted (a new children's centre judged good); `down`, the reverse. Provider-level only: aggregates carry no
 * settings, so both are 0.
 */
export function settingsMoved(row: BlockARow): { up: number; down: number } {
  if (row.lastYearSettings.length === 0) return { up: 0, down: 0 };
  let up = 0;
  let down = 0;
  for (const s of row.settings) {
    const was = lastYearOf(row, s);
    const good = isGoodOrBetter(s.judgement);
    const wasGood = was ? isGoodOrBetter(was.judgement) : null;
    if (good && wasGood !== true) up++;
    if (!good && wasGood !== false) down++;
  }
  return { up, down };
}

/** The counted settings of one judgement-level tally, for words ("one is good and one is satisfactory"). */
export const tallyOf = (settings: readonly CountedSetting[]): OutcomeTally => tally(settings.map((s) => s.judgement));
