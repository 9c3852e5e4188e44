import type { Judgement } from '../../domain/judgement.ts';
import type { ProviderType } from '../../domain/provider.ts';
import { JUDGEMENT_LABEL, judgementRank } from '../../domain/judgement.ts';
import type { LaInspection, LaInspectionKind, LaJudgementName } from '../../domain/la-inspection.ts';
import { LA_INSPECTION_LABEL } from '../../domain/la-inspection.ts';
import type { BlockARow, CountedSetting, OutcomeTally } from '../../profile/block-a.ts';
import { shares, tally } from '../../profile/block-a.ts';
import { blockB, blockBSuccession } from '../../profile/block-b.ts';
import type { BlockCRow } from '../../profile/block-c.ts';
import { blockCRowWith } from '../../profile/block-c.ts';
import type { LaProfile, ProfileRun } from '../../profile/profile.ts';

/**
 * The changes a what-if considers: each of a kind that can happen between one profile and the next, and each applied
 * to the profile exactly as the evidence would carry it, so that `derive` recomputes the grade from it (never an
 * estimate of the grade). Pure: nothing here changes the profile or the run it is given.
 *
 * - settings judged again: settings of a Block A group reinspected, those below good judged good (up) or those good
 *   judged the third grade of their scale (down). Applied to the group's counts as Block A counts them; the settings
 *   named are those inspected longest ago (the likeliest to be inspected next). England's share, where it is pooled
 *   from every LA's settings, is pooled again with the LA's new counts.
 * - an indicator moving: the LA's latest figure of one indicator moves by no more than a plausible step (steps.ts),
 *   and its Block C row is computed again from the indicator's values with that one figure changed.
 * - an LA inspection finding resolved or arising: the areas for priority action of the year's unannounced inspection
 *   resolved, or one found; one judgement of an LA-level inspection one grade better or worse (a reinspection). Block B
 *   is computed again from the LA's inspections with that one changed.
 *
 * `applyToEvidence` (evidence.ts) applies the same changes to the evidence itself, and the tests rebuild the profile
 * from it: the grade must be the one given here (test/what-if-seeds.test.ts).
 */
export type Direction = 'up' | 'down';

export interface SettingChange {
  readonly urn: string;
  readonly name: string;
  readonly from: Judgement;
  readonly inspectedOn: string;
}

export type Change =
  | {
      readonly kind: 'settings-judged';
      readonly group: string;
      readonly label: string;
      readonly count: number;
      readonly to: Judgement;
      /** The date the group's settings are counted at (Block A's row). */
      readonly asAt: string;
      /** The settings named, where the group is counted setting by setting; empty where it is a supplied count. */
      readonly settings: readonly SettingChange[];
    }
  | {
      readonly kind: 'indicator-moves';
      readonly indicator: string;
      readonly name: string;
      readonly unit: string;
      readonly period: string;
      readonly from: number;
      readonly to: number;
      /** The plausible step the move is bounded by (steps.ts). */
      readonly step: number;
      /** The figure as it would be published, at the precision the LA's figure is. */
      readonly published: string;
    }
  | { readonly kind: 'priority-actions-resolved'; readonly inspection: 'ucra'; readonly endDate: string; readonly count: number }
  | { readonly kind: 'priority-action-found'; readonly inspection: 'ucra'; readonly endDate: string }
  | {
      readonly kind: 'la-judgement';
      readonly inspection: LaInspectionKind;
      readonly endDate: string;
      /** A named judgement, or the overall effectiveness. */
      readonly judgement: LaJudgementName | 'overall';
      readonly from: Judgement;
      readonly to: Judgement;
    };

export type ChangeKind = Change['kind'];

/** The block a change is evidence of, for grouping and ranking. */
export function blockOf(change: Change): 'A' | 'B' | 'C' {
  return change.kind === 'settings-judged' ? 'A' : change.kind === 'indicator-moves' ? 'C' : 'B';
}

/** What a change costs, in its own units: settings reinspected, indicators moved, findings. */
export function sizeOf(changes: readonly Change[]): number {
  return changes.reduce((s, c) => s + (c.kind === 'settings-judged' ? c.count : 1), 0);
}

// ---------------------------------------------------------------------------------------------------------------------
// Block A

const SOCIAL_CARE: ReadonlySet<ProviderType> = new Set(['childrens-home', 'secure-childrens-home', 'residential-special-school', 'fostering-agency', 'adoption-agency']);

