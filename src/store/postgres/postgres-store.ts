import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { StoreError } from '../../domain/errors.ts';
import { KyselyStore } from '../kysely-store.ts';
import { migrate } from '../migrate.ts';
import type { ImportBatch, ImportOutcome } from '../repository.ts';
import type { Database as Schema } from '../schema.ts';
import { backupToSqlite } from './backup.ts';
import { writeBatchPg } from './write.ts';

/** A connection string with its password, if any, taken out: what messages and logs may show. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return 'the PostgreSQL server given';
  }
}

/** A schema name Kingsway accepts: a plain lower-case identifier, which needs no quoting anywhere. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The connection string without Kingsway's own `schema` parameter, and the schema, checked. */
export function splitSchema(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  if (schema === null) return { connectionString: url, schema: null };
  if (!SCHEMA_NAME.test(schema)) throw new StoreError(`the schema ${JSON.stringify(schema)} in ${redactUrl(url)} must be lower-case letters, digits and _ (at most 63), starting with a letter or _`);
  u.searchParams.delete('schema');
  return { connectionString: u.toString(), schema };
}

/**
 * The shared store: a PostgreSQL server that several people's servers and command lines use at once (issue 14).
 * The same reads as SQLite (kysely-store.ts, through Kysely's PostgreSQL dialect and `pg`); imports written in
 * bulk as column arrays (write.ts); a data version in the database (migration 004) that every writing transaction
 * raises, which is how each server knows another process has changed what it has assessed.
 */
export class PostgresStore extends KyselyStore {
  readonly url: string;
  readonly #pool: pg.Pool;

  private constructor(url: string, pool: pg.Pool) {
    super(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }));
    this.url = url;
    this.#pool = pool;
  }

  /**
   * Opens the store at `url`. A `schema` parameter (`postgres://host/db?schema=assessment_2011`) keeps Kingsway's
   * tables in that schema of the database, created if it is missing, so that several stores can share one database
   * (the test suite gives each test its own); without it they are in the connection's default schema.
   */
  static async open(url: string): Promise<PostgresStore> {
    const { connectionString, schema } = splitSchema(url);
    // A handful of connections is plenty: the store's queries are short, and a server shares them between requests.
    const pool = new pg.Pool({ connectionString, max: 8, application_name: 'kingsway', ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    // An idle connection the server drops (a restart, a timeout) must not take the process down with it.
    pool.on('error', () => undefined);
    const store = new PostgresStore(url, pool);
    try {
      if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      else await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw new StoreError(`cannot connect to the database ${redactUrl(url)}: ${(error as Error).message}`);
    }
    try {
      const current = (await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema')).rows[0]?.schema;
      if (!current) throw new StoreError(`${redactUrl(url)} has no schema to keep Kingsway's tables in (its search_path names none that exists)`);
      await migrate(store.db, 'postgres', redactUrl(url), current);
      await store.startFollowing();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  /** A consistent snapshot, written as an SQLite file that either store restores (backup.ts). */
  async backup(target: string): Promise<{ readonly pages: number }> {
    const client = await this.#pool.connect();
    try {
      return await backupToSqlite(client, target);
    } finally {
      client.release();
    }
  }

  protected async writeBatch(batch: ImportBatch, contentSha256: string): Promise<ImportOutcome> {
    const client = await this.#pool.connect();
    try {
      const { outcome, version } = await writeBatchPg(client, batch, contentSha256);
      this.committed(version);
      return outcome;
    } finally {
      client.release();
    }
  }

  /** For restore: a connection of its own, in which the caller runs one transaction. */
  async connect(): Promise<pg.PoolClient> {
    return this.#pool.connect();
  }

  /** After a restore replaced everything: the version it left, as this process's own. */
  restored(version: number): void {
    this.committed(version);
  }
}
