/**
 * What a dataset owns and what refers to it, in SQL both stores run (issue 14): SQLite's writer (sqlite/write.ts)
 * and PostgreSQL's (postgres/write.ts) ask the same questions in the same words, so a replacement is refused for the
 * same reasons with the same message on either. Temporary tables are named without a schema (`CREATE TEMP TABLE x`
 * is unqualified in both), and the one parameter is written as each driver wants it (`?`, `$1`).
 */

/** Tables a dataset owns rows in, children first so deletes respect references. */
export const DATASET_TABLES = [
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

/** What other rows refer to, by key: an LA by its code, a provider by its URN, an indicator by its id. */
export const TARGETS = {
  las: { table: 'local_authority', column: 'code', name: 'LA' },
  urns: { table: 'provider', column: 'urn', name: 'URN' },
  indicators: { table: 'indicator', column: 'id', name: 'indicator' },
} as const;
export type Target = keyof typeof TARGETS;

/** The temporary table of keys of one kind that the replaced dataset held. */
export const goneTable = (target: Target): string => `kingsway_gone_${target}`;

/**
 * Notes, before a dataset's rows are deleted, the keys it holds, in a temporary table per kind of key (kept in SQL:
 * a national synthetic dataset has 114,661 URNs, which need not pass through JavaScript). `params` says the
 * statement takes the dataset's id as its one parameter, written `p`.
 */
export function rememberKeysSql(p: string): { sql: string; params: boolean }[] {
  return (Object.entries(TARGETS) as [Target, (typeof TARGETS)[Target]][]).flatMap(([target, t]) => [
    { sql: `DROP TABLE IF EXISTS ${goneTable(target)}`, params: false },
    { sql: `CREATE TEMP TABLE ${goneTable(target)} AS SELECT ${t.column} AS key FROM ${t.table} WHERE dataset_id = ${p}`, params: true },
  ]);
}

export function forgetKeysSql(): { sql: string }[] {
  return (Object.keys(TARGETS) as Target[]).map((target) => ({ sql: `DROP TABLE IF EXISTS ${goneTable(target)}` }));
}

/** After the new rows are in: keys the dataset still has are struck off (`prune`); `any` finds whether one is left. */
export function unresolvedKeysSql(target: Target): { prune: string; any: string } {
  const t = TARGETS[target];
  const gone = goneTable(target);
  return { prune: `DELETE FROM ${gone} WHERE EXISTS (SELECT 1 FROM ${t.table} WHERE ${t.column} = ${gone}.key)`, any: `SELECT 1 FROM ${gone} LIMIT 1` };
}

/**
 * A reference from one table to another's key, as the schema has them (src/store/schema.ts; neither store is asked
 * to enforce them, because each dataset is replaced whole and the order of imports is the user's).
 */
export interface Reference {
  readonly target: Target;
  /** What holds the reference, in the plural, as a message names it ("providers"). */
  readonly what: string;
  /** Selects (dataset, key, n) of the rows referring to a key that is gone; takes the replacing dataset's id as `p`, to leave its own rows out, unless `ownerless`. */
  readonly sql: (p: string) => string;
  readonly ownerless?: true;
}

/** A row `Reference.sql` selects. */
export interface DanglingRow {
  readonly dataset: string | null;
  readonly key: string;
  readonly n: number;
}

const reference = (target: Target, what: string, table: string, column: string, also = ''): Reference => ({
  target,
  what,
  sql: (p) =>
    `SELECT dataset_id AS dataset, ${column} AS key, count(*) AS n FROM ${table} WHERE ${column} IN (SELECT key FROM ${goneTable(target)}) ${also} AND dataset_id <> ${p} GROUP BY dataset_id, ${column} ORDER BY dataset_id, ${column}`,
});

export const REFERENCES: readonly Reference[] = [
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
  ).map(
    ([what, table]): Reference => ({
      target: 'las',
      what,
      sql: () => `SELECT NULL AS dataset, la_code AS key, count(*) AS n FROM ${table} WHERE la_code IN (SELECT key FROM ${goneTable('las')}) GROUP BY la_code ORDER BY la_code`,
      ownerless: true,
    }),
  ),
  reference('urns', 'provider inspections', 'provider_inspection', 'urn'),
  reference('urns', 'providers', 'provider', 'predecessor_urn'),
  reference('indicators', 'indicator values', 'indicator_value', 'indicator_id'),
];

/** Enough to say what breaks without a report of thousands of lines; the count of the rest is given. */
export const MAX_DANGLING_SHOWN = 20;

/**
 * What replacing a dataset would leave pointing at nothing, as messages: rows of other datasets that refer to an LA,
 * a URN or an indicator it had before and has no longer (a bundle that replaced the LA list once left every provider
 * without its LA, and `kingsway assess` then reported "0 LAs" with exit 0: issue 11). `found` is what each
 * reference's query returned, in REFERENCES order.
 */
export function danglingRejections(dataset: string, found: readonly { target: Target; what: string; rows: readonly DanglingRow[] }[]): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  let hidden = 0;
  for (const { target, what, rows } of found) {
    const t = TARGETS[target];
    for (const row of rows) {
      if (out.length >= MAX_DANGLING_SHOWN) {
        hidden += row.n;
        continue;
      }
      const owner = row.dataset === null ? '' : ` of dataset "${row.dataset}"`;
      out.push({
        key: `${t.name} ${row.key}`,
        text: `replacing "${dataset}" would leave ${row.n.toLocaleString('en-GB')} ${what}${owner} pointing at ${t.name} ${row.key}, which it no longer has; keep ${t.name} ${row.key} in it, or remove what refers to it first`,
      });
    }
  }
  if (hidden > 0) out.push({ key: '…', text: `and ${hidden.toLocaleString('en-GB')} more rows pointing at what "${dataset}" no longer has` });
  return out;
}
