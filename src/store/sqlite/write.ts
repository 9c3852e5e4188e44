import type BetterSqlite3 from 'better-sqlite3';
import { ImportRejectedError } from '../../domain/errors.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { IndicatorValue } from '../../domain/indicator.ts';
import type { Period } from '../../domain/period.ts';
import { DATASET_TABLES, danglingRejections, forgetKeysSql, REFERENCES, rememberKeysSql, TARGETS, unresolvedKeysSql } from '../dataset-references.ts';
import type { DanglingRow, Target } from '../dataset-references.ts';
import { batchRows } from '../batch-rows.ts';
import type { TableRows } from '../batch-rows.ts';
import type { ImportBatch, ImportOutcome } from '../repository.ts';

type Db = BetterSqlite3.Database;

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
 * path for SQLite bulk loads; indicator values, by far the most rows (LAIT's 641,070), go in in the table's key order
 * and many a statement (insertValuesInOrder), and `npm run bench "LAIT import"` times the whole import against the
 * bare parse of LAIT's file.
 */
export function writeBatch(db: Db, batch: ImportBatch, contentSha256: string): { outcome: ImportOutcome; version: number } {
  const counts: Record<string, number> = {};
  const file = batch.files.map((f) => f.path).join(', ') || batch.dataset.id;
  /** Which other dataset holds a key; `undefined` when the clash is within this batch (a repeated row). */
  const ownerOf = (table: string, where: string, params: unknown[]): string | undefined => {
    const row = db.prepare(`SELECT dataset_id AS d FROM ${table} WHERE ${where} AND dataset_id <> ? LIMIT 1`).get(...params, batch.dataset.id) as
      | { d: string }
      | undefined;
    return row?.d;
  };
  /** A table's rows one statement each; a clash names the row, and the dataset that holds its key if another does. */
  const d = batch.dataset.id;
  const insertAll = (t: TableRows) => {
    const statement = db.prepare(`INSERT INTO ${t.table} (${t.columns.map(([name]) => name).join(', ')}) VALUES (${t.columns.map(() => '?').join(',')})`);
    const keyAt = t.key.map((k) => t.columns.findIndex(([name]) => name === k));
    const where = t.key.map((k) => `${k} = ?`).join(' AND ');
    for (const row of t.rows) {
      try {
        statement.run(...row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const owner = ownerOf(t.table, where, keyAt.map((i) => row[i]));
        const rejection: Rejection = {
          file,
          line: null,
          column: null,
          value: t.label(row),
          reason:
            owner === undefined
              ? `appears twice in dataset "${batch.dataset.id}"`
              : `already stored by dataset "${owner}"; remove that dataset first or use other identifiers`,
        };
        throw new ImportRejectedError(batch.dataset.id, [rejection]);
      }
    }
    counts[t.table] = (counts[t.table] ?? 0) + t.rows.length;
  };

  const insertLaInspections = () => {
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
  };

  const insertValues = (t: TableRows) => {
    const values = batch.indicatorValues;
    if (values && values.length > 0) {
      const order = primaryKeyOrder(values);
      const period = db.prepare('INSERT OR IGNORE INTO period (original, kind, key, start_year, end_year, qualifier) VALUES (?,?,?,?,?,?)');
      for (const p of order.periods) period.run(p.original, p.kind, p.key, p.startYear, p.endYear, p.qualifier);
      // All or none, as a savepoint: a clash leaves no value of the bulk behind, and the row-by-row insert below then
      // finds the row and its owner exactly as it did before the bulk path existed (the rare, slow path).
      try {
        db.transaction(() => insertValuesInOrder(db, values, order.rows, d))();
        counts['indicator_value'] = values.length;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        insertAll(t);
      }
    }
  };

  const run = db.transaction((): { outcome: ImportOutcome; version: number } => {
    // The store's data version, raised inside the import's transaction: what other processes' servers follow.
    const { version } = db.prepare('UPDATE store_version SET version = version + 1 WHERE id = 1 RETURNING version').get() as { version: number };
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
    // The rows of every table as both stores flatten them (batch-rows.ts), LA inspections after the providers' ones.
    for (const t of batchRows(batch)) {
      if (t.table === 'indicator_value') insertValues(t);
      else insertAll(t);
      if (t.table === 'provider_inspection') insertLaInspections();
    }
    if (!batch.providerInspections?.length) insertLaInspections();
    if (previous) {
      const dangling = danglingReferences(db, batch, file);
      if (dangling.length > 0) throw new ImportRejectedError(d, dangling);
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
    return { outcome: { status: 'written', dataset: d, counts, replaced: previous }, version };
  });
  try {
    return run();
  } finally {
    forgetKeys(db);
  }
}

const VALUE_COLUMNS = 'indicator_id, area_kind, area_code, period_original, value, symbol, original, dataset_id';

/**
 * Indicator values per INSERT statement, at most. Each call into better-sqlite3 costs about 1 µs before anything is
 * bound (641k calls: 0.65 s of LAIT's import); 200 rows bind 800 parameters, well under SQLite's 32,766. LAIT's 641,070
 * values in key order, eight parameters a row, measured here: 1 row a statement 3.0 s, 16 rows 1.8 s, 64 rows 1.75 s,
 * 200 rows 1.65 s; larger runs were no faster within the noise of this machine.
 */
const VALUES_PER_STATEMENT = 200;

/**
 * The order in which to insert a batch's indicator values: `indicator_value` is a WITHOUT ROWID table, its rows kept in
 * a b-tree on (indicator_id, area_kind, area_code, period_original), and inserting in that order appends to the
 * b-tree instead of splitting pages all over it. SQLite alone, copying LAIT's values from a staging table, measured
 * here: 2.66 s in random order, 0.59 s in key order. LAIT's file is by measure, then period, then LA name: inserted
 * in that order, one row a statement, its values took 2.8 s to 3.7 s; in key order, 3.0 s, and 1.65 s two hundred rows
 * a statement (VALUES_PER_STATEMENT). Also the distinct periods, each as first seen, for the period table.
 *
 * Each distinct indicator, area and period is ranked once (434, 170 and 65 of them in LAIT), and the rows are put in
 * order by three counting sorts over those ranks: 55 ms for LAIT, against 110 ms with a native sort of packed
 * numeric keys; a comparator would be called 12 million times. Strings are compared as JavaScript compares them (UTF-16
 * code units), which is SQLite's BINARY order except for characters beyond U+FFFF: a row out of order costs a page
 * split, never a wrong row.
 */
export function primaryKeyOrder(values: readonly IndicatorValue[]): { readonly rows: Uint32Array; readonly periods: readonly Period[] } {
  const n = values.length;
  const indicatorAt = new Map<string, number>();
  const indicators: string[] = [];
  const areaAt = new Map<string, Map<string, number>>();
  const areas: { readonly kind: string; readonly code: string }[] = [];
  const periodAt = new Map<string, number>();
  const periods: Period[] = [];
  const ofIndicator = new Int32Array(n);
  const ofArea = new Int32Array(n);
  const ofPeriod = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    let x = indicatorAt.get(v.indicator);
    if (x === undefined) {
      x = indicators.length;
      indicatorAt.set(v.indicator, x);
      indicators.push(v.indicator);
    }
    ofIndicator[i] = x;
    let codes = areaAt.get(v.area.kind);
    if (codes === undefined) {
      codes = new Map();
      areaAt.set(v.area.kind, codes);
    }
    x = codes.get(v.area.code);
    if (x === undefined) {
      x = areas.length;
      codes.set(v.area.code, x);
      areas.push(v.area);
    }
    ofArea[i] = x;
    x = periodAt.get(v.period.original);
    if (x === undefined) {
      x = periods.length;
      periodAt.set(v.period.original, x);
      periods.push(v.period);
    }
    ofPeriod[i] = x;
  }
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const rankI = ranks(indicators.length, (a, b) => byText(indicators[a]!, indicators[b]!));
  const rankA = ranks(areas.length, (a, b) => byText(areas[a]!.kind, areas[b]!.kind) || byText(areas[a]!.code, areas[b]!.code));
  const rankP = ranks(periods.length, (a, b) => byText(periods[a]!.original, periods[b]!.original));
  // A radix sort: stable counting sorts by period, then area, then indicator, each over its few distinct ranks.
  let rows = new Uint32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  let spare = new Uint32Array(n);
  for (const [of, rank] of [
    [ofPeriod, rankP],
    [ofArea, rankA],
    [ofIndicator, rankI],
  ] as const) {
    const starts = new Uint32Array(rank.length + 1);
    for (let i = 0; i < n; i++) starts[rank[of[i]!]! + 1]!++;
    for (let r = 1; r <= rank.length; r++) starts[r]! += starts[r - 1]!;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      spare[starts[rank[of[row]!]!]!++] = row;
    }
    [rows, spare] = [spare, rows];
  }
  return { rows, periods };
}

/** Each of `count` items' place in the order `compare` gives. */
function ranks(count: number, compare: (a: number, b: number) => number): Int32Array {
  const order = Array.from({ length: count }, (_, i) => i).sort(compare);
  const rank = new Int32Array(count);
  order.forEach((item, place) => (rank[item] = place));
  return rank;
}

/**
 * Inserts the values in the order given, as runs of up to VALUES_PER_STATEMENT rows with the same indicator and area
 * kind. Once the rows are in key order, binding is most of the cost: about 0.13 µs a string through better-sqlite3
 * (each is type-checked, copied to UTF-8 and copied again by SQLite) against 0.05 µs a number. So what a run shares
 * is bound once, as a named parameter (the indicator, the area kind, the dataset id), and each row binds four values
 * (area code, period, value or symbol, original) instead of eight: a number and a symbol share one parameter, told
 * apart again by its type in SQL. LAIT's 641,070 values in key order, least CPU of four runs: 1.47 s with eight
 * parameters a row, 1.03 s with four; binding the eight into a statement that inserts nothing takes 0.96 s alone.
 * No array, spread or closure is made per row.
 */
function insertValuesInOrder(db: Db, values: readonly IndicatorValue[], order: Uint32Array, dataset: string): void {
  const statements = new Map<number, BetterSqlite3.Statement>();
  // One statement per run length, prepared when first needed: LAIT needs 27 of them.
  const statementFor = (rows: number): BetterSqlite3.Statement => {
    let statement = statements.get(rows);
    if (statement === undefined) {
      statement = db.prepare(
        `INSERT INTO indicator_value (${VALUE_COLUMNS}) SELECT @indicator, @kind, column1, column2, iif(typeof(column3) = 'text', NULL, column3), iif(typeof(column3) = 'text', column3, NULL), column4, @dataset FROM (VALUES ${new Array<string>(rows).fill('(?,?,?,?)').join(',')})`,
      );
      statements.set(rows, statement);
    }
    return statement;
  };
  const named = { indicator: '', kind: '', dataset };
  for (let start = 0; start < order.length; ) {
    const first = values[order[start]!]!;
    let end = start + 1;
    while (end < order.length && end - start < VALUES_PER_STATEMENT) {
      const v = values[order[end]!]!;
      if (v.indicator !== first.indicator || v.area.kind !== first.area.kind) break;
      end++;
    }
    const params: unknown[] = new Array((end - start) * 4);
    let k = 0;
    for (let i = start; i < end; i++) {
      const v = values[order[i]!]!;
      params[k++] = v.area.code;
      params[k++] = v.period.original;
      params[k++] = v.value.kind === 'number' ? v.value.value : v.value.symbol;
      params[k++] = v.original;
    }
    named.indicator = first.indicator;
    named.kind = first.area.kind;
    statementFor(end - start).run(params, named);
    start = end;
  }
}

/**
 * Notes, before a dataset's rows are deleted, the keys it holds, in a temporary table per kind of key; the SQL is
 * PostgreSQL's too (dataset-references.ts).
 */
function rememberKeys(db: Db, dataset: string): void {
  for (const statement of rememberKeysSql('?')) db.prepare(statement.sql).run(...(statement.params ? [dataset] : []));
}

function forgetKeys(db: Db): void {
  for (const statement of forgetKeysSql()) db.prepare(statement.sql).run();
}

/**
 * What replacing a dataset would leave pointing at nothing (dataset-references.ts says why). Only keys the dataset
 * gave up are looked at (rememberKeys noted them before the delete), so a re-import of the same keys costs three
 * small deletes.
 */
function danglingReferences(db: Db, batch: ImportBatch, file: string): Rejection[] {
  const found: { target: Target; what: string; rows: DanglingRow[] }[] = [];
  for (const target of Object.keys(TARGETS) as Target[]) {
    const unresolved = unresolvedKeysSql(target);
    db.prepare(unresolved.prune).run();
    if (db.prepare(unresolved.any).get() === undefined) continue;
    for (const ref of REFERENCES.filter((r) => r.target === target)) {
      found.push({ target, what: ref.what, rows: db.prepare(ref.sql('?')).all(...(ref.ownerless ? [] : [batch.dataset.id])) as DanglingRow[] });
    }
  }
  return danglingRejections(batch.dataset.id, found).map((r) => ({ file, line: null, column: null, value: r.key, reason: r.text }));
}
