import type { Migration } from 'kysely/migration';
import { initial } from './001-initial.ts';
import { inspectorJudgement } from './002-inspector-judgement.ts';
import { letterEdit } from './003-letter-edit.ts';

/** Every migration, in order. Names sort; a later build adds `002-…` and never edits a shipped one. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-initial': initial,
  '002-inspector-judgement': inspectorJudgement,
  '003-letter-edit': letterEdit,
};
