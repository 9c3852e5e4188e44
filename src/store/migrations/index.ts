import type { Migration } from 'kysely/migration';
import { initial } from './001-initial.ts';
import { inspectorJudgement } from './002-inspector-judgement.ts';
import { letterEdit } from './003-letter-edit.ts';
import { storeVersion } from './004-store-version.ts';
import { people } from './005-people.ts';
import { assessmentProcess } from './006-process.ts';
import { columnTypes } from './column-types.ts';
import type { ColumnTypes, Dialect } from './column-types.ts';

/** Every migration, in order. Names sort; a later build adds the next number and never edits a shipped one's tables. */
const ALL: Readonly<Record<string, (t: ColumnTypes) => Migration>> = {
  '001-initial': initial,
  '002-inspector-judgement': inspectorJudgement,
  '003-letter-edit': letterEdit,
  '004-store-version': storeVersion,
  '005-people': people,
  '006-process': assessmentProcess,
};

/** The names of the migrations this build knows: a store with another applied was written by a newer Kingsway. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(ALL);

/** The migrations, written for one dialect. */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
  const t = columnTypes(dialect);
  return Object.fromEntries(Object.entries(ALL).map(([name, migration]) => [name, migration(t)]));
}
