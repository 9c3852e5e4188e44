import type { LaCode } from '../../domain/local-authority.ts';
import type { Agreement } from '../../evaluation/agreement.ts';
import { evaluateIlacs, ILACS_JUDGEMENTS, ILACS_WORDS, TUNING_BEFORE } from '../../evaluation/ilacs.ts';
import type { IlacsEvaluation } from '../../evaluation/ilacs.ts';
import { INDICATOR_YEARS, indicatorsFramework } from '../../frameworks/indicators/definition.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { assessAll } from '../../judgement/assess.ts';
import { loadAssessInput } from '../../store/evidence-loader.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway evaluate ilacs`: Kingsway's indicator-only provisional grade, from the data of the year before each ILACS
 * inspection began, against the inspectors' overall effectiveness (src/evaluation/ilacs.ts). Every indicator year is
 * assessed once, then each inspection is looked up.
 */
export async function runEvaluateIlacs(repo: EvidenceRepository, options: { json: boolean }, io: Io): Promise<IlacsEvaluation> {
  const byYear = new Map<number, Map<LaCode, Assessment>>();
  for (const [n, year] of INDICATOR_YEARS.entries()) {
    io.progress('indicator years', n, INDICATOR_YEARS.length);
    const results = assessAll(await loadAssessInput(repo, indicatorsFramework(year)));
    byYear.set(year, new Map(results.map((a) => [a.la.code, a])));
  }
  io.progress('indicator years', INDICATOR_YEARS.length, INDICATOR_YEARS.length);
  io.endProgress();
  const evaluation = evaluateIlacs(await repo.laInspections(), (la, year) => byYear.get(year)?.get(la), INDICATOR_YEARS);
  if (options.json) {
    // The matrix says what its rows and columns are: Kingsway's grades by their number and words on the 2011 scale,
    // the inspectors' by Ofsted's words, never by a number of our own.
    const matrix = (a: Agreement) => ({ ...a, rows: KINGSWAY.map((words, i) => ({ grade: i + 1, words })), columns: [...ILACS_JUDGEMENTS] });
    io.out(JSON.stringify({ ...evaluation, tuning: matrix(evaluation.tuning), reporting: matrix(evaluation.reporting), all: matrix(evaluation.all), excluded: Object.fromEntries(evaluation.excluded) }, null, 2));
    return evaluation;
  }
  for (const line of evaluationLines(evaluation)) io.out(line);
  return evaluation;
}

const pct = (x: number | null) => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);
/** Kingsway's grades, 1 to 4, as the 2011 scale words them; the inspectors' judgements are shown in Ofsted's words. */
const KINGSWAY = ['Performs poorly', 'Performs adequately', 'Performs well', 'Performs excellently'];

function matrixLines(a: Agreement): string[] {
  const rows = [['Kingsway \\ ILACS', ...ILACS_JUDGEMENTS.map((j) => ILACS_WORDS[j]), 'total']];
  for (let p = 3; p >= 0; p--) rows.push([`${p + 1} ${KINGSWAY[p]}`, ...a.matrix[p]!.map(String), String(a.matrix[p]!.reduce((s, x) => s + x, 0))]);
  rows.push(['total', ...[0, 1, 2, 3].map((j) => String(a.matrix.reduce((s, r) => s + r[j]!, 0))), String(a.n)]);
  return formatTable(rows).split('\n');
}

export function evaluationLines(e: IlacsEvaluation): string[] {
  const compared = e.all.n;
  const summary = (name: string, a: Agreement) => `${name.padEnd(44)} n ${String(a.n).padStart(3)}   exact ${pct(a.exact).padStart(6)}   within one ${pct(a.withinOne).padStart(6)}   quadratic weighted kappa ${a.quadraticKappa === null ? '-' : a.quadraticKappa.toFixed(3)}`;
  return [
    "Kingsway's indicator-only provisional grade (Blocks A and C, before any limiting rule) from the data of the year",
    "before each inspection began, against the inspectors' ILACS overall effectiveness. Not an official judgement.",
    '',
    `ILACS inspections: ${e.cases.length}; compared: ${compared}; left out: ${e.cases.length - compared}`,
    ...[...e.excluded].map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`),
    '',
    summary(`reported: inspections ending ${TUNING_BEFORE.slice(0, 4)} on`, e.reporting),
    summary(`tuning set: ending before ${TUNING_BEFORE.slice(0, 4)}`, e.tuning),
    summary('all', e.all),
    '',
    `Confusion matrix, reported set (rows: Kingsway's grade; columns: ILACS overall effectiveness)`,
    ...matrixLines(e.reporting),
    '',
    'Confusion matrix, all inspections compared',
    ...matrixLines(e.all),
  ];
}
