import { judgementRank } from '../domain/judgement.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { FindingKind, LaInspection, LaInspectionFinding, LaInspectionKind } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Framework } from '../frameworks/types.ts';

/**
 * Block B of the performance profile: the inspections of the LA itself current at the profile date — the latest of
 * each kind the framework reads (framework.md §3). Serious case review evaluations are read as a set: every evaluation
 * in the twelve months to the profile date (trafford-2009: "There has been one serious case review which was judged
 * adequate"). [reconstruction: the twelve-month window]
 */
export interface BlockBEntry {
  readonly kind: LaInspectionKind;
  /** The latest inspection of the kind on or before the profile date; `null` if none. */
  readonly latest: LaInspection | null;
  /** For kinds read as a set (serious case reviews): all those in the window, oldest first. */
  readonly inWindow: readonly LaInspection[];
  /** The one before the latest, for "improved from satisfactory to outstanding". */
  readonly previous: LaInspection | null;
}

const SET_KINDS: ReadonlySet<LaInspectionKind> = new Set(['scr-evaluation']);

function yearBefore(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}

export function blockB(inspections: readonly LaInspection[], la: LaCode, framework: Framework): BlockBEntry[] {
  const asAt = framework.profileDate;
  const mine = inspections.filter((i) => i.la === la && i.endDate <= asAt).sort((a, b) => a.endDate.localeCompare(b.endDate));
  return framework.blockB.map((kind) => {
    const ofKind = mine.filter((i) => i.kind === kind);
    const from = yearBefore(asAt);
    return {
      kind,
      latest: ofKind.at(-1) ?? null,
      previous: ofKind.at(-2) ?? null,
      inWindow: SET_KINDS.has(kind) ? ofKind.filter((i) => i.endDate > from) : [],
    };
  });
}

/**
 * Kinds of inspection that follow one another as the inspection of one service, oldest first. The single inspection
 * framework (SIF, November 2013 to 2017) inspected the services ILACS has inspected since January 2018, and an LA's
 * SIF judgement stood as its current one until its first ILACS: ILACS chose the kind of an LA's inspection by its
 * previous judgement (a short inspection after good or outstanding, a standard one after requires improvement,
 * monitoring then re-inspection after inadequate: Ofsted, "Inspecting local authority children's services", first
 * published November 2017), and Ofsted's official statistics ("Local authority inspection outcomes", yearly, and its
 * annual report of December 2018: "42% of local authorities are judged good or outstanding") count each LA's most
 * recent judgement under either framework. Kingsway reads them as one succession where a framework's Block B names
 * both. [reconstruction: reading the two as one succession]
 */
export const INSPECTION_SUCCESSION: readonly LaInspectionKind[] = ['sif', 'ilacs'];

/** What changed in overall effectiveness from one inspection of the succession to the next. */
export type OverallChange = 'improved' | 'declined' | 'stayed';

export interface BlockBSuccession {
  /** The kinds read as one succession, oldest framework first. */
  readonly kinds: readonly LaInspectionKind[];
  /** The latest inspection of any of the kinds on or before the profile date: the judgement in force at it. */
  readonly latest: LaInspection | null;
  /** The one before it, of any of the kinds: for an LA's first ILACS, its SIF. */
  readonly previous: LaInspection | null;
  /** From the previous overall effectiveness to the latest, where both inspections have one; `null` otherwise. */
  readonly change: { readonly direction: OverallChange; readonly from: Judgement; readonly to: Judgement } | null;
}

/**
 * Block B's succession: where the framework reads every kind of `INSPECTION_SUCCESSION` (today's indicator years read
 * 'sif' and 'ilacs'), the LA's latest inspection of any of them at the profile date and the one before it, with what
 * changed; `null` for a framework that does not read them all. Read from the entries alone: the two latest inspections
 * across the kinds are among each kind's two latest, which each entry holds.
 */
