import type { Assessment } from '../../judgement/assess.ts';
import { REGIONS } from '../../domain/local-authority.ts';
import { distributionChart } from '../charts.ts';
import type { YearView } from '../site-data.ts';
import type { Hex } from '../../store/repository.ts';
import { hexMapSvg, placeLas } from '../hexmap.ts';
import { boundaryNotes } from '../../domain/boundary-changes.ts';
import { syntheticIds, syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import { missingYears, scaleView } from '../years-explained.ts';

/**
 * The national picture for a year: every LA with its grade (derived and final), its change since last year, its
 * region and the limiting rules that applied; sortable and filterable by the query string (so that it works without
 * JavaScript and every view has its own URL); downloadable as CSV with the same filters; and the distribution of
 * grades beside the published one, as a chart with its table.
 */
export const SORTS = ['name', 'region', 'grade', 'derived', 'direction'] as const;
export type Sort = (typeof SORTS)[number];
export const OUTCOMES = ['4', '3', '2', '1', 'withheld', 'not-assessed'] as const;

export interface NationalQuery {
  readonly region: string | null;
  readonly outcome: string | null;
  readonly q: string | null;
  readonly sort: Sort;
  readonly dir: 'asc' | 'desc';
}

/** Reads the query string leniently: an unknown value is ignored (and the page says so), never an error page. */
export function nationalQuery(raw: Record<string, unknown>): { query: NationalQuery; ignored: string[] } {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | null => {
    const v = raw[name];
    if (v === undefined || v === '') return null;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    ignored.push(`${name}=${String(v)}`);
    return null;
  };
  const q = typeof raw['q'] === 'string' && raw['q'].trim() !== '' ? raw['q'].trim().slice(0, 100) : null;
  return { query: { region: pick('region', REGIONS), outcome: pick('outcome', OUTCOMES), q, sort: pick('sort', SORTS) ?? 'name', dir: pick('dir', ['asc', 'desc'] as const) ?? 'asc' }, ignored };
}

export function queryString(query: NationalQuery, change: Partial<NationalQuery> = {}): string {
  const q = { ...query, ...change };
  const params = new URLSearchParams();
  if (q.region) params.set('region', q.region);
  if (q.outcome) params.set('outcome', q.outcome);
  if (q.q) params.set('q', q.q);
  if (q.sort !== 'name') params.set('sort', q.sort);
  if (q.dir !== 'asc') params.set('dir', q.dir);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const outcomeOf = (a: Assessment): string => (a.status === 'assessed' ? String(a.grade) : a.status);
const DIRECTION_ORDER = { improved: 3, sustained: 2, declined: 1 } as const;

export function filtered(view: YearView, query: NationalQuery): Assessment[] {
  const needle = query.q?.toLowerCase() ?? null;
  const rows = view.results.filter((a) => (!query.region || a.la.region === query.region) && (!query.outcome || outcomeOf(a) === query.outcome) && (!needle || a.la.name.toLowerCase().includes(needle) || a.la.code === needle));
  const key = (a: Assessment): string | number => {
    switch (query.sort) {
      case 'name':
        return a.la.name;
      case 'region':
        return `${a.la.region} ${a.la.name}`;
      case 'grade':
        return a.status === 'assessed' ? a.grade : a.status === 'withheld' ? 0 : -1;
      case 'derived':
        return a.status === 'assessed' ? a.derived : a.status === 'withheld' ? (a.derived ?? 0) : -1;
      case 'direction':
        return a.status === 'assessed' && a.direction ? DIRECTION_ORDER[a.direction.direction] : 0;
    }
  };
  const sign = query.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return c === 0 ? a.la.name.localeCompare(b.la.name) : sign * c;
  });
}

/** GSS/ONS accessible categorical colours, each with the text colour that reads on it (contrast 4.5:1 or more). */
const GRADE_COLOUR: Readonly<Record<string, { fill: string; text: string; mark: string }>> = {
  '4': { fill: '#12436D', text: '#ffffff', mark: '4' },
  '3': { fill: '#28A197', text: '#0b0c0c', mark: '3' },
  '2': { fill: '#F46A25', text: '#0b0c0c', mark: '2' },
  '1': { fill: '#801650', text: '#ffffff', mark: '1' },
  withheld: { fill: '#b1b4b6', text: '#0b0c0c', mark: 'W' },
  'not-assessed': { fill: '#f3f2f1', text: '#0b0c0c', mark: '–' },
};

function hexMap(view: YearView, hexes: readonly Hex[]) {
  const year = view.framework.year;
  const label = (g: number) => view.framework.scale.find((s) => s.grade === g)?.label ?? String(g);
  const placements = placeLas(hexes, view.results.map((a) => a.la));
  const title = `Map of England's local authorities as hexagons, each showing its ${year} grade`;
  const svg = hexMapSvg(placements, hexes[0]?.layout ?? 'odd-r', title, (la) => {
    const a = view.byCode.get(la.code)!;
    const key = outcomeOf(a);
    const colour = GRADE_COLOUR[key]!;
    const words = a.status === 'assessed' ? `${label(a.grade)} (${a.grade})` : a.status === 'withheld' ? 'withheld' : 'not assessed';
    return { href: `/${year}/la/${la.code}`, label: `${la.name}: ${words}`, mark: colour.mark, fill: colour.fill, text: colour.text };
  });
  return {
    title,
    svg,
    key: [...view.framework.scale.map((s) => ({ ...GRADE_COLOUR[String(s.grade)]!, text: `${s.grade}: ${s.label}` })), { ...GRADE_COLOUR['withheld']!, text: 'W: withheld' }, { ...GRADE_COLOUR['not-assessed']!, text: '–: not assessed' }],
    notes: placements.filter((p) => p.note).map((p) => `${p.la.name} (${p.la.code}) is ${p.note}.`),
    missing: view.results.filter((a) => !placements.some((p) => p.la.code === a.la.code)).map((a) => `${a.la.name} (${a.la.code})`),
  };
}

