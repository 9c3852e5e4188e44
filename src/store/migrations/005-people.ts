import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { ColumnTypes } from './column-types.ts';

/**
 * People (issue 15): their accounts, their signed-in sessions, and the audit log of what everyone did. Like
 * judgements and edits these are people's work, not imported facts: they belong to no dataset and no import touches
 * them.
 *   - account: a name unique for good (accounts are disabled, never deleted, so that the log and the judgements keep
 *     naming someone who existed); an LA's own people, and only they, carry the LA's code (checked here too).
 *   - session: keyed by the SHA-256 of the token, never the token, so that a copy of the database signs nobody in.
 *   - audit_event: append-only. The store has an append and a read, and no update or delete.
 */
export const people = (t: ColumnTypes): Migration => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('account')
      .addColumn('id', 'integer', t.serial)
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('role', t.text, (c) => c.notNull())
      .addColumn('la_code', t.text)
      .addColumn('password_hash', t.text, (c) => c.notNull())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('disabled_at', t.text)
      .addUniqueConstraint('account_name_key', ['name'])
      .addCheckConstraint('account_la_iff_la_role', sql`(role = 'la') = (la_code IS NOT NULL)`)
      .execute();

    await db.schema
      .createTable('session')
      .addColumn('token_sha256', t.text, (c) => c.primaryKey())
      .addColumn('account_id', 'integer', (c) => c.notNull().references('account.id'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('expires_at', t.text, (c) => c.notNull())
      .addColumn('ended_at', t.text)
      .execute();
    await db.schema.createIndex('session_by_account').on('session').column('account_id').execute();

    await db.schema
      .createTable('audit_event')
      .addColumn('id', 'integer', t.serial)
      .addColumn('at', t.text, (c) => c.notNull())
      .addColumn('actor_id', 'integer', (c) => c.references('account.id'))
      .addColumn('actor_name', t.text, (c) => c.notNull())
      .addColumn('actor_role', t.text, (c) => c.notNull())
      .addColumn('action', t.text, (c) => c.notNull())
      .addColumn('la_code', t.text)
      .addColumn('year', 'integer')
      .addColumn('subject', t.text, (c) => c.notNull())
      .addColumn('before_json', t.text)
      .addColumn('after_json', t.text)
      .execute();
    await db.schema.createIndex('audit_event_by_la').on('audit_event').columns(['la_code', 'year']).execute();
  },
});
