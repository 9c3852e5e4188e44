import type { Judgement } from '../domain/judgement.ts';
import { JUDGEMENT_LABEL } from '../domain/judgement.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { matchOfstedLa, OFSTED_SUB_JUDGEMENTS } from '../ingest/sources/ofsted-la-outcomes.ts';
import type { OfstedLaOutcome, OfstedLaOutcomesRead, OfstedSubJudgement } from '../ingest/sources/ofsted-la-outcomes.ts';
import { formatRejection } from '../domain/errors.ts';
import { ILACS_WORDS, isIlacsJudgement } from './ilacs.ts';

/**
 * The scraped ILACS history (ilacs-jt39, a proof of concept by its author's account) checked against Ofsted's own
 * table of each LA's latest ILACS judgements 2018-2023 (src/ingest/sources/ofsted-la-outcomes.ts). For each row of
 * Ofsted's table: the stored LA it is about, the scraped ILACS inspection that is the same inspection, and every way
 * the two disagree. Pure: the table, the stored inspections and the LAs in; the findings out.
 *
 * The same inspection: Ofsted's "Inspection date" is the day the inspection began (the scraped start date for 144 of
 * the 146 inspections both date, a day later for the other), and two ILACS inspections of one LA are at least 910 days
 * apart in the scraped history. So:
 * - a scraped start date within 7 days of Ofsted's is the same inspection, and the dates agree (a week covers a start
 *   recorded on another day of the first week on site);
 * - one within 92 days is the same inspection, and the dates disagree (no other inspection of the LA is that near);
 * - a scraped report with no inspection dates (dated by its publication) published within 150 days after Ofsted's
 *   start date is the same inspection, and the dates disagree: reports are published some weeks after the
 *   inspection (56 and 94 days for the two such in the data), and the history has it dated by publication;
 * - otherwise the inspection is missing from the scraped history.
 */
export const START_TOLERANCE_DAYS = 7;
export const SAME_INSPECTION_DAYS = 92;
export const PUBLICATION_WINDOW_DAYS = 150;

export const CROSS_CHECK_KINDS = ['la-unmatched', 'missing-in-scraped', 'date-mismatch', 'overall-mismatch', 'sub-judgement-mismatch'] as const;
export type CrossCheckKind = (typeof CROSS_CHECK_KINDS)[number];

export const CROSS_CHECK_LABEL: Readonly<Record<CrossCheckKind, string>> = {
  'la-unmatched': 'LA matched to no stored LA',
  'missing-in-scraped': 'inspection missing from the scraped history',
  'date-mismatch': 'inspection dates disagree',
  'overall-mismatch': 'overall effectiveness disagrees',
  'sub-judgement-mismatch': 'a sub-judgement disagrees',
};

export const SUB_JUDGEMENT_WORDS: Readonly<Record<OfstedSubJudgement, string>> = {
  'impact-of-leaders': 'impact of leaders',
  'help-and-protection': 'children who need help and protection',
  'in-care': 'children in care',
  'care-leavers': 'care leavers',
};

export interface CrossCheckDisagreement {
  readonly kind: CrossCheckKind;
  /** The row of Ofsted's table. */
  readonly line: number;
  /** The LA as Ofsted's table names it, and its GSS code there. */
  readonly name: string;
  readonly gss: string;
  /** The stored LA the row was joined to, or `null` when it was joined to none. */
  readonly la: LaCode | null;
  /** The day the inspection began, by Ofsted's table. */
  readonly inspectionDate: string;
  /** What disagrees: "the LA", "the inspection", "dates", "overall effectiveness", or a sub-judgement's name. */
  readonly subject: string;
  /** What Ofsted's table says, and what the scraped history says, in words. */
  readonly ofsted: string;
  readonly scraped: string;
}

export interface IlacsCrossCheck {
  /** Rows of Ofsted's table. */
  readonly rows: number;
  /** Rows joined to a scraped ILACS inspection. */
  readonly matched: number;
  /** Of those, the rows on which nothing disagrees. */
  readonly agreeing: number;
  readonly counts: Readonly<Record<CrossCheckKind, number>>;
  readonly disagreements: readonly CrossCheckDisagreement[];
  /** How rows were joined where it was not plain (by name; a start date within the tolerance), and LAs the table lacks. */
  readonly notes: readonly string[];
}

const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
const words = (j: Judgement | null | undefined) => (j === null || j === undefined ? 'none' : isIlacsJudgement(j) ? ILACS_WORDS[j] : JUDGEMENT_LABEL[j]);
const dated = (i: LaInspection) => (i.startDate ? `began ${i.startDate}, ended ${i.endDate}` : `no inspection dates (dated by its publication, ${i.endDate})`);

/** The scraped ILACS inspection that is the same as Ofsted's row, and whether their dates agree. */
function sameInspection(row: OfstedLaOutcome, candidates: readonly LaInspection[]): { inspection: LaInspection; datesAgree: boolean; offBy: number } | null {
  const withStart = candidates
    .filter((i) => i.startDate !== null)
    .map((i) => ({ inspection: i, offBy: days(row.inspectionDate, i.startDate!) }))
    .sort((a, b) => Math.abs(a.offBy) - Math.abs(b.offBy));
  const nearest = withStart[0];
  if (nearest && Math.abs(nearest.offBy) <= START_TOLERANCE_DAYS) return { ...nearest, datesAgree: true };
  if (nearest && Math.abs(nearest.offBy) <= SAME_INSPECTION_DAYS) return { ...nearest, datesAgree: false };
  const undated = candidates
    .filter((i) => i.startDate === null)
    .map((i) => ({ inspection: i, offBy: days(row.inspectionDate, i.endDate) }))
    .filter((x) => x.offBy >= 0 && x.offBy <= PUBLICATION_WINDOW_DAYS)
    .sort((a, b) => a.offBy - b.offBy)[0];
  return undated ? { ...undated, datesAgree: false } : null;
}