/**
 * What the page says about synthetic data: how many of the year's grades rest on it (every one is also tagged in the
 * table) and the labels that keep Kingsway's run, from synthetic data, apart from the outcome Ofsted published.
 */
function syntheticMarking(view: YearView) {
  const year = view.framework.year;
  const marked = view.results.filter((a) => a.provenance.synthetic);
  const ids = [...new Set(marked.flatMap((a) => syntheticIds(a.provenance)))].sort();
  const all = marked.length > 0 && marked.length === view.results.length;
  const wholly = all && marked.every((a) => a.provenance.extent === 'wholly');
  const synthetic =
    marked.length === 0
      ? null
      : {
          all,
          count: marked.length,
          datasets: ids,
          statement: all
            ? `Every ${year} grade here is built ${wholly ? '' : 'wholly or partly '}from synthetic data (${ids.join(', ')}): invented by Kingsway for demonstration, not real inspection outcomes, and not Ofsted's judgements. Each is tagged in the table.`
            : `${marked.length} of the ${view.results.length} grades for ${year} are built wholly or partly from synthetic data (${ids.join(', ')}), invented by Kingsway for demonstration; each is tagged in the table.`,
        };
  const labels = {
    run: marked.length === 0 ? `Kingsway ${year}` : wholly ? 'Kingsway, from synthetic data' : 'Kingsway, partly from synthetic data',
    published: view.framework.published ? `Ofsted, published ${year}` : `Published ${year}`,
  };
  return { synthetic, labels };
}

export function nationalPage(view: YearView, query: NationalQuery, ignored: readonly string[], years: readonly number[], hexes: readonly Hex[]) {
  const year = view.framework.year;
  const label = (g: number) => view.framework.scale.find((s) => s.grade === g)?.label ?? String(g);
  const rows = filtered(view, query).map((a) => ({
    code: a.la.code,
    name: a.la.name,
    region: a.la.region,
    status: a.status,
    grade: a.status === 'assessed' ? `${a.grade} ${label(a.grade)}` : a.status === 'withheld' ? 'Withheld' : 'Not assessed',
    derived: a.status === 'assessed' || a.status === 'withheld' ? a.derived : null,
    final: a.status === 'assessed' ? a.final : a.status === 'withheld',
    official: view.framework.official,
    // Today's years travel from Kingsway's own grade of the year before, and the cell says so (assess.ts).
    direction: a.status === 'assessed' && a.direction ? `${a.direction.short[0]!.toUpperCase()}${a.direction.short.slice(1)}` : '–',
    rules: a.status === 'assessed' ? a.derivation.fired.map((f) => f.rule.title) : [],
    // A withheld outcome says who withheld it, when and why.
    reason: a.status === 'assessed' ? null : a.status === 'withheld' ? `By ${a.judgement.author} on ${a.judgement.recordedAt.slice(0, 10)}: ${a.reason}` : a.reason,
    // The tag beside the grade ("Synthetic data") and its sentence, from the one answer (provenance.ts).
    synthetic: syntheticLabel(a.provenance),
    syntheticNote: syntheticNote(a.provenance),
  }));
  const head = (sort: Sort, text: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === 'asc' ? 'desc' : 'asc';
    return { text, href: `/${year}${queryString(query, { sort, dir })}`, ariaSort: active ? (query.dir === 'asc' ? 'ascending' : 'descending') : 'none' };
  };
  const { synthetic, labels } = syntheticMarking(view);
  return {
    title: `Children's services ${view.framework.outcomeNoun}s ${year}`,
    section: 'national',
    year,
    years: years.map((y) => ({ year: y, href: `/${y}`, current: y === year })),
    frameworkTitle: view.framework.title,
    query,
    ignored,
    regions: REGIONS,
    outcomes: [...view.framework.scale.map((s) => ({ value: String(s.grade), text: `${s.grade} ${s.label}` })), { value: 'withheld', text: 'Withheld' }, { value: 'not-assessed', text: 'Not assessed' }],
    heads: [head('name', 'Local authority'), head('region', 'Region'), head('grade', 'Grade'), head('derived', 'Derived grade'), head('direction', 'Since last year')],
    rows,
    total: view.results.length,
    csvHref: `/${year}/assessments.csv${queryString(query)}`,
    chart: distributionChart(year, view.distribution, labels),
    distributionLabels: labels,
    synthetic,
    map: hexes.length > 0 ? hexMap(view, hexes) : null,
    distribution: view.distribution,
    publishedSource: view.framework.published?.source ?? null,
    official: view.framework.official,
    boundaryChanges: boundaryNotes(year),
    // What the year's grades mean, from its framework; and why some years have no pages (years-explained.ts).
    scale: scaleView(view.framework),
    missingYears: missingYears(),
  };
}
