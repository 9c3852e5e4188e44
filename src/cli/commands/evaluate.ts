import type { Agreement } from '../../evaluation/agreement.ts';
import { CROSS_CHECK_KINDS, CROSS_CHECK_LABEL } from '../../evaluation/ilacs-crosscheck.ts';
import type { CrossCheckOutcome } from '../../evaluation/ilacs-crosscheck.ts';
import { formatInterval, formatKappa, formatShare, ILACS_JUDGEMENTS, ILACS_SHORT_WORDS, ILACS_WORDS, TUNING_BEFORE } from '../../evaluation/ilacs.ts';
import type { IlacsEvaluation, SetEvaluation } from '../../evaluation/ilacs.ts';
import { indicatorsFramework } from '../../frameworks/indicators/definition.ts';
import { crossCheckScrapedHistory, evaluateAgainstInspectors } from '../../application/evaluate-ilacs.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway evaluate ilacs`: predictors of the inspectors' ILACS overall effectiveness, each on the same inspections
 * (src/evaluation/ilacs.ts): Kingsway's final grade from the data published before each inspection began, the 2011
 * cut-offs unfitted, carry-forward of the previous inspection, and always good. Every indicator year is assessed
 * once, then each inspection is looked up. Then the scraped ILACS history checked against Ofsted's own table of
 * outcomes, read from the data folder (src/evaluation/ilacs-crosscheck.ts).
 */
export interface EvaluateIlacsOptions {
  readonly json: boolean;
  /** The published data folder Ofsted's outcomes table is read from; `undefined` when there is none. */
  readonly dataDir?: string | undefined;
}

export async function runEvaluateIlacs(repo: EvidenceRepository, options: EvaluateIlacsOptions, io: Io): Promise<{ evaluation: IlacsEvaluation; crossCheck: CrossCheckOutcome }> {
  const inspections = await repo.laInspections();
  const evaluation = await evaluateAgainstInspectors((year) => loadAssessInput(repo, indicatorsFramework(year)), inspections, io);
  const crossCheck = crossCheckScrapedHistory(options.dataDir ?? null, inspections, await repo.localAuthorities());
  if (options.json) io.out(JSON.stringify(evaluationJson(evaluation, crossCheck), null, 2));
  else for (const line of [...evaluationLines(evaluation), '', ...crossCheckLines(crossCheck)]) io.out(line);
  return { evaluation, crossCheck };
}

/** Kingsway's grades, 1 to 4, as the 2011 scale words them; the inspectors' judgements are shown in Ofsted's words. */
const KINGSWAY = ['Performs poorly', 'Performs adequately', 'Performs well', 'Performs excellently'];

/**
 * The evaluation as JSON. Each matrix says what its rows and columns are: Kingsway's grades by their number and words
 * on the 2011 scale, the inspectors' by Ofsted's words, never by a number of our own.
 */
export function evaluationJson(e: IlacsEvaluation, crossCheck: CrossCheckOutcome) {
  const matrix = (a: Agreement) => ({ ...a, rows: KINGSWAY.map((words, i) => ({ grade: i + 1, words })), columns: [...ILACS_JUDGEMENTS] });
  const set = (s: SetEvaluation) => ({
    ...s,
    excluded: Object.fromEntries(s.excluded),
    predictors: s.predictors.map((p) => ({ ...p, agreement: matrix(p.agreement) })),
    ownCases: s.ownCases.map((o) => ({ ...o, agreement: matrix(o.agreement) })),
  });
  return { ...e, reporting: set(e.reporting), tuning: set(e.tuning), excluded: Object.fromEntries(e.excluded), crossCheck };
}

function matrixLines(a: Agreement): string[] {
  const rows = [['Kingsway \\ ILACS', ...ILACS_JUDGEMENTS.map((j) => ILACS_WORDS[j]), 'total']];
  for (let p = 3; p >= 0; p--) rows.push([`${p + 1} ${KINGSWAY[p]}`, ...a.matrix[p]!.map(String), String(a.matrix[p]!.reduce((s, x) => s + x, 0))]);
  rows.push(['total', ...[0, 1, 2, 3].map((j) => String(a.matrix.reduce((s, r) => s + r[j]!, 0))), String(a.n)]);
  return formatTable(rows).split('\n');
}

