import type { Rejection } from '../../domain/errors.ts';
import { JUDGEMENTS, parseJudgement } from '../../domain/judgement.ts';
import type { Judgement } from '../../domain/judgement.ts';
import { memoByString } from '../../domain/memo.ts';
import { INSPECTION_KINDS, SUB_JUDGEMENTS, parseInspectionKind } from '../../domain/provider.ts';
import type { InspectionKind, Provider, ProviderInspection, SubJudgementName } from '../../domain/provider.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseDate, parseUrn } from '../values.ts';
import { dateProblem } from './limits.ts';
import type { DateLimit } from './limits.ts';
import type { BundleColumn } from './spec.ts';

/**
 * The provider-inspections file (the largest of a national bundle) is read in two steps:
 *
 * 1. `readInspectionRows`: every check a row can have on its own (URN digits, a real date, a kind, judgement words),
 *    into typed arrays, which pass between threads without copying.
 * 2. `joinInspections`: the checks against the providers file (the URN is a provider's, the date is not before it
 *    opened, no inspection given twice) and the reading of a bare "3" by the provider's regime.
 *
 * The first keeps a row in 30 bytes of typed arrays rather than in objects, which is what makes 180,000 rows quick to
 * read; rejections come out in line order.
 */
export interface InspectionRows {
  readonly file: string;
  readonly count: number;
  /** 1-based line of each row. */
  readonly line: Int32Array;
  /** The URN as a number (URNs are digits); NaN where the row's URN was rejected. */
  readonly urn: Float64Array;
  /** Index into `dates`; -1 where rejected. */
  readonly date: Int32Array;
  readonly dates: readonly string[];
  /** Index into INSPECTION_KINDS; 255 where rejected. */
  readonly kind: Uint8Array;
  /**
   * Six judgement columns per row (overall, then SUB_JUDGEMENTS), each twice: as read in education and in social
   * care (they differ only for a bare "3"). 0 = blank, 1 + index into JUDGEMENTS, 255 = rejected.
   */
  readonly education: Uint8Array;
  readonly socialCare: Uint8Array;
  /** What the first step refused, with file, line, column and value. */
  readonly rejections: readonly Rejection[];
}

const JUDGEMENT_COLUMNS = 1 + SUB_JUDGEMENTS.length;
const BLANK = 0;
const REJECTED = 255;
const JUDGEMENT_WORDS = 'outstanding, good, satisfactory, adequate, requires improvement, inadequate, or 1-4';
const codeOf = (j: Judgement | undefined) => (j === undefined ? REJECTED : 1 + JUDGEMENTS.indexOf(j));
/** Both readings of a judgement cell in one lookup: education's code × 256 + social care's. */
const READ_BOTH = memoByString((v) => codeOf(parseJudgement(v, 'education')) * 256 + codeOf(parseJudgement(v, 'social-care')));

export function readInspectionRows(table: CsvTable, columns: ResolvedColumns<BundleColumn<'provider-inspections'>>, latest?: DateLimit | null): InspectionRows {
  const r = new RowReader(table, columns);
  const count = table.rows.length;
  const out = {
    line: new Int32Array(count),
    urn: new Float64Array(count),
    date: new Int32Array(count),
    kind: new Uint8Array(count),
    education: new Uint8Array(count * JUDGEMENT_COLUMNS),
    socialCare: new Uint8Array(count * JUDGEMENT_COLUMNS),
  };
  // Each distinct spelling of a date is read once, straight to its place in `dates`.
  const dates: string[] = [];
  const dateIndex = new Map<string, number>();
  const dateNumber = memoByString((raw): number | undefined => {
    const date = parseDate(raw);
    if (date === undefined) return undefined;
    let d = dateIndex.get(date);
    if (d === undefined) {
      d = dates.push(date) - 1;
      dateIndex.set(date, d);
    }
    return d;
  });
  const urnColumn = r.column('urn');
  const dateColumn = r.column('inspection_date');
  const kindColumn = r.column('inspection_kind');
  const judgementColumns = [r.column('overall_effectiveness'), ...SUB_JUDGEMENTS.map((name) => r.column(name.replaceAll('-', '_') as BundleColumn<'provider-inspections'>))];
  let i = 0;
  for (const row of table.rows) {
    out.line[i] = row.line;
    const urn = urnColumn.required(row, parseUrn, 'a URN (digits)');
    out.urn[i] = urn === undefined ? NaN : Number(urn);
    let d = dateColumn.required(row, dateNumber, 'a real date (YYYY-MM-DD or DD/MM/YYYY)') ?? -1;
    const late = d < 0 ? null : dateProblem(dates[d], latest);
    if (late !== null) {
      dateColumn.reject(row, dateColumn.text(row), late);
      d = -1;
    }
    out.date[i] = d;
    const kind = kindColumn.required(row, parseInspectionKind, 'full, interim, monitoring, registration or short');
    out.kind[i] = kind === undefined ? REJECTED : INSPECTION_KINDS.indexOf(kind);
    for (let c = 0; c < JUDGEMENT_COLUMNS; c++) {
      const column = judgementColumns[c]!;
      const raw = column.text(row);
      const at = i * JUDGEMENT_COLUMNS + c;
      if (raw === '') {
        out.education[at] = BLANK;
        out.socialCare[at] = BLANK;
        continue;
      }
      const both = READ_BOTH(raw);
      const education = both >> 8;
      out.education[at] = education;
      out.socialCare[at] = both & 255;
      if (education === REJECTED) column.reject(row, raw, `expected ${JUDGEMENT_WORDS}`);
    }
    i++;
  }
  return { file: table.file, count, ...out, dates, rejections: r.rejections };
}

