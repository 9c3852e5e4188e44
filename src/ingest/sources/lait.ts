import type { Dataset } from '../../domain/dataset.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { SourceFile } from '../../store/repository.ts';
import { parseDataSymbol } from '../../domain/data-symbol.ts';
import type { Area, FigureValue, IndicatorDefinition, IndicatorValue, Polarity } from '../../domain/indicator.ts';
import { parsePeriod } from '../../domain/period.ts';
import { ENGLAND_AREA_CODE, REGION_AREA_CODES } from '../../domain/area-codes.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import { loadCsv } from '../source.ts';
import type { ProgressFn, SourceRead } from '../source.ts';
import { parseNumber } from '../values.ts';
import { memoByString } from '../../domain/memo.ts';

/**
 * DfE's Local Authority Interactive Tool (LAIT) data: 641,070 values of 434 indicators for LAs, regions and England,
 * 2015/16 to 2025, in long format (`bds_long.csv.gz`), with the data dictionary that gives each measure's polarity
 * (`lait_data_dictionary.csv`). Read as published: periods in LAIT's many spellings, "-" for a value LAIT does not
 * have (read as the GSS symbol x, keeping "-"), England and regions by LAIT's area numbers 970-990.
 */
export const LAIT_DATASET: Dataset = {
  id: 'dfe-lait',
  kind: 'real',
  title: 'DfE Local Authority Interactive Tool (LAIT) indicators',
  source: 'DfE LAIT, dfe-analytical-services/local-authority-interactive-tool (bds_long, data dictionary)',
  licence: 'Open Government Licence v3.0',
};

const VALUES: ColumnSpecs = {
  'Short Desc': { required: true },
  'Data item': { required: false },
  Years: { required: true },
  'LA and Regions': { required: false },
  Values: { required: true },
  'LA Number': { required: true },
  Region: { required: false },
};

const DICTIONARY: ColumnSpecs = {
  Measure_short: { required: true },
  Measure: { required: true },
  Topic: { required: false },
  Polarity: { required: true },
  y_axis_name: { required: false },
  Description: { required: false },
  'Data Owner (DO) /Supplier and Contact Details': { required: false },
};

/** LAIT's polarity words: "High" (higher is better), "Low", and "-" or "NA" where no direction applies. */
const POLARITY: Readonly<Record<string, Polarity>> = { high: 'higher-is-better', low: 'lower-is-better', '-': 'no-polarity', na: 'no-polarity', '': 'no-polarity' };

export interface LaitInput {
  readonly valuesPath: string;
  readonly dictionaryPath: string;
  readonly display?: { readonly values: string; readonly dictionary: string };
  readonly knownLas: ReadonlySet<string>;
  readonly onProgress?: ProgressFn;
}

function readDictionary(path: string, display: string): { ok: true; byShort: Map<string, IndicatorDefinition>; notes: string[]; file: SourceFile } | { ok: false; rejections: readonly Rejection[] } {
  const loaded = loadCsv(path, display);
  if (!loaded.ok) return loaded;
  const { table, file } = loaded.value;
  const cols = resolveColumns(table, DICTIONARY);
  if (!cols.ok) return cols;
  const r = new RowReader(table, cols.columns);
  const byShort = new Map<string, IndicatorDefinition>();
  const duplicates: string[] = [];
  for (const row of table.rows) {
    const id = r.text(row, 'Measure_short');
    if (id === '' || id === 'NA') continue;
    const polarity = r.required(row, 'Polarity', (v) => (Object.hasOwn(POLARITY, v.toLowerCase()) ? POLARITY[v.toLowerCase()] : undefined), 'High, Low, - or NA');
    if (polarity === undefined) continue;
    if (byShort.has(id)) {
      duplicates.push(id);
      continue;
    }
    const owner = r.text(row, 'Data Owner (DO) /Supplier and Contact Details');
    byShort.set(id, {
      id,
      name: r.text(row, 'Measure'),
      unit: r.text(row, 'y_axis_name'),
      polarity,
      ecmOutcome: null,
      topic: r.text(row, 'Topic') || null,
      description: r.text(row, 'Description') || null,
      source: owner ? `DfE LAIT; data owner: ${owner.split('\n')[0]!.trim()}` : 'DfE LAIT',
    });
  }
  if (r.rejections.length > 0) return { ok: false, rejections: r.rejections };
  const notes = duplicates.length > 0 ? [`data dictionary lists ${duplicates.length} measures twice (the first definition is used): ${[...new Set(duplicates)].join(', ')}`] : [];
  return { ok: true, byShort, notes, file };
}

/** A cell of the Values column: a number, else a data symbol; `undefined` when it is neither. */
function readValue(raw: string): FigureValue | undefined {
  const num = parseNumber(raw);
  if (num !== undefined) return { kind: 'number', value: num };
  const symbol = parseDataSymbol(raw);
  return symbol === undefined ? undefined : { kind: 'symbol', symbol };
}

