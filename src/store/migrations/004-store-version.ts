import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * The store's data version: one row, one number, raised by every transaction that writes (issue 14). Several
 * servers and the CLI can share one PostgreSQL database; each server follows this number to know when another
 * process has changed what it has assessed. SQLite has the same thing built in (`PRAGMA data_version`), so the
 * embedded store keeps the row only so that both schemas are one, and a backup from either restores into the other.
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
