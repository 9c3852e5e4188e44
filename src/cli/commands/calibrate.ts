import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { caseEvidence } from '../../calibration/cases.ts';
import { rawFeatures } from '../../calibration/features.ts';
import { calibrationModule, fitCalibration, TRAINING_ENDED_BEFORE } from '../../calibration/fit.ts';
import type { Fit, TrainingCase } from '../../calibration/fit.ts';
import { judgementRank } from '../../domain/judgement.ts';
import { INDICATOR_YEARS, indicatorsFramework } from '../../frameworks/indicators/definition.ts';
import type { ProfileRun } from '../../profile/profile.ts';
import { loadProfileRun } from '../../store/evidence-loader.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/** Where the fitted numbers are kept as framework data. */
export const CALIBRATION_MODULE = fileURLToPath(new URL('../../frameworks/indicators/calibration.ts', import.meta.url));

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
export async function trainingCases(repo: EvidenceRepository, io?: Io): Promise<{ cases: TrainingCase[]; left: Map<string, number> }> {
  const runOf = indicatorRuns(repo);
  const inspections = (await repo.laInspections()).filter((i) => i.kind === 'ilacs' && i.overall !== null && i.endDate < TRAINING_ENDED_BEFORE);
  const loaded = new Map<number, ProfileRun>();
  for (const year of INDICATOR_YEARS) {
    const run = await runOf(year);
    if (run) loaded.set(year, run);
    io?.progress('indicator years', loaded.size, INDICATOR_YEARS.length);
  }
  io?.endProgress();
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
export async function fitFromStore(repo: EvidenceRepository, fittedOn: string, io?: Io): Promise<{ fit: Fit; left: Map<string, number> }> {
  const { cases, left } = await trainingCases(repo, io);
  return { fit: fitCalibration(cases, { fittedOn, description: DESCRIPTION }), left };
}

export async function runCalibrate(repo: EvidenceRepository, options: { today: string; write: boolean }, io: Io): Promise<Fit> {
  const { fit, left } = await fitFromStore(repo, options.today, io);
  const c = fit.calibration;
  io.out(`Fitted on ${c.trainingSet.inspections.length} ILACS inspections ending before ${c.trainingSet.endedBefore} (inspectors' grades 1-4: ${c.trainingSet.byGrade.join(', ')}).`);
  for (const [reason, n] of left) io.out(`  left out ${n}: ${reason}`);
  io.out(`Penalty ${c.penalty.lambda}, chosen by ${c.penalty.chosenBy}:`);
  io.out(formatTable([['penalty', 'held-out log-likelihood'], ...fit.crossValidation.map((r) => [String(r.lambda), r.logLikelihood.toFixed(4)])]));
  io.out('');
  io.out(formatTable([['evidence', 'scale', 'weight'], ...c.features.map((f) => [f.spec.label, String(f.scale), f.weight.toFixed(3)])]));
  io.out(`cut-offs between grades: ${c.cutOffs.map((t) => t.toFixed(3)).join(', ')}`);
  if (options.write) {
    writeFileSync(CALIBRATION_MODULE, calibrationModule(c));
    io.out(`written to src/frameworks/indicators/calibration.ts`);
  }
  return fit;
}
