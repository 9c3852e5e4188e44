import { DATA_SYMBOL_MEANING } from '../../domain/data-symbol.ts';
import { JUDGEMENT_LABEL } from '../../domain/judgement.ts';
import { LA_INSPECTION_LABEL } from '../../domain/la-inspection.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { provenanceColumns, syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { ProvenanceSummary } from '../../judgement/provenance.ts';
import type { Figure } from '../../profile/block-c.ts';
import { buildProfile } from '../../profile/profile.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { blockAChart } from '../charts.ts';
import type { SiteData, YearView } from '../site-data.ts';

/**
 * An LA's page for a year: the grade with its reasons (the trace, in words), Block A as a chart with its table, the
 * LA's own inspections (Block B), the indicators (Block C) with their comparisons, rank and trend, the statistical
 * neighbours with their grades, and the LA's grades in the other years.
 */
const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
const figure = (f: Figure): string => (f.kind === 'number' ? String(Number(f.value.toFixed(2))) : f.kind === 'symbol' ? f.symbol : '–');
const VERDICT: Readonly<Record<string, string>> = { better: 'better', 'in-line': 'in line', worse: 'worse' };
const RELATION: Readonly<Record<string, string>> = { above: 'above', 'in-line': 'in line', below: 'below' };
/** The tag ("Synthetic data") and its sentence for a figure or a table, or `null` where nothing behind it is synthetic. */
const marking = (p: ProvenanceSummary) => (p.synthetic ? { label: syntheticLabel(p)!, note: syntheticNote(p)! } : null);

