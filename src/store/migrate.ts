import type { Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Migration, MigrationProvider } from 'kysely/migration';
import { StoreError } from '../domain/errors.ts';
import type { Dialect } from './migrations/column-types.ts';
import { MIGRATION_NAMES, migrationsFor } from './migrations/index.ts';
import type { Database as Schema } from './schema.ts';

/**
 * Brings a store to this build's schema, refusing one written by a newer Kingsway (a migration this build does not
 * know) rather than guessing at it. `name` is how messages name the store (a file path, or a server without its password).
 */
export async function migrate(db: Kysely<Schema>, dialect: Dialect, name: string, schema?: string): Promise<void> {
  const migrations = migrationsFor(dialect);
  const provider: MigrationProvider = { getMigrations: async (): Promise<Record<string, Migration>> => ({ ...migrations }) };
  // On PostgreSQL the migration tables are looked for in the store's own schema: Kysely otherwise finds another
  // schema's table of the same name in the same database and takes its migrations for this store's.
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const known = new Set(MIGRATION_NAMES);
  const applied = await migrator.getMigrations().catch((error: Error) => {
    throw new StoreError(`${name} is not a Kingsway database (${error.message})`);
  });
  const unknown = applied.filter((m) => m.executedAt !== undefined && !known.has(m.name));
  if (unknown.length > 0) throw new StoreError(`${name} was written by a newer Kingsway (migration ${unknown[0]!.name}); upgrade Kingsway to use it`);
  const { error } = await migrator.migrateToLatest();
  if (error) throw new StoreError(`migrating ${name} failed: ${(error as Error).message}`);
}
