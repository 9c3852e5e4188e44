import type { Migration } from 'kysely/migration';
import { initial } from './001-initial.ts';

/** Every migration, in order. Names sort; a later build adds `002-…` and never edits a shipped one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
};
