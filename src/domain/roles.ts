import type { LaCode } from './local-authority.ts';

/**
 * Who takes part in an assessment (issue 15; ../shared/docs/process.md, "People and what they do"): Ofsted's
 * analysts build and release the profile; inspectors draft the assessment and the letter; moderators settle the grade
 * across LAs, sign off and publish; each LA's own people see their profile and check their draft for factual accuracy;
 * everyone else sees what is published. Which of them may do what is one table (permissions.ts).
 */
export const ROLES = ['analyst', 'inspector', 'moderator', 'la', 'public'] as const;
export type Role = (typeof ROLES)[number];

/** The roles a person can be given an account for: the public is whoever is not signed in. */
export const ACCOUNT_ROLES = ['analyst', 'inspector', 'moderator', 'la'] as const satisfies readonly Role[];
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const isAccountRole = (value: string): value is AccountRole => (ACCOUNT_ROLES as readonly string[]).includes(value);

/**
 * Who is acting: a signed-in person (their account's id, name and role, and for an LA user the one LA they belong
 * to), or the public. Every judgement, edit, comment and move is recorded under the actor's name, never a typed one.
 */
export type Actor =
  | { readonly kind: 'user'; readonly id: number; readonly name: string; readonly role: Exclude<AccountRole, 'la'>; readonly la: null }
  | { readonly kind: 'user'; readonly id: number; readonly name: string; readonly role: 'la'; readonly la: LaCode }
  | { readonly kind: 'public' };

export const PUBLIC: Actor = { kind: 'public' };

export const roleOf = (actor: Actor): Role => (actor.kind === 'public' ? 'public' : actor.role);

/**
 * Ofsted's own people: they make the workflow's moves (workflow.ts, MOVES). An LA user and the public never move an
 * assessment on; the LA's part is its comments during the factual accuracy check (process.md, "People and what they do").
 */
export const STAFF_ROLES = ['analyst', 'inspector', 'moderator'] as const satisfies readonly AccountRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaffRole = (value: string): value is StaffRole => (STAFF_ROLES as readonly string[]).includes(value);

/** Each role in words, as a refusal names it ("an inspector may not sign off…"). */
export const ROLE_WORDS: Readonly<Record<Role, string>> = {
  analyst: 'an analyst',
  inspector: 'an inspector',
  moderator: 'a moderator',
  la: 'an LA user',
  public: 'the public',
};
