import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Inspectors' edits to letters: like inspector judgements, people's work rather than imported facts, so they belong
 * to no dataset and survive every re-import. Append-only: an edit is withdrawn by a later `revert`, never deleted.
 */
export const letterEdit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('letter_edit')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('la_code', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('change_json', 'text', (c) => c.notNull())
      .addColumn('basis_json', 'text')
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('letter_edit_by_letter').on('letter_edit').columns(['la_code', 'year']).execute();
  },
};
