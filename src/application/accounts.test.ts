import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { SystemActor } from '../domain/audit.ts';
import { InvalidFieldError, NotFoundError, UsageError } from '../domain/errors.ts';
import type { Store } from '../store/repository.ts';
import { FIXTURE_LA_BATCH } from '../../test/support/las.ts';
import { scratchStore, tempDir } from '../../test/support/store.ts';
import { addAccount, disableAccount, listAccounts, resetPassword, SESSION_HOURS, sessionActor, SIGN_IN_REFUSED, signIn, signOut, tokenSha256 } from './accounts.ts';
import type { AccountField, AccountRequest } from './accounts.ts';

const CLI: SystemActor = { kind: 'system', name: 'command line (test)' };
const AT = '2011-10-03T09:00:00.000Z';
const later = (hours: number) => new Date(Date.parse(AT) + hours * 3_600_000).toISOString();
const PASSWORD = 'a long enough passphrase';

describe('accounts and signing in (application/accounts.ts)', () => {
  let store: Store;
  before(async () => {
    store = await scratchStore();
    await store.replaceDataset(FIXTURE_LA_BATCH);
  });
  after(async () => store?.close());

  it('adds an account with a generated password to hand over once, or with the one given, and records who added it', async () => {
    const added = await addAccount(store, { name: '  Ivy Inspector ', role: 'inspector' }, { at: AT, by: CLI });
    assert.deepEqual(added.account, { id: added.account.id, name: 'Ivy Inspector', role: 'inspector', la: null, createdAt: AT, disabledAt: null });
    assert.match(added.generatedPassword!, /^[2-9A-HJ-NP-Za-km-np-z]{20}$/);
    assert.ok((await signIn(store, { name: 'Ivy Inspector', password: added.generatedPassword! }, { at: AT })).ok, 'the generated password signs in');
    const given = await addAccount(store, { name: 'Lee Stockport', role: 'la', la: '356', password: PASSWORD }, { at: AT, by: CLI });
    assert.equal(given.generatedPassword, null);
    assert.deepEqual([given.account.role, given.account.la], ['la', '356']);
    assert.deepEqual((await listAccounts(store)).map((a) => a.name), ['Ivy Inspector', 'Lee Stockport']);
    const events = await store.auditEvents({ action: 'account-added' });
    assert.deepEqual(
      events.map((e) => [e.actor, e.subject, e.la, e.after]),
      [
        [{ id: null, name: 'command line (test)', role: 'system' }, 'account Ivy Inspector', null, { id: added.account.id, name: 'Ivy Inspector', role: 'inspector', la: null, passwordGenerated: true }],
        [{ id: null, name: 'command line (test)', role: 'system' }, 'account Lee Stockport', '356', { id: given.account.id, name: 'Lee Stockport', role: 'la', la: '356', passwordGenerated: false }],
      ],
    );
  });

  it('refuses a bad field by its name, writing nothing', async () => {
    const before = await store.fingerprint();
    const refused = async (request: AccountRequest, field: AccountField, message: RegExp) =>
      assert.rejects(addAccount(store, request, { at: AT, by: CLI }), (error: unknown) => {
        assert.ok(error instanceof InvalidFieldError && error instanceof UsageError, String(error));
        assert.equal(error.field, field, error.message);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /--/, 'no flag in the use case’s words');
        return true;
      });
    await refused({ name: 'Ivy Inspector', role: 'moderator' }, 'name', /^name "Ivy Inspector" is taken: an account named "Ivy Inspector" exists/);
    await refused({ name: 'ivy  INSPECTOR', role: 'moderator' }, 'name', /"ivy  INSPECTOR" is taken: an account named "Ivy Inspector" exists/);
    await refused({ name: ' ', role: 'moderator' }, 'name', /^name is empty/);
    await refused({ name: 'Eve\u202eEvil', role: 'moderator' }, 'name', /control character U\+202E/);
    await refused({ name: 'Ann Admin', role: 'admin' }, 'role', /^role "admin" is not one of analyst, inspector, moderator, la$/);
    await refused({ name: 'Ann Admin', role: 'public' }, 'role', /the public needs no account/);
    await refused({ name: 'Ann LA', role: 'la' }, 'la', /^la is needed for the la role/);
    await refused({ name: 'Ann LA', role: 'inspector', la: '356' }, 'la', /^la is only for the la role, not inspector/);
    await refused({ name: 'Ann LA', role: 'la', la: 'Stockport' }, 'la', /"Stockport" is not a three-digit DfE code/);
    await refused({ name: 'Ann LA', role: 'la', la: '999' }, 'la', /^la 999 is not a stored LA/);
    await refused({ name: 'Ann Weak', role: 'analyst', password: 'short' }, 'password', /^password is 5 characters long; at least 12 are needed$/);
    await refused({ name: 'Ann Weak Password', role: 'analyst', password: 'ann weak password' }, 'password', /is the account's name/);
    assert.equal(await store.fingerprint(), before);
    await assert.rejects(addAccount(store, { name: 'Ann Time', role: 'analyst' }, { at: 'yesterday', by: CLI }), /the time "yesterday" is not an ISO 8601 instant/);
  });

  it('signs in by name and password: a token for the cookie, whose SHA-256 alone is stored, good for eight hours', async () => {
    const result = await signIn(store, { name: 'Lee Stockport', password: PASSWORD }, { at: AT });
    assert.ok(result.ok);
    assert.match(result.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(result.token, 'base64url').length, 32);
    assert.equal(result.expiresAt, later(SESSION_HOURS));
    assert.deepEqual(result.actor, { kind: 'user', id: result.actor.id, name: 'Lee Stockport', role: 'la', la: '356' });
    assert.deepEqual(await sessionActor(store, result.token, later(7.99)), result.actor);
    assert.equal(await sessionActor(store, result.token, later(8)), null, 'expired');
    assert.equal((await store.liveSession(result.token, AT)), undefined, 'the token itself is not a key the store knows');
    assert.ok(await store.liveSession(tokenSha256(result.token), AT));
    const [event] = (await store.auditEvents({ action: 'signed-in' })).filter((e) => e.actor.id === result.actor.id);
    assert.deepEqual(event?.after, { session: tokenSha256(result.token).slice(0, 12), expiresAt: result.expiresAt });
    // Nowhere in a copy of the database: a backup holds the hash and not the token.
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'backup.db');
      await store.backup(file);
      const bytes = readFileSync(file).toString('latin1');
      assert.ok(bytes.includes(tokenSha256(result.token)));
      assert.ok(!bytes.includes(result.token));
      assert.ok(!bytes.includes(PASSWORD));
    } finally {
      dir.cleanup();
    }
  });

  it('refuses a sign-in in the same words whatever was wrong, and the log says which without the name typed', async () => {
    const before = (await store.auditEvents({ action: 'sign-in-refused' })).length;
    const attempts = [
      { name: 'Lee Stockport', password: 'not the password' },
      { name: 'Nobody Byname', password: PASSWORD },
      { name: 'Lee Stockport\n', password: `${PASSWORD} ` },
      { name: 'x'.repeat(5000), password: PASSWORD },
      { name: 'Lee Stockport', password: 'p'.repeat(100_000) },
    ];
    for (const attempt of attempts) assert.deepEqual(await signIn(store, attempt, { at: AT }), { ok: false, message: SIGN_IN_REFUSED });
    const events = (await store.auditEvents({ action: 'sign-in-refused' })).slice(before);
    assert.deepEqual(
      events.map((e) => [e.actor, e.subject, e.after]),
      [
        [{ id: null, name: 'public', role: 'public' }, 'account Lee Stockport', { reason: 'wrong password' }],
        [{ id: null, name: 'public', role: 'public' }, 'a name with no account', { reason: 'no such account' }],
        // A name no account could have (a control character) is not looked up.
        [{ id: null, name: 'public', role: 'public' }, 'a name with no account', { reason: 'no such account' }],
        [{ id: null, name: 'public', role: 'public' }, 'a name with no account', { reason: 'no such account' }],
        [{ id: null, name: 'public', role: 'public' }, 'a name with no account', { reason: 'no such account' }],
      ],
    );
    assert.ok(!JSON.stringify(await store.auditEvents()).includes('Nobody Byname'), 'a name with no account is not recorded');
  });

  it('signs out on the server: the same token is refused from then on, however often it is replayed', async () => {
    const result = await signIn(store, { name: 'Lee Stockport', password: PASSWORD }, { at: AT });
    assert.ok(result.ok);
    const other = await signIn(store, { name: 'Lee Stockport', password: PASSWORD }, { at: AT });
    assert.ok(other.ok);
    assert.equal(await signOut(store, result.token, later(1)), true);
    assert.equal(await sessionActor(store, result.token, later(1)), null);
    assert.equal(await sessionActor(store, result.token, later(2)), null, 'replayed');
    assert.equal(await signOut(store, result.token, later(2)), false, 'a second sign-out ends nothing');
    assert.ok(await sessionActor(store, other.token, later(2)), 'another session of the same account is not touched');
    assert.equal(await sessionActor(store, 'not a token', later(1)), null);
    assert.equal(await signOut(store, 'not a token', later(1)), false);
    const signedOut = (await store.auditEvents({ action: 'signed-out' })).filter((e) => e.subject === 'account Lee Stockport');
    assert.equal(signedOut.length, 1);
    assert.equal(signedOut[0]!.actor.name, 'Lee Stockport');
  });

  it('a new password ends the account’s sessions; the old one no longer signs in', async () => {
    const session = await signIn(store, { name: 'Ivy Inspector', password: PASSWORD }, { at: AT });
    assert.ok(!session.ok, 'Ivy has a generated password');
    const reset = await resetPassword(store, { name: 'Ivy Inspector', password: PASSWORD }, { at: AT, by: CLI });
    assert.equal(reset.generatedPassword, null);
    assert.equal(reset.sessionsEnded, 1, 'the session the generated password opened (the first test)');
    const signedIn = await signIn(store, { name: 'Ivy Inspector', password: PASSWORD }, { at: later(1) });
    assert.ok(signedIn.ok);
    const again = await resetPassword(store, { name: 'Ivy Inspector' }, { at: later(2), by: CLI });
    assert.equal(again.sessionsEnded, 1);
    assert.equal(await sessionActor(store, signedIn.token, later(2)), null);
    assert.ok(!(await signIn(store, { name: 'Ivy Inspector', password: PASSWORD }, { at: later(3) })).ok);
    assert.ok((await signIn(store, { name: 'Ivy Inspector', password: again.generatedPassword! }, { at: later(3) })).ok);
    await assert.rejects(resetPassword(store, { name: 'Ivy Inspector', password: 'ivyinspector' }, { at: AT, by: CLI }), (e: unknown) => e instanceof InvalidFieldError && e.field === 'password');
    await assert.rejects(resetPassword(store, { name: 'Nobody' }, { at: AT, by: CLI }), NotFoundError);
    const events = await store.auditEvents({ action: 'password-reset' });
    assert.deepEqual(events.map((e) => e.after), [{ passwordGenerated: false, sessionsEnded: 1 }, { passwordGenerated: true, sessionsEnded: 1 }]);
    assert.ok(!JSON.stringify(await store.auditEvents()).includes('scrypt'), 'no hash in the log');
  });

  it('disabling an account signs it out everywhere and refuses its sign-in; disabling it again changes nothing', async () => {
    const session = await signIn(store, { name: 'Lee Stockport', password: PASSWORD }, { at: later(3) });
    assert.ok(session.ok);
    const disabled = await disableAccount(store, 'Lee Stockport', { at: later(4), by: CLI });
    assert.equal(disabled.changed, true);
    assert.equal(disabled.account.disabledAt, later(4));
    assert.ok(disabled.sessionsEnded >= 1, `${disabled.sessionsEnded} sessions ended`);
    assert.equal(await sessionActor(store, session.token, later(4)), null);
    assert.deepEqual(await signIn(store, { name: 'Lee Stockport', password: PASSWORD }, { at: later(5) }), { ok: false, message: SIGN_IN_REFUSED });
    assert.deepEqual((await store.auditEvents({ action: 'sign-in-refused' })).at(-1)?.after, { reason: 'account disabled' });
    const again = await disableAccount(store, 'Lee Stockport', { at: later(6), by: CLI });
    assert.deepEqual([again.changed, again.account.disabledAt], [false, later(4)]);
    assert.equal((await store.auditEvents({ action: 'account-disabled' })).length, 1);
    assert.equal((await listAccounts(store)).find((a) => a.name === 'Lee Stockport')?.disabledAt, later(4), 'listed still, disabled');
    await assert.rejects(disableAccount(store, 'Nobody', { at: AT, by: CLI }), /no account is named "Nobody"/);
  });
});
