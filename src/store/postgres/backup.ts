import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { PoolClient } from 'pg';
import { StoreError } from '../../domain/errors.ts';
import { NUMBERED_TABLES, TABLES } from '../schema.ts';
import { SqliteStore } from '../sqlite/sqlite-store.ts';
import { checkBackup } from '../sqlite/backup.ts';

/**
 * Backup and restore of the PostgreSQL store (issue 14). A backup is an SQLite file whichever store wrote it: the
 * embedded store's own format, which `kingsway restore` reads into either store, so a backup taken from the shared
 * server can be opened on a laptop, and a laptop's store can be moved onto a server. (pg_dump would tie a backup to
 * a server of the same major version or newer, and to having its binaries beside Kingsway.)
 */

/** Rows fetched from the server at a time: a cursor keeps a 641,000-row table out of memory. */
const FETCH = 10_000;

/**
 * Copies every table, as one consistent snapshot (a REPEATABLE READ, read-only transaction: what was committed when
 * it began, whatever is written meanwhile), into a new SQLite file made with this build's schema. The target must
 * not exist; a failure part way removes it.
 */
export async function backupToSqlite(client: PoolClient, target: string): Promise<{ readonly pages: number }> {
  if (existsSync(target)) throw new StoreError(`${JSON.stringify(target)} exists: a backup is written to a new file, never over one`);
  await (await SqliteStore.open(target)).close();
  const out = new Database(target);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    out.exec('BEGIN');
    for (const table of TABLES) {
      out.prepare(`DELETE FROM ${table}`).run();
      await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT * FROM ${table}`);
      let insert: Database.Statement | undefined;
      for (;;) {
        const batch = await client.query<Record<string, unknown>>(`FETCH ${FETCH} FROM copy_rows`);
        if (batch.rows.length === 0) break;
        const columns = batch.fields.map((f) => f.name);
        insert ??= out.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const row of batch.rows) insert.run(...columns.map((c) => row[c]));
      }
      await client.query('CLOSE copy_rows');
    }
    out.exec('COMMIT');
    await client.query('COMMIT');
    const pages = out.pragma('page_count', { simple: true }) as number;
    out.close();
    return { pages };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (out.open) out.close();
    rmSync(target, { force: true });
    throw new StoreError(`cannot write the backup ${JSON.stringify(target)}: ${(error as Error).message}`);
  }
}

/** Rows per INSERT on restore: PostgreSQL takes at most 65,535 parameters in one statement. */
const parametersPerInsert = 60_000;

/**
 * Replaces everything in the PostgreSQL store with a backup (an SQLite file, from either store), in one
 * transaction: checked first, then every table emptied and filled, and the numbered tables' identity sequences
 * moved past the highest id restored. A failure part way leaves the store as it was. Returns the data version the
 * restore wrote, raised past the one it replaced so that running servers see the change (the process version is
 * raised past its own likewise).
 */
export async function restoreFromSqlite(client: PoolClient, source: string): Promise<{ readonly rows: number; readonly version: number }> {
  checkBackup(source);
  const backup = new Database(source, { readonly: true, fileMustExist: true });
  let rows = 0;
  try {
    await client.query('BEGIN');
    const held = (await client.query<{ id: number; version: number }>('SELECT id, version FROM store_version FOR UPDATE')).rows;
    const before = Number(held.find((r) => r.id === 1)?.version ?? 0);
    const beforeProcess = Number(held.find((r) => r.id === 2)?.version ?? 0);
    await client.query(`TRUNCATE ${TABLES.join(', ')}`);
    for (const table of TABLES) {
      const statement = backup.prepare(`SELECT * FROM ${table}`);
      const columns = statement.columns().map((c) => c.name);
      const perInsert = Math.max(1, Math.floor(parametersPerInsert / columns.length));
      let pending: unknown[] = [];
      let count = 0;
      const flush = async () => {
        if (count === 0) return;
        const values = Array.from({ length: count }, (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
        // OVERRIDING SYSTEM VALUE: the backup's ids are kept, so that edits and judgements keep their numbers.
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${values}`, pending);
        rows += count;
        pending = [];
        count = 0;
      };
      for (const row of statement.raw().iterate() as IterableIterator<unknown[]>) {
        pending.push(...row);
        count++;
        if (count === perInsert) await flush();
      }
      await flush();
    }
    for (const table of NUMBERED_TABLES) {
      await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), coalesce((SELECT max(id) FROM ${table}), 0) + 1, false)`);
    }
    const version = before + 1;
    await client.query('INSERT INTO store_version (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = $1', [version]);
    // The process is replaced too (moves, comments), so servers re-read who may see what as well.
    await client.query('INSERT INTO store_version (id, version) VALUES (2, $1) ON CONFLICT (id) DO UPDATE SET version = $1', [beforeProcess + 1]);
    await client.query('COMMIT');
    return { rows, version };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new StoreError(`cannot restore ${JSON.stringify(source)}: ${(error as Error).message}`);
  } finally {
    backup.close();
  }
}
