import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The store's data version: one row, one number, raised by every transaction that changes what is assessed (an
 * import, a judgement, letter edits, a restore: issue 14). Several servers and the CLI can share one store; each
 * server follows this number to know when another process has changed what it has assessed. Both stores use it
 * (SQLite's own `PRAGMA data_version` moves on every commit, sign-ins included: docs/stores.md).
 */
export const storeVersion = (): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('store_version')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull())
      .execute();
    await (db as Kysely<{ store_version: { id: number; version: number } }>).insertInto('store_version').values({ id: 1, version: 0 }).execute();
  },
});
