import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { NotFoundError } from '../domain/errors.ts';
import { buildProfile } from '../profile/profile.ts';
import type { LaProfile, ProfileRun } from '../profile/profile.ts';

/**
 * Which evidence an inspector could have had before an inspection began: what the calibrated method is fitted on
 * and tested with (issue 13: "nothing fitted may read … any figure published after an inspection began").
 *
 * LAIT's figures for periods ending in a calendar year are published by the end of March after it: the social work
 * workforce (as at 30 September) each February, looked after children in November and December, key stage 4's final
 * results in February. So an inspection beginning from April of year Y reads the indicator year Y − 1, and one
 * beginning in January to March reads Y − 2. [reconstruction: the release months are DfE's usual calendar, read from
 * LAIT's "Last Update" dates, not checked figure by figure; youth justice figures for the year to December are the
 * latest, in some years published in the spring.]
 */
export function dataYearBefore(startDate: string): number {
  const year = Number(startDate.slice(0, 4));
  const month = Number(startDate.slice(5, 7));
  return month >= 4 ? year - 1 : year - 2;
}

/** The ISO day before a date. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * An LA's profile from a run of the data year before an inspection, with Block B (its own inspections) as at the day
 * before the inspection began, so that its previous judgement is the one inspectors had, not one Kingsway's August
 * profile date would miss or one that came after. Blocks A and C are the data year's. `null` where the LA did not
 * exist in that year (a boundary change).
 */
export function profileBefore(run: ProfileRun, la: LaCode, startDate: string): LaProfile | null {
  try {
    return buildProfile(runBefore(run, startDate), la);
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

/** A run whose profile date (and so Block B) is the day before an inspection began; its other evidence unchanged. */
export function runBefore(run: ProfileRun, startDate: string): ProfileRun {
  return { ...run, framework: { ...run.framework, profileDate: dayBefore(startDate) } };
}

/** When an inspection began: its start date, or its end where the data gives no start. */
export const beganOn = (i: LaInspection): string => i.startDate ?? i.endDate;

/** The evidence from before an inspection began, or why there is none. */
export type CaseEvidence =
  | { readonly ok: true; readonly dataYear: number; readonly profile: LaProfile }
  | { readonly ok: false; readonly dataYear: number; readonly reason: string };

/** The profile an inspection is set beside (or learnt from): the data year before it began, Block B as at the day before. */
export function caseEvidence(inspection: LaInspection, runOf: (year: number) => ProfileRun | undefined): CaseEvidence {
  const began = beganOn(inspection);
  const dataYear = dataYearBefore(began);
  const run = runOf(dataYear);
  if (!run) return { ok: false, dataYear, reason: `no indicator assessment for ${dataYear}` };
  const profile = profileBefore(run, inspection.la, began);
  if (!profile) return { ok: false, dataYear, reason: `the LA did not exist in ${dataYear} (a boundary change)` };
  return { ok: true, dataYear, profile };
}
