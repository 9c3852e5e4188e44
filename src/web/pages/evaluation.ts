import { evaluateIlacs, ILACS_JUDGEMENTS, ILACS_WORDS, TUNING_BEFORE } from '../../evaluation/ilacs.ts';
import type { Agreement } from '../../evaluation/agreement.ts';
import { INDICATOR_YEARS } from '../../frameworks/indicators/definition.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import type { Assessment } from '../../judgement/assess.ts';
import type { SiteData } from '../site-data.ts';

/**
 * The test against inspectors, as a page: Kingsway's indicator-only provisional grade from the data before each ILACS
 * inspection began, against the inspectors' overall effectiveness (src/evaluation/ilacs.ts), for the inspections
 * reported on (2023 on), those tuning may look at (before 2023), and all.
 */
const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export async function evaluationPage(data: SiteData) {
  const byYear = new Map<number, ReadonlyMap<LaCode, Assessment>>();
  for (const year of INDICATOR_YEARS) byYear.set(year, (await data.year(year)).byCode);
  const inspections = (await data.year(INDICATOR_YEARS.at(-1)!)).input.run.laInspections;
  const e = evaluateIlacs(inspections, (la, year) => byYear.get(year)?.get(la), INDICATOR_YEARS);
  const label = (g: number) => data.scaleLabel(INDICATOR_YEARS.at(-1)!, g);
  const set = (name: string, a: Agreement) => ({
    name,
    n: a.n,
    exact: pct(a.exact),
    withinOne: pct(a.withinOne),
    kappa: a.quadraticKappa === null ? '–' : a.quadraticKappa.toFixed(3),
    matrix: [3, 2, 1, 0].map((p) => ({ kingsway: `${p + 1} ${label(p + 1)}`, counts: a.matrix[p]!, total: a.matrix[p]!.reduce((s, x) => s + x, 0) })),
    totals: [0, 1, 2, 3].map((j) => a.matrix.reduce((s, r) => s + r[j]!, 0)),
  });
  return {
    title: "Kingsway's indicators against inspectors' judgements",
    section: 'evaluation',
    tuningYear: TUNING_BEFORE.slice(0, 4),
    inspections: e.cases.length,
    compared: e.all.n,
    excluded: [...e.excluded].map(([reason, n]) => ({ reason, n })),
    sets: [set(`Reported: inspections ending in ${TUNING_BEFORE.slice(0, 4)} or later`, e.reporting), set(`Tuning set: inspections ending before ${TUNING_BEFORE.slice(0, 4)}`, e.tuning), set('All inspections compared', e.all)],
    // Ofsted's words alone: Ofsted numbers its scale from 1 for outstanding, so a number of ours would mislead.
    ilacs: ILACS_JUDGEMENTS.map((j) => ILACS_WORDS[j]),
  };
}
