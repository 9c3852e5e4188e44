import type { DataSymbol } from '../domain/data-symbol.ts';
import { ENGLAND_AREA_CODE } from '../domain/area-codes.ts';
import type { IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Period } from '../domain/period.ts';
import type { Framework } from '../frameworks/types.ts';

/**
 * Block C of the performance profile: each indicator of the framework's ECM outcomes, for the LA, similar areas and
 * England, with a polarity-aware comparison, the LA's rank and quartile among all LAs, and its trend over up to five
 * periods (framework.md §3). A missing value stays a data symbol and is never compared as if it were zero.
 */
export type Figure = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'symbol'; readonly symbol: DataSymbol } | { readonly kind: 'none' };

/** How a comparator was obtained. */
export type ComparatorSource = 'neighbours-mean' | 'neighbours-median' | 'supplied-comparator' | 'published';

export interface Comparison {
  readonly comparator: number;
  readonly source: ComparatorSource;
  /** LA minus comparator. */
  readonly difference: number;
  /** Strictly by sign: "fell to just below the national figure" (stockport-2011) is below, yet in line. */
  readonly position: 'above' | 'equal' | 'below';
  /** Within the framework's tolerance, or above or below it. */
  readonly relation: 'above' | 'in-line' | 'below';
  /** The relation read through the indicator's polarity; `null` where the indicator has none. */
  readonly verdict: 'better' | 'in-line' | 'worse' | null;
}

export interface PeriodFigures {
  readonly period: Period;
  readonly la: Figure;
  readonly similarAreas: Comparison | null;
  readonly england: Comparison | null;
}

export type TrendWord = 'improving' | 'stable' | 'declining' | 'narrowing' | 'widening';

export interface Trend {
  readonly from: Period;
  readonly to: Period;
  readonly change: number;
  readonly word: TrendWord;
}

export interface BlockCRow {
  readonly indicator: IndicatorDefinition;
  /** Oldest first, up to five periods ending no later than the framework's year (or, today, ended by its profile date). */
  readonly series: readonly PeriodFigures[];
  readonly latest: PeriodFigures | null;
  readonly rank: { readonly rank: number; readonly of: number; readonly quartile: 1 | 2 | 3 | 4 } | null;
  /** Over the whole series, and over the last two years ("has narrowed over the last two years"). */
  readonly trend: Trend | null;
  readonly twoYearTrend: Trend | null;
  /**
   * Where the latest figure is provisional and a final one precedes it: the trend over the series up to the last final
   * figure, and the change from it to the provisional one. A provisional figure is not the year's result; the letter
   * states the last final year's position, then what the provisional figures show (stockport-2011: "Provisional
   * figures for 2011 indicate that this strong performance has been maintained"). `null` otherwise.
   */
  readonly provisional: { readonly finalTrend: Trend | null; readonly change: Trend | null } | null;
}

/** Values indexed by indicator, then period, then area, built once per run. */
export interface IndicatorIndex {
  readonly definitions: ReadonlyMap<string, IndicatorDefinition>;
  readonly byIndicator: ReadonlyMap<string, ReadonlyMap<string, { readonly period: Period; readonly byArea: ReadonlyMap<string, IndicatorValue> }>>;
}

/**
 * An area's key in `byArea`: one string per area, made once and kept (issue 14). Building `la:356` afresh for each of
 * the thousands of lookups a profile makes cost a new string and its hash every time (about a quarter of Block C's
 * time), and an index keyed by fresh strings held one copy per value.
 */
const AREA_KEYS = new Map<string, Map<string, string>>();
export function areaKey(kind: string, code: string): string {
  let byCode = AREA_KEYS.get(kind);
  if (!byCode) AREA_KEYS.set(kind, (byCode = new Map()));
  let key = byCode.get(code);
  if (key === undefined) byCode.set(code, (key = `${kind}:${code}`));
  return key;
}

type Periods = Map<string, { period: Period; byArea: Map<string, IndicatorValue> }>;

