import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BlockAGroup } from '../src/frameworks/types.ts';

/**
 * The reference for Block A: the same aggregation written as DuckDB SQL. DuckDB is not a project dependency; the
 * benchmark installs it into bench/.duckdb/ (git-ignored) with bench/install-duckdb.sh (shared/docs/stack.md: it
 * breaks `npm ci` here as a dependency).
 */
const MODULE = fileURLToPath(new URL('./.duckdb/node_modules/@duckdb/node-api/lib/index.js', import.meta.url));

export interface DuckRun {
  /** read_csv into tables, then the query, in ms. */
  readonly fromCsv: number;
  /** The query alone over the loaded tables, in ms. */
  readonly loaded: number;
  /** LA × group cells with at least one setting counted, to check it is the same aggregation. */
  readonly cells: number;
}

export interface DuckReference {
  readonly version: string;
  /** One run in a fresh in-memory database, so that nothing is cached between runs. */
  run(): Promise<DuckRun>;
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** Latest judged inspection at the date per setting, read through a predecessor where the setting has none (academies). */
function blockASql(groups: readonly BlockAGroup[], asAt: string): string {
  const groupRows = groups.flatMap((g) => g.providerTypes.map((t) => `(${quote(g.id)}, ${quote(t)}, ${g.ownership ? quote(g.ownership) : 'NULL'})`));
  return `
    WITH grp(group_id, provider_type, ownership) AS (VALUES ${groupRows.join(', ')}),
    latest AS (
      SELECT urn, arg_max(overall_effectiveness, inspection_date) AS j
      FROM inspections
      WHERE inspection_date <= DATE ${quote(asAt)} AND overall_effectiveness IS NOT NULL
      GROUP BY urn
    ),
    counted AS (
      SELECT p.la_code, g.group_id, coalesce(l.j, lp.j) AS j
      FROM providers p
      JOIN grp g ON g.provider_type = p.provider_type AND (g.ownership IS NULL OR g.ownership = p.ownership)
      LEFT JOIN latest l ON l.urn = p.urn
      LEFT JOIN latest lp ON lp.urn = p.predecessor_urn
      WHERE (p.opened_on IS NULL OR p.opened_on <= DATE ${quote(asAt)}) AND (p.closed_on IS NULL OR p.closed_on >= DATE ${quote(asAt)})
    )
    SELECT la_code, group_id, count(*) AS inspected,
      avg(CASE WHEN j = 'outstanding' THEN 1 ELSE 0 END) AS outstanding,
      avg(CASE WHEN j IN ('outstanding', 'good') THEN 1 ELSE 0 END) AS good_or_better,
      avg(CASE WHEN j IN ('satisfactory', 'adequate', 'requires-improvement') THEN 1 ELSE 0 END) AS satisfactory,
      avg(CASE WHEN j = 'inadequate' THEN 1 ELSE 0 END) AS inadequate
    FROM counted WHERE j IS NOT NULL
    GROUP BY la_code, group_id`;
}

/** `null` when DuckDB is not installed (bench/install-duckdb.sh). */
export async function duckdbBlockA(input: { providers: string; inspections: string; groups: readonly BlockAGroup[]; asAt: string }): Promise<DuckReference | null> {
  if (!existsSync(MODULE)) return null;
  const duck = (await import(pathToFileURL(MODULE).href)) as typeof import('./duckdb-types.ts');
  const sql = blockASql(input.groups, input.asAt);
  const csv = `header = true, delim = ',', quote = '"', escape = '"'`;
  const load = `
    CREATE OR REPLACE TABLE providers AS SELECT * FROM read_csv(${quote(input.providers)}, ${csv}, types = {'urn': 'VARCHAR', 'predecessor_urn': 'VARCHAR', 'la_code': 'VARCHAR', 'opened_on': 'DATE', 'closed_on': 'DATE'});
    CREATE OR REPLACE TABLE inspections AS SELECT * FROM read_csv(${quote(input.inspections)}, ${csv}, types = {'urn': 'VARCHAR', 'inspection_date': 'DATE'});`;
  return {
    version: duck.version(),
    async run() {
      // A fresh in-memory database each run, so that nothing is cached between runs.
      const instance = await duck.DuckDBInstance.create(':memory:');
      const connection = await instance.connect();
      let start = performance.now();
      await connection.run(load);
      const first = (await connection.runAndReadAll(sql)).getRows().length;
      const fromCsv = performance.now() - start;
      start = performance.now();
      const cells = (await connection.runAndReadAll(sql)).getRows().length;
      const loaded = performance.now() - start;
      if (first !== cells) throw new Error('DuckDB gave two answers');
      connection.closeSync();
      instance.closeSync();
      return { fromCsv, loaded, cells };
    },
  };
}
