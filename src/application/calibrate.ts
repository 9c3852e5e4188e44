import { caseEvidence } from '../calibration/cases.ts';
import { rawFeatures } from '../calibration/features.ts';
import { fitCalibration, TRAINING_ENDED_BEFORE } from '../calibration/fit.ts';
import type { Fit, TrainingCase } from '../calibration/fit.ts';
import { judgementRank } from '../domain/judgement.ts';
import { INDICATOR_YEARS, indicatorsFramework } from '../frameworks/indicators/definition.ts';
import type { ProfileRun } from '../profile/profile.ts';
import type { EvidenceRepository } from '../store/repository.ts';
import { loadProfileRun } from './load-evidence.ts';

/** Progress through long work, as the CLI shows it (a web job would too). */
export interface Progress {
  progress(label: string, done: number, total: number): void;
  endProgress(): void;
}

/**
 * The calibrated method's use case (issue 13): its training cases from a store, and the fit on them. The command
 * line's `kingsway calibrate` prints and stores what this returns; the refit test checks it against the stored numbers.
 */
/** The profile runs of every indicator year, loaded once each, on demand. */
export function indicatorRuns(repo: EvidenceRepository): (year: number) => Promise<ProfileRun | undefined> {
  const runs = new Map<number, Promise<ProfileRun>>();
  return (year) => {
    if (!(INDICATOR_YEARS as readonly number[]).includes(year)) return Promise.resolve(undefined);
    let run = runs.get(year);
    if (!run) runs.set(year, (run = loadProfileRun(repo, indicatorsFramework(year))));
    return run;
  };
}

/**
 * The training cases from the store: every ILACS inspection with an overall effectiveness judgement that ended
 * before 2023 — the filter comes first, so no later inspection is ever profiled here — each with the evidence from
 * before it began (src/calibration/cases.ts). Cases with no such evidence are counted by reason.
 */
export async function trainingCases(repo: EvidenceRepository, progress?: Progress): Promise<{ cases: TrainingCase[]; left: Map<string, number> }> {
  const runOf = indicatorRuns(repo);
  const inspections = (await repo.laInspections()).filter((i) => i.kind === 'ilacs' && i.overall !== null && i.endDate < TRAINING_ENDED_BEFORE);
  const loaded = new Map<number, ProfileRun>();
  for (const year of INDICATOR_YEARS) {
    const run = await runOf(year);
    if (run) loaded.set(year, run);
    progress?.progress('indicator years', loaded.size, INDICATOR_YEARS.length);
  }
  progress?.endProgress();
  const cases: TrainingCase[] = [];
  const left = new Map<string, number>();
  for (const i of inspections.sort((a, b) => a.endDate.localeCompare(b.endDate) || a.la.localeCompare(b.la))) {
    const evidence = caseEvidence(i, (y) => loaded.get(y));
    if (!evidence.ok) {
      left.set(evidence.reason, (left.get(evidence.reason) ?? 0) + 1);
      continue;
    }
    const grade = (5 - judgementRank(i.overall!)) as TrainingCase['grade'];
    cases.push({ la: i.la, startDate: i.startDate ?? i.endDate, endDate: i.endDate, dataYear: evidence.dataYear, grade, features: rawFeatures(evidence.profile) });
  }
  return { cases, left };
}

const DESCRIPTION = `ILACS inspections with an overall effectiveness judgement that ended before ${TRAINING_ENDED_BEFORE}, each with the indicator year published before it began and its previous inspection as at the day before`;

/** Fits the calibrated method on the training inspections in the store (`kingsway calibrate`). */
export async function fitFromStore(repo: EvidenceRepository, fittedOn: string, progress?: Progress): Promise<{ fit: Fit; left: Map<string, number> }> {
  const { cases, left } = await trainingCases(repo, progress);
  return { fit: fitCalibration(cases, { fittedOn, description: DESCRIPTION }), left };
}