/**
 * One indicator's periods, kept with the values they index (issue 14): the web site's years read the same values of the
 * same indicators (application/shared-reads.ts hands each year the same objects), and each built its own copy of this
 * index, about 3 MB a year. Keyed by the indicator's first value and checked against all of them, so that other values
 * (another read, another test) never reuse it; the values are never changed, so what is kept is what building gives.
 */
const PERIODS = new WeakMap<IndicatorValue, { readonly values: readonly IndicatorValue[]; readonly periods: Periods }>();

function periodsOf(values: readonly IndicatorValue[]): Periods {
  const kept = PERIODS.get(values[0]!);
  if (kept && kept.values.length === values.length && kept.values.every((v, i) => v === values[i])) return kept.periods;
  const periods: Periods = new Map();
  for (const v of values) {
    let entry = periods.get(v.period.original);
    if (!entry) periods.set(v.period.original, (entry = { period: v.period, byArea: new Map() }));
    entry.byArea.set(areaKey(v.area.kind, v.area.code), v);
  }
  PERIODS.set(values[0]!, { values, periods });
  return periods;
}

export function indexIndicators(definitions: readonly IndicatorDefinition[], values: readonly IndicatorValue[]): IndicatorIndex {
  const byIndicatorValues = new Map<string, IndicatorValue[]>();
  for (const v of values) {
    const list = byIndicatorValues.get(v.indicator);
    if (list) list.push(v);
    else byIndicatorValues.set(v.indicator, [v]);
  }
  const byIndicator = new Map<string, Periods>();
  for (const [indicator, list] of byIndicatorValues) byIndicator.set(indicator, periodsOf(list));
  return { definitions: new Map(definitions.map((d) => [d.id, d])), byIndicator };
}

/** Figures are published to a decimal place or two: differences are rounded to a millionth, so 7.1 − 6.1 is 1, not 0.9999999999999991. */
const settle = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Whether a unit is a percentage, by unit: asked for every comparison and trend, and there are a few dozen units. */
const IN_POINTS = new Map<string, boolean>();

/** Percentages and percentage points are compared in points; rates and counts relative to the comparator. */
export function tolerance(indicator: IndicatorDefinition, comparator: number, framework: Pick<Framework, 'inLineTolerance'>): number {
  let inPoints = IN_POINTS.get(indicator.unit);
  if (inPoints === undefined) IN_POINTS.set(indicator.unit, (inPoints = /%|percent|percentage point/i.test(indicator.unit)));
  return settle(inPoints ? framework.inLineTolerance.points : Math.abs(comparator) * framework.inLineTolerance.relative);
}

/**
 * The boundary: a difference strictly smaller than the tolerance is in line; a difference of exactly the tolerance is
 * above or below (76.0 against 75.0, on a 1-point tolerance, is above). A tolerance of one point absorbs what is less
 * than a point; a whole point, as published, is a difference a reader sees. [reconstruction: no published rule]
 * The same boundary reads a trend: a change of exactly the tolerance is a movement (docs/judgement.md).
 */
export const withinTolerance = (difference: number, tol: number): boolean => Math.abs(settle(difference)) < settle(tol);

/**
 * One figure against one comparator, as Block C compares it: exported for the what-if (src/judgement/what-if/), which
 * reads where a figure would cross the boundary before it asks `blockC` for the row again.
 */
export function compare(indicator: IndicatorDefinition, la: number, comparator: number, source: ComparatorSource, framework: Pick<Framework, 'inLineTolerance'>): Comparison {
  const difference = settle(la - comparator);
  const tol = tolerance(indicator, comparator, framework);
  const relation = withinTolerance(difference, tol) ? 'in-line' : difference > 0 ? 'above' : 'below';
  const verdict =
    indicator.polarity === 'no-polarity' ? null : relation === 'in-line' ? 'in-line' : (relation === 'above') === (indicator.polarity === 'higher-is-better') ? 'better' : 'worse';
  return { comparator, source, difference, position: difference > 0 ? 'above' : difference < 0 ? 'below' : 'equal', relation, verdict };
}

