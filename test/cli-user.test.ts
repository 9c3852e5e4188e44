import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { after, before, describe, it } from 'node:test';
import { sessionActor, signIn } from '../src/application/accounts.ts';
import { verifyPassword } from '../src/application/passwords.ts';
import { cliStore } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';
import { fingerprint, openSpec } from './support/store.ts';

/**
 * `kingsway user …` and `kingsway audit` (issue 15) as an administrator runs them: accounts added with a generated
 * password printed once or one piped in, listed, disabled, given a new password; refusals in the flags' words with
 * exit 2 and nothing written; and the audit log of it all, as a table and as CSV whose formula-like cells are escaped.
 */
const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const GENERATED = /Password for (.+), shown this once and stored only as a hash \(hand it over privately\): ([2-9A-HJ-NP-Za-km-np-z]{20})\n/;

describe('kingsway user and kingsway audit', () => {
  let s: CliStore;
  /** `kingsway --db … args` with `input` piped to its standard input. */
  const piped = (input: string, ...args: string[]) => spawnSync(process.execPath, [main, '--db', s.db, ...args], { encoding: 'utf8', input, env: { ...process.env, KINGSWAY_DATA: '' } });
  before(async () => {
    s = await cliStore();
  });
  after(() => s?.cleanup());

  it('adds an account with a generated password, printed once and labelled, that signs in', async () => {
    const added = s.kingsway('user', 'add', '--name', 'Mo Moderator', '--role', 'moderator');
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /^Added Mo Moderator \(moderator\)\.\n/);
    const [, name, password] = GENERATED.exec(added.stdout) ?? [];
    assert.equal(name, 'Mo Moderator');
    const store = await openSpec(s.db);
    try {
      const stored = await store.findAccount('Mo Moderator');
      assert.ok(stored && (await verifyPassword(password!, stored.passwordHash)));
      const session = await signIn(store, { name: 'Mo Moderator', password: password! }, { at: new Date().toISOString() });
      assert.ok(session.ok);
      assert.deepEqual(await sessionActor(store, session.token, new Date().toISOString()), session.actor);
    } finally {
      await store.close();
    }
  });

  it('adds an LA account with a password piped in, which is not printed', () => {
    const added = piped('a long enough passphrase\n', 'user', 'add', '--name', 'Lee Stockport', '--role', 'la', '--la', '356', '--password-stdin');
    assert.equal(added.status, 0, added.stderr);
    assert.equal(added.stdout, 'Added Lee Stockport (la, LA 356).\n');
  });

  it('refuses a duplicate name, an la role without --la, an unknown role and a weak password in the flags’ words, writing nothing', async () => {
    const before = await fingerprint(s.db);
    const refused = (result: ReturnType<typeof piped>, message: RegExp) => {
      assert.equal(result.status, 2, result.stdout + result.stderr);
      assert.match(result.stderr, message);
      assert.equal(result.stdout, '');
    };
    refused(s.kingsway('user', 'add', '--name', 'Mo Moderator', '--role', 'inspector'), /^kingsway: --name "Mo Moderator" is taken: an account named "Mo Moderator" exists/);
    refused(s.kingsway('user', 'add', '--name', 'mo moderator', '--role', 'inspector'), /--name "mo moderator" is taken: an account named "Mo Moderator" exists/);
    refused(s.kingsway('user', 'add', '--name', 'Ann LA', '--role', 'la'), /^kingsway: --la is needed for the la role/);
    refused(s.kingsway('user', 'add', '--name', 'Ann LA', '--role', 'la', '--la', '999'), /^kingsway: --la 999 is not a stored LA/);
    refused(s.kingsway('user', 'add', '--name', 'Ann LA', '--role', 'inspector', '--la', '356'), /^kingsway: --la is only for the la role, not inspector/);
    refused(s.kingsway('user', 'add', '--name', 'Ann Admin', '--role', 'admin'), /^kingsway: --role "admin" is not one of analyst, inspector, moderator, la\n/);
    refused(piped('short\n', 'user', 'add', '--name', 'Ann Weak', '--role', 'analyst', '--password-stdin'), /^kingsway: the password on standard input is 5 characters long; at least 12 are needed\n/);
    refused(piped('annweakpassword', 'user', 'add', '--name', 'Ann Weak Password', '--role', 'analyst', '--password-stdin'), /the password on standard input is the account's name/);
    refused(s.kingsway('user', 'add', '--name', 'Eve\u001b[2JEvil', '--role', 'analyst'), /--name contains the control character U\+001B/);
    // Commander's own: a required flag missing.
    refused(s.kingsway('user', 'add', '--name', 'Ann Norole'), /required option '--role <role>' not specified/);
    assert.equal(await fingerprint(s.db), before);
  });

  it('lists the accounts as a table and as JSON, never with a hash', () => {
    const table = s.kingsway('user', 'list');
    assert.equal(table.status, 0, table.stderr);
    const lines = table.stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^name\s+role\s+la\s+added\s+status$/);
    assert.match(lines[1]!, /^Lee Stockport\s+la\s+356\s+\S+Z\s+active$/);
    assert.match(lines[2]!, /^Mo Moderator\s+moderator\s+\S+Z\s+active$/);
    const json = s.kingsway('user', 'list', '--json');
    assert.equal(json.status, 0, json.stderr);
    const accounts = JSON.parse(json.stdout) as Record<string, unknown>[];
    assert.deepEqual(accounts.map((a) => [a['name'], a['role'], a['la'], a['disabledAt']]), [['Lee Stockport', 'la', '356', null], ['Mo Moderator', 'moderator', null, null]]);
    assert.ok(!json.stdout.includes('scrypt') && !json.stdout.includes('passwordHash'));
  });

  it('sets a new password, generated and printed once or piped in, refusing a weak one', () => {
    const generated = s.kingsway('user', 'password', '--name', 'Lee Stockport');
    assert.equal(generated.status, 0, generated.stderr);
    assert.match(generated.stdout, /^New password set for Lee Stockport: 0 sessions ended\.\n/);
    assert.equal(GENERATED.exec(generated.stdout)?.[1], 'Lee Stockport');
    const weak = piped('lee stockport', 'user', 'password', '--name', 'Lee Stockport', '--password-stdin');
    assert.equal(weak.status, 2);
    assert.match(weak.stderr, /the password on standard input is the account's name/);
    const given = piped('another long passphrase', 'user', 'password', '--name', 'Lee Stockport', '--password-stdin');
    assert.equal(given.status, 0, given.stderr);
    assert.equal(given.stdout, 'New password set for Lee Stockport: 0 sessions ended.\n');
    const nobody = s.kingsway('user', 'password', '--name', 'Nobody');
    assert.equal(nobody.status, 1);
    assert.match(nobody.stderr, /no account is named "Nobody"/);
  });

  it('disables an account, which stays listed; again changes nothing; an unknown name is not found', async () => {
    const store = await openSpec(s.db);
    let token: string;
    try {
      const session = await signIn(store, { name: 'Lee Stockport', password: 'another long passphrase' }, { at: new Date().toISOString() });
      assert.ok(session.ok);
      token = session.token;
    } finally {
      await store.close();
    }
    const disabled = s.kingsway('user', 'disable', '--name', 'Lee Stockport');
    assert.equal(disabled.status, 0, disabled.stderr);
    assert.match(disabled.stdout, /^Disabled Lee Stockport \(la, LA 356\): 1 session ended\./);
    const check = await openSpec(s.db);
    try {
      assert.equal(await sessionActor(check, token, new Date().toISOString()), null, 'signed out everywhere');
    } finally {
      await check.close();
    }
    assert.match(s.kingsway('user', 'list').stdout, /Lee Stockport\s+la\s+356\s+\S+Z\s+disabled \S+Z/);
    const again = s.kingsway('user', 'disable', '--name', 'Lee Stockport');
    assert.equal(again.status, 0);
    assert.match(again.stdout, /^Lee Stockport was already disabled \(\S+Z\); nothing changed\.\n$/);
    const nobody = s.kingsway('user', 'disable', '--name', 'Nobody');
    assert.equal(nobody.status, 1);
    assert.match(nobody.stderr, /^kingsway: no account is named "Nobody"/);
  });

  it('shows the audit log of all of it, oldest first, filtered by LA, and as CSV with formula-like cells escaped', async () => {
    const formula = s.kingsway('user', 'add', '--name', '=HYPERLINK("http://x","y")', '--role', 'analyst');
    assert.equal(formula.status, 0, formula.stderr);
    // Signed in, the name is the actor's: a cell of its own, which a spreadsheet would run.
    const store = await openSpec(s.db);
    try {
      assert.ok((await signIn(store, { name: '=HYPERLINK("http://x","y")', password: GENERATED.exec(formula.stdout)![2]! }, { at: new Date().toISOString() })).ok);
    } finally {
      await store.close();
    }
    const table = s.kingsway('audit');
    assert.equal(table.status, 0, table.stderr);
    const actions = table.stdout.trimEnd().split('\n').slice(1).map((line) => line.split(/\s{2,}/)[4]);
    assert.deepEqual(actions, ['account-added', 'signed-in', 'account-added', 'password-reset', 'password-reset', 'signed-in', 'account-disabled', 'account-added', 'signed-in']);
    assert.match(table.stdout, /command line \(.+\)\s+system\s+account-added/);

    const stockport = s.kingsway('audit', '--la', '356', '--csv');
    assert.equal(stockport.status, 0, stockport.stderr);
    const rows = stockport.stdout.trimEnd().split('\n');
    assert.equal(rows[0], 'id,at,actor_id,actor_name,actor_role,action,la,year,subject,before,after');
    assert.deepEqual(rows.slice(1).map((r) => r.split(',')[5]), ['account-added', 'password-reset', 'password-reset', 'signed-in', 'account-disabled']);
    assert.ok(rows.slice(1).every((r) => r.split(',')[6] === '356'));
    // The sign-in is Lee's own, with the account's id.
    assert.match(stockport.stdout, /\n\d+,\S+Z,\d+,Lee Stockport,la,signed-in,356,,account Lee Stockport,,/);

    const all = s.kingsway('audit', '--csv');
    assert.match(all.stdout, /,"'=HYPERLINK\(""http:\/\/x"",""y""\)",analyst,signed-in,/, 'the actor name is text, not a formula');
    const cells = Papa.parse<string[]>(all.stdout.trimEnd()).data.flat();
    assert.deepEqual(cells.filter((cell) => /^[=+@]/.test(cell)), [], 'no cell a spreadsheet would run');
    assert.equal(s.kingsway('audit', '--action', 'signed-in', '--csv').stdout.trimEnd().split('\n').length, 4);
    assert.equal(s.kingsway('audit', '--year', '2011').stdout, 'no audit events match\n');

    const badLa = s.kingsway('audit', '--la', 'Stockport');
    assert.equal(badLa.status, 2);
    assert.match(badLa.stderr, /--la "Stockport" is not a three-digit DfE code/);
    const badAction = s.kingsway('audit', '--action', 'deleted');
    assert.equal(badAction.status, 2);
    assert.match(badAction.stderr, /--action "deleted" is not one of account-added/);
  });
});