export function crossCheckIlacs(table: readonly OfstedLaOutcome[], scraped: readonly LaInspection[], las: readonly LocalAuthority[]): IlacsCrossCheck {
  const ilacsOf = new Map<LaCode, LaInspection[]>();
  for (const i of scraped) if (i.kind === 'ilacs') ilacsOf.set(i.la, [...(ilacsOf.get(i.la) ?? []), i]);
  const disagreements: CrossCheckDisagreement[] = [];
  const notes: string[] = [];
  const byName: string[] = [];
  const nearDay: string[] = [];
  const joined = new Set<LaCode>();
  let matched = 0;
  let agreeing = 0;

  for (const row of table) {
    const m = matchOfstedLa(row, las);
    const base = { line: row.line, name: row.name, gss: row.gss, inspectionDate: row.inspectionDate };
    if (m.by === null) {
      disagreements.push({ ...base, kind: 'la-unmatched', la: null, subject: 'the LA', ofsted: `${row.name} (${row.gss})`, scraped: m.reason });
      continue;
    }
    const la = m.la.code;
    joined.add(la);
    if (m.by === 'name') byName.push(`${row.name} (${row.gss}; stored as ${la}, ${m.la.gss})`);
    const candidates = [...(ilacsOf.get(la) ?? [])].sort((a, b) => a.endDate.localeCompare(b.endDate));
    const same = sameInspection(row, candidates);
    if (!same) {
      disagreements.push({
        ...base,
        kind: 'missing-in-scraped',
        la,
        subject: 'the inspection',
        ofsted: `an ILACS inspection beginning ${row.inspectionDate}, overall effectiveness ${words(row.overall)}`,
        scraped: candidates.length === 0 ? 'no ILACS inspection of the LA' : `ILACS inspections: ${candidates.map((i) => `${dated(i)}, overall ${words(i.overall)}`).join('; ')}`,
      });
      continue;
    }
    matched++;
    const found: CrossCheckDisagreement[] = [];
    const i = same.inspection;
    if (!same.datesAgree) found.push({ ...base, kind: 'date-mismatch', la, subject: 'dates', ofsted: `began ${row.inspectionDate}`, scraped: dated(i) });
    else if (same.offBy !== 0) nearDay.push(`${row.name} (Ofsted ${row.inspectionDate}, scraped ${i.startDate})`);
    if (row.overall !== i.overall) found.push({ ...base, kind: 'overall-mismatch', la, subject: 'overall effectiveness', ofsted: words(row.overall), scraped: words(i.overall) });
    for (const name of OFSTED_SUB_JUDGEMENTS) {
      const theirs = row.judgements[name] ?? null;
      const ours = i.judgements[name] ?? null;
      if (theirs !== ours) found.push({ ...base, kind: 'sub-judgement-mismatch', la, subject: SUB_JUDGEMENT_WORDS[name], ofsted: words(theirs), scraped: words(ours) });
    }
    if (found.length === 0) agreeing++;
    disagreements.push(...found);
  }

  if (byName.length > 0) notes.push(`${byName.length} matched by name: Ofsted's table gives a GSS code the store does not hold (the LA has been recoded): ${byName.join(', ')}`);
  if (nearDay.length > 0) notes.push(`${nearDay.length} matched with start dates within ${START_TOLERANCE_DAYS} days but not on the same day: ${nearDay.join(', ')}`);
  // LAs the scraped history has an ILACS inspection for, up to the table's latest date, that the table leaves out.
  const latest = table.reduce((d, r) => (r.inspectionDate > d ? r.inspectionDate : d), '');
  const absent = [...ilacsOf]
    .filter(([la, list]) => !joined.has(la) && list.some((i) => (i.startDate ?? i.endDate) <= latest))
    .map(([la]) => `${las.find((x) => x.code === la)?.name ?? la} (${la})`)
    .sort();
  if (absent.length > 0) notes.push(`${absent.length} LAs have an ILACS inspection in the scraped history beginning by ${latest} but no row in Ofsted's table: ${absent.join(', ')}`);

  const counts = Object.fromEntries(CROSS_CHECK_KINDS.map((k) => [k, disagreements.filter((d) => d.kind === k).length])) as Record<CrossCheckKind, number>;
  return { rows: table.length, matched, agreeing, counts, disagreements, notes };
}

/** The cross-check as a command or page shows it: run, on the file named, or not run and why. */
export type CrossCheckOutcome =
  | { readonly ok: true; readonly file: { readonly path: string; readonly sha256: string }; readonly check: IlacsCrossCheck }
  | { readonly ok: false; readonly reason: string };

/** From what reading Ofsted's table gave (`null`: there was no data folder to read it from). */
export function crossCheckOutcome(read: OfstedLaOutcomesRead | null, scraped: readonly LaInspection[], las: readonly LocalAuthority[]): CrossCheckOutcome {
  if (read === null) return { ok: false, reason: "no published data folder to read Ofsted's table from (give --data or KINGSWAY_DATA)" };
  if (!read.ok) {
    const shown = read.rejections.slice(0, 3).map(formatRejection);
    return { ok: false, reason: `Ofsted's table was refused: ${shown.join('; ')}${read.rejections.length > shown.length ? `; and ${read.rejections.length - shown.length} more` : ''}` };
  }
  if (!scraped.some((i) => i.kind === 'ilacs')) return { ok: false, reason: 'the store holds no ILACS inspections to check (import the ilacs source)' };
  return { ok: true, file: { path: read.file.path, sha256: read.file.sha256 }, check: crossCheckIlacs(read.outcomes, scraped, las) };
}
