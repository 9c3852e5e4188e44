import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { ColumnTypes } from './column-types.ts';

/**
 * The assessment as a process (issue 15): people's work again, belonging to no dataset, and appended, never changed.
 *   - workflow_event: each LA-year's moves; `seq` is the move's place in that history (1, 2, …), unique, so that two
 *     people moving the same assessment from the same state cannot both be stored, whatever the store's locking.
 *   - published_content: each published version's grade and letter, exactly as published, so every version stays readable.
 *   - la_comment, comment_answer: the LA's comments on its draft and the inspectors' answers.
 *   - inspector_judgement gains its stage (a proposed grade or the final one) and the account that recorded it; every
 *     judgement before this was recorded from the command line as the final grade, so that is what they become.
 *   - a second store_version row: the process version, which the writes above raise instead of the data version,
 *     since nothing assessed changes.
 */
export const assessmentProcess = (t: ColumnTypes): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('workflow_event')
      .addColumn('id', 'integer', t.serial)
      .addColumn('la_code', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('move', t.text, (c) => c.notNull())
      .addColumn('by_id', 'integer', (c) => c.notNull().references('account.id'))
      .addColumn('by_name', t.text, (c) => c.notNull())
      .addColumn('by_role', t.text, (c) => c.notNull())
      .addColumn('at', t.text, (c) => c.notNull())
      .addColumn('reason', t.text)
      .addColumn('version', 'integer')
      .addColumn('hash', t.text)
      .addUniqueConstraint('workflow_event_seq_key', ['la_code', 'year', 'seq'])
      .execute();
    // A page reads a whole year's histories; one LA's is read through the unique key.
    await db.schema.createIndex('workflow_event_by_year').on('workflow_event').column('year').execute();

    await db.schema
      .createTable('published_content')
      .addColumn('la_code', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('grade', 'integer', (c) => c.notNull())
      .addColumn('markdown', t.text, (c) => c.notNull())
      // The letter itself (JSON), so that each version renders again as a page, PDF or Word exactly as published.
      .addColumn('letter_json', t.text, (c) => c.notNull())
      .addColumn('hash', t.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('published_content_pk', ['la_code', 'year', 'version'])
      .execute();

    await db.schema
      .createTable('la_comment')
      .addColumn('id', 'integer', t.serial)
      .addColumn('la_code', t.text, (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('sentence', t.text)
      .addColumn('text', t.text, (c) => c.notNull())
      .addColumn('by_id', 'integer', (c) => c.notNull().references('account.id'))
      .addColumn('by_name', t.text, (c) => c.notNull())
      .addColumn('by_role', t.text, (c) => c.notNull())
      .addColumn('at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('la_comment_by_year').on('la_comment').columns(['year', 'la_code']).execute();

    await db.schema
      .createTable('comment_answer')
      .addColumn('id', 'integer', t.serial)
      .addColumn('comment_id', 'integer', (c) => c.notNull().references('la_comment.id'))
      .addColumn('text', t.text, (c) => c.notNull())
      .addColumn('by_id', 'integer', (c) => c.notNull().references('account.id'))
      .addColumn('by_name', t.text, (c) => c.notNull())
      .addColumn('by_role', t.text, (c) => c.notNull())
      .addColumn('at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comment_answer_by_comment').on('comment_answer').column('comment_id').execute();

    // One column per statement: SQLite's ALTER TABLE adds one at a time.
    await db.schema
      .alterTable('inspector_judgement')
      .addColumn('stage', t.text, (c) => c.notNull().defaultTo('final').check(sql`stage in ('proposed', 'final')`))
      .execute();
    await db.schema
      .alterTable('inspector_judgement')
      .addColumn('author_id', 'integer', (c) => c.references('account.id'))
      .execute();

    await (db as Kysely<{ store_version: { id: number; version: number } }>).insertInto('store_version').values({ id: 2, version: 0 }).execute();
  },
});
