import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fitFromStore } from '../../application/calibrate.ts';
import { calibrationModule } from '../../calibration/fit.ts';
import type { Fit } from '../../calibration/fit.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/** Where the fitted numbers are kept as framework data. */
export const CALIBRATION_MODULE = fileURLToPath(new URL('../../frameworks/indicators/calibration.ts', import.meta.url));

/** `kingsway calibrate`: fits the method (src/application/calibrate.ts), prints the numbers and, with `--write`, stores them. */
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