/** The third grade of the scale a group's settings are judged on: the word they use, or the era's. */
export function thirdGradeWord(row: BlockARow, profileDate: string): Judgement {
  const used = row.settings.find((s) => judgementRank(s.judgement) === 3)?.judgement;
  if (used) return used;
  // The word only, never the grade: education settings said "satisfactory" until September 2012, then "requires
  // improvement" (src/domain/judgement.ts); social care said "adequate", and "requires improvement" under the children's
  // homes framework of April 2015 on [reconstruction: the date read as the first framework using the word]. The
  // group's own settings' word is used wherever there is one.
  const care = row.group.providerTypes.some((t) => SOCIAL_CARE.has(t));
  return care ? (profileDate >= '2015-04-01' ? 'requires-improvement' : 'adequate') : profileDate >= '2012-09-01' ? 'requires-improvement' : 'satisfactory';
}

/**
 * The settings a group's change would name: for a rise, those below good; for a fall, those good (outstanding settings
 * are not the next to fall below good); each the longest since inspected first, then by URN so the choice is stable.
 */
const CANDIDATES = new WeakMap<BlockARow, Map<Direction, readonly CountedSetting[]>>();

export function candidateSettings(row: BlockARow, direction: Direction): readonly CountedSetting[] {
  let byDirection = CANDIDATES.get(row);
  if (!byDirection) CANDIDATES.set(row, (byDirection = new Map()));
  let kept = byDirection.get(direction);
  if (!kept) byDirection.set(direction, (kept = choose(row, direction)));
  return kept;
}

