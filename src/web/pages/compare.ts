import type { LaCode } from '../../domain/local-authority.ts';
import { provenanceColumns, syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { buildProfile } from '../../profile/profile.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { compareChart } from '../charts.ts';
import type { YearView } from '../site-data.ts';
import type { SiteReader } from '../viewer.ts';

/**
 * The compare page: one LA beside its statistical neighbours (or any LAs chosen) on one type of setting (the share
 * good or better) or one indicator (its latest figure), as a chart with the LA highlighted and England marked, and the
 * same figures as a table. Everything is in the address (year, la, with, measure), so every comparison is a permalink.
 */
export interface CompareQuery {
  readonly year: number;
  readonly la: LaCode | null;
  readonly with: readonly LaCode[] | null;
  /** "group:primary" or "indicator:NI 75". */
  readonly measure: string | null;
}

export function compareQuery(raw: Record<string, unknown>, years: readonly number[], fallbackYear: number): CompareQuery {
  const str = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const year = Number(str('year'));
  const codes = str('with')
    .split(/[\s,]+/)
    .filter((c) => /^\d{3}$/.test(c)) as LaCode[];
  const measure = str('measure') || (str('indicator') ? `indicator:${str('indicator')}` : '') || (str('group') ? `group:${str('group')}` : '');
  return { year: years.includes(year) ? year : fallbackYear, la: /^\d{3}$/.test(str('la')) ? (str('la') as LaCode) : null, with: codes.length > 0 ? codes : null, measure: measure || null };
}

const profileOf = (view: YearView, a: Assessment): LaProfile => (a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code));

export async function comparePage(data: SiteReader, query: CompareQuery) {
  const view = await data.year(query.year);
  const las = [...view.results].sort((a, b) => a.la.name.localeCompare(b.la.name));
  const chosen = query.la ? view.byCode.get(query.la) ?? null : null;
  const profile = chosen ? profileOf(view, chosen) : null;
  const measures = profile
    ? [
        ...profile.blockA.filter((r) => r.la.tally.inspected > 0).map((r) => ({ value: `group:${r.group.id}`, text: `${r.group.label}: share good or better` })),
        ...profile.blockC.filter((r) => r.latest).map((r) => ({ value: `indicator:${r.indicator.id}`, text: `${r.indicator.name} (${r.indicator.id})` })),
      ]
    : [];
  const measure = query.measure && measures.some((m) => m.value === query.measure) ? query.measure : (measures[0]?.value ?? null);
  const others = query.with ?? profile?.neighbours.codes ?? [];
  const codes = chosen ? [chosen.la.code, ...others.filter((c) => c !== chosen.la.code)] : [];
  const unknown = codes.filter((c) => !view.byCode.has(c));

  type Row = { code: LaCode; name: string; value: number | null; shown: string; grade: string; selected: boolean; synthetic: string | null; syntheticNote: string | null; provenance: ReturnType<typeof provenanceColumns> };
  const rows: Row[] = [];
  let england: number | null = null;
  let unit = '%';
  let label = '';
  if (chosen && measure) {
    const [kind, id] = [measure.slice(0, measure.indexOf(':')), measure.slice(measure.indexOf(':') + 1)];
    label = measures.find((m) => m.value === measure)!.text;
    for (const code of codes) {
      const a = view.byCode.get(code);
      if (!a) continue;
      const p = profileOf(view, a);
      let value: number | null = null;
      let shown = '–';
      if (kind === 'group') {
        const row = p.blockA.find((r) => r.group.id === id);
        const share = row?.la.shares.goodOrBetter ?? null;
        value = share === null ? null : share * 100;
        shown = value === null ? 'None inspected' : `${Math.round(value)}% of ${row!.la.tally.inspected}`;
        if (code === chosen.la.code && row?.england?.shares.goodOrBetter != null) england = row.england.shares.goodOrBetter * 100;
      } else {
        const row = p.blockC.find((r) => r.indicator.id === id);
        const figure = row?.latest?.la;
        value = figure?.kind === 'number' ? figure.value : null;
        shown = figure?.kind === 'number' ? `${Number(figure.value.toFixed(2))} (${row!.latest!.period.original})` : figure?.kind === 'symbol' ? figure.symbol : 'No figure';
        if (code === chosen.la.code) {
          england = row?.latest?.england?.comparator ?? null;
          unit = row?.indicator.unit ?? '';
        }
      }
      // The row shows the LA's grade, so it carries the grade's answer (provenance.ts): it covers the measure too.
      const marked = a.provenance;
      rows.push({ code, name: a.la.name, value, shown, grade: a.status === 'assessed' ? `${data.scaleLabel(query.year, a.grade)} (${a.grade})` : a.status === 'withheld' ? 'Withheld' : 'Not assessed', selected: code === chosen.la.code, synthetic: syntheticLabel(marked), syntheticNote: syntheticNote(marked), provenance: provenanceColumns(marked) });
    }
  }
  const permalink = chosen && measure ? `/compare?year=${query.year}&la=${chosen.la.code}&measure=${encodeURIComponent(measure)}${query.with ? `&with=${query.with.join(',')}` : ''}` : null;
  return {
    title: chosen ? `Compare ${chosen.la.name} with ${query.with ? 'chosen local authorities' : 'its statistical neighbours'}` : 'Compare local authorities',
    section: 'compare',
    year: query.year,
    query,
    years: data.years,
    seesUnpublished: data.seesUnpublished,
    las: las.map((a) => ({ value: a.la.code, text: `${a.la.name} (${a.la.code})`, selected: a.la.code === chosen?.la.code })),
    measures: measures.map((m) => ({ ...m, selected: m.value === measure })),
    withText: query.with?.join(', ') ?? '',
    chosen: chosen ? { code: chosen.la.code, name: chosen.la.name } : null,
    unknown,
    label,
    rows,
    england: england === null ? null : Number(england.toFixed(2)),
    chart: chosen && rows.length > 0 ? compareChart(label, rows, chosen.la.name, england, unit) : null,
    permalink,
    csvHref: permalink ? permalink.replace('/compare?', '/compare.csv?') : null,
  };
}
