import type { ImportBatch } from './repository.ts';

/** How a column travels to PostgreSQL in bulk: one array per column, of this element type (postgres/write.ts). */
export type ColumnType = 'text' | 'int' | 'float8';

/**
 * One table's rows of an import batch, flattened to column values in the table's column order, with what names a
 * row in a message when its key clashes. Written once for both stores' bulk writers, so that a batch means the same
 * rows, and a rejected key the same words, on SQLite and PostgreSQL.
 */
export interface TableRows {
  readonly table: string;
  readonly columns: readonly (readonly [name: string, type: ColumnType])[];
  /** The columns of the table's unique key, among `columns`. */
  readonly key: readonly string[];
  /** Made when first read: SQLite's bulk path for indicator values never needs them flattened. */
  readonly rows: readonly (readonly unknown[])[];
  /** A key, as a message names it ("URN 123456"), from the row's values. */
  readonly label: (row: readonly unknown[]) => string;
}

const json = (value: unknown): string => JSON.stringify(value);

const spec = (
  table: string,
  columns: TableRows['columns'],
  key: readonly string[],
  count: number,
  rows: () => readonly (readonly unknown[])[],
  label: (v: (name: string) => unknown) => string,
): TableRows | null => {
  if (count === 0) return null;
  const at = new Map(columns.map(([name], i) => [name, i]));
  let made: readonly (readonly unknown[])[] | undefined;
  return {
    table,
    columns,
    key,
    get rows() {
      return (made ??= rows());
    },
    label: (row) => label((name) => row[at.get(name)!]),
  };
};

const text = (...names: string[]) => names.map((n) => [n, 'text'] as const);

/**
 * The rows a batch writes, table by table, in the order they are inserted (parents first), tables with none left
 * out. LA inspections and their findings are left out too: a finding needs the id its inspection was given, so each
 * writer inserts those itself, after the provider inspections.
 */
export function batchRows(batch: ImportBatch): TableRows[] {
  const d = batch.dataset.id;
  const out: TableRows[] = [];
  const add = (rows: TableRows | null) => {
    if (rows) out.push(rows);
  };
  add(
    spec(
      'local_authority',
      text('code', 'gss', 'name', 'formal_name', 'type', 'region', 'opened_on', 'closed_on', 'note', 'dataset_id'),
      ['code'],
      (batch.localAuthorities ?? []).length,
      () => (batch.localAuthorities ?? []).map((la) => [la.code, la.gss, la.name, la.formalName, la.type, la.region, la.openedOn, la.closedOn, la.note, d]),
      (v) => `LA ${v('code')}`,
    ),
  );
  add(
    spec(
      'neighbour',
      [...text('vintage', 'la_code'), ['rank', 'int'], ...text('neighbour_code', 'band', 'dataset_id')],
      ['vintage', 'la_code', 'rank'],
      (batch.neighbourSets ?? []).reduce((n, set) => n + set.neighbours.length, 0),
      () => (batch.neighbourSets ?? []).flatMap((set) => set.neighbours.map((n) => [set.vintage, set.la, n.rank, n.code, n.band, d])),
      (v) => `neighbour ${v('rank')} of LA ${v('la_code')} (${v('vintage')})`,
    ),
  );
  add(
    spec(
      'provider',
      text('urn', 'name', 'type', 'la_code', 'ownership', 'opened_on', 'closed_on', 'predecessor_urn', 'dataset_id'),
      ['urn'],
      (batch.providers ?? []).length,
      () => (batch.providers ?? []).map((p) => [p.urn, p.name, p.type, p.la, p.ownership, p.openedOn, p.closedOn, p.predecessorUrn, d]),
      (v) => `URN ${v('urn')}`,
    ),
  );
  add(
    spec(
      'provider_inspection',
      text('urn', 'inspection_date', 'kind', 'overall', 'sub_judgements', 'dataset_id'),
      ['urn', 'inspection_date', 'kind'],
      (batch.providerInspections ?? []).length,
      () => (batch.providerInspections ?? []).map((i) => [i.urn, i.date, i.kind, i.overall, json(i.sub), d]),
      (v) => `${v('kind')} inspection of URN ${v('urn')} on ${v('inspection_date')}`,
    ),
  );
  add(
    spec(
      'indicator',
      text('id', 'name', 'unit', 'polarity', 'ecm_outcome', 'topic', 'description', 'source', 'dataset_id'),
      ['id'],
      (batch.indicators ?? []).length,
      () => (batch.indicators ?? []).map((i) => [i.id, i.name, i.unit, i.polarity, i.ecmOutcome, i.topic, i.description, i.source, d]),
      (v) => `indicator ${v('id')}`,
    ),
  );
  add(
    spec(
      'indicator_value',
      [...text('indicator_id', 'area_kind', 'area_code', 'period_original'), ['value', 'float8'], ...text('symbol', 'original', 'dataset_id')],
      ['indicator_id', 'area_kind', 'area_code', 'period_original'],
      (batch.indicatorValues ?? []).length,
      () => (batch.indicatorValues ?? []).map((v) => [v.indicator, v.area.kind, v.area.code, v.period.original, v.value.kind === 'number' ? v.value.value : null, v.value.kind === 'symbol' ? v.value.symbol : null, v.original, d]),
      (v) => `${v('indicator_id')} for ${v('area_kind')} ${v('area_code')}, ${v('period_original')}`,
    ),
  );
  add(
    spec(
      'outcome_count',
      [...text('area_kind', 'area_code', 'provider_type', 'as_at', 'judgement'), ['count', 'int'], ...text('basis', 'dataset_id')],
      ['area_kind', 'area_code', 'provider_type', 'as_at', 'judgement'],
      (batch.outcomeCounts ?? []).length,
      () => (batch.outcomeCounts ?? []).map((c) => [c.area.kind, c.area.code, c.providerType, c.asAt, c.judgement, c.count, c.basis, d]),
      (v) => `${v('judgement')} ${v('provider_type')} for ${v('area_kind')} ${v('area_code')} at ${v('as_at')}`,
    ),
  );
  add(
    spec(
      'addressee',
      [...text('la_code'), ['year', 'int'], ...text('honorific', 'name', 'job_title', 'council', 'address_lines', 'postcode', 'dataset_id')],
      ['la_code', 'year'],
      (batch.addressees ?? []).length,
      () => (batch.addressees ?? []).map((a) => [a.la, a.year, a.honorific, a.name, a.jobTitle, a.council, json(a.addressLines), a.postcode, d]),
      (v) => `addressee of LA ${v('la_code')} for ${v('year')}`,
    ),
  );
  add(
    spec(
      'hex',
      [...text('layout', 'gss', 'name'), ['q', 'int'], ['r', 'int'], ...text('dataset_id')],
      ['layout', 'gss'],
      (batch.hexes ?? []).length,
      () => (batch.hexes ?? []).map((h) => [h.layout, h.gss, h.name, h.q, h.r, d]),
      (v) => `hex ${v('gss')} in ${v('layout')}`,
    ),
  );
  return out;
}

/** The distinct periods a batch's indicator values use, as (original, kind, key, start_year, end_year, qualifier). */
export function batchPeriods(batch: ImportBatch): unknown[][] {
  const seen = new Map<string, unknown[]>();
  for (const v of batch.indicatorValues ?? []) {
    const p = v.period;
    if (!seen.has(p.original)) seen.set(p.original, [p.original, p.kind, p.key, p.startYear, p.endYear, p.qualifier]);
  }
  return [...seen.values()];
}
