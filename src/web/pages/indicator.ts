import { DATA_SYMBOL_MEANING } from '../../domain/data-symbol.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { BlockCRow, Comparison, Figure } from '../../profile/block-c.ts';
import { buildProfile } from '../../profile/profile.ts';
import { trendChart } from '../charts.ts';
import type { YearView } from '../site-data.ts';

/**
 * One indicator for one LA: its trend against similar areas and England as a chart with the same figures as a table,
 * each period's comparison read through the indicator's polarity, its rank, and its definition.
 */
const value = (f: Figure): string => (f.kind === 'number' ? String(Number(f.value.toFixed(2))) : f.kind === 'symbol' ? `${f.symbol} (${DATA_SYMBOL_MEANING[f.symbol]})` : '–');
const against = (c: Comparison | null): string => (c ? `${Number(c.comparator.toFixed(2))}: ${c.verdict === null ? c.relation.replace('-', ' ') : c.verdict === 'in-line' ? 'in line' : c.verdict}` : '–');
const POLARITY = { 'higher-is-better': 'Higher is better', 'lower-is-better': 'Lower is better', 'no-polarity': 'Neither higher nor lower is better' } as const;

export function indicatorPage(view: YearView, a: Assessment, row: BlockCRow) {
  const year = view.framework.year;
  // This indicator's own answer: the LA's values, its neighbours', England's and every LA's (the rank).
  const provenance = a.provenance.indicators[row.indicator.id] ?? a.provenance.parts.blockC;
  return {
    title: `${a.la.name}: ${row.indicator.name}`,
    synthetic: provenance.synthetic ? { label: syntheticLabel(provenance)!, note: syntheticNote(provenance)! } : null,
    datasets: provenance.datasets.map((d) => `${d.id} (${d.kind})`).join(', ') || 'None',
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: a.la.name, href: `/${year}/la/${a.la.code}` }, { text: row.indicator.id }],
    la: a.la,
    indicator: { ...row.indicator, polarity: POLARITY[row.indicator.polarity], outcome: row.indicator.ecmOutcome?.replace(/-/g, ' ') ?? '–' },
    chart: trendChart(a.la.name, row),
    series: row.series.map((p) => ({ period: p.period.original, la: value(p.la), similarAreas: against(p.similarAreas), england: against(p.england) })),
    rank: row.rank ? `${row.rank.rank} of ${row.rank.of} local authorities (quartile ${row.rank.quartile}, 1 the best)` : 'Not ranked',
    trend: row.trend ? `${row.trend.word} from ${row.trend.from.original} to ${row.trend.to.original}` : 'Not enough periods for a trend',
    compareHref: `/compare?year=${year}&la=${a.la.code}&indicator=${encodeURIComponent(row.indicator.id)}`,
  };
}

export function indicatorRow(view: YearView, a: Assessment, id: string): BlockCRow | undefined {
  const profile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);
  return profile.blockC.find((r) => r.indicator.id === id);
}