export function blockBSuccession(entries: readonly BlockBEntry[]): BlockBSuccession | null {
  const kinds = INSPECTION_SUCCESSION;
  const read = entries.filter((e) => kinds.includes(e.kind));
  if (!kinds.every((k) => read.some((e) => e.kind === k))) return null;
  const order = (i: LaInspection) => kinds.indexOf(i.kind);
  const all = read
    .flatMap((e) => [e.previous, e.latest])
    .filter((i): i is LaInspection => i !== null)
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || order(a) - order(b));
  const latest = all.at(-1) ?? null;
  const previous = all.at(-2) ?? null;
  const from = previous?.overall ?? null;
  const to = latest?.overall ?? null;
  // judgementRank runs 1 (outstanding) to 4 (inadequate): a lower rank is an improvement.
  const change =
    from === null || to === null ? null : { direction: (judgementRank(to) < judgementRank(from) ? 'improved' : judgementRank(to) > judgementRank(from) ? 'declined' : 'stayed') as OverallChange, from, to };
  return { kinds, latest, previous, change };
}

/** Ofsted's overall effectiveness in the short form a sentence of change uses: "requires improvement", not "… to be good". */
const SHORT_JUDGEMENT: Readonly<Record<Judgement, string>> = {
  outstanding: 'outstanding',
  good: 'good',
  satisfactory: 'satisfactory',
  adequate: 'adequate',
  'requires-improvement': 'requires improvement',
  inadequate: 'inadequate',
};

/** "improved from requires improvement to good", "declined from good to inadequate", "stayed good". */
export function changeWords(change: NonNullable<BlockBSuccession['change']>): string {
  return change.direction === 'stayed' ? `stayed ${SHORT_JUDGEMENT[change.to]}` : `${change.direction} from ${SHORT_JUDGEMENT[change.from]} to ${SHORT_JUDGEMENT[change.to]}`;
}

/**
 * Words that carry no finding of their own ("the", "of", "is not consistently"): left out when findings are matched.
 * [reconstruction]
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  'a an and are as at be been being but by for from has have in into is it its not of on or that the their there these this those to too was were which with within all some more most less than very always consistently sufficiently sufficient fully further need needs needed continue ensure improve improved improvement'.split(' '),
);

/** A finding's content words, lower case, lightly stemmed so that "assessments" and "assessment", "recording" and "recorded" meet. */
export function findingWords(text: string): ReadonlySet<string> {
  const stem = (w: string) => {
    let s = w.replace(/ies$/, 'y').replace(/([^s])s$/, '$1');
    if (s.length >= 6) s = s.replace(/(ing|ed)$/, '');
    return s;
  };
  return new Set(text.toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 3 && !STOP_WORDS.has(w)).map(stem));
}

/**
 * Whether two findings say the same thing, by normalised word overlap: the content words they share are at least
 * three in five of the shorter finding's, and at least two of them (or its only one). The overlap is measured against
 * the shorter so that "Timeliness of initial assessments" is found again in "The timeliness of initial assessments is
 * not consistently good". [reconstruction: the threshold; documented in docs/letters.md]
 */
export function sameFinding(a: string, b: string): boolean {
  const x = findingWords(a);
  const y = findingWords(b);
  const smaller = Math.min(x.size, y.size);
  if (smaller === 0) return false;
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= Math.min(2, smaller) && shared / smaller >= 0.6;
}

const TO_IMPROVE: ReadonlySet<FindingKind> = new Set(['area-for-development', 'area-for-priority-action']);

/**
 * The latest inspection's areas for development and for priority action that the previous inspection of the same kind
 * had found too (`sameFinding`), in the latest's order: what the letter says "remain" from it.
 */
export function recurringFindings(latest: LaInspection, previous: LaInspection | null): LaInspectionFinding[] {
  if (!previous) return [];
  const before = previous.findings.filter((f) => TO_IMPROVE.has(f.kind));
  return latest.findings.filter((f) => TO_IMPROVE.has(f.kind) && before.some((b) => sameFinding(f.text, b.text)));
}
