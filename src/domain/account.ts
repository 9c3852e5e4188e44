import type { LaCode } from './local-authority.ts';
import type { AccountRole, Actor } from './roles.ts';

/**
 * A person's account (issue 15): a name that is unique and never reused (accounts are disabled, never deleted, so
 * that every audit event and every judgement keeps naming someone who existed), a role, and for an LA's own people
 * the one LA they belong to. The password hash is not part of it: only the store and the sign-in see that
 * (StoredAccount), so no listing, JSON output or page can show it.
 */
interface AccountFields {
  readonly id: number;
  readonly name: string;
  /** ISO 8601 instant the account was added (the shell's clock). */
  readonly createdAt: string;
  /** When it was disabled, or null while it may sign in. */
  readonly disabledAt: string | null;
}

export type Account =
  | (AccountFields & { readonly role: Exclude<AccountRole, 'la'>; readonly la: null })
  | (AccountFields & { readonly role: 'la'; readonly la: LaCode });

/** An account with its stored password hash (src/application/passwords.ts): for the sign-in and the password reset. */
export type StoredAccount = Account & { readonly passwordHash: string };

/** An account to add: what the store is given (the id is the store's). */
export type NewAccount = Omit<StoredAccount, 'id' | 'disabledAt'>;

/**
 * A signed-in session. The token itself is only ever in the person's cookie: the store keeps its SHA-256, so that a
 * copy of the database (a backup, a read replica) holds nothing anyone can sign in with.
 */
export interface Session {
  /** Lower-case hex SHA-256 of the token as the cookie carries it. */
  readonly tokenSha256: string;
  readonly accountId: number;
  readonly createdAt: string;
  /** The instant after which it no longer signs anyone in, whatever else happens. */
  readonly expiresAt: string;
  /** When it was ended (signed out, the account disabled, its password reset), or null. */
  readonly endedAt: string | null;
}

/** Who an account acts as, once signed in. */
export function actorOf(account: Account): Actor {
  return account.role === 'la'
    ? { kind: 'user', id: account.id, name: account.name, role: 'la', la: account.la }
    : { kind: 'user', id: account.id, name: account.name, role: account.role, la: null };
}
