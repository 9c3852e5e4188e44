import { ENGLAND_AREA_CODE, REGION_AREA_CODES } from '../../domain/area-codes.ts';
import { parseDataSymbol } from '../../domain/data-symbol.ts';
import type { Area, AreaKind, FigureValue, IndicatorDefinition, IndicatorValue, Polarity } from '../../domain/indicator.ts';
import { AREA_KINDS, ECM_OUTCOMES, POLARITIES } from '../../domain/indicator.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { OutcomeCount } from '../../domain/outcome-count.ts';
import { parsePeriod } from '../../domain/period.ts';
import { parseProviderType } from '../../domain/provider.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import type { CsvRow, CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseCount, parseDate, parseNumber } from '../values.ts';
import type { BundleContext } from './context.ts';
import { SeenKeys, notAfterLimit } from './context.ts';
import type { BundleColumn } from './spec.ts';

const parsePolarity = vocabulary<Polarity>(POLARITIES, {
  high: 'higher-is-better',
  higher: 'higher-is-better',
  'higher better': 'higher-is-better',
  low: 'lower-is-better',
  lower: 'lower-is-better',
  'lower better': 'lower-is-better',
  none: 'no-polarity',
  '-': 'no-polarity',
});
const parseEcm = vocabulary(ECM_OUTCOMES, { 'be healthy': 'being-healthy', 'stay safe': 'staying-safe', 'enjoy and achieve': 'enjoying-and-achieving', 'making a positive contribution': 'positive-contribution', 'achieving economic well being': 'economic-wellbeing' });
const parseAreaKind = vocabulary<AreaKind>(AREA_KINDS, { 'local authority': 'la', national: 'england', 'similar areas': 'similar-areas', 'statistical neighbours': 'similar-areas', regional: 'region' });

/** An area code checked against its kind: LA codes must be known; England is LAIT's 970; regions 980-990. */
function readArea<K extends string>(r: RowReader<K>, row: CsvRow, kindKey: K, codeKey: K, ctx: BundleContext): Area | undefined {
  const kind = r.required(row, kindKey, parseAreaKind, 'la, region, england or similar-areas');
  const code = r.required(row, codeKey, (v) => v, 'an area code');
  if (kind === undefined || code === undefined) return undefined;
  if (kind === 'england') {
    if (code.toLowerCase() === 'england' || code === ENGLAND_AREA_CODE || code === 'E92000001') return { kind, code: ENGLAND_AREA_CODE };
    r.reject(row, codeKey, code, 'England’s area code is 970 (or E92000001, or "england")');
    return undefined;
  }
  if (kind === 'region') {
    if (REGION_AREA_CODES[code]) return { kind, code };
    r.reject(row, codeKey, code, 'a region code is LAIT’s 980-990 (e.g. 981 North West)');
    return undefined;
  }
  if (!ctx.las.has(code)) {
    r.reject(row, codeKey, code, 'unknown LA code: it is not in the store (run `kingsway import` for the LA lists first)');
    return undefined;
  }
  return { kind, code };
}

export function parseIndicators(table: CsvTable, columns: ResolvedColumns<BundleColumn<'indicators'>>) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const rows: IndicatorDefinition[] = [];
  /** Ids of rows refused for another of their values. */
  const rejected = new Set<string>();
  for (const row of table.rows) {
    const id = r.required(row, 'indicator_id', (v) => v, 'an indicator id such as NI 75');
    const name = r.required(row, 'name', (v) => v, 'the indicator’s name');
    const unit = r.required(row, 'unit', (v) => v, 'the unit, e.g. % or rate per 10,000');
    const polarity = r.required(row, 'polarity', parsePolarity, 'higher-is-better, lower-is-better or no-polarity');
    const ecmOutcome = r.optional(row, 'ecm_outcome', parseEcm, 'an Every Child Matters outcome: being-healthy, staying-safe, enjoying-and-achieving, positive-contribution or economic-wellbeing');
    const source = r.required(row, 'source', (v) => v, 'who publishes it');
    if ([id, name, unit, polarity, ecmOutcome, source].includes(undefined)) {
      // Its values are then not reported again as "unknown indicator": one fault, one message.
      if (id !== undefined) rejected.add(id);
      continue;
    }
    if (!seen.check(r, row, id!, 'indicator_id', id!)) continue;
    rows.push({ id: id!, name: name!, unit: unit!, polarity: polarity!, ecmOutcome: ecmOutcome!, topic: r.text(row, 'topic') || null, description: r.text(row, 'description') || null, source: source! });
  }
  return { rows, rejections: r.rejections, rejected };
}

