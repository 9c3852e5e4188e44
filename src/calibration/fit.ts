import type { LaCode } from '../domain/local-authority.ts';
import type { RawFeature } from './features.ts';
import type { Calibration, FittedFeature } from './model.ts';
import { fitOrdinal, gradeChances } from './ordinal.ts';
import type { OrdinalCase, OrdinalModel } from './ordinal.ts';

/** The only inspections the method may be fitted on: those that ended before 2023 (issue 13). */
export const TRAINING_ENDED_BEFORE = '2023-01-01';

/** One training inspection: the inspectors' grade on Kingsway's scale, and the evidence from before it began. */
export interface TrainingCase {
  readonly la: LaCode;
  readonly startDate: string;
  readonly endDate: string;
  readonly dataYear: number;
  /** Inspectors' overall effectiveness on Kingsway's scale: 1 inadequate … 4 outstanding. */
  readonly grade: 1 | 2 | 3 | 4;
  readonly features: readonly RawFeature[];
}

/** The ridge penalties tried; the one with the best held-out likelihood in five-fold cross-validation is kept. */
export const PENALTIES = [0.1, 0.3, 1, 3, 10, 30, 100, 300] as const;
const FOLDS = 5;

/** Numbers are stored to six decimal places, so that a refit on the same data gives the same file. */
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * Refuses any case the method may not learn from: an inspection ending in 2023 or later, or one whose data year is
 * not before it began. A guard, not a filter: the caller chooses the training set, and a mistake is loud.
 */
export function assertTrainable(cases: readonly TrainingCase[]): void {
  for (const c of cases) {
    if (c.endDate >= TRAINING_ENDED_BEFORE) throw new RangeError(`inspection of ${c.la} ending ${c.endDate} may not be fitted on: only inspections ending before ${TRAINING_ENDED_BEFORE}`);
    if (c.dataYear >= Number(c.startDate.slice(0, 4))) throw new RangeError(`inspection of ${c.la} beginning ${c.startDate} reads the data of ${c.dataYear}, which was not published before it began`);
  }
}

function scalesOf(cases: readonly TrainingCase[], width: number): number[] {
  return Array.from({ length: width }, (_, j) => {
    const spec = cases[0]!.features[j]!.spec;
    if (spec.kind === 'previous-grade' || spec.kind === 'previous-none') return 1;
    const values = cases.map((c) => c.features[j]!.value).filter((v): v is number => v !== null);
    if (values.length < 2) return 1;
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    return sd > 1e-9 ? round(sd) : 1;
  });
}

const ordinalCases = (cases: readonly TrainingCase[], scales: readonly number[]): OrdinalCase[] =>
  cases.map((c) => ({ x: c.features.map((f, j) => (f.value === null ? 0 : f.value / scales[j]!)), y: c.grade }));

/**
 * The previous inspection's weights are not shrunk: the studies the method follows find it the strongest single
 * signal, and only a few training inspections (re-inspections before 2023) have one, so a penalty sized for the
 * dozen indicator weights would all but erase it. They are left to the likelihood.
 */
const unpenalisedOf = (cases: readonly TrainingCase[]) => new Set(cases[0]!.features.flatMap((f, j) => (f.spec.kind === 'previous-grade' || f.spec.kind === 'previous-none' ? [j] : [])));

function heldOutLogLikelihood(cases: readonly OrdinalCase[], width: number, lambda: number, unpenalised: ReadonlySet<number>): number {
  let total = 0;
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = cases.filter((_, i) => i % FOLDS !== fold);
    const test = cases.filter((_, i) => i % FOLDS === fold);
    const model = fitOrdinal(train, width, lambda, { unpenalised });
    for (const c of test) total += Math.log(Math.max(gradeChances(model, c.x)[c.y - 1]!, 1e-12));
  }
  return total / cases.length;
}

export interface Fit {
  readonly calibration: Calibration;
  /** Held-out log-likelihood per case for each penalty tried. */
  readonly crossValidation: readonly { readonly lambda: number; readonly logLikelihood: number }[];
}

/**
 * Fits the calibrated method on the training cases: scales each feature by its spread over them, chooses the ridge
 * penalty by five-fold cross-validation within them (folds by position in date order), and fits on them all. Pure and
 * deterministic: the same cases give the same numbers.
 */
export function fitCalibration(cases: readonly TrainingCase[], options: { readonly fittedOn: string; readonly description: string }): Fit {
  assertTrainable(cases);
  if (cases.length < FOLDS * 4) throw new RangeError(`too few training inspections to fit on: ${cases.length}`);
  const ordered = [...cases].sort((a, b) => a.endDate.localeCompare(b.endDate) || a.la.localeCompare(b.la));
  const width = ordered[0]!.features.length;
  const scales = scalesOf(ordered, width);
  const data = ordinalCases(ordered, scales);
  const unpenalised = unpenalisedOf(ordered);
  const crossValidation = PENALTIES.map((lambda) => ({ lambda, logLikelihood: round(heldOutLogLikelihood(data, width, lambda, unpenalised)) }));
  const best = crossValidation.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
  const model: OrdinalModel = fitOrdinal(data, width, best.lambda, { unpenalised });
  const byGrade: [number, number, number, number] = [0, 0, 0, 0];
  for (const c of ordered) byGrade[c.grade - 1]!++;
  const features: FittedFeature[] = ordered[0]!.features.map((f, j) => ({ spec: f.spec, scale: scales[j]!, weight: round(model.weights[j]!) }));
  return {
    crossValidation,
    calibration: {
      method: 'ordinal-logistic',
      fittedOn: options.fittedOn,
      trainingSet: { description: options.description, endedBefore: TRAINING_ENDED_BEFORE, inspections: ordered.map((c) => `${c.la}:${c.endDate}`), byGrade },
      penalty: { lambda: best.lambda, chosenBy: `five-fold cross-validation within the training set (held-out log-likelihood per inspection, of ${PENALTIES.join(', ')})` },
      features,
      cutOffs: [round(model.cutOffs[0]), round(model.cutOffs[1]), round(model.cutOffs[2])],
    },
  };
}

/** The fitted numbers as the TypeScript module stored as framework data (src/frameworks/indicators/calibration.ts). */
export function calibrationModule(calibration: Calibration): string {
  return [
    '// Written by `kingsway calibrate --write` (src/calibration/fit.ts): the calibrated method of the indicator years,',
    '// fitted on ILACS inspections that ended before 2023 only. Do not edit by hand; refit instead. docs/today.md explains it.',
    "import type { Calibration } from '../../calibration/model.ts';",
    '',
    `export const CALIBRATION: Calibration = ${JSON.stringify(calibration, null, 2)};`,
    '',
  ].join('\n');
}