/** One set's table: a row per predictor, every row on the same inspections. */
export function predictorTableLines(s: SetEvaluation): string[] {
  const rows = [
    ['predictor', 'n', 'kappa', '95% interval', 'exact', 'within one', ...ILACS_JUDGEMENTS.map((j) => `recall: ${ILACS_SHORT_WORDS[j]}`), 'precision: inadequate'],
    ...s.predictors.map((p) => [
      p.predictor.label,
      String(p.agreement.n),
      formatKappa(p.agreement.quadraticKappa),
      formatInterval(p.kappaInterval),
      formatShare(p.agreement.exact),
      formatShare(p.agreement.withinOne),
      ...ILACS_JUDGEMENTS.map((j) => formatShare(p.recall[j])),
      formatShare(p.inadequatePrecision),
    ]),
  ];
  return formatTable(rows).split('\n');
}

function setLines(title: string, s: SetEvaluation): string[] {
  return [
    `${title}: ${s.inspections} ILACS inspections; ${s.compared} graded by every predictor; left out: ${s.inspections - s.compared}`,
    ...[...s.excluded].map(([reason, n]) => `  ${String(n).padStart(4)}  ${reason}`),
    ...predictorTableLines(s),
    `Kingsway's kappa less carry-forward's, on the same inspections: ${formatKappa(s.overCarryForward.difference)} (paired bootstrap 95% interval ${formatInterval(s.overCarryForward.interval)}; Kingsway's higher in ${formatShare(s.overCarryForward.shareOfDrawsAbove)} of draws)`,
    'Each on every inspection it can grade (not the same inspections from row to row):',
    ...s.ownCases.map((o) => `  ${o.predictor.label.padEnd(24)} n ${String(o.agreement.n).padStart(3)}   kappa ${formatKappa(o.agreement.quadraticKappa).padStart(6)}   exact ${formatShare(o.agreement.exact).padStart(6)}   within one ${formatShare(o.agreement.withinOne).padStart(6)}`),
  ];
}

export function evaluationLines(e: IlacsEvaluation): string[] {
  const year = TUNING_BEFORE.slice(0, 4);
  const kingsway = (s: SetEvaluation) => s.predictors.find((p) => p.predictor.id === 'kingsway')!.agreement;
  return [
    "Predictors of the inspectors' ILACS overall effectiveness, each on the same inspections. Kingsway: its final grade",
    'from the indicator year published before each inspection began (the year before; two before, for January to March).',
    "2011 cut-offs, unfitted: the grade those cut-offs give from Blocks A and C, before any limiting rule. Carry-forward:",
    "the LA's previous inspection's overall effectiveness. Always good: good for every inspection. Not an official judgement.",
    `Nothing fitted has read an inspection ending in ${year} or later: those are the figures to report.`,
    `Kappa: quadratic weighted; its 95% interval is the percentile bootstrap over ${e.bootstrap.resamples.toLocaleString('en-GB')} resamples of the inspections (seeded; the same draws for every row).`,
    '',
    ...setLines(`Reported: inspections ending ${year} on`, e.reporting),
    '',
    ...setLines(`Tuning set: inspections ending before ${year}`, e.tuning),
    '',
    `Confusion matrix, reported set, Kingsway (rows: Kingsway's grade; columns: ILACS overall effectiveness)`,
    ...matrixLines(kingsway(e.reporting)),
    '',
    'Confusion matrix, tuning set, Kingsway',
    ...matrixLines(kingsway(e.tuning)),
  ];
}

export function crossCheckLines(c: CrossCheckOutcome): string[] {
  const head = "The scraped ILACS history checked against Ofsted's table of each LA's latest ILACS judgements (2018-2023)";
  if (!c.ok) return [head, `  not run: ${c.reason}`];
  const k = c.check;
  return [
    head,
    `  ${c.file.path} (SHA-256 ${c.file.sha256.slice(0, 12)}…): ${k.rows} LAs; ${k.matched} matched to a scraped inspection; ${k.agreeing} agree on everything`,
    ...CROSS_CHECK_KINDS.map((kind) => `  ${String(k.counts[kind]).padStart(4)}  ${CROSS_CHECK_LABEL[kind]}`),
    ...k.notes.map((n) => `  note: ${n}`),
    ...(k.disagreements.length === 0
      ? []
      : formatTable([
          ['LA', 'code', 'began (Ofsted)', 'what', "Ofsted's table", 'scraped history'],
          ...k.disagreements.map((d) => [d.name, d.la ?? d.gss, d.inspectionDate, d.subject, d.ofsted, d.scraped]),
        ])
          .split('\n')
          .map((line) => `  ${line}`)),
  ];
}
