import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../../domain/errors.ts';
import { MIGRATION_NAMES } from '../migrations/index.ts';

/**
 * Backup and restore of the embedded store (issue 14), through SQLite's online backup API (better-sqlite3's
 * `backup`), which copies a consistent snapshot page by page even while the database is in use, rather than a copy of
 * the file, which could catch a write half done or miss what is still in the write-ahead log.
 */

/** Writes a snapshot of the open database to `target`, which must not exist: a backup never replaces a file. */
export async function backupSqlite(source: Database.Database, target: string): Promise<{ readonly pages: number }> {
  if (existsSync(target)) throw new StoreError(`${JSON.stringify(target)} exists: a backup is written to a new file, never over one`);
  try {
    const { totalPages } = await source.backup(target);
    return { pages: totalPages };
  } catch (error) {
    rmSync(target, { force: true });
    throw new StoreError(`cannot write the backup ${JSON.stringify(target)}: ${(error as Error).message}`);
  }
}

/**
 * Whether a file is a Kingsway database this build can read: an SQLite file whose applied migrations are all known
 * here. Checked before a restore replaces anything, and read-only, so a wrong file is refused unchanged.
 */
export function checkBackup(path: string): void {
  if (!existsSync(path)) throw new StoreError(`no backup ${JSON.stringify(path)}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const applied = db.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as { name: string }[];
    const known = new Set(MIGRATION_NAMES);
    const unknown = applied.find((m) => !known.has(m.name));
    if (unknown) throw new StoreError(`${JSON.stringify(path)} was written by a newer Kingsway (migration ${unknown.name}); upgrade Kingsway to restore it`);
    if (applied.length === 0) throw new StoreError(`${JSON.stringify(path)} is not a Kingsway database: it has no migrations`);
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw new StoreError(`${JSON.stringify(path)} is not a Kingsway database (${(error as Error).message})`);
  } finally {
    db?.close();
  }
}

/**
 * Replaces the database at `target` with the backup at `source`: the backup is checked, copied beside the target
 * through the backup API, and then renamed over it in one step, so that a failure part way leaves the target as it
 * was. The target's write-ahead log files go with it. No process may hold the target open meanwhile.
 */
export async function restoreSqlite(source: string, target: string): Promise<{ readonly pages: number }> {
  checkBackup(source);
  const staging = join(dirname(target), `.${basename(target)}.restoring`);
  rmSync(staging, { force: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(staging);
    for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
    renameSync(staging, target);
    return { pages: totalPages };
  } catch (error) {
    rmSync(staging, { force: true });
    throw new StoreError(`cannot restore ${JSON.stringify(source)} to ${JSON.stringify(target)}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}