function choose(row: BlockARow, direction: Direction): readonly CountedSetting[] {
  const wanted = direction === 'up' ? (s: CountedSetting) => judgementRank(s.judgement) >= 3 : (s: CountedSetting) => judgementRank(s.judgement) === 2;
  return row.settings.filter(wanted).sort((a, b) => (a.inspectedOn < b.inspectedOn ? -1 : a.inspectedOn > b.inspectedOn ? 1 : a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** How many settings a group's change can move: those listed, or the supplied counts where it is an aggregate. */
export function movable(row: BlockARow, direction: Direction): number {
  if (listsEverySetting(row)) return candidateSettings(row, direction).length;
  const t = row.la.tally;
  return direction === 'up' ? t.satisfactory + t.inadequate : t.good;
}

const listsEverySetting = (row: BlockARow) => row.settings.length > 0 && row.settings.length === row.la.tally.inspected;

/** The change of `count` settings of a group, naming them where the group lists its settings. */
export function settingsChange(row: BlockARow, direction: Direction, count: number, profileDate: string): Extract<Change, { kind: 'settings-judged' }> {
  const named = listsEverySetting(row) ? candidateSettings(row, direction).slice(0, count) : [];
  return {
    kind: 'settings-judged',
    group: row.group.id,
    label: row.group.label,
    count,
    to: direction === 'up' ? 'good' : thirdGradeWord(row, profileDate),
    asAt: row.asAt,
    settings: named.map((s) => ({ urn: s.urn, name: s.name, from: s.judgement, inspectedOn: s.inspectedOn })),
  };
}

function applySettings(run: ProfileRun, row: BlockARow, change: Extract<Change, { kind: 'settings-judged' }>): BlockARow {
  let t: OutcomeTally;
  let settings = row.settings;
  if (change.settings.length > 0) {
    const moved = new Set(change.settings.map((s) => s.urn));
    settings = row.settings.map((s): CountedSetting => (moved.has(s.urn) ? { ...s, judgement: change.to, inspectedOn: change.asAt, viaPredecessor: null, sub: {} } : s));
    t = tally(settings.map((s) => s.judgement));
  } else {
    const old = row.la.tally;
    const n = change.count;
    if (change.to === 'good') {
      // A supplied count says how many were below good, not which: the satisfactory are taken first, then the inadequate.
      const fromSatisfactory = Math.min(n, old.satisfactory);
      t = { ...old, good: old.good + n, satisfactory: old.satisfactory - fromSatisfactory, inadequate: old.inadequate - (n - fromSatisfactory) };
    } else {
      t = { ...old, good: old.good - n, satisfactory: old.satisfactory + n };
    }
  }
  return { ...row, settings, la: { ...row.la, tally: t, shares: shares(t) }, england: englandAfter(run, row, t) };
}

/**
 * England's figure with the LA's settings changed: where it is pooled from every LA's settings (block-a.ts,
 * `englandOutcomes`), the LA's old counts come out of the pool and its new ones go in, as the evidence would give it;
 * a supplied England figure (a bundle's) is published, and stands. The 2009-2011 grade does not read England's share;
 * today's calibrated score does (Block A against England: src/calibration/features.ts).
 */
function englandAfter(run: ProfileRun, row: BlockARow, now: OutcomeTally): BlockARow['england'] {
  if (!row.england || row.england.method !== 'pooled') return row.england;
  const pool = pooledTally(run, row);
  const t = { ...pool };
  for (const key of Object.keys(t) as (keyof OutcomeTally)[]) t[key] = pool[key] - row.la.tally[key] + now[key];
  return { ...row.england, shares: shares(t) };
}

const POOLS = new WeakMap<object, Map<string, OutcomeTally>>();

/** Every LA's counts of a group at a date, summed: England's pool, kept per run's Block A context. */
function pooledTally(run: ProfileRun, row: BlockARow): OutcomeTally {
  let byGroup = POOLS.get(run.blockA);
  if (!byGroup) POOLS.set(run.blockA, (byGroup = new Map()));
  const key = `${row.group.id}|${row.asAt}`;
  let pool = byGroup.get(key);
  if (!pool) {
    const sum = { inspected: 0, outstanding: 0, good: 0, satisfactory: 0, inadequate: 0 };
    for (const code of run.laCodes) {
      const o = run.blockA.outcomes(code, row.group, row.asAt).tally;
      for (const k of Object.keys(sum) as (keyof OutcomeTally)[]) sum[k] += o[k];
    }
    byGroup.set(key, (pool = sum));
  }
  return pool;
}

// ---------------------------------------------------------------------------------------------------------------------
// Block C

/** The precision of a published figure: its decimal places as published ("12.13" has two), at most three. */
export function decimalsOf(original: string, value: number): number {
  const m = /\.(\d+)/.exec(original.trim());
  if (m) return Math.min(3, m[1]!.length);
  const s = String(value);
  const d = /\.(\d+)/.exec(s);
  return d ? Math.min(3, d[1]!.length) : 0;
}

/**
 * The indicator's Block C row again, from its values with the LA's figure for one period replaced: the engine's own
 * computation of the row (block-c.ts, `blockCRowWith`, which `blockC` uses for every row).
 */
export function rowWithFigure(run: ProfileRun, profile: LaProfile, row: BlockCRow, periodOriginal: string, to: number): BlockCRow {
  // Kept with the row it was made from, per run and figure: a search asks for the same moved row many times (each
  // bisection step makes its indicators' moves again), and the row is a pure function of these.
  let byRun = MOVED_ROWS.get(row);
  if (!byRun) MOVED_ROWS.set(row, (byRun = new WeakMap()));
  let byFigure = byRun.get(run);
  if (!byFigure) byRun.set(run, (byFigure = new Map()));
  const key = `${periodOriginal}|${to}|${profile.la.code}`;
  let moved = byFigure.get(key);
  if (!moved) byFigure.set(key, (moved = blockCRowWith(run.indicators, row.indicator.id, profile.la.code, profile.neighbours.codes, run.laCodes, run.framework, { period: periodOriginal, value: to }) ?? row));
  return moved;
}

const MOVED_ROWS = new WeakMap<BlockCRow, WeakMap<ProfileRun, Map<string, BlockCRow>>>();

// ---------------------------------------------------------------------------------------------------------------------
// Block B

/** One grade better or worse on the scale an LA-level inspection uses ("adequate" before ILACS, "requires improvement" in it). */
export function nextJudgement(from: Judgement, direction: Direction, kind: LaInspectionKind): Judgement | null {
  const third: Judgement = kind === 'ilacs' || kind === 'sif' ? 'requires-improvement' : 'adequate';
  const ladder: readonly Judgement[] = ['outstanding', 'good', third, 'inadequate'];
  const at = judgementRank(from) - 1;
  const next = direction === 'up' ? at - 1 : at + 1;
  return next < 0 || next > 3 ? null : ladder[next]!;
}

/** The LA's inspection a Block B change names, changed as it says. */
export function changedInspection(inspection: LaInspection, change: Change): LaInspection {
  switch (change.kind) {
    case 'priority-actions-resolved':
      return { ...inspection, priorityActionCount: 0, findings: inspection.findings.filter((f) => f.kind !== 'area-for-priority-action') };
    case 'priority-action-found':
      return {
        ...inspection,
        priorityActionCount: (inspection.priorityActionCount ?? inspection.findings.filter((f) => f.kind === 'area-for-priority-action').length) + 1,
        findings: [...inspection.findings, { kind: 'area-for-priority-action', text: 'an area for priority action (hypothetical: a what-if, not a finding of any inspection)' }],
      };
    case 'la-judgement':
      return change.judgement === 'overall' ? { ...inspection, overall: change.to } : { ...inspection, judgements: { ...inspection.judgements, [change.judgement]: change.to } };
    default:
      return inspection;
  }
}

const isInspectionChange = (c: Change): c is Extract<Change, { kind: 'priority-actions-resolved' | 'priority-action-found' | 'la-judgement' }> =>
  c.kind === 'priority-actions-resolved' || c.kind === 'priority-action-found' || c.kind === 'la-judgement';

/** The LA's own inspections, for Block B to be computed again from (blockB filters by LA; this saves it the nation's). */
export function laInspectionsOf(run: ProfileRun, profile: LaProfile): readonly LaInspection[] {
  return run.laInspections.filter((i) => i.la === profile.la.code);
}

// ---------------------------------------------------------------------------------------------------------------------

/** The profile with the changes made, each block computed again as the engine computes it. */
export function applyChanges(run: ProfileRun, profile: LaProfile, changes: readonly Change[], own: readonly LaInspection[] = laInspectionsOf(run, profile)): LaProfile {
  let blockARows = profile.blockA;
  let blockCRows = profile.blockC;
  let inspections: readonly LaInspection[] | null = null;
  for (const change of changes) {
    if (change.kind === 'settings-judged') {
      blockARows = blockARows.map((row) => (row.group.id === change.group ? applySettings(run, row, change) : row));
    } else if (change.kind === 'indicator-moves') {
      blockCRows = blockCRows.map((row) => (row.indicator.id === change.indicator ? rowWithFigure(run, profile, row, change.period, change.to) : row));
    } else if (isInspectionChange(change)) {
      const list: readonly LaInspection[] = inspections ?? own;
      inspections = list.map((i) => (i.kind === change.inspection && i.endDate === change.endDate ? changedInspection(i, change) : i));
    }
  }
  if (inspections === null) return { ...profile, blockA: blockARows, blockC: blockCRows };
  const entries = blockB(inspections, profile.la.code, run.framework);
  return { ...profile, blockA: blockARows, blockB: entries, blockBSuccession: blockBSuccession(entries), blockC: blockCRows };
}

// ---------------------------------------------------------------------------------------------------------------------
// Words

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** Numbers to ten in words, as the letters write them ("two more primary schools"). */
export const countWords = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** The group's label in a sentence's lower case ("primary schools"; "children's homes run by the local authority"). */
const groupWords = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** The settings a change names, with their judgement and when it was made, up to three. */
function namedSettings(change: Extract<Change, { kind: 'settings-judged' }>): string {
  if (change.settings.length === 0) return '';
  const shown = change.settings.slice(0, 3).map((s) => `${s.name}, ${JUDGEMENT_LABEL[s.from]} on ${s.inspectedOn}`);
  return ` (${shown.join('; ')}${change.settings.length > 3 ? `; and ${countWords(change.settings.length - 3)} more` : ''})`;
}

/** A change in words, as the what-if lists it. */
export function changeText(change: Change): string {
  switch (change.kind) {
    case 'settings-judged':
      return change.to === 'good'
        ? `${countWords(change.count)} more of its ${groupWords(change.label)} judged good at reinspection${namedSettings(change)}`
        : `${countWords(change.count)} of its ${groupWords(change.label)} now good judged ${JUDGEMENT_LABEL[change.to]} at reinspection${namedSettings(change)}`;
    case 'indicator-moves':
      return `${change.name} (${change.indicator}) at ${change.published}${unitWord(change.unit)} rather than ${trimmed(change.from)}${unitWord(change.unit)} in ${change.period} (a step of ${trimmed(Math.abs(change.to - change.from))}; a plausible step is up to ${trimmed(change.step)})`;
    case 'priority-actions-resolved':
      return `the ${countWords(change.count)} ${change.count === 1 ? 'area' : 'areas'} for priority action of the ${LA_INSPECTION_LABEL.ucra.toLowerCase()} ending ${change.endDate} resolved`;
    case 'priority-action-found':
      return `an area for priority action found by the ${LA_INSPECTION_LABEL.ucra.toLowerCase()} ending ${change.endDate}`;
    case 'la-judgement':
      return `${change.judgement === 'overall' ? 'overall effectiveness' : change.judgement.replaceAll('-', ' ')} judged ${JUDGEMENT_LABEL[change.to]} rather than ${JUDGEMENT_LABEL[change.from]} (${LA_INSPECTION_LABEL[change.inspection].toLowerCase()} ending ${change.endDate})`;
  }
}

const unitWord = (unit: string) => (/^%|percent/i.test(unit.trim()) ? '%' : '');
const trimmed = (n: number) => String(Math.round(n * 1000) / 1000);
