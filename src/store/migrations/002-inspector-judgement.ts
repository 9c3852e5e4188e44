import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { ColumnTypes } from './column-types.ts';

/**
 * Inspector judgements: people's decisions, not imported facts, so they belong to no dataset and no import
 * replaces them. Append-only: a new decision for the same LA and year is a new row, and the history stays.
 */
export const inspectorJudgement = (t: ColumnTypes): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('inspector_judgement')
      .addColumn('id', 'integer', t.serial)
      .addColumn('la_code', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('decision', t.text, (c) => c.notNull())
      .addColumn('grade', 'integer')
      .addColumn('rationale', t.text, (c) => c.notNull())
      .addColumn('author', t.text, (c) => c.notNull())
      .addColumn('recorded_at', t.text, (c) => c.notNull())
      .addColumn('derived_at_the_time', 'integer')
      .execute();
    await db.schema.createIndex('inspector_judgement_by_year').on('inspector_judgement').columns(['year', 'la_code']).execute();
  },
});
