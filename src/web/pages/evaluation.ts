import { defaultDataDir } from '../../ingest/data-dir.ts';
import type { Agreement } from '../../evaluation/agreement.ts';
import { CROSS_CHECK_KINDS, CROSS_CHECK_LABEL } from '../../evaluation/ilacs-crosscheck.ts';
import { formatInterval, formatKappa, formatShare, ILACS_JUDGEMENTS, ILACS_WORDS, TUNING_BEFORE } from '../../evaluation/ilacs.ts';
import type { IlacsEvaluation, SetEvaluation } from '../../evaluation/ilacs.ts';
import { INDICATOR_YEARS } from '../../frameworks/indicators/definition.ts';
import { crossCheckScrapedHistory, evaluateAgainstInspectors } from '../../application/evaluate-ilacs.ts';
import type { SiteData } from '../site-data.ts';

/**
 * The test against inspectors, as a page: one table per set of inspections (reported: ending 2023 on; tuning: before),
 * a row per predictor of the ILACS overall effectiveness, every row on the same inspections (src/evaluation/ilacs.ts);
 * the confusion matrices; then the scraped ILACS history checked against Ofsted's own outcomes table, read from the
 * published data folder (src/evaluation/ilacs-crosscheck.ts).
 */
const DASH = '–';

const evaluations = new WeakMap<SiteData, { version: number; evaluation: Promise<IlacsEvaluation> }>();

/**
 * The evaluation over the site's assessed indicator years, computed once per data version and shared: the page reads
 * it, and so may an LA page's summary (`trustSummary(await siteEvaluation(data))`, src/evaluation/ilacs.ts).
 */
export function siteEvaluation(data: SiteData): Promise<IlacsEvaluation> {
  const cached = evaluations.get(data);
  if (cached && cached.version === data.version) return cached.evaluation;
  const evaluation = (async () => {
    const inspections = (await data.year(INDICATOR_YEARS.at(-1)!)).input.run.laInspections;
    return evaluateAgainstInspectors(async (year) => (await data.year(year)).input, inspections);
  })();
  evaluations.set(data, { version: data.version, evaluation });
  evaluation.catch(() => evaluations.delete(data));
  return evaluation;
}

/** `dataDir`: the published data folder Ofsted's outcomes table is read from (`null`: none, and the cross-check says so). */
export async function evaluationPage(data: SiteData, dataDir: string | null = defaultDataDir(process.env) ?? null) {
  const e = await siteEvaluation(data);
  const inspections = (await data.year(INDICATOR_YEARS.at(-1)!)).input.run.laInspections;
  const label = (g: number) => data.scaleLabel(INDICATOR_YEARS.at(-1)!, g);
  const year = TUNING_BEFORE.slice(0, 4);
  const matrix = (a: Agreement) => ({
    n: a.n,
    rows: [3, 2, 1, 0].map((p) => ({ kingsway: `${p + 1} ${label(p + 1)}`, counts: a.matrix[p]!, total: a.matrix[p]!.reduce((s, x) => s + x, 0) })),
    totals: [0, 1, 2, 3].map((j) => a.matrix.reduce((s, r) => s + r[j]!, 0)),
  });
  const set = (id: SetEvaluation['set'], name: string, s: SetEvaluation) => ({
    id,
    name,
    inspections: s.inspections,
    compared: s.compared,
    excluded: [...s.excluded].map(([reason, n]) => ({ reason, n })),
    rows: s.predictors.map((p) => ({
      label: p.predictor.label,
      description: p.predictor.description,
      n: p.agreement.n,
      kappa: formatKappa(p.agreement.quadraticKappa, DASH),
      interval: formatInterval(p.kappaInterval, DASH),
      exact: formatShare(p.agreement.exact, DASH),
      withinOne: formatShare(p.agreement.withinOne, DASH),
      recall: ILACS_JUDGEMENTS.map((j) => formatShare(p.recall[j], DASH)),
      inadequatePrecision: formatShare(p.inadequatePrecision, DASH),
    })),
    overCarryForward: { difference: formatKappa(s.overCarryForward.difference, DASH), interval: formatInterval(s.overCarryForward.interval, DASH), above: formatShare(s.overCarryForward.shareOfDrawsAbove, DASH) },
    own: s.ownCases.map((o) => ({ label: o.predictor.label, n: o.agreement.n, kappa: formatKappa(o.agreement.quadraticKappa, DASH), exact: formatShare(o.agreement.exact, DASH), withinOne: formatShare(o.agreement.withinOne, DASH) })),
    // Kingsway's matrix shown; the others' (carry-forward and the cut-offs) folded away. Always good's is one row.
    matrix: matrix(s.predictors[0]!.agreement),
    otherMatrices: s.predictors.slice(1, 3).map((p) => ({ label: p.predictor.label, ...matrix(p.agreement) })),
  });
  const outcome = crossCheckScrapedHistory(dataDir, inspections, await data.las());
  return {
    title: "Kingsway's indicators against inspectors' judgements",
    section: 'evaluation',
    tuningYear: year,
    resamples: e.bootstrap.resamples.toLocaleString('en-GB'),
    inspections: e.cases.length,
    sets: [set('reporting', `Reported: inspections ending in ${year} or later`, e.reporting), set('tuning', `Tuning set: inspections ending before ${year}`, e.tuning)],
    // Ofsted's words alone: Ofsted numbers its scale from 1 for outstanding, so a number of ours would mislead.
    ilacs: ILACS_JUDGEMENTS.map((j) => ILACS_WORDS[j]),
    crossCheck: outcome.ok
      ? {
          ok: true,
          file: outcome.file.path,
          sha256: outcome.file.sha256,
          rows: outcome.check.rows,
          matched: outcome.check.matched,
          agreeing: outcome.check.agreeing,
          counts: CROSS_CHECK_KINDS.map((k) => ({ label: CROSS_CHECK_LABEL[k].charAt(0).toUpperCase() + CROSS_CHECK_LABEL[k].slice(1), n: outcome.check.counts[k] })),
          notes: outcome.check.notes,
          disagreements: outcome.check.disagreements.map((d) => ({ name: d.name, code: d.la ?? d.gss, began: d.inspectionDate, subject: d.subject, ofsted: d.ofsted, scraped: d.scraped })),
        }
      : { ok: false, reason: outcome.reason },
  };
}
