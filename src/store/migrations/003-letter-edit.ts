import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { ColumnTypes } from './column-types.ts';

/**
 * Inspectors' edits to letters: like inspector judgements, people's work rather than imported facts, so they belong
 * to no dataset and survive every re-import. Append-only: an edit is withdrawn by a later `revert`, never deleted.
 */
export const letterEdit = (t: ColumnTypes): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('letter_edit')
      .addColumn('id', 'integer', t.serial)
      .addColumn('la_code', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('change_json', t.text, (c) => c.notNull())
      .addColumn('basis_json', t.text)
      .addColumn('author', t.text, (c) => c.notNull())
      .addColumn('recorded_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('letter_edit_by_letter').on('letter_edit').columns(['la_code', 'year']).execute();
  },
});