const figureOf = (v: IndicatorValue | undefined): Figure => (v === undefined ? { kind: 'none' } : v.value.kind === 'number' ? v.value : v.value);
const numberOf = (v: IndicatorValue | undefined): number | null => (v?.value.kind === 'number' ? v.value.value : null);

/** Among periods ending in the same year, a final or revised figure is preferred to an unqualified, then a provisional one. */
const QUALIFIER_ORDER = { final: 0, revised: 1, outturn: 2, none: 3, provisional: 4 } as const;

/**
 * The periods a framework reads of an indicator: those ending in its year or before; or, where the framework gives the
 * day its periods end (today's data, `blockCPeriodEnds`), those that have ended by the profile date, so that no figure
 * describes a time after it (LAIT's workforce "2024" is as at 30 September 2024, after the 31 August profile date).
 */
function readsPeriod(framework: Pick<Framework, 'year' | 'profileDate' | 'blockCPeriodEnds'>, indicator: string): (endYear: number) => boolean {
  const ends = framework.blockCPeriodEnds?.[indicator];
  return ends === undefined ? (endYear) => endYear <= framework.year : (endYear) => `${endYear}-${ends}` <= framework.profileDate;
}

/**
 * The (up to five) periods a framework reads of an indicator, the same for every LA: chosen once per indicator's
 * periods and way of reading them, rather than once for each of 152 LAs (issue 14: the web site profiles an LA again
 * when its page is asked for).
 */
const CHOSEN = new WeakMap<object, Map<string, readonly Period[]>>();
function chosenPeriods(periods: ReadonlyMap<string, { readonly period: Period }>, framework: Pick<Framework, 'year' | 'profileDate' | 'blockCPeriodEnds'>, indicator: string): readonly Period[] {
  const ends = framework.blockCPeriodEnds?.[indicator];
  const key = ends === undefined ? `in ${framework.year}` : `ending ${ends} by ${framework.profileDate}`;
  let byReading = CHOSEN.get(periods);
  if (!byReading) CHOSEN.set(periods, (byReading = new Map()));
  let chosen = byReading.get(key);
  if (!chosen) byReading.set(key, (chosen = periodsUpTo(periods.values(), readsPeriod(framework, indicator)).slice(-5)));
  return chosen;
}