export function parseIndicatorValues(table: CsvTable, columns: ResolvedColumns<BundleColumn<'indicator-values'>>, ctx: BundleContext, bundleIndicators: ReadonlySet<string>, rejectedIndicators: ReadonlySet<string> = new Set()) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const rows: IndicatorValue[] = [];
  for (const row of table.rows) {
    const indicator = r.required(row, 'indicator_id', (v) => v, 'an indicator id');
    if (indicator !== undefined && rejectedIndicators.has(indicator)) continue;
    if (indicator !== undefined && !bundleIndicators.has(indicator) && !ctx.storedIndicators.has(indicator)) {
      r.reject(row, 'indicator_id', indicator, 'unknown indicator: define it in the bundle’s indicators file');
      continue;
    }
    const area = readArea(r, row, 'area_kind', 'area_code', ctx);
    const period = r.required(row, 'period', parsePeriod, 'a period such as 2010, 2010/11, 2008-10');
    const original = r.text(row, 'value');
    const value = r.required<FigureValue>(
      row,
      'value',
      (v) => {
        const n = parseNumber(v);
        if (n !== undefined) return { kind: 'number', value: n };
        const symbol = parseDataSymbol(v);
        return symbol === undefined ? undefined : { kind: 'symbol', symbol };
      },
      'a number or a data symbol (x not available, c confidential, z not applicable, low)',
    );
    if (indicator === undefined || area === undefined || period === undefined || value === undefined) continue;
    if (!seen.check(r, row, `${indicator}|${area.kind}|${area.code}|${period.original}`, 'period', period.original)) continue;
    rows.push({ indicator, area, period, value, original });
  }
  return { rows, rejections: r.rejections };
}

export function parseOutcomeCounts(table: CsvTable, columns: ResolvedColumns<BundleColumn<'outcome-counts'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const rows: OutcomeCount[] = [];
  for (const row of table.rows) {
    const area = readArea(r, row, 'area_kind', 'area_code', ctx);
    const providerType = r.required(row, 'provider_type', parseProviderType, 'a provider type such as primary-school');
    const asAt = notAfterLimit(r, row, 'as_at', r.required(row, 'as_at', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx) ?? undefined;
    const judgement = r.required(row, 'judgement', (v) => parseJudgement(v), 'outstanding, good, satisfactory, adequate, requires improvement or inadequate');
    const count = r.required(row, 'count', parseCount, 'a whole number (0 or more)');
    const basisRaw = r.text(row, 'basis');
    // By default an LA's own counts are its aggregate, and England or similar-areas figures are supplied comparators.
    const basis = basisRaw === '' ? (area?.kind === 'la' ? 'aggregate' : 'supplied-comparator') : basisRaw === 'aggregate' || basisRaw === 'supplied-comparator' ? basisRaw : undefined;
    if (basis === undefined) r.reject(row, 'basis', basisRaw, 'expected aggregate or supplied-comparator');
    if (area === undefined || providerType === undefined || asAt === undefined || judgement === undefined || count === undefined || basis === undefined) continue;
    if (!seen.check(r, row, `${area.kind}|${area.code}|${providerType}|${asAt}|${judgement}`, 'judgement', judgement)) continue;
    rows.push({ area, providerType, asAt, judgement, count, basis });
  }
  return { rows, rejections: r.rejections };
}