/** A bare "3" is "adequate" in social care and "satisfactory" in education (domain/judgement.ts). */
const SOCIAL_CARE_TYPES: ReadonlySet<Provider['type']> = new Set(['childrens-home', 'secure-childrens-home', 'fostering-agency', 'adoption-agency']);
const NO_SUB: Partial<Record<SubJudgementName, Judgement>> = Object.freeze({});

export function joinInspections(
  rows: InspectionRows,
  header: readonly string[],
  index: Readonly<Partial<Record<BundleColumn<'provider-inspections'>, number>>>,
  providers: readonly Provider[],
  indexOf: ReadonlyMap<number, number>,
  rejectedProviders: ReadonlySet<number> = new Set(),
) {
  const rejections: Rejection[] = [...rows.rejections];
  const at = (key: BundleColumn<'provider-inspections'>) => {
    const i = index[key];
    return i === undefined ? null : `${i + 1} (${header[i]})`;
  };
  const reject = (row: number, key: BundleColumn<'provider-inspections'>, value: string, reason: string) =>
    rejections.push({ file: rows.file, line: rows.line[row]!, column: at(key), value, reason });
  const inspections: ProviderInspection[] = [];
  // Each provider's inspections so far, as a linked list through two typed arrays (its latest first), so that a
  // duplicate is found without hashing again or allocating per row.
  const latestOf = new Int32Array(providers.length).fill(-1);
  const earlier = new Int32Array(rows.count);
  const lineOf = new Int32Array(rows.count);
  for (let i = 0; i < rows.count; i++) {
    const urn = rows.urn[i]!;
    const p = Number.isNaN(urn) ? undefined : indexOf.get(urn);
    const provider = p === undefined ? undefined : providers[p];
    // A provider refused in its own file has already been reported; its inspections are not reported again.
    if (!provider && rejectedProviders.has(urn)) continue;
    if (!Number.isNaN(urn) && !provider) reject(i, 'urn', String(urn), 'no provider with this URN in the bundle’s providers file');
    const date = rows.date[i]! < 0 ? undefined : rows.dates[rows.date[i]!]!;
    if (provider && date && provider.openedOn && date < provider.openedOn) {
      reject(i, 'inspection_date', date, `the provider opened on ${provider.openedOn}, after this inspection`);
      continue;
    }
    const codes = provider && SOCIAL_CARE_TYPES.has(provider.type) ? rows.socialCare : rows.education;
    let judgementsOk = true;
    for (let c = 0; c < JUDGEMENT_COLUMNS; c++) if (codes[i * JUDGEMENT_COLUMNS + c] === REJECTED) judgementsOk = false;
    if (!provider || date === undefined || rows.kind[i] === REJECTED || !judgementsOk) continue;
    const kind: InspectionKind = INSPECTION_KINDS[rows.kind[i]!]!;
    let twin = latestOf[p!]!;
    while (twin >= 0 && !(inspections[twin]!.date === date && inspections[twin]!.kind === kind)) twin = earlier[twin]!;
    if (twin >= 0) {
      reject(i, 'inspection_date', date, `duplicate: the same record is already on line ${lineOf[twin]}`);
      continue;
    }
    const base = i * JUDGEMENT_COLUMNS;
    const overallCode = codes[base]!;
    // Most inspections record no sub-judgement: they share one empty record rather than each allocating its own.
    let sub: Partial<Record<SubJudgementName, Judgement>> = NO_SUB;
    for (let n = 0; n < SUB_JUDGEMENTS.length; n++) {
      const code = codes[base + 1 + n]!;
      if (code === BLANK) continue;
      if (sub === NO_SUB) sub = {};
      sub[SUB_JUDGEMENTS[n]!] = JUDGEMENTS[code - 1]!;
    }
    earlier[inspections.length] = latestOf[p!]!;
    latestOf[p!] = inspections.length;
    lineOf[inspections.length] = rows.line[i]!;
    // The provider's own URN string, so that every later lookup by URN hashes one string per provider, not per row.
    inspections.push({ urn: provider.urn, date, kind, overall: overallCode === BLANK ? null : JUDGEMENTS[overallCode - 1]!, sub });
  }
  rejections.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  // Grouped by provider (in the providers file's order), each provider's in the inspections file's order: the shape
  // the evidence index groups fastest, and the store reads back.
  const grouped: ProviderInspection[] = new Array(inspections.length);
  let n = 0;
  const stack: number[] = [];
  for (let p = 0; p < providers.length; p++) {
    for (let at = latestOf[p]!; at >= 0; at = earlier[at]!) stack.push(at);
    while (stack.length > 0) grouped[n++] = inspections[stack.pop()!]!;
  }
  return { rows: grouped, rejections };
}
