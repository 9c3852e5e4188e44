import type { LaCode } from './local-authority.ts';
import { ROLES } from './roles.ts';
import type { Actor } from './roles.ts';

/**
 * The audit log (issue 15): an append-only record of every action, saying who (account, name and role at the time),
 * when, what, about which LA and year, and what it was before and after. Moderators read it; it exports as CSV. The
 * store has no way to change or remove an event: there is an append and a read, nothing else.
 */

/**
 * What was done. A build that records a new kind of action adds it here (the store checks every action it reads
 * back against this list, so a log written by a newer build is refused loudly rather than misread).
 */
export const AUDIT_ACTIONS = [
  'account-added',
  'account-disabled',
  'password-reset',
  'signed-in',
  'sign-in-refused',
  'signed-out',
  // People's work, for when the judgement and the letter edits are recorded under the signed-in user (issue 15).
  'judgement-recorded',
  'letter-edits-recorded',
  // The process (src/domain/workflow.ts): a move (its name in the subject), the LA's comments and their answers.
  'workflow-moved',
  'comment-added',
  'comment-answered',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(value);

/**
 * Whoever acts without an account: the command line, run by whoever holds the database (`kingsway user add` is how
 * the first account is made), and any job of the system's own. Its name says which.
 */
export interface SystemActor {
  readonly kind: 'system';
  readonly name: string;
}

/** Who an audit event can name: a signed-in person, the public (a refused sign-in), or the system. */
export type AuditActor = Actor | SystemActor;

/** The roles an audit event records: a person's, the public's, or `system`. */
export const AUDIT_ROLES = [...ROLES, 'system'] as const;
export type AuditRole = (typeof AUDIT_ROLES)[number];

/** The actor as an event stores them, at the time: a later change of name or role does not rewrite the log. */
export interface AuditWho {
  /** The account, or null for the public and the system. */
  readonly id: number | null;
  readonly name: string;
  readonly role: AuditRole;
}

/** The name the log gives the public (whoever is not signed in). */
export const PUBLIC_NAME = 'public';

export function auditWho(actor: AuditActor): AuditWho {
  if (actor.kind === 'system') return { id: null, name: actor.name, role: 'system' };
  if (actor.kind === 'public') return { id: null, name: PUBLIC_NAME, role: 'public' };
  return { id: actor.id, name: actor.name, role: actor.role };
}

/** What an event's before and after hold: any JSON (never a password, a hash or a session token). */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export interface AuditEvent {
  /** The store's number, in the order events were appended. */
  readonly id: number;
  /** ISO 8601 instant (the shell's clock). */
  readonly at: string;
  readonly actor: AuditWho;
  readonly action: AuditAction;
  readonly la: LaCode | null;
  readonly year: number | null;
  /** What the action was about, in words a reader of the log follows: an account's name, a judgement, a sentence. */
  readonly subject: string;
  readonly before: JsonValue | null;
  readonly after: JsonValue | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

/** An event to append, from who did it and what: the LA, year, before and after default to none. */
export function auditEvent(
  by: AuditActor,
  at: string,
  action: AuditAction,
  subject: string,
  detail: { readonly la?: LaCode | null; readonly year?: number | null; readonly before?: JsonValue | null; readonly after?: JsonValue | null } = {},
): NewAuditEvent {
  return { at, actor: auditWho(by), action, la: detail.la ?? null, year: detail.year ?? null, subject, before: detail.before ?? null, after: detail.after ?? null };
}

/** Which events to read: all of them by default, oldest first, a page at a time. */
export interface AuditQuery {
  readonly la?: LaCode;
  readonly year?: number;
  readonly action?: AuditAction;
  /** Only events numbered after this one: the last id of the previous page. */
  readonly afterId?: number;
  /** At most this many (default AUDIT_PAGE, at most AUDIT_PAGE_MAX). */
  readonly limit?: number;
}

export const AUDIT_PAGE = 1000;
export const AUDIT_PAGE_MAX = 10_000;
