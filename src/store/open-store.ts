import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.ts';
import { PostgresStore, redactUrl } from './postgres/postgres-store.ts';
import { restoreFromSqlite } from './postgres/backup.ts';
import type { Store } from './repository.ts';
import { checkBackup, restoreSqlite } from './sqlite/backup.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/**
 * Where the store is: an SQLite file (the embedded default) or a PostgreSQL server, told apart by the form of
 * `--db` / `KINGSWAY_DB`: a `postgres://` or `postgresql://` URL names a server, anything else a file.
 */
export type StoreLocation = { readonly kind: 'sqlite'; readonly path: string } | { readonly kind: 'postgres'; readonly url: string };

export function storeLocation(spec: string): StoreLocation {
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    try {
      new URL(spec);
    } catch {
      throw new UsageError(`the database ${JSON.stringify(redactUrl(spec))} is not a valid PostgreSQL URL (postgres://user@host:port/database)`);
    }
    return { kind: 'postgres', url: spec };
  }
  if (spec.trim() === '') throw new UsageError('the database must be a file path or a postgres:// URL, not empty');
  return { kind: 'sqlite', path: resolve(spec) };
}

/** How messages name a store: the file, or the server without its password. */
export const describeLocation = (location: StoreLocation): string => (location.kind === 'sqlite' ? location.path : redactUrl(location.url));

export async function openStore(location: StoreLocation): Promise<Store> {
  return location.kind === 'sqlite' ? SqliteStore.open(location.path) : PostgresStore.open(location.url);
}

/**
 * Replaces a store with a backup (an SQLite file, from either store: postgres/backup.ts). The backup is checked
 * before anything is touched. SQLite swaps the file in one rename; PostgreSQL replaces every table in one
 * transaction, from a copy of the backup first brought to this build's schema, so an older backup restores too.
 */
export async function restoreStore(location: StoreLocation, backup: string): Promise<void> {
  if (storeLocation(backup).kind === 'postgres') throw new UsageError(`the backup must be a file that kingsway backup wrote, not a database server (${redactUrl(backup)})`);
  const source = resolve(backup);
  if (location.kind === 'sqlite') {
    if (source === location.path) throw new UsageError(`the backup ${JSON.stringify(backup)} is the store itself`);
    await restoreSqlite(source, location.path);
    return;
  }
  checkBackup(source);
  const dir = mkdtempSync(join(tmpdir(), 'kingsway-restore-'));
  try {
    const copy = join(dir, 'backup.db');
    copyFileSync(source, copy);
    await (await SqliteStore.open(copy)).close();
    const store = await PostgresStore.open(location.url);
    try {
      const client = await store.connect();
      try {
        const { version } = await restoreFromSqlite(client, copy);
        store.restored(version);
      } finally {
        client.release();
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
