import { beganOn, runBefore } from '../calibration/cases.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import { assessOne } from '../judgement/assess.ts';
import type { Assessment, AssessInput } from '../judgement/assess.ts';

/**
 * Kingsway's assessment of an LA as an inspector could have had it before an inspection began: the data year's
 * Blocks A and C, and Block B (the LA's own inspections) as at the day before, so that the previous judgement read is
 * the one before this inspection, as the calibrated method was fitted (src/calibration/cases.ts). `undefined` where
 * the LA did not exist in the data year.
 */
export function assessmentBefore(input: AssessInput, inspection: LaInspection): Assessment | undefined {
  const la = input.run.evidence.evidence.las.find((l) => l.code === inspection.la);
  if (!la) return undefined;
  return assessOne({ ...input, run: runBefore(input.run, beganOn(inspection)) }, la);
}
