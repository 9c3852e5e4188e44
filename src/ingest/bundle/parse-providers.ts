import type { Provider } from '../../domain/provider.ts';
import { parseOwnership, parseProviderType } from '../../domain/provider.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseDate, parseUrn } from '../values.ts';
import type { BundleContext } from './context.ts';
import { checkOrder, notAfterLimit, readLa } from './context.ts';
import { joinInspections, readInspectionRows } from './inspection-rows.ts';
import type { BundleColumn } from './spec.ts';

const asGiven = (v: string) => v;

/**
 * The providers file. Besides the rows, returns where each URN sits in them: the one map the inspections file is
 * checked against, also used here to find a URN given twice (so 114,000 URNs are hashed once, not three times).
 */
export function parseProviders(table: CsvTable, columns: ResolvedColumns<BundleColumn<'providers'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  // Keyed by the URN as a number: URNs are digits, and a map of small integers is several times faster to fill and
  // read than one of 114,000 freshly parsed strings.
  const indexOf = new Map<number, number>();
  const lines = new Int32Array(table.rows.length);
  /** URNs of rows refused for another of their values. */
  const rejected = new Set<number>();
  const providers: Provider[] = [];
  const urnColumn = r.column('urn');
  const nameColumn = r.column('name');
  const typeColumn = r.column('provider_type');
  const laColumn = r.column('la_code');
  const ownershipColumn = r.column('ownership');
  const openedColumn = r.column('opened_on');
  const closedColumn = r.column('closed_on');
  const predecessorColumn = r.column('predecessor_urn');
  for (const row of table.rows) {
    const urn = urnColumn.required(row, parseUrn, 'a URN (digits)');
    const name = nameColumn.required(row, asGiven, 'the provider name');
    const type = typeColumn.required(row, parseProviderType, 'a provider type such as primary-school, childminder, childrens-home');
    const la = readLa(laColumn, row, ctx);
    const ownership = ownershipColumn.required(row, parseOwnership, 'la-run, commissioned, maintained, academy or private-voluntary');
    const openedOn = notAfterLimit(r, row, 'opened_on', openedColumn.optional(row, parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx);
    const closedOn = notAfterLimit(r, row, 'closed_on', closedColumn.optional(row, parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx);
    const predecessorUrn = predecessorColumn.optional(row, parseUrn, 'a URN (digits)');
    checkOrder(r, row, openedOn, closedOn, 'closed_on', 'the provider closes before it opens');
    if (urn === undefined || name === undefined || type === undefined || la === undefined || ownership === undefined || openedOn === undefined || closedOn === undefined || predecessorUrn === undefined) {
      // Its inspections are then not reported again as "no provider with this URN": one fault, one message.
      if (urn !== undefined) rejected.add(Number(urn));
      continue;
    }
    const key = Number(urn);
    const first = indexOf.get(key);
    if (first !== undefined) {
      r.reject(row, 'urn', urn, `duplicate: the same record is already on line ${lines[first]}`);
      continue;
    }
    indexOf.set(key, providers.length);
    lines[providers.length] = row.line;
    providers.push({ urn, name, type, la, ownership, openedOn, closedOn, predecessorUrn });
  }
  return { rows: providers, rejections: r.rejections, indexOf, rejected };
}

/** The whole provider-inspections reader, in one thread: both steps of inspection-rows.ts. */
export function parseProviderInspections(
  table: CsvTable,
  columns: ResolvedColumns<BundleColumn<'provider-inspections'>>,
  providers: readonly Provider[],
  indexOf: ReadonlyMap<number, number>,
  rejected: ReadonlySet<number>,
  ctx: BundleContext,
) {
  return joinInspections(readInspectionRows(table, columns, ctx.latestDate), table.header, columns.index, providers, indexOf, rejected);
}
