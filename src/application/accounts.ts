import { createHash, randomBytes } from 'node:crypto';
import { actorOf } from '../domain/account.ts';
import type { Account } from '../domain/account.ts';
import { auditEvent } from '../domain/audit.ts';
import type { AuditActor } from '../domain/audit.ts';
import { InvalidFieldError, NotFoundError, UsageError } from '../domain/errors.ts';
import { isLaCode } from '../domain/local-authority.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { ACCOUNT_ROLES, isAccountRole } from '../domain/roles.ts';
import type { AccountRole, Actor } from '../domain/roles.ts';
import { userTextProblem } from '../domain/user-text.ts';
import type { Store } from '../store/repository.ts';
import { generatePassword, hashPassword, MAX_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './passwords.ts';

/**
 * People's accounts and their sign-in (issue 15), for `kingsway user …` and, later, the web's sign-in and account
 * pages. Every use case that changes something records an audit event in the same transaction as the change, naming
 * who did it (`by`: a signed-in moderator, or the command line as the system). Who may call which is the front door's
 * to check (src/domain/permissions.ts, when the web has it): the command line is whoever holds the database.
 *
 * Rate limiting of sign-in is the web's too (per address and per name, before signIn is called): signIn is slow on
 * purpose (one scrypt hash, about 0.1 s) but does not count attempts.
 */

/** A new account as a front door takes it: a form's fields, or the command line's flags. */
export interface AccountRequest {
  /** The person's name, as it will be recorded on their judgements, edits and comments; unique. */
  readonly name: string;
  /** analyst, inspector, moderator or la. */
  readonly role: string;
  /** For the la role, and only for it: the LA by its DfE code ("356"). */
  readonly la?: string;
  /** Their password; if none is given, one is generated and returned, to be handed over once. */
  readonly password?: string;
}

export type AccountField = keyof AccountRequest;

/** A field that is not acceptable (a form puts the message beside it; the command line names its flag). */
export type AccountInputError = InvalidFieldError<AccountField>;

/** When (the shell's clock: the core never reads it) and who is acting. */
export interface ActingOptions {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly by: AuditActor;
}

/** A request's fields once checked, with nothing read yet: trimmed, as they are stored. */
export interface CheckedAccount {
  readonly name: string;
  readonly role: AccountRole;
  readonly la: LaCode | null;
  readonly password: string | null;
}

/** How long a session signs someone in, from the sign-in, whatever they do meanwhile. */
export const SESSION_HOURS = 8;

/** What every refused sign-in says, whether the name exists or not, and whatever was wrong. */
export const SIGN_IN_REFUSED = 'The name or the password is not right, or the account is disabled.';

/** The shell's instant, checked and in the one form the store compares as text (Date.toISOString). */
function instant(at: string): string {
  const date = new Date(at);
  if (!/^\d{4}-\d\d-\d\dT/.test(at) || Number.isNaN(date.getTime())) throw new UsageError(`the time ${JSON.stringify(at)} is not an ISO 8601 instant`);
  return date.toISOString();
}

const field = (name: AccountField, problem: string) => new InvalidFieldError<AccountField>(name, problem);

/** The name as a sign-in or a listing compares it: exactly as stored, without surrounding space. */
const nameOf = (name: string) => name.trim();

/**
 * Checks a new account's fields, with nothing read: the name is a name (src/domain/user-text.ts), the role one of
 * the account roles, an LA given for the la role and only for it, and the password, if given, strong enough.
 */
export function checkAccount(request: AccountRequest): CheckedAccount {
  const nameProblem = userTextProblem(request.name, 'name');
  if (nameProblem) throw field('name', nameProblem);
  const name = nameOf(request.name);
  const role = request.role.trim();
  if (!isAccountRole(role)) {
    const publicNote = role === 'public' ? ': the public needs no account' : '';
    throw field('role', `${JSON.stringify(request.role)} is not one of ${ACCOUNT_ROLES.join(', ')}${publicNote}`);
  }
  const laGiven = request.la !== undefined && request.la.trim() !== '';
  if (role === 'la' && !laGiven) throw field('la', "is needed for the la role: the DfE code of the LA the account belongs to, such as 356");
  if (role !== 'la' && laGiven) throw field('la', `is only for the la role, not ${role}: a ${role} sees every LA`);
  let la: LaCode | null = null;
  if (laGiven) {
    const code = request.la!.trim();
    if (!isLaCode(code)) throw field('la', `${JSON.stringify(request.la)} is not a three-digit DfE code such as 356`);
    la = code;
  }
  let password: string | null = null;
  if (request.password !== undefined) {
    const problem = passwordProblem(request.password, name);
    if (problem) throw field('password', problem);
    password = request.password;
  }
  return { name, role, la, password };
}

/** A new account, and the password generated for it if none was given: to show once, and never again. */
export interface AddedAccount {
  readonly account: Account;
  readonly generatedPassword: string | null;
}

/**
 * Adds an account. The name must be new, and not differ from another only in case or spacing ("Ann Smith" beside
 * "ann  smith" would be two people no listing tells apart); an la account's LA must be stored.
 */
export async function addAccount(store: Store, request: AccountRequest, options: ActingOptions): Promise<AddedAccount> {
  const checked = checkAccount(request);
  const at = instant(options.at);
  if (checked.la !== null && !(await store.localAuthority(checked.la))) throw field('la', `${checked.la} is not a stored LA: kingsway las lists them`);
  const folded = (name: string) => name.toLowerCase().replace(/\s+/gu, ' ');
  const clash = (await store.accounts()).find((a) => folded(a.name) === folded(checked.name));
  const taken = (name: string) => field('name', `${JSON.stringify(checked.name)} is taken: an account named ${JSON.stringify(name)} exists (names are never reused; kingsway user list shows them)`);
  if (clash) throw taken(clash.name);
  const generatedPassword = checked.password === null ? generatePassword() : null;
  const passwordHash = await hashPassword(checked.password ?? generatedPassword!);
  const roleAndLa = checked.role === 'la' ? { role: checked.role, la: checked.la! } : { role: checked.role, la: null };
  const account = await store.addAccount({ name: checked.name, ...roleAndLa, passwordHash, createdAt: at }, (added) => [
    auditEvent(options.by, at, 'account-added', `account ${added.name}`, { la: added.la, after: { id: added.id, name: added.name, role: added.role, la: added.la, passwordGenerated: generatedPassword !== null } }),
  ]);
  // Added by someone else between the check and the write: the store wrote nothing.
  if (!account) throw taken(checked.name);
  return { account, generatedPassword };
}

/** Every account, disabled ones included, by name. */
export async function listAccounts(store: Store): Promise<Account[]> {
  return store.accounts();
}

async function accountNamed(store: Store, name: string) {
  const account = await store.findAccount(nameOf(name));
  if (!account) throw new NotFoundError(`no account is named ${JSON.stringify(nameOf(name))}: kingsway user list shows them`);
  return account;
}

/** What disabling did: the account as it now is, and how many live sessions it ended (false `changed`: it was already disabled). */
export interface DisabledAccount {
  readonly account: Account;
  readonly changed: boolean;
  readonly sessionsEnded: number;
}

/**
 * Disables an account, for good (it is never deleted, so the log and the judgements keep naming someone who existed),
 * and ends its live sessions in the same transaction: it is signed out everywhere at once.
 */
export async function disableAccount(store: Store, name: string, options: ActingOptions): Promise<DisabledAccount> {
  const at = instant(options.at);
  const found = await accountNamed(store, name);
  const { passwordHash: _hash, ...account } = found;
  if (account.disabledAt !== null) return { account, changed: false, sessionsEnded: 0 };
  const result = await store.disableAccount(account.id, at, ({ sessionsEnded }) => [
    auditEvent(options.by, at, 'account-disabled', `account ${account.name}`, { la: account.la, before: { disabledAt: null }, after: { disabledAt: at, sessionsEnded } }),
  ]);
  // Disabled by someone else meanwhile.
  if (!result) return { account: { ...account, disabledAt: (await store.findAccount(account.name))?.disabledAt ?? at }, changed: false, sessionsEnded: 0 };
  return { account: { ...account, disabledAt: at }, changed: true, sessionsEnded: result.sessionsEnded };
}

export interface PasswordReset {
  readonly account: Account;
  readonly generatedPassword: string | null;
  readonly sessionsEnded: number;
}

/**
 * Gives an account a new password (the one given, checked, or one generated to hand over once) and ends its live
 * sessions: whoever signed in with the old password is signed out.
 */
export async function resetPassword(store: Store, request: { readonly name: string; readonly password?: string }, options: ActingOptions): Promise<PasswordReset> {
  const at = instant(options.at);
  if (request.password !== undefined) {
    const problem = passwordProblem(request.password, nameOf(request.name));
    if (problem) throw field('password', problem);
  }
  const { passwordHash: _old, ...account } = await accountNamed(store, request.name);
  const generatedPassword = request.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(request.password ?? generatedPassword!);
  const result = await store.setPasswordHash(account.id, passwordHash, at, ({ sessionsEnded }) => [
    auditEvent(options.by, at, 'password-reset', `account ${account.name}`, { la: account.la, after: { passwordGenerated: generatedPassword !== null, sessionsEnded } }),
  ]);
  if (!result) throw new NotFoundError(`no account is named ${JSON.stringify(account.name)}`);
  return { account, generatedPassword, sessionsEnded: result.sessionsEnded };
}

/** A signed-in person: the token for their cookie (never stored: only its SHA-256 is), until when, and who they are. */
export type SignInResult =
  | { readonly ok: true; readonly token: string; readonly expiresAt: string; readonly actor: Extract<Actor, { kind: 'user' }> }
  | { readonly ok: false; readonly message: typeof SIGN_IN_REFUSED };

/** A session token as a cookie carries it: 32 random bytes in base64url (43 characters, no padding). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** What the store keys a session by: the token's SHA-256, in hex. */
export const tokenSha256 = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A hash of nothing anyone knows, checked when there is no account by the name, so that a refusal takes as long either way. */
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashPassword(randomBytes(32).toString('base64')));

