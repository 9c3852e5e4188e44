import type { LaCode } from './local-authority.ts';
import { can } from './permissions.ts';
import type { Actor } from './roles.ts';
import type { WorkflowState } from './workflow.ts';

/**
 * The embargo (issue 15): how much of one LA-year a person may see, from the permissions table and the LA-year's
 * workflow state. Every page, the API, the CSVs, the national table, the distribution and the hex map read the year
 * through this, so that nothing unpublished reaches anyone without a role that may see it (process.md: "nothing is
 * public before publication day").
 *   - `current`: everything as it stands now (the derived and proposed grades, the trace, the draft letter): Ofsted's
 *     people always; an LA's own people during their factual accuracy check.
 *   - `published`: the published grade and letter, and the profile they rest on.
 *   - `profile`: the LA's own performance profile once released, without any grade.
 *   - `none`: nothing; asked for, it is "not found", saying nothing of whether it exists.
 */
export const SIGHTS = ['current', 'published', 'profile', 'none'] as const;
export type Sight = (typeof SIGHTS)[number];

export function sightOf(actor: Actor, la: LaCode, year: number, state: WorkflowState): Sight {
  const target = { la, year, state };
  if (actor.kind === 'user' && actor.role !== 'la' && can(actor, 'view-national-unpublished').allowed) return 'current';
  if (can(actor, 'view-draft', target).allowed) return 'current';
  if (can(actor, 'view-published', target).allowed) return 'published';
  if (can(actor, 'view-profile', target).allowed) return 'profile';
  return 'none';
}

/**
 * Who sees the same things, for keys of anything rendered and kept: every member of Ofsted's staff sees all of it,
 * the public sees what is published, and each LA's own people see that and their own LA. A page kept under one key is
 * never served under another.
 */
export function audienceKey(actor: Actor): string {
  if (actor.kind === 'public') return 'public';
  return actor.role === 'la' ? `la ${actor.la}` : 'staff';
}