function periodsUpTo(periods: Iterable<{ period: Period }>, reads: (endYear: number) => boolean): Period[] {
  const bestByEnd = new Map<number, Period>();
  for (const { period } of periods) {
    if (period.endYear === null || !reads(period.endYear)) continue;
    const current = bestByEnd.get(period.endYear);
    const rank = (p: Period) => QUALIFIER_ORDER[p.qualifier ?? 'none'];
    if (!current || rank(period) < rank(current)) bestByEnd.set(period.endYear, period);
  }
  return [...bestByEnd.values()].sort((a, b) => a.endYear! - b.endYear!);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const isGap = (d: IndicatorDefinition) => /gap/i.test(`${d.id} ${d.name}`);

function trendBetween(indicator: IndicatorDefinition, from: PeriodFigures, to: PeriodFigures, framework: Pick<Framework, 'inLineTolerance'>): Trend | null {
  if (from.la.kind !== 'number' || to.la.kind !== 'number' || from === to) return null;
  const change = settle(to.la.value - from.la.value);
  const tol = tolerance(indicator, from.la.value, framework);
  const up = !withinTolerance(change, tol) && change > 0;
  const down = !withinTolerance(change, tol) && change < 0;
  let word: TrendWord;
  if (!up && !down) word = 'stable';
  else if (isGap(indicator)) word = up ? 'widening' : 'narrowing';
  else if (indicator.polarity === 'no-polarity') word = 'stable';
  else word = up === (indicator.polarity === 'higher-is-better') ? 'improving' : 'declining';
  return { from: from.period, to: to.period, change, word };
}

/**
 * The change from the previous period with a number to the latest period, read as a trend is (the same tolerance and
 * boundary: a change of exactly the tolerance is a movement): `null` where the latest period has no number or no
 * earlier period has one. Read by red-red.ts; blockC itself does not use it.
 */
export function latestChange(row: Pick<BlockCRow, 'indicator' | 'series' | 'latest'>, framework: Pick<Framework, 'inLineTolerance'>): Trend | null {
  const latest = row.latest;
  if (!latest || latest.la.kind !== 'number') return null;
  const at = row.series.lastIndexOf(latest);
  const previous = row.series.slice(0, at === -1 ? row.series.length : at).findLast((s) => s.la.kind === 'number' && s !== latest);
  return previous ? trendBetween(row.indicator, previous, latest, framework) : null;
}

export function blockC(index: IndicatorIndex, la: LaCode, neighbours: readonly LaCode[], allLas: readonly LaCode[], framework: Framework): BlockCRow[] {
  const rows: BlockCRow[] = [];
  const keys = keysOf(la, neighbours);
  for (const indicator of index.definitions.values()) {
    if (indicator.ecmOutcome === null || !framework.blockCOutcomes.includes(indicator.ecmOutcome)) continue;
    const periods = index.byIndicator.get(indicator.id);
    if (!periods) continue;
    rows.push(rowOf(indicator, periods, keys, allLas, framework, null));
  }
  // In the framework's order of ECM outcomes, then by indicator id with numbers compared as numbers (NI 56 < NI 102).
  const outcomeOrder = (r: BlockCRow) => framework.blockCOutcomes.indexOf(r.indicator.ecmOutcome!);
  return rows.sort((a, b) => outcomeOrder(a) - outcomeOrder(b) || ID_ORDER.compare(a.indicator.id, b.indicator.id));
}

/** The LA's figure for one period, in place of the one stored: what the what-if asks a row of (src/judgement/what-if/). */
export interface FigureOverride {
  readonly period: string;
  readonly value: number;
}

/**
 * One indicator's row with the LA's figure for one period replaced, computed as `blockC` computes every row (the same
 * function): its comparisons, rank among all LAs (the LA's stored figure taken out of the ranking and the new one put
 * in), trends and provisional reading. `null` where the index has no values of the indicator.
 */
export function blockCRowWith(index: IndicatorIndex, indicatorId: string, la: LaCode, neighbours: readonly LaCode[], allLas: readonly LaCode[], framework: Framework, override: FigureOverride): BlockCRow | null {
  const indicator = index.definitions.get(indicatorId);
  const periods = index.byIndicator.get(indicatorId);
  return indicator && periods ? rowOf(indicator, periods, keysOf(la, neighbours), allLas, framework, override) : null;
}

interface AreaKeys {
  readonly la: LaCode;
  readonly own: string;
  readonly neighbours: readonly string[];
  readonly similar: string;
  readonly england: string;
}

/** The areas' keys, looked up once rather than for every indicator and period. */
function keysOf(la: LaCode, neighbours: readonly LaCode[]): AreaKeys {
  return { la, own: areaKey('la', la), neighbours: neighbours.map((n) => areaKey('la', n)), similar: areaKey('similar-areas', la), england: areaKey('england', ENGLAND_AREA_CODE) };
}

type IndicatorPeriods = IndicatorIndex['byIndicator'] extends ReadonlyMap<string, infer P> ? P : never;

function rowOf(indicator: IndicatorDefinition, periods: IndicatorPeriods, keys: AreaKeys, allLas: readonly LaCode[], framework: Framework, override: FigureOverride | null): BlockCRow {
  const chosen = chosenPeriods(periods, framework, indicator.id);
  const series = chosen.map((period): PeriodFigures => {
    const byArea = periods.get(period.original)!.byArea;
    const own = byArea.get(keys.own);
    const replaced = override !== null && override.period === period.original;
    const value = replaced ? override.value : numberOf(own);
    let similar: Comparison | null = null;
    if (value !== null) {
      const neighbourValues: number[] = [];
      for (const key of keys.neighbours) {
        const v = numberOf(byArea.get(key));
        if (v !== null) neighbourValues.push(v);
      }
      if (neighbourValues.length > 0) {
        const combined = framework.similarAreas === 'mean' ? neighbourValues.reduce((a, b) => a + b, 0) / neighbourValues.length : median(neighbourValues);
        similar = compare(indicator, value, combined, framework.similarAreas === 'mean' ? 'neighbours-mean' : 'neighbours-median', framework);
      } else {
        const supplied = numberOf(byArea.get(keys.similar));
        if (supplied !== null) similar = compare(indicator, value, supplied, 'supplied-comparator', framework);
      }
    }
    const englandValue = numberOf(byArea.get(keys.england));
    const england = value !== null && englandValue !== null ? compare(indicator, value, englandValue, 'published', framework) : null;
    return { period, la: replaced ? { kind: 'number', value: override.value } : figureOf(own), similarAreas: similar, england };
  });
  const latest = series.at(-1) ?? null;
  let rank: BlockCRow['rank'] = null;
  if (latest && latest.la.kind === 'number') {
    const values = sortedLaValues(periods.get(latest.period.original)!, allLas);
    const own = latest.la.value;
    // Ranked by polarity, 1 is best: count the LAs strictly better.
    let better = indicator.polarity === 'lower-is-better' ? countBelow(values, own) : values.length - countBelow(values, own, true);
    let of = values.length;
    // A replaced figure: the LA's stored one, which the sorted values hold, is not another LA's to rank against.
    if (override !== null && override.period === latest.period.original && allLas.includes(keys.la)) {
      const stored = numberOf(periods.get(latest.period.original)!.byArea.get(keys.own));
      if (stored === null) of += 1;
      else if (indicator.polarity === 'lower-is-better' ? stored < own : stored > own) better--;
    }
    const position = better + 1;
    rank = { rank: position, of, quartile: Math.min(4, Math.ceil((position / of) * 4)) as 1 | 2 | 3 | 4 };
  }
  const numeric = series.filter((s) => s.la.kind === 'number');
  const trend = numeric.length >= 2 ? trendBetween(indicator, numeric[0]!, numeric.at(-1)!, framework) : null;
  const twoBack = series.length >= 3 ? series.at(-3)! : null;
  const twoYearTrend = twoBack && latest ? trendBetween(indicator, twoBack, latest, framework) : null;
  const last = numeric.at(-1);
  const settled = last?.period.qualifier === 'provisional' ? numeric.slice(0, -1) : null;
  const provisional =
    last && settled && settled.length > 0
      ? { finalTrend: settled.length >= 2 ? trendBetween(indicator, settled[0]!, settled.at(-1)!, framework) : null, change: trendBetween(indicator, settled.at(-1)!, last, framework) }
      : null;
  return { indicator, series, latest, rank, trend, twoYearTrend, provisional };
}

/** One collator for every sort: `localeCompare` with options builds a new one on each call. */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

/**
 * All LAs' values of one indicator in one period, ascending: computed once per period and list of LAs and kept with
 * the period's entry, so that ranking 152 LAs reads them once rather than 152 times. The entry is shared by every year
 * that reads the period (indexIndicators), so it keeps one array for each list of LAs (by content: most years have the
 * same 152), rather than one that the years would take in turn from each other.
 */
const SORTED = new WeakMap<object, Map<string, Float64Array>>();
const LAS_KEYS = new WeakMap<readonly LaCode[], string>();
function sortedLaValues(entry: { byArea: ReadonlyMap<string, IndicatorValue> }, allLas: readonly LaCode[]): Float64Array {
  let lasKey = LAS_KEYS.get(allLas);
  if (lasKey === undefined) LAS_KEYS.set(allLas, (lasKey = allLas.join(',')));
  let byLas = SORTED.get(entry);
  if (!byLas) SORTED.set(entry, (byLas = new Map()));
  const kept = byLas.get(lasKey);
  if (kept) return kept;
  const numbers = allLas.map((code) => numberOf(entry.byArea.get(areaKey('la', code)))).filter((v): v is number => v !== null);
  const values = Float64Array.from(numbers).sort();
  byLas.set(lasKey, values);
  return values;
}

/** How many values of an ascending array are below `x` (or at or below it, when `inclusive`): a binary search. */
function countBelow(values: Float64Array, x: number, inclusive = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x || (inclusive && values[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
