import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { StoreError } from '../../domain/errors.ts';
import { KyselyStore } from '../kysely-store.ts';
import { migrate } from '../migrate.ts';
import type { ImportBatch, ImportOutcome } from '../repository.ts';
import type { Database as Schema } from '../schema.ts';
import { backupSqlite } from './backup.ts';
import { writeBatch } from './write.ts';

export { contentHash } from '../kysely-store.ts';

/**
 * The embedded store: one SQLite file, created on first use and migrated to the current schema. Reads go through
 * Kysely (kysely-store.ts, shared with PostgreSQL); bulk writes use better-sqlite3's prepared statements in one
 * transaction (write.ts).
 */
export class SqliteStore extends KyselyStore {
  readonly path: string;
  readonly #raw: Database.Database;

  private constructor(path: string, raw: Database.Database) {
    super(new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) }));
    this.path = path;
    this.#raw = raw;
  }

  static async open(path: string): Promise<SqliteStore> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let raw: Database.Database;
    try {
      raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.pragma('foreign_keys = ON');
      raw.pragma('synchronous = NORMAL');
      // Another process (the CLI beside a server) may hold the write lock for the length of an import: wait for it
      // rather than fail at once with SQLITE_BUSY.
      raw.pragma('busy_timeout = 30000');
    } catch (error) {
      throw new StoreError(`cannot open the database ${JSON.stringify(path)}: ${(error as Error).message}`);
    }
    const store = new SqliteStore(path, raw);
    try {
      await migrate(store.db, 'sqlite', JSON.stringify(path));
      await store.startFollowing();
    } catch (error) {
      raw.close();
      throw error;
    }
    return store;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** A consistent snapshot of the whole store, written to a new file (backup.ts). */
  async backup(target: string): Promise<{ readonly pages: number }> {
    return backupSqlite(this.#raw, target);
  }

  protected async writeBatch(batch: ImportBatch, contentSha256: string): Promise<ImportOutcome> {
    const { outcome, version } = writeBatch(this.#raw, batch, contentSha256);
    this.committed(version);
    return outcome;
  }
}
