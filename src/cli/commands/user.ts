import { userInfo } from 'node:os';
import { addAccount, disableAccount, listAccounts, resetPassword } from '../../application/accounts.ts';
import type { AccountField } from '../../application/accounts.ts';
import type { Account } from '../../domain/account.ts';
import type { SystemActor } from '../../domain/audit.ts';
import { InvalidFieldError, UsageError } from '../../domain/errors.ts';
import { userTextProblem } from '../../domain/user-text.ts';
import type { Store } from '../../store/repository.ts';
import { formatTable, printable } from '../io.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway user add | list | disable | password`: people's accounts (issue 15) through src/application/accounts.ts.
 * The command line acts as the system, for whoever holds the database (how the first moderator is made): the audit
 * log records it as `command line (<login>)`. A password is never a flag (flags show in `ps` and in shell history):
 * it is piped in with --password-stdin, or generated and printed once.
 */

/** Where each field of an account comes from on the command line, for the use case's errors (which name the field). */
const FLAG: Readonly<Record<AccountField, string>> = { name: '--name', role: '--role', la: '--la', password: 'the password on standard input' };

async function withFlags<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidFieldError) throw new UsageError(`${FLAG[error.field as AccountField] ?? error.field} ${error.problem}`);
    throw error;
  }
}

/** Who the audit log says acted when the command line did: the system, with the login that ran it. */
export function commandLineActor(): SystemActor {
  let login = '';
  try {
    login = userInfo().username;
  } catch {
    // No login name (a container's uid with no passwd entry): the command line, unnamed.
  }
  const name = login !== '' && userTextProblem(login, 'name') === null ? `command line (${login})` : 'command line';
  return { kind: 'system', name };
}

/**
 * The password piped to --password-stdin: the input without the one line ending `echo` or a file adds. Refused from
 * a terminal, where what is typed would be shown on the screen.
 */
export function passwordFromStdin(input: { readonly isTTY: boolean; readonly read: () => string }): string {
  if (input.isTTY) throw new UsageError("--password-stdin reads a password piped in (printf '%s' \"$PASSWORD\" | kingsway user …), not typed at a terminal, where it would show");
  return input.read().replace(/\r?\n$/, '');
}

const describe = (a: Account) => `${a.name} (${a.role === 'la' ? `la, LA ${a.la}` : a.role})`;

const showPassword = (io: Io, name: string, password: string) =>
  io.out(`Password for ${printable(name)}, shown this once and stored only as a hash (hand it over privately): ${password}`);

interface Acting {
  readonly at: string;
  readonly by: SystemActor;
}

export async function runUserAdd(store: Store, options: Acting & { name: string; role: string; la?: string; password?: string }, io: Io): Promise<Account> {
  const request = { name: options.name, role: options.role, ...(options.la === undefined ? {} : { la: options.la }), ...(options.password === undefined ? {} : { password: options.password }) };
  const { account, generatedPassword } = await withFlags(() => addAccount(store, request, { at: options.at, by: options.by }));
  io.out(`Added ${printable(describe(account))}.`);
  if (generatedPassword !== null) showPassword(io, account.name, generatedPassword);
  return account;
}

export async function runUserList(store: Store, options: { json: boolean }, io: Io): Promise<void> {
  const accounts = await listAccounts(store);
  if (options.json) {
    io.out(JSON.stringify(accounts, null, 2));
    return;
  }
  if (accounts.length === 0) {
    io.out('no accounts: add the first with kingsway user add --name NAME --role moderator');
    return;
  }
  io.out(formatTable([['name', 'role', 'la', 'added', 'status'], ...accounts.map((a) => [a.name, a.role, a.la ?? '', a.createdAt, a.disabledAt === null ? 'active' : `disabled ${a.disabledAt}`])]));
}

export async function runUserDisable(store: Store, options: Acting & { name: string }, io: Io): Promise<void> {
  const result = await withFlags(() => disableAccount(store, options.name, { at: options.at, by: options.by }));
  if (!result.changed) {
    io.out(`${printable(result.account.name)} was already disabled (${result.account.disabledAt}); nothing changed.`);
    return;
  }
  io.out(`Disabled ${printable(describe(result.account))}: ${result.sessionsEnded} session${result.sessionsEnded === 1 ? '' : 's'} ended. The account stays listed, and its name is not reused.`);
}

export async function runUserPassword(store: Store, options: Acting & { name: string; password?: string }, io: Io): Promise<void> {
  const request = { name: options.name, ...(options.password === undefined ? {} : { password: options.password }) };
  const result = await withFlags(() => resetPassword(store, request, { at: options.at, by: options.by }));
  const disabled = result.account.disabledAt === null ? '' : ' (the account is disabled: the password does not sign it in)';
  io.out(`New password set for ${printable(result.account.name)}${disabled}: ${result.sessionsEnded} session${result.sessionsEnded === 1 ? '' : 's'} ended.`);
  if (result.generatedPassword !== null) showPassword(io, result.account.name, result.generatedPassword);
}