/**
 * Signs a person in by name and password: a new session, its token returned once (32 random bytes; the store keeps
 * its SHA-256), good for SESSION_HOURS. A refusal says the same whatever was wrong (no such name, a wrong password,
 * a disabled account) and takes as long, so that it does not tell anyone which names exist; the audit log records
 * which it was, without the name typed when there is no such account (people type a password into the name field).
 */
export async function signIn(store: Store, request: { readonly name: string; readonly password: string }, options: { readonly at: string }): Promise<SignInResult> {
  const at = instant(options.at);
  const name = nameOf(request.name);
  const plausible = userTextProblem(request.name, 'name') === null && request.password.length <= 2 * MAX_PASSWORD_LENGTH;
  const account = plausible ? await store.findAccount(name) : undefined;
  const matches = await verifyPassword(plausible ? request.password : '', account?.passwordHash ?? (await decoyHash()));
  if (!account || !matches || account.disabledAt !== null) {
    const reason = !account ? 'no such account' : account.disabledAt !== null ? 'account disabled' : 'wrong password';
    await store.appendAudit([auditEvent({ kind: 'public' }, at, 'sign-in-refused', account ? `account ${account.name}` : 'a name with no account', { la: account?.la ?? null, after: { reason } })]);
    return { ok: false, message: SIGN_IN_REFUSED };
  }
  const { passwordHash: _hash, ...signedIn } = account;
  const actor = actorOf(signedIn) as Extract<Actor, { kind: 'user' }>;
  const token = randomBytes(32).toString('base64url');
  const hash = tokenSha256(token);
  const expiresAt = new Date(Date.parse(at) + SESSION_HOURS * 3_600_000).toISOString();
  await store.createSession({ tokenSha256: hash, accountId: account.id, createdAt: at, expiresAt }, [
    // The first 12 hex digits of the token's hash tell a sign-in and its sign-out apart in the log, and sign nobody in.
    auditEvent(actor, at, 'signed-in', `account ${account.name}`, { la: account.la, after: { session: hash.slice(0, 12), expiresAt } }),
  ]);
  return { ok: true, token, expiresAt, actor };
}

/** Who a session token signs in at `at`, or null: no such session, ended, expired, or its account disabled. */
export async function sessionActor(store: Store, token: string, at: string): Promise<Actor | null> {
  if (!TOKEN.test(token)) return null;
  const live = await store.liveSession(tokenSha256(token), instant(at));
  return live ? actorOf(live.account) : null;
}

/**
 * Ends the session on the server (the cookie is the browser's to forget): the same token is refused from then on,
 * whoever replays it. Whether there was a live session to end.
 */
export async function signOut(store: Store, token: string, at: string): Promise<boolean> {
  if (!TOKEN.test(token)) return false;
  const when = instant(at);
  const hash = tokenSha256(token);
  const live = await store.liveSession(hash, when);
  if (!live) return false;
  return store.endSession(hash, when, [auditEvent(actorOf(live.account), when, 'signed-out', `account ${live.account.name}`, { la: live.account.la, after: { session: hash.slice(0, 12) } })]);
}
