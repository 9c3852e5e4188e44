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
  /** `proposed` or `final` (migration 006: every judgement before it is final). */
  stage: Generated<string>;
  /** The signed-in account that recorded it; null for the command line. */
  author_id: number | null;
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

/**
 * The store's versions: row 1 the data version (migration 004), raised by every transaction that changes what is
 * assessed; row 2 the process version (migration 006), raised by every workflow move, comment and answer.
 */
export interface StoreVersionTable {
  id: number;
  version: number;
}

/** A person's account (migration 005): `la_code` is set for the la role and only for it. */
export interface AccountTable {
  id: Generated<number>;
  name: string;
  role: string;
  la_code: string | null;
  /** scrypt$N$r$p$salt$hash (src/application/passwords.ts). */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

/** A signed-in session, keyed by the SHA-256 (hex) of its token: the token itself is never stored. */
export interface SessionTable {
  token_sha256: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
}

/** The audit log: appended, never updated or deleted. `actor_id` is null for the public and the system. */
export interface AuditEventTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  actor_role: string;
  action: string;
  la_code: string | null;
  year: number | null;
  subject: string;
  before_json: string | null;
  after_json: string | null;
}

/** One move in an LA-year's workflow history (migration 006); `seq` its 1-based place there, unique. */
export interface WorkflowEventTable {
  id: Generated<number>;
  la_code: string;
  year: number;
  seq: number;
  move: string;
  by_id: number;
  by_name: string;
  by_role: string;
  at: string;
  reason: string | null;
  /** On publish and correct: the version published and its content hash. */
  version: number | null;
  hash: string | null;
}

/** A published version's grade and letter, exactly as published. */
export interface PublishedContentTable {
  la_code: string;
  year: number;
  version: number;
  grade: number;
  markdown: string;
  letter_json: string;
  hash: string;
}

/** The LA's comment on its draft; `sentence` null for the draft as a whole. */
export interface LaCommentTable {
  id: Generated<number>;
  la_code: string;
  year: number;
  sentence: string | null;
  text: string;
  by_id: number;
  by_name: string;
  by_role: string;
  at: string;
}

export interface CommentAnswerTable {
  id: Generated<number>;
  comment_id: number;
  text: string;
  by_id: number;
  by_name: string;
  by_role: string;
  at: string;
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
  account: AccountTable;
  session: SessionTable;
  audit_event: AuditEventTable;
  workflow_event: WorkflowEventTable;
  published_content: PublishedContentTable;
  la_comment: LaCommentTable;
  comment_answer: CommentAnswerTable;
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
  'store_version',
  // Accounts before what refers to them (judgements name their author's account since migration 006).
  'account',
  'session',
  'audit_event',
  'inspector_judgement',
  'letter_edit',
  // The process (migration 006): after accounts, which every row names; comments before their answers.
  'workflow_event',
  'published_content',
  'la_comment',
  'comment_answer',
] as const satisfies readonly (keyof Database)[];

/** Tables whose `id` the database numbers (identity columns on PostgreSQL, whose sequence a restore must move on). */
export const NUMBERED_TABLES = ['provider_inspection', 'la_inspection', 'inspector_judgement', 'letter_edit', 'account', 'audit_event', 'workflow_event', 'la_comment', 'comment_answer'] as const satisfies readonly (keyof Database)[];