export async function laPage(data: SiteData, view: YearView, a: Assessment) {
  const year = view.framework.year;
  const label = (g: number) => view.framework.scale.find((s) => s.grade === g)?.label ?? String(g);
  const profile: LaProfile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);

  const outcome =
    a.status === 'assessed'
      ? {
          headline: `${label(a.grade)} (${a.grade})`,
          status: a.final ? 'Final grade, judged by an inspector' : view.framework.official ? 'Derived grade, awaiting inspector judgement' : "Kingsway's grade, derived from published data (no inspector judgement applies)",
          derived: `${label(a.derived)} (${a.derived})`,
          judgement: a.judgement && a.judgement.decision.kind === 'grade' ? { by: a.judgement.author, at: a.judgement.recordedAt.slice(0, 10), rationale: a.judgement.rationale } : null,
          direction: a.direction?.text ?? 'No final grade is recorded for the year before, so there is no direction of travel.',
          rules: a.derivation.fired.map((f) => `${f.rule.title}: ${f.before} to ${f.after}`),
          trace: a.derivation.trace.map((t) => ({ text: t.text, evidence: t.evidence })),
        }
      : a.status === 'withheld'
        ? {
            headline: 'Withheld',
            status: `Outcome withheld by ${a.judgement.author} on ${a.judgement.recordedAt.slice(0, 10)}`,
            derived: a.derived !== null ? `${label(a.derived)} (${a.derived})` : '–',
            // Who withheld it, when and why: never "None recorded" (issue 11).
            judgement: { by: a.judgement.author, at: a.judgement.recordedAt.slice(0, 10), rationale: `withheld the outcome: ${a.reason}` },
            direction: '',
            rules: [],
            trace: [],
          }
        : { headline: 'Not assessed', status: a.reason, derived: '–', judgement: null, direction: '', rules: [], trace: [] };
  const synthetic = marking(a.provenance);
  const blockMarking = { blockA: marking(a.provenance.parts.blockA), blockB: marking(a.provenance.parts.blockB), blockC: marking(a.provenance.parts.blockC) };

  // Kingsway's indicator view of today's data beside the inspectors' latest judgement (issue 6).
  const latestIlacs = view.framework.official
    ? null
    : ([...view.input.run.laInspections].filter((i) => i.la === a.la.code && i.kind === 'ilacs' && i.overall).sort((x, y) => y.endDate.localeCompare(x.endDate))[0] ?? null);
  const beside = view.framework.official
    ? null
    : {
        indicators: a.status === 'assessed' ? `${label(a.derivation.provisional)} (${a.derivation.provisional}), from the indicators alone` : 'Not assessed',
        ilacs: latestIlacs ? `${JUDGEMENT_LABEL[latestIlacs.overall!][0]!.toUpperCase()}${JUDGEMENT_LABEL[latestIlacs.overall!].slice(1)} (inspection ended ${latestIlacs.endDate})` : 'No ILACS judgement in the data',
      };
  const chart = blockAChart(a.la.name, profile.blockA);
  const blockA = profile.blockA
    .filter((r) => r.la.tally.inspected > 0 || (r.england?.shares.goodOrBetter ?? null) !== null)
    .map((r) => ({
      group: r.group.label,
      inspected: r.la.tally.inspected,
      outstanding: r.la.tally.outstanding,
      good: r.la.tally.good,
      satisfactory: r.la.tally.satisfactory,
      inadequate: r.la.tally.inadequate,
      goodOrBetter: percent(r.la.shares.goodOrBetter),
      similarAreas: percent(r.similarAreas?.shares.goodOrBetter),
      england: percent(r.england?.shares.goodOrBetter),
      change: r.goodOrBetterChange === null ? '–' : `${r.goodOrBetterChange > 0 ? '+' : ''}${r.goodOrBetterChange.toFixed(0)} points`,
      // The download keeps the label: whether synthetic data lies behind the row, and which datasets.
      ...provenanceColumns(a.provenance.parts.blockA),
    }));
  const blockB = profile.blockB.map((b) => ({
    kind: LA_INSPECTION_LABEL[b.kind],
    date: b.latest?.endDate ?? null,
    overall: b.latest?.overall ? JUDGEMENT_LABEL[b.latest.overall] : null,
    judgements: b.latest ? Object.entries(b.latest.judgements).map(([name, j]) => `${name.replace(/-/g, ' ')}: ${JUDGEMENT_LABEL[j]}`) : [],
    findings: b.latest ? [b.latest.strengthsCount !== null ? `${b.latest.strengthsCount} strengths` : null, b.latest.developmentCount !== null ? `${b.latest.developmentCount} areas for development` : null, b.latest.priorityActionCount !== null ? `${b.latest.priorityActionCount} areas for priority action` : null].filter((x) => x !== null) : [],
    inWindow: b.inWindow.length,
  }));
  const blockC = profile.blockC
    .filter((r) => r.latest)
    .map((r) => {
      const l = r.latest!;
      return {
        id: r.indicator.id,
        name: r.indicator.name,
        href: `/${year}/la/${a.la.code}/indicator/${encodeURIComponent(r.indicator.id)}`,
        outcome: r.indicator.ecmOutcome?.replace(/-/g, ' ') ?? '–',
        period: l.period.original,
        value: figure(l.la),
        symbol: l.la.kind === 'symbol' ? DATA_SYMBOL_MEANING[l.la.symbol] : null,
        similarAreas: l.similarAreas ? `${Number(l.similarAreas.comparator.toFixed(2))} (${VERDICT[l.similarAreas.verdict ?? ''] ?? RELATION[l.similarAreas.relation]})` : '–',
        england: l.england ? `${Number(l.england.comparator.toFixed(2))} (${VERDICT[l.england.verdict ?? ''] ?? RELATION[l.england.relation]})` : '–',
        rank: r.rank ? `${r.rank.rank} of ${r.rank.of} (quartile ${r.rank.quartile})` : '–',
        trend: r.trend ? `${r.trend.word}, ${r.trend.from.original} to ${r.trend.to.original}` : '–',
        ...provenanceColumns(a.provenance.indicators[r.indicator.id] ?? a.provenance.parts.blockC),
      };
    });
  const bands =
    a.status === 'assessed'
      ? a.derivation.blockC.outcomes.map((o) => ({ outcome: o.outcome.replace(/-/g, ' '), better: o.better, inLine: o.inLine, worse: o.worse, net: `${Math.round(o.net * 100)}%`, band: `${o.band} ${label(o.band)}` }))
      : [];
  const neighbours = profile.neighbours.codes.map((code) => {
    const n = view.byCode.get(code);
    return { code, name: n?.la.name ?? code, grade: !n ? 'Not in the data' : n.status === 'assessed' ? `${label(n.grade)} (${n.grade})` : n.status === 'withheld' ? 'Withheld' : 'Not assessed', synthetic: n ? marking(n.provenance) : null, href: `/${year}/la/${code}` };
  });
  const otherYears = [];
  for (const y of data.years) {
    const other = (await data.year(y)).byCode.get(a.la.code);
    otherYears.push({ year: y, current: y === year, href: `/${y}/la/${a.la.code}`, grade: !other ? 'No LA by this code that year' : other.status === 'assessed' ? `${data.scaleLabel(y, other.grade)} (${other.grade})${other.final ? '' : ', derived'}` : other.status === 'withheld' ? 'Withheld' : 'Not assessed', synthetic: other ? marking(other.provenance) : null });
  }
  return {
    title: `${a.la.name}: children's services ${view.framework.outcomeNoun} ${year}`,
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: a.la.name }],
    la: a.la,
    frameworkTitle: view.framework.title,
    outcome,
    synthetic,
    blockMarking,
    official: view.framework.official,
    beside,
    chart,
    blockA,
    blockB,
    blockC,
    bands,
    csv: { blockA: `/${year}/la/${a.la.code}/block-a.csv`, blockC: `/${year}/la/${a.la.code}/block-c.csv` },
    neighbours,
    vintage: profile.neighbours.vintage,
    similarAreasMethod: profile.framework.similarAreas,
    otherYears,
    letterHref: a.status === 'assessed' ? `/${year}/la/${a.la.code}/letter` : null,
  };
}
