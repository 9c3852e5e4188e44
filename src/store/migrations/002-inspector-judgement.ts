import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';

/**
 * Inspector judgements: people's decisions, not imported facts, so they belong to no dataset and no import
 * replaces them. Append-only: a new decision for the same LA and year is a new row, and the history stays.
 */
export const inspectorJudgement: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('inspector_judgement')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('la_code', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('grade', 'integer')
      .addColumn('rationale', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('derived_at_the_time', 'integer')
      .execute();
    await db.schema.createIndex('inspector_judgement_by_year').on('inspector_judgement').columns(['year', 'la_code']).execute();
  },
};
