import type { Judgement } from '../../domain/judgement.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { Provider, ProviderInspection, SubJudgementName } from '../../domain/provider.ts';
import { SUB_JUDGEMENTS, parseInspectionKind, parseOwnership, parseProviderType } from '../../domain/provider.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseDate, parseUrn } from '../values.ts';
import { memoByString } from '../../domain/memo.ts';
import type { BundleContext } from './context.ts';
import { checkOrder, readLa } from './context.ts';
import type { BundleColumn } from './spec.ts';

const JUDGEMENT_WORDS = 'outstanding, good, satisfactory, adequate, requires improvement, inadequate, or 1-4';

/** A bare "3" is "adequate" in social care and "satisfactory" in education (domain/judgement.ts). */
const SOCIAL_CARE_TYPES: ReadonlySet<Provider['type']> = new Set(['childrens-home', 'secure-childrens-home', 'fostering-agency', 'adoption-agency']);
const READ_JUDGEMENT = {
  education: memoByString((v) => parseJudgement(v, 'education')),
  'social-care': memoByString((v) => parseJudgement(v, 'social-care')),
};
const NO_SUB: Partial<Record<SubJudgementName, Judgement>> = Object.freeze({});
const SUB_COLUMNS = SUB_JUDGEMENTS.map((name) => [name, name.replaceAll('-', '_') as BundleColumn<'provider-inspections'>] as const);

/**
 * The providers file. Besides the rows, returns where each URN sits in them: the one map the inspections file is
 * checked against, also used here to find a URN given twice (so 114,000 URNs are hashed once, not three times).
 */
export function parseProviders(table: CsvTable, columns: ResolvedColumns<BundleColumn<'providers'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  const indexOf = new Map<string, number>();
  const lines: number[] = [];
  const providers: Provider[] = [];
  const urnColumn = r.column('urn');
  const nameColumn = r.column('name');
  const typeColumn = r.column('provider_type');
  const ownershipColumn = r.column('ownership');
  const openedColumn = r.column('opened_on');
  const closedColumn = r.column('closed_on');
  const predecessorColumn = r.column('predecessor_urn');
  for (const row of table.rows) {
    const urn = urnColumn.required(row, parseUrn, 'a URN (digits)');
    const name = nameColumn.required(row, (v) => v, 'the provider name');
    const type = typeColumn.required(row, parseProviderType, 'a provider type such as primary-school, childminder, childrens-home');
    const la = readLa(r, row, 'la_code', ctx);
    const ownership = ownershipColumn.required(row, parseOwnership, 'la-run, commissioned, maintained, academy or private-voluntary');
    const openedOn = openedColumn.optional(row, parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const closedOn = closedColumn.optional(row, parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const predecessorUrn = predecessorColumn.optional(row, parseUrn, 'a URN (digits)');
    checkOrder(r, row, openedOn, closedOn, 'closed_on', 'the provider closes before it opens');
    if (urn === undefined || name === undefined || type === undefined || la === undefined || ownership === undefined || openedOn === undefined || closedOn === undefined || predecessorUrn === undefined) continue;
    const first = indexOf.get(urn);
    if (first !== undefined) {
      r.reject(row, 'urn', urn, `duplicate: the same record is already on line ${lines[first]}`);
      continue;
    }
    indexOf.set(urn, providers.length);
    lines.push(row.line);
    providers.push({ urn, name, type, la, ownership, openedOn, closedOn, predecessorUrn });
  }
  return { rows: providers, rejections: r.rejections, indexOf };
}

export function parseProviderInspections(
  table: CsvTable,
  columns: ResolvedColumns<BundleColumn<'provider-inspections'>>,
  providers: readonly Provider[],
  indexOf: ReadonlyMap<string, number>,
) {
  const r = new RowReader(table, columns);
  // Each provider's inspections so far (date, kind, line), by its position: duplicates are found without hashing again.
  const seen: ({ date: string; kind: string; line: number }[] | undefined)[] = new Array(providers.length);
  const inspections: ProviderInspection[] = [];
  const urnColumn = r.column('urn');
  const dateColumn = r.column('inspection_date');
  const kindColumn = r.column('inspection_kind');
  const overallColumn = r.column('overall_effectiveness');
  const subColumns = SUB_COLUMNS.map(([name, key]) => [name, r.column(key)] as const);
  for (const row of table.rows) {
    const urn = urnColumn.required(row, parseUrn, 'a URN (digits)');
    const date = dateColumn.required(row, parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const kind = kindColumn.required(row, parseInspectionKind, 'full, interim, monitoring, registration or short');
    const at = urn === undefined ? undefined : indexOf.get(urn);
    const provider = at === undefined ? undefined : providers[at];
    if (urn !== undefined && !provider) urnColumn.reject(row, urn, 'no provider with this URN in the bundle’s providers file');
    const readJudgement = READ_JUDGEMENT[provider && SOCIAL_CARE_TYPES.has(provider.type) ? 'social-care' : 'education'];
    const overall = overallColumn.optional(row, readJudgement, JUDGEMENT_WORDS);
    // Most inspections record no sub-judgement: they share one empty record rather than each allocating its own.
    let sub: Partial<Record<SubJudgementName, Judgement>> = NO_SUB;
    let subOk = true;
    for (const [name, column] of subColumns) {
      const value = column.optional(row, readJudgement, JUDGEMENT_WORDS);
      if (value === undefined) subOk = false;
      else if (value !== null) {
        if (sub === NO_SUB) sub = {};
        sub[name] = value;
      }
    }
    if (provider && date && provider.openedOn && date < provider.openedOn) {
      r.reject(row, 'inspection_date', date, `the provider opened on ${provider.openedOn}, after this inspection`);
      continue;
    }
    if (!provider || date === undefined || kind === undefined || overall === undefined || !subOk) continue;
    const before = (seen[at!] ??= []);
    const twin = before.find((b) => b.date === date && b.kind === kind);
    if (twin) {
      r.reject(row, 'inspection_date', date, `duplicate: the same record is already on line ${twin.line}`);
      continue;
    }
    before.push({ date, kind, line: row.line });
    inspections.push({ urn: urn!, date, kind, overall, sub });
  }
  return { rows: inspections, rejections: r.rejections };
}
