import type { Generated } from 'kysely';

/**
 * The stored shape, table by table, for Kysely's typed queries. Every fact row carries the dataset it came from,
 * so a dataset can be replaced whole (re-import) and synthetic rows are always known as synthetic.
 * Dates are ISO text; judgements and other vocabularies are their literal-union strings, checked on the way in
 * (ingest) and on the way out (rows.ts).
 */
export interface DatasetTable {
  id: string;
  kind: string;
  title: string;
  source: string;
  licence: string;
  content_sha256: string;
  files_json: string;
  row_count: number;
}

export interface LocalAuthorityTable {
  code: string;
  gss: string;
  name: string;
  formal_name: string;
  type: string;
  region: string;
  opened_on: string | null;
  closed_on: string | null;
  note: string | null;
  dataset_id: string;
}

export interface NeighbourTable {
  vintage: string;
  la_code: string;
  rank: number;
  neighbour_code: string;
  band: string | null;
  dataset_id: string;
}

export interface ProviderTable {
  urn: string;
  name: string;
  type: string;
  la_code: string;
  ownership: string;
  opened_on: string | null;
  closed_on: string | null;
  predecessor_urn: string | null;
  dataset_id: string;
}

export interface ProviderInspectionTable {
  id: Generated<number>;
  urn: string;
  inspection_date: string;
  kind: string;
  overall: string | null;
  sub_judgements: string;
  dataset_id: string;
}

export interface LaInspectionTable {
  id: Generated<number>;
  dataset_id: string;
  la_code: string;
  kind: string;
  start_date: string | null;
  end_date: string;
  published_on: string | null;
  overall: string | null;
  judgements: string;
  strengths_count: number | null;
  development_count: number | null;
  priority_action_count: number | null;
  source_ref: string | null;
}

export interface LaInspectionFindingTable {
  la_inspection_id: number;
  seq: number;
  kind: string;
  text: string;
}

export interface IndicatorTable {
  id: string;
  name: string;
  unit: string;
  polarity: string;
  ecm_outcome: string | null;
  topic: string | null;
  description: string | null;
  source: string;
  dataset_id: string;
}

export interface PeriodTable {
  original: string;
  kind: string;
  key: string;
  start_year: number | null;
  end_year: number | null;
  qualifier: string | null;
}

export interface IndicatorValueTable {
  indicator_id: string;
  area_kind: string;
  area_code: string;
  period_original: string;
  value: number | null;
  symbol: string | null;
  original: string;
  dataset_id: string;
}

export interface OutcomeCountTable {
  area_kind: string;
  area_code: string;
  provider_type: string;
  as_at: string;
  judgement: string;
  count: number;
  basis: string;
  dataset_id: string;
}

export interface AddresseeTable {
  la_code: string;
  year: number;
  honorific: string;
  name: string;
  job_title: string;
  council: string;
  address_lines: string;
  postcode: string;
  dataset_id: string;
}

export interface HexTable {
  layout: string;
  gss: string;
  name: string;
  q: number;
  r: number;
  dataset_id: string;
}

export interface InspectorJudgementTable {
  id: Generated<number>;
  la_code: string;
  year: number;
  decision: string;
  grade: number | null;
  rationale: string;
  author: string;
  recorded_at: string;
  derived_at_the_time: number | null;
}

export interface LetterEditTable {
  id: Generated<number>;
  la_code: string;
  year: number;
  change_json: string;
  basis_json: string | null;
  author: string;
  recorded_at: string;
}

/** The store's data version (migration 004): one row, raised by every writing transaction on PostgreSQL. */
export interface StoreVersionTable {
  id: number;
  version: number;
}

export interface Database {
  dataset: DatasetTable;
  local_authority: LocalAuthorityTable;
  neighbour: NeighbourTable;
  provider: ProviderTable;
  provider_inspection: ProviderInspectionTable;
  la_inspection: LaInspectionTable;
  la_inspection_finding: LaInspectionFindingTable;
  indicator: IndicatorTable;
  period: PeriodTable;
  indicator_value: IndicatorValueTable;
  outcome_count: OutcomeCountTable;
  addressee: AddresseeTable;
  hex: HexTable;
  inspector_judgement: InspectorJudgementTable;
  letter_edit: LetterEditTable;
  store_version: StoreVersionTable;
}

/**
 * Every table, parents before children (la_inspection before its findings): the order a backup is copied and
 * restored in, and what a fingerprint reads. Kysely's own migration tables are left out: each store keeps its own.
 */
export const TABLES = [
  'dataset',
  'local_authority',
  'neighbour',
  'provider',
  'provider_inspection',
  'la_inspection',
  'la_inspection_finding',
  'indicator',
  'period',
  'indicator_value',
  'outcome_count',
  'addressee',
  'hex',
  'inspector_judgement',
  'letter_edit',
  'store_version',
] as const satisfies readonly (keyof Database)[];

/** Tables whose `id` the database numbers (identity columns on PostgreSQL, whose sequence a restore must move on). */
export const NUMBERED_TABLES = ['provider_inspection', 'la_inspection', 'inspector_judgement', 'letter_edit'] as const satisfies readonly (keyof Database)[];