export function readLait(input: LaitInput): SourceRead {
  const display = input.display ?? { values: input.valuesPath, dictionary: input.dictionaryPath };
  const dictionary = readDictionary(input.dictionaryPath, display.dictionary);
  if (!dictionary.ok) return dictionary;
  const loaded = loadCsv(input.valuesPath, display.values);
  if (!loaded.ok) return loaded;
  const { table, file } = loaded.value;
  const cols = resolveColumns(table, VALUES);
  if (!cols.ok) return cols;
  const r = new RowReader(table, cols.columns);
  const ix = cols.columns.index;
  const [iShort, iYears, iValue, iLa] = [ix['Short Desc']!, ix['Years']!, ix['Values']!, ix['LA Number']!];

  // Every column read here repeats heavily (641,070 rows: 434 measures, 65 periods, 170 areas, 55,323 distinct values),
  // so each distinct spelling is read once (memoByString: it compares with the row before, then looks the rest up),
  // and the rows that share one share its Period, Area and FigureValue objects (55,323 values, not 641,070, for the
  // collector to keep). `undefined` is a spelling refused. parseNumber's regular expressions on every row were 0.12 s
  // of LAIT's read; what is left of the loop is mostly reading the parsed rows from memory (four strings a row,
  // scattered over the 250 MB papaparse leaves).
  const periodOf = memoByString(parsePeriod, Infinity);
  // Own properties only: an LA Number "constructor" was once read as a region through the prototype.
  const areaOfCode = memoByString(
    (code: string): Area | undefined =>
      code === ENGLAND_AREA_CODE ? { kind: 'england', code } : Object.hasOwn(REGION_AREA_CODES, code) ? { kind: 'region', code } : input.knownLas.has(code) ? { kind: 'la', code } : undefined,
    Infinity,
  );
  const areaOf = memoByString((raw: string) => areaOfCode(raw.trim()), Infinity);
  const valueOf = memoByString(readValue, Infinity);
  const used = new Set<string>();
  const values: IndicatorValue[] = [];
  let unspecified = 0;
  let symbols = 0;
  const total = table.rows.length;
  const step = Math.max(1, Math.floor(total / 20));
  // The measure of the row before, looked up again only when it changes (LAIT's file runs measure by measure).
  let lastShortRaw: string | undefined;
  let short = '';
  let definition: IndicatorDefinition | undefined;
  for (let n = 0; n < total; n++) {
    const row = table.rows.at(n)!;
    if (input.onProgress && n % step === 0) input.onProgress('LAIT values', n, total);
    const f = row.fields;
    const shortRaw = f[iShort]!;
    if (shortRaw !== lastShortRaw) {
      lastShortRaw = shortRaw;
      short = shortRaw.trim();
      definition = dictionary.byShort.get(short);
      // Noted as soon as a measure has a row: a row refused later fails the whole read, and `used` is then not read.
      if (definition) used.add(short);
    }
    if (!definition) {
      r.reject(row, 'Short Desc', short, 'this measure is not in the LAIT data dictionary, so its polarity is unknown');
      continue;
    }
    const yearsRaw = f[iYears]!;
    const period = periodOf(yearsRaw);
    if (period === undefined) {
      r.reject(row, 'Years', yearsRaw, 'not a period LAIT uses (e.g. 2016, 2016/17, 2016-17 (OT), 2014-16, 2018 (Rev))');
      continue;
    }
    if (period.kind === 'unspecified') unspecified++;
    const laRaw = f[iLa]!;
    const area = areaOf(laRaw);
    if (!area) {
      r.reject(row, 'LA Number', laRaw.trim(), 'not a known LA code, nor LAIT\'s England (970) or a region (980-990)');
      continue;
    }
    const raw = f[iValue]!;
    const value = valueOf(raw);
    if (value === undefined) {
      r.reject(row, 'Values', raw, 'expected a number or a data symbol (x, c, z, low, or LAIT\'s "-")');
      continue;
    }
    if (value.kind === 'symbol') symbols++;
    values.push({ indicator: short, area, period, value, original: raw });
  }
  input.onProgress?.('LAIT values', total, total);
  if (r.rejections.length > 0) return { ok: false, rejections: r.rejections };
  const indicators = [...used].sort().map((id) => dictionary.byShort.get(id)!);
  const notes = [
    ...dictionary.notes,
    `${symbols.toLocaleString('en-GB')} values are not published ("-" read as the GSS symbol x; the original is kept)`,
    ...(unspecified > 0 ? [`${unspecified} values have the period "0" (no year given); kept as an unspecified period`] : []),
  ];
  return { ok: true, batch: { dataset: LAIT_DATASET, files: [dictionary.file, file], indicators, indicatorValues: values }, notes };
}
