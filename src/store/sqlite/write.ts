import type BetterSqlite3 from 'better-sqlite3';
import { ImportRejectedError } from '../../domain/errors.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { ImportBatch, ImportOutcome } from '../repository.ts';

type Db = BetterSqlite3.Database;

/** Tables a dataset owns rows in, children first so deletes respect references. */
const DATASET_TABLES = [
  'hex',
  'addressee',
  'outcome_count',
  'indicator_value',
  'indicator',
  'la_inspection',
  'provider_inspection',
  'provider',
  'neighbour',
  'local_authority',
] as const;

const json = (value: unknown): string => JSON.stringify(value);

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT');
}

/**
 * Writes a batch inside one SQLite transaction: delete the dataset's previous rows, insert the new ones. If a row's
 * key belongs to another dataset (a URN, an indicator id, an LA code), the whole transaction is rolled back and the
 * import is rejected naming the key and its owner. So it is, in the same transaction, when the stored dataset is of
 * another kind (real or synthetic), or when replacing it would leave another dataset's rows pointing at an LA, a URN
 * or an indicator it no longer has (danglingReferences). Prepared statements in a single transaction are the fast
 * path for SQLite bulk loads (641k LAIT values in well under a second; see bench/).
 */
export function writeBatch(db: Db, batch: ImportBatch, contentSha256: string): ImportOutcome {
  const counts: Record<string, number> = {};
  const file = batch.files.map((f) => f.path).join(', ') || batch.dataset.id;
  /** Which other dataset holds a key; `undefined` when the clash is within this batch (a repeated row). */
  const ownerOf = (table: string, where: string, params: unknown[]): string | undefined => {
    const row = db.prepare(`SELECT dataset_id AS d FROM ${table} WHERE ${where} AND dataset_id <> ? LIMIT 1`).get(...params, batch.dataset.id) as
      | { d: string }
      | undefined;
    return row?.d;
  };
  const insertAll = <T>(table: string, sql: string, rows: readonly T[] | undefined, params: (row: T) => unknown[], key: (row: T) => { where: string; params: unknown[]; label: string }) => {
    if (!rows || rows.length === 0) return;
    const statement = db.prepare(sql);
    for (const row of rows) {
      try {
        statement.run(...params(row));
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const k = key(row);
        const owner = ownerOf(table, k.where, k.params);
        const rejection: Rejection = {
          file,
          line: null,
          column: null,
          value: k.label,
          reason:
            owner === undefined
              ? `appears twice in dataset "${batch.dataset.id}"`
              : `already stored by dataset "${owner}"; remove that dataset first or use other identifiers`,
        };
        throw new ImportRejectedError(batch.dataset.id, [rejection]);
      }
    }
    counts[table] = (counts[table] ?? 0) + rows.length;
  };

  const run = db.transaction((): ImportOutcome => {
    const stored = db.prepare('SELECT kind FROM dataset WHERE id = ?').get(batch.dataset.id) as { kind: string } | undefined;
    const previous = stored !== undefined;
    // Synthetic data replaced by real under the same id, or real by synthetic, would change what every page labels
    // SYNTHETIC without anyone asking for it: a dataset keeps its kind, and a different kind needs a different id.
    if (stored && stored.kind !== batch.dataset.kind) {
      throw new ImportRejectedError(batch.dataset.id, [
        { file, line: null, column: null, value: batch.dataset.id, reason: `dataset "${batch.dataset.id}" is stored as ${stored.kind} data; ${batch.dataset.kind} data cannot replace it (give it another dataset id)` },
      ]);
    }
    if (previous) rememberKeys(db, batch.dataset.id);
    for (const table of DATASET_TABLES) db.prepare(`DELETE FROM ${table} WHERE dataset_id = ?`).run(batch.dataset.id);
    db.prepare('DELETE FROM dataset WHERE id = ?').run(batch.dataset.id);
    const d = batch.dataset.id;

    insertAll(
      'local_authority',
      'INSERT INTO local_authority (code, gss, name, formal_name, type, region, opened_on, closed_on, note, dataset_id) VALUES (?,?,?,?,?,?,?,?,?,?)',
      batch.localAuthorities,
      (la) => [la.code, la.gss, la.name, la.formalName, la.type, la.region, la.openedOn, la.closedOn, la.note, d],
      (la) => ({ where: 'code = ?', params: [la.code], label: `LA ${la.code}` }),
    );
    const neighbourRows = (batch.neighbourSets ?? []).flatMap((set) => set.neighbours.map((n) => ({ set, n })));
    insertAll(
      'neighbour',
      'INSERT INTO neighbour (vintage, la_code, rank, neighbour_code, band, dataset_id) VALUES (?,?,?,?,?,?)',
      neighbourRows,
      ({ set, n }) => [set.vintage, set.la, n.rank, n.code, n.band, d],
      ({ set, n }) => ({ where: 'vintage = ? AND la_code = ? AND rank = ?', params: [set.vintage, set.la, n.rank], label: `neighbour ${n.rank} of LA ${set.la} (${set.vintage})` }),
    );
    insertAll(
      'provider',
      'INSERT INTO provider (urn, name, type, la_code, ownership, opened_on, closed_on, predecessor_urn, dataset_id) VALUES (?,?,?,?,?,?,?,?,?)',
      batch.providers,
      (p) => [p.urn, p.name, p.type, p.la, p.ownership, p.openedOn, p.closedOn, p.predecessorUrn, d],
      (p) => ({ where: 'urn = ?', params: [p.urn], label: `URN ${p.urn}` }),
    );
    insertAll(
      'provider_inspection',
      'INSERT INTO provider_inspection (urn, inspection_date, kind, overall, sub_judgements, dataset_id) VALUES (?,?,?,?,?,?)',
      batch.providerInspections,
      (i) => [i.urn, i.date, i.kind, i.overall, json(i.sub), d],
      (i) => ({ where: 'urn = ? AND inspection_date = ? AND kind = ?', params: [i.urn, i.date, i.kind], label: `${i.kind} inspection of URN ${i.urn} on ${i.date}` }),
    );
    if (batch.laInspections && batch.laInspections.length > 0) {
      const insert = db.prepare(
        `INSERT INTO la_inspection (dataset_id, la_code, kind, start_date, end_date, published_on, overall, judgements,
           strengths_count, development_count, priority_action_count, source_ref) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      );
      const finding = db.prepare('INSERT INTO la_inspection_finding (la_inspection_id, seq, kind, text) VALUES (?,?,?,?)');
      let findings = 0;
      for (const i of batch.laInspections) {
        let id: number | bigint;
        try {
          id = insert.run(d, i.la, i.kind, i.startDate, i.endDate, i.publishedOn, i.overall, json(i.judgements), i.strengthsCount, i.developmentCount, i.priorityActionCount, i.sourceRef).lastInsertRowid;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          throw new ImportRejectedError(d, [{ file, line: null, column: null, value: `${i.kind} of LA ${i.la} ending ${i.endDate}`, reason: `appears twice in dataset "${d}"` }]);
        }
        i.findings.forEach((f, seq) => finding.run(id, seq + 1, f.kind, f.text));
        findings += i.findings.length;
      }
      counts['la_inspection'] = batch.laInspections.length;
      if (findings > 0) counts['la_inspection_finding'] = findings;
    }
    insertAll(
      'indicator',
      'INSERT INTO indicator (id, name, unit, polarity, ecm_outcome, topic, description, source, dataset_id) VALUES (?,?,?,?,?,?,?,?,?)',
      batch.indicators,
      (i) => [i.id, i.name, i.unit, i.polarity, i.ecmOutcome, i.topic, i.description, i.source, d],
      (i) => ({ where: 'id = ?', params: [i.id], label: `indicator ${i.id}` }),
    );
    if (batch.indicatorValues && batch.indicatorValues.length > 0) {
      const period = db.prepare('INSERT OR IGNORE INTO period (original, kind, key, start_year, end_year, qualifier) VALUES (?,?,?,?,?,?)');
      const seen = new Set<string>();
      for (const v of batch.indicatorValues) {
        if (seen.has(v.period.original)) continue;
        seen.add(v.period.original);
        const p = v.period;
        period.run(p.original, p.kind, p.key, p.startYear, p.endYear, p.qualifier);
      }
    }
    insertAll(
      'indicator_value',
      'INSERT INTO indicator_value (indicator_id, area_kind, area_code, period_original, value, symbol, original, dataset_id) VALUES (?,?,?,?,?,?,?,?)',
      batch.indicatorValues,
      (v) => [v.indicator, v.area.kind, v.area.code, v.period.original, v.value.kind === 'number' ? v.value.value : null, v.value.kind === 'symbol' ? v.value.symbol : null, v.original, d],
      (v) => ({
        where: 'indicator_id = ? AND area_kind = ? AND area_code = ? AND period_original = ?',
        params: [v.indicator, v.area.kind, v.area.code, v.period.original],
        label: `${v.indicator} for ${v.area.kind} ${v.area.code}, ${v.period.original}`,
      }),
    );
    insertAll(
      'outcome_count',
      'INSERT INTO outcome_count (area_kind, area_code, provider_type, as_at, judgement, count, basis, dataset_id) VALUES (?,?,?,?,?,?,?,?)',
      batch.outcomeCounts,
      (c) => [c.area.kind, c.area.code, c.providerType, c.asAt, c.judgement, c.count, c.basis, d],
      (c) => ({ where: 'area_kind = ? AND area_code = ? AND provider_type = ? AND as_at = ? AND judgement = ?', params: [c.area.kind, c.area.code, c.providerType, c.asAt, c.judgement], label: `${c.judgement} ${c.providerType} for ${c.area.kind} ${c.area.code} at ${c.asAt}` }),
    );
    insertAll(
      'addressee',
      'INSERT INTO addressee (la_code, year, honorific, name, job_title, council, address_lines, postcode, dataset_id) VALUES (?,?,?,?,?,?,?,?,?)',
      batch.addressees,
      (a) => [a.la, a.year, a.honorific, a.name, a.jobTitle, a.council, json(a.addressLines), a.postcode, d],
      (a) => ({ where: 'la_code = ? AND year = ?', params: [a.la, a.year], label: `addressee of LA ${a.la} for ${a.year}` }),
    );
    insertAll(
      'hex',
      'INSERT INTO hex (layout, gss, name, q, r, dataset_id) VALUES (?,?,?,?,?,?)',
      batch.hexes,
      (h) => [h.layout, h.gss, h.name, h.q, h.r, d],
      (h) => ({ where: 'layout = ? AND gss = ?', params: [h.layout, h.gss], label: `hex ${h.gss} in ${h.layout}` }),
    );
    if (previous) {
      const dangling = danglingReferences(db, batch);
      if (dangling.length > 0) throw new ImportRejectedError(d, dangling.map((reason) => ({ file, line: null, column: null, value: reason.key, reason: reason.text })));
    }
    const rowCount = Object.values(counts).reduce((a, b) => a + b, 0);
    db.prepare('INSERT INTO dataset (id, kind, title, source, licence, content_sha256, files_json, row_count) VALUES (?,?,?,?,?,?,?,?)').run(
      d,
      batch.dataset.kind,
      batch.dataset.title,
      batch.dataset.source,
      batch.dataset.licence,
      contentSha256,
      json(batch.files),
      rowCount,
    );
    return { status: 'written', dataset: d, counts, replaced: previous };
  });
  try {
    return run();
  } finally {
    forgetKeys(db);
  }
}

/** What other rows refer to, by key: an LA by its code, a provider by its URN, an indicator by its id. */
const TARGETS = {
  las: { table: 'local_authority', column: 'code', name: 'LA' },
  urns: { table: 'provider', column: 'urn', name: 'URN' },
  indicators: { table: 'indicator', column: 'id', name: 'indicator' },
} as const;
type Target = keyof typeof TARGETS;
const gone = (target: Target) => `temp.kingsway_gone_${target}`;

/**
 * Notes, before a dataset's rows are deleted, the keys it holds, in a temporary table per kind of key (kept in SQL:
 * a national synthetic dataset has 114,661 URNs, which need not pass through JavaScript).
 */
function rememberKeys(db: Db, dataset: string): void {
  for (const [target, t] of Object.entries(TARGETS) as [Target, (typeof TARGETS)[Target]][]) {
    db.prepare(`DROP TABLE IF EXISTS ${gone(target)}`).run();
    db.prepare(`CREATE TABLE ${gone(target)} AS SELECT ${t.column} AS key FROM ${t.table} WHERE dataset_id = ?`).run(dataset);
  }
}

function forgetKeys(db: Db): void {
  for (const target of Object.keys(TARGETS) as Target[]) db.prepare(`DROP TABLE IF EXISTS ${gone(target)}`).run();
}

/**
 * A reference from one table to another's key, as the schema has them (src/store/schema.ts; SQLite is not asked to
 * enforce them, because each dataset is replaced whole and the order of imports is the user's).
 */
interface Reference {
  readonly target: Target;
  /** What holds the reference, in the plural, as a message names it ("providers"). */
  readonly what: string;
  /** Selects (dataset, key, n) of the rows referring to a key that is gone; takes the replacing dataset's id, to leave its own rows out, unless `ownerless`. */
  readonly sql: string;
  readonly ownerless?: true;
}

const reference = (target: Target, what: string, table: string, column: string, also = ''): Reference => ({
  target,
  what,
  sql: `SELECT dataset_id AS dataset, ${column} AS key, count(*) AS n FROM ${table} WHERE ${column} IN (SELECT key FROM ${gone(target)}) ${also} AND dataset_id <> ? GROUP BY dataset_id, ${column} ORDER BY dataset_id, ${column}`,
});

const REFERENCES: readonly Reference[] = [
  reference('las', 'providers', 'provider', 'la_code'),
  reference('las', 'LA inspections', 'la_inspection', 'la_code'),
  reference('las', 'addressees', 'addressee', 'la_code'),
  reference('las', 'statistical-neighbour rows', 'neighbour', 'la_code'),
  reference('las', 'statistical-neighbour rows', 'neighbour', 'neighbour_code'),
  reference('las', 'indicator values', 'indicator_value', 'area_code', "AND area_kind IN ('la', 'similar-areas')"),
  reference('las', 'outcome counts', 'outcome_count', 'area_code', "AND area_kind IN ('la', 'similar-areas')"),
  // Inspectors' judgements and letter edits belong to no dataset, but name an LA all the same.
  ...(
    [
      ['inspector judgements', 'inspector_judgement'],
      ['letter edits', 'letter_edit'],
    ] as const
  ).map(([what, table]): Reference => ({
    target: 'las',
    what,
    sql: `SELECT NULL AS dataset, la_code AS key, count(*) AS n FROM ${table} WHERE la_code IN (SELECT key FROM ${gone('las')}) GROUP BY la_code ORDER BY la_code`,
    ownerless: true,
  })),
  reference('urns', 'provider inspections', 'provider_inspection', 'urn'),
  reference('urns', 'providers', 'provider', 'predecessor_urn'),
  reference('indicators', 'indicator values', 'indicator_value', 'indicator_id'),
];

/** Enough to say what breaks without a report of thousands of lines; the count of the rest is given. */
const MAX_DANGLING_SHOWN = 20;

/**
 * What replacing a dataset would leave pointing at nothing: rows of other datasets that refer to an LA, a URN or an
 * indicator the dataset had before and has no longer. A bundle that replaced the LA list once left every provider and
 * inspection without its LA, and `kingsway assess` then reported "0 LAs" with exit 0 (issue 11). Only keys the
 * dataset gave up are looked at (rememberKeys noted them before the delete), so a re-import of the same keys costs
 * three small deletes.
 */
function danglingReferences(db: Db, batch: ImportBatch): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  let hidden = 0;
  for (const [target, t] of Object.entries(TARGETS) as [Target, (typeof TARGETS)[Target]][]) {
    db.prepare(`DELETE FROM ${gone(target)} WHERE EXISTS (SELECT 1 FROM ${t.table} WHERE ${t.column} = ${gone(target)}.key)`).run();
    if (db.prepare(`SELECT 1 FROM ${gone(target)} LIMIT 1`).get() === undefined) continue;
    for (const ref of REFERENCES.filter((r) => r.target === target)) {
      for (const row of db.prepare(ref.sql).all(...(ref.ownerless ? [] : [batch.dataset.id])) as { dataset: string | null; key: string; n: number }[]) {
        if (out.length >= MAX_DANGLING_SHOWN) {
          hidden += row.n;
          continue;
        }
        const owner = row.dataset === null ? '' : ` of dataset "${row.dataset}"`;
        out.push({
          key: `${t.name} ${row.key}`,
          text: `replacing "${batch.dataset.id}" would leave ${row.n.toLocaleString('en-GB')} ${ref.what}${owner} pointing at ${t.name} ${row.key}, which it no longer has; keep ${t.name} ${row.key} in it, or remove what refers to it first`,
        });
      }
    }
  }
  if (hidden > 0) out.push({ key: '…', text: `and ${hidden.toLocaleString('en-GB')} more rows pointing at what "${batch.dataset.id}" no longer has` });
  return out;
}
