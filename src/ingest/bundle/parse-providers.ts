import type { Judgement } from '../../domain/judgement.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { Provider, ProviderInspection, SubJudgementName } from '../../domain/provider.ts';
import { SUB_JUDGEMENTS, parseInspectionKind, parseOwnership, parseProviderType } from '../../domain/provider.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseDate, parseUrn } from '../values.ts';
import type { BundleContext } from './context.ts';
import { SeenKeys, checkOrder, readLa } from './context.ts';
import type { BundleColumn } from './spec.ts';

const JUDGEMENT_WORDS = 'outstanding, good, satisfactory, adequate, requires improvement, inadequate, or 1-4';

export function parseProviders(table: CsvTable, columns: ResolvedColumns<BundleColumn<'providers'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const providers: Provider[] = [];
  for (const row of table.rows) {
    const urn = r.required(row, 'urn', parseUrn, 'a URN (digits)');
    const name = r.required(row, 'name', (v) => v, 'the provider name');
    const type = r.required(row, 'provider_type', parseProviderType, 'a provider type such as primary-school, childminder, childrens-home');
    const la = readLa(r, row, 'la_code', ctx);
    const ownership = r.required(row, 'ownership', parseOwnership, 'la-run, commissioned, maintained, academy or private-voluntary');
    const openedOn = r.optional(row, 'opened_on', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const closedOn = r.optional(row, 'closed_on', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const predecessorUrn = r.optional(row, 'predecessor_urn', parseUrn, 'a URN (digits)');
    checkOrder(r, row, openedOn, closedOn, 'closed_on', 'the provider closes before it opens');
    if ([urn, name, type, la, ownership, openedOn, closedOn, predecessorUrn].includes(undefined)) continue;
    if (!seen.check(r, row, urn!, 'urn', urn!)) continue;
    providers.push({ urn: urn!, name: name!, type: type!, la: la!, ownership: ownership!, openedOn: openedOn!, closedOn: closedOn!, predecessorUrn: predecessorUrn! });
  }
  return { rows: providers, rejections: r.rejections };
}

export function parseProviderInspections(
  table: CsvTable,
  columns: ResolvedColumns<BundleColumn<'provider-inspections'>>,
  providers: ReadonlyMap<string, Provider>,
) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const inspections: ProviderInspection[] = [];
  for (const row of table.rows) {
    const urn = r.required(row, 'urn', parseUrn, 'a URN (digits)');
    const date = r.required(row, 'inspection_date', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const kind = r.required(row, 'inspection_kind', parseInspectionKind, 'full, interim, monitoring, registration or short');
    const provider = urn === undefined ? undefined : providers.get(urn);
    if (urn !== undefined && !provider) r.reject(row, 'urn', urn, 'no provider with this URN in the bundle’s providers file');
    const scale = provider && ['childrens-home', 'secure-childrens-home', 'fostering-agency', 'adoption-agency'].includes(provider.type) ? 'social-care' : 'education';
    const overall = r.optional(row, 'overall_effectiveness', (v) => parseJudgement(v, scale), JUDGEMENT_WORDS);
    const sub: Partial<Record<SubJudgementName, Judgement>> = {};
    let subOk = true;
    for (const name of SUB_JUDGEMENTS) {
      const column = name.replaceAll('-', '_') as BundleColumn<'provider-inspections'>;
      const value = r.optional(row, column, (v) => parseJudgement(v, scale), JUDGEMENT_WORDS);
      if (value === undefined) subOk = false;
      else if (value !== null) sub[name] = value;
    }
    if (provider && date && provider.openedOn && date < provider.openedOn) {
      r.reject(row, 'inspection_date', date, `the provider opened on ${provider.openedOn}, after this inspection`);
      continue;
    }
    if (!provider || date === undefined || kind === undefined || overall === undefined || !subOk) continue;
    if (!seen.check(r, row, `${urn}|${date}|${kind}`, 'inspection_date', date)) continue;
    inspections.push({ urn: urn!, date, kind, overall, sub });
  }
  return { rows: inspections, rejections: r.rejections };
}
