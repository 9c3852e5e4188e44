import assert from 'node:assert/strict';
import { storeKinds } from './support/store-kinds.ts';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { NewAccount } from '../src/domain/account.ts';
import { auditEvent } from '../src/domain/audit.ts';
import type { NewAuditEvent, SystemActor } from '../src/domain/audit.ts';
import type { InspectorJudgement } from '../src/domain/inspector-judgement.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { openStore as openAt, restoreStore, storeLocation } from '../src/store/open-store.ts';
import type { Store } from '../src/store/repository.ts';
import { FIXTURE_LA_BATCH } from './support/las.ts';
import { TEST_POSTGRES } from './support/store.ts';

/**
 * The store contract for people's accounts, sessions and the audit log (issue 15), on SQLite and on PostgreSQL, in
 * the same two-store pattern as store-contract.test.ts: accounts added once by name, sessions live until ended or
 * expired (a token replayed after sign-out signs nobody in), and an audit log that is only ever appended to, in order,
 * in the same transaction as the write it records.
 */
const { kinds: KINDS, dir: tmpDir, next } = storeKinds('people');

const open = (db: string): Promise<Store> => openAt(storeLocation(db));
const STOCKPORT = '356' as LaCode;
const CLI: SystemActor = { kind: 'system', name: 'command line (test)' };
/** Not a real hash: the store keeps whatever text it is given (src/application/passwords.ts makes real ones). */
const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';

const newAccount = (name: string, role: 'inspector' | 'moderator' | 'analyst' = 'inspector'): NewAccount => ({ name, role, la: null, passwordHash: HASH, createdAt: '2011-09-01T09:00:00.000Z' });
const hex = (n: number) => n.toString(16).padStart(64, '0');
const at = (hour: number, minute = 0) => `2011-10-03T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`;

for (const kind of KINDS) {
  const missing = kind.name === 'postgres' && TEST_POSTGRES === undefined;
  if (missing && process.env['CI']) {
    it('the PostgreSQL people contract runs in CI', () => assert.fail('KINGSWAY_TEST_POSTGRES is not set: .ci/run starts a server (scripts/postgres.sh) for this suite'));
    continue;
  }
  describe(`the people contract on ${kind.name}`, { skip: missing ? 'no PostgreSQL server (KINGSWAY_TEST_POSTGRES); bash scripts/test.sh starts one' : false }, () => {
    let db: string;
    let store: Store;
    before(async () => {
      db = kind.fresh();
      store = await open(db);
      await store.replaceDataset(FIXTURE_LA_BATCH);
    });
    after(async () => store?.close());

    it('adds accounts once by name, lists them by name, and finds one with its hash', async () => {
      const events: number[] = [];
      const zoe = await store.addAccount(newAccount('Zoe Inspector'), (added) => {
        events.push(added.id);
        return [auditEvent(CLI, at(9), 'account-added', `account ${added.name}`, { after: { id: added.id } })];
      });
      assert.ok(zoe);
      assert.deepEqual(zoe, { id: zoe.id, name: 'Zoe Inspector', role: 'inspector', la: null, createdAt: '2011-09-01T09:00:00.000Z', disabledAt: null });
      assert.deepEqual(events, [zoe.id], 'the audit events are made from the account as written, id included');
      const la = await store.addAccount({ name: 'Ann Stockport', role: 'la', la: STOCKPORT, passwordHash: HASH, createdAt: '2011-09-01T09:05:00.000Z' });
      assert.deepEqual(la && { role: la.role, la: la.la }, { role: 'la', la: STOCKPORT });
      assert.deepEqual((await store.accounts()).map((a) => a.name), ['Ann Stockport', 'Zoe Inspector']);
      assert.deepEqual(await store.findAccount('Zoe Inspector'), { ...zoe, passwordHash: HASH });
      assert.equal(await store.findAccount('zoe inspector'), undefined, 'names are found exactly');
      // A name taken: nothing written, its audit events included.
      const before = await store.fingerprint();
      assert.equal(await store.addAccount({ ...newAccount('Zoe Inspector', 'moderator') }, [auditEvent(CLI, at(9), 'account-added', 'account Zoe Inspector')]), undefined);
      assert.equal(await store.fingerprint(), before);
      // The schema itself keeps an LA to the la role.
      await assert.rejects(store.addAccount({ name: 'No LA', role: 'la', la: null, passwordHash: HASH, createdAt: at(9) } as unknown as NewAccount));
      await assert.rejects(store.addAccount({ name: 'Has LA', role: 'moderator', la: STOCKPORT, passwordHash: HASH, createdAt: at(9) } as unknown as NewAccount));
      assert.equal(await store.fingerprint(), before);
    });

    it('keeps a session live until it expires or is ended, and a token replayed after sign-out signs nobody in', async () => {
      const account = (await store.addAccount(newAccount('Sam Session')))!;
      await store.createSession({ tokenSha256: hex(1), accountId: account.id, createdAt: at(9), expiresAt: at(17) });
      const live = await store.liveSession(hex(1), at(12));
      assert.deepEqual(live, { session: { tokenSha256: hex(1), accountId: account.id, createdAt: at(9), expiresAt: at(17), endedAt: null }, account });
      assert.equal(await store.liveSession(hex(1), at(17)), undefined, 'not at the instant it expires');
      assert.equal(await store.liveSession(hex(1), at(18)), undefined, 'nor after');
      assert.equal(await store.liveSession(hex(2), at(12)), undefined, 'an unknown token');
      // Ended: refused from then on, whenever it is replayed; a second end ends nothing and records nothing.
      const signedOut = [auditEvent({ kind: 'user', id: account.id, name: account.name, role: 'inspector', la: null }, at(13), 'signed-out', `account ${account.name}`)];
      assert.equal(await store.endSession(hex(1), at(13), signedOut), true);
      assert.equal(await store.liveSession(hex(1), at(13, 1)), undefined);
      assert.equal(await store.liveSession(hex(1), at(12)), undefined, 'ended is ended, whatever instant is asked about');
      const events = (await store.auditEvents({ action: 'signed-out' })).length;
      assert.equal(await store.endSession(hex(1), at(14), signedOut), false);
      assert.equal((await store.auditEvents({ action: 'signed-out' })).length, events);
      // The same token hash cannot be used for a second session.
      await assert.rejects(store.createSession({ tokenSha256: hex(1), accountId: account.id, createdAt: at(14), expiresAt: at(22) }));
    });

    it('ends every live session of an account, and disabling or a new password ends them too', async () => {
      const account = (await store.addAccount(newAccount('Pat Many')))!;
      for (const n of [10, 11, 12]) await store.createSession({ tokenSha256: hex(n), accountId: account.id, createdAt: at(9), expiresAt: at(17) });
      await store.createSession({ tokenSha256: hex(13), accountId: account.id, createdAt: at(1), expiresAt: at(8) });
      assert.equal(await store.endSession(hex(12), at(10)), true);
      // Live ones only: the ended one and the expired one are not counted.
      assert.equal(await store.endSessions(account.id, at(11), (n) => [auditEvent(CLI, at(11), 'signed-out', `account ${account.name}`, { after: { sessions: n } })]), 2);
      assert.equal(await store.liveSession(hex(10), at(12)), undefined);
      assert.equal(await store.endSessions(account.id, at(12), [auditEvent(CLI, at(12), 'signed-out', 'nothing')]), 0);
      assert.deepEqual((await store.auditEvents({ action: 'signed-out' })).filter((e) => e.subject === 'nothing'), [], 'nothing ended, nothing recorded');

      await store.createSession({ tokenSha256: hex(14), accountId: account.id, createdAt: at(12), expiresAt: at(20) });
      assert.deepEqual(await store.setPasswordHash(account.id, `${HASH}x`, at(13), ({ sessionsEnded }) => [auditEvent(CLI, at(13), 'password-reset', `account ${account.name}`, { after: { sessionsEnded } })]), { sessionsEnded: 1 });
      assert.equal((await store.findAccount(account.name))?.passwordHash, `${HASH}x`);
      assert.equal(await store.liveSession(hex(14), at(14)), undefined);
      assert.deepEqual((await store.auditEvents({ action: 'password-reset' })).at(-1)?.after, { sessionsEnded: 1 });
      assert.equal(await store.setPasswordHash(99_999, HASH, at(13)), undefined, 'no such account');

      await store.createSession({ tokenSha256: hex(15), accountId: account.id, createdAt: at(14), expiresAt: at(22) });
      assert.deepEqual(await store.disableAccount(account.id, at(15), ({ sessionsEnded }) => [auditEvent(CLI, at(15), 'account-disabled', `account ${account.name}`, { after: { sessionsEnded } })]), { sessionsEnded: 1 });
      assert.equal((await store.findAccount(account.name))?.disabledAt, at(15));
      // A session of a disabled account is not live, even one created after (belt and braces).
      await store.createSession({ tokenSha256: hex(16), accountId: account.id, createdAt: at(16), expiresAt: at(23) });
      assert.equal(await store.liveSession(hex(16), at(17)), undefined);
      const disabled = (await store.auditEvents({ action: 'account-disabled' })).length;
      assert.equal(await store.disableAccount(account.id, at(18), [auditEvent(CLI, at(18), 'account-disabled', 'again')]), undefined, 'already disabled: nothing written');
      assert.equal((await store.auditEvents({ action: 'account-disabled' })).length, disabled);
    });

    it('appends audit events in order and reads them back, filtered and a page at a time, exactly as given', async () => {
      const s = await open(kind.fresh());
      try {
        await s.replaceDataset(FIXTURE_LA_BATCH);
        const mod = (await s.addAccount(newAccount('Mo Moderator', 'moderator')))!;
        const actor = { kind: 'user', id: mod.id, name: mod.name, role: 'moderator', la: null } as const;
        const events: NewAuditEvent[] = Array.from({ length: 25 }, (_, n) =>
          auditEvent(n % 2 === 0 ? actor : CLI, `2011-10-0${(n % 9) + 1}T10:00:00.000Z`, n % 3 === 0 ? 'judgement-recorded' : 'letter-edits-recorded', `event ${n}`, {
            la: n % 5 === 0 ? null : n % 2 === 0 ? STOCKPORT : ('358' as LaCode),
            year: n % 5 === 0 ? null : 2010 + (n % 2),
            before: n === 0 ? null : { grade: n % 4, nested: { list: [1, 'two', null, true] } },
            after: { grade: (n + 1) % 4, text: n === 3 ? '=HYPERLINK("x")\nsecond line' : `after ${n}` },
          }),
        );
        const ids = [...(await s.appendAudit(events.slice(0, 10))), ...(await s.appendAudit(events.slice(10)))];
        assert.equal(ids.length, 25);
        assert.deepEqual([...ids].sort((a, b) => a - b), ids, 'numbered in the order appended');
        const all = await s.auditEvents();
        assert.deepEqual(all.map(({ id: _id, ...e }) => e), events, 'oldest first, every field as given (JSON before and after, nulls, the actor at the time)');
        assert.deepEqual(all.map((e) => e.id), ids);
        // The order is the order appended, not the instants given (which were out of order).
        assert.deepEqual(all.map((e) => e.subject).slice(0, 3), ['event 0', 'event 1', 'event 2']);
        assert.deepEqual((await s.auditEvents({ la: STOCKPORT })).map((e) => e.subject), events.filter((e) => e.la === STOCKPORT).map((e) => e.subject));
        assert.deepEqual((await s.auditEvents({ la: STOCKPORT, year: 2010 })).map((e) => e.subject), events.filter((e) => e.la === STOCKPORT && e.year === 2010).map((e) => e.subject));
        assert.deepEqual((await s.auditEvents({ action: 'judgement-recorded' })).map((e) => e.subject), events.filter((e) => e.action === 'judgement-recorded').map((e) => e.subject));
        // Pages: the last id of one page is where the next begins; together they are the whole log.
        const pages: string[][] = [];
        let afterId: number | undefined;
        for (;;) {
          const page = await s.auditEvents({ limit: 7, ...(afterId === undefined ? {} : { afterId }) });
          if (page.length === 0) break;
          pages.push(page.map((e) => e.subject));
          afterId = page.at(-1)!.id;
        }
        assert.deepEqual(pages.map((p) => p.length), [7, 7, 7, 4]);
        assert.deepEqual(pages.flat(), events.map((e) => e.subject));
        assert.deepEqual(await s.appendAudit([]), []);
      } finally {
        await s.close();
      }
    });

    it('has no way to change or remove an audit event', () => {
      const methods = new Set<string>();
      for (let proto = Object.getPrototypeOf(store); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const name of Object.getOwnPropertyNames(proto)) if (typeof (store as unknown as Record<string, unknown>)[name] === 'function') methods.add(name);
      }
      assert.deepEqual([...methods].filter((m) => /audit/i.test(m)).sort(), ['appendAudit', 'appendAuditIn', 'auditEvents']);
    });

    it('records a judgement and its audit event in one transaction: both, or neither', async () => {
      const judgement: InspectorJudgement = { la: STOCKPORT, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: 'audited', author: 'Zoe Inspector', stage: 'final', authorId: null, recordedAt: at(10), derivedAtTheTime: 3 };
      const zoe = (await store.findAccount('Zoe Inspector'))!;
      const actor = { kind: 'user', id: zoe.id, name: zoe.name, role: 'inspector', la: null } as const;
      await store.recordJudgement(judgement, [auditEvent(actor, at(10), 'judgement-recorded', 'Stockport 2011', { la: STOCKPORT, year: 2011, after: { grade: 3 } })]);
      assert.deepEqual((await store.auditEvents({ la: STOCKPORT, year: 2011, action: 'judgement-recorded' })).map((e) => [e.actor.name, e.after]), [['Zoe Inspector', { grade: 3 }]]);
      const before = await store.fingerprint();
      // An event the store cannot keep (no actor name: NOT NULL) takes the judgement with it.
      const broken = { ...auditEvent(actor, at(11), 'judgement-recorded', 'Stockport 2011'), actor: { id: zoe.id, name: null as unknown as string, role: 'inspector' as const } };
      await assert.rejects(store.recordJudgement({ ...judgement, rationale: 'not kept' }, [broken]));
      assert.equal(await store.fingerprint(), before);
      // And a batch of edits whose second edit cannot be stored leaves no event behind.
      const edit = { la: STOCKPORT, year: 2011, change: { op: 'remove', target: 'S1' }, basis: null, author: 'Zoe Inspector', recordedAt: at(12) } as const;
      await assert.rejects(store.recordLetterEdits([edit, { ...edit, author: null as unknown as string }], [auditEvent(actor, at(12), 'letter-edits-recorded', 'Stockport 2011')]));
      assert.equal(await store.fingerprint(), before);
      const ids = await store.recordLetterEdits([edit], (written) => [auditEvent(actor, at(12), 'letter-edits-recorded', 'Stockport 2011', { la: STOCKPORT, year: 2011, after: { edits: [...written] } })]);
      assert.deepEqual((await store.auditEvents({ action: 'letter-edits-recorded' })).at(-1)?.after, { edits: ids });
    });

    it("sees another connection's sign-in at once, without it counting as a change to what is assessed", async () => {
      const other = await open(db);
      try {
        const start = await store.externalVersion();
        const zoe = (await store.findAccount('Zoe Inspector'))!;
        await other.createSession({ tokenSha256: hex(40), accountId: zoe.id, createdAt: at(9), expiresAt: at(17) });
        // A server drops its assessed years when the version moves: a sign-in elsewhere must not make it.
        assert.equal(await store.externalVersion(), start, 'a sign-in changes nothing assessed');
        assert.equal((await store.liveSession(hex(40), at(10)))?.account.name, 'Zoe Inspector', 'a session made by another process signs in here');
        await store.endSession(hex(40), at(11));
        assert.equal(await other.liveSession(hex(40), at(12)), undefined, 'and the other process sees it ended');
        await other.recordJudgement({ la: '356' as LaCode, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: 'moved', author: 'Zoe Inspector', stage: 'final', authorId: null, recordedAt: at(13), derivedAtTheTime: 3 });
        assert.notEqual(await store.externalVersion(), start, "another connection's judgement does count");
      } finally {
        await other.close();
      }
    });

    it('backs up and restores accounts, sessions and the log, into either store, numbering on after them', async () => {
      const source = kind.fresh();
      const s = await open(source);
      const file = join(tmpDir, `people-backup-${next()}.db`);
      let fingerprint: string;
      try {
        await s.replaceDataset(FIXTURE_LA_BATCH);
        const a = (await s.addAccount(newAccount('Bea Backup'), (added) => [auditEvent(CLI, at(9), 'account-added', `account ${added.name}`)]))!;
        await s.addAccount(newAccount('Cy Backup'));
        await s.createSession({ tokenSha256: hex(50), accountId: a.id, createdAt: at(9), expiresAt: at(17) });
        await s.appendAudit([auditEvent({ kind: 'public' }, at(10), 'sign-in-refused', 'a name with no account', { after: { reason: 'no such account' } })]);
        fingerprint = await s.fingerprint();
        await s.backup(file);
      } finally {
        await s.close();
      }
      for (const into of KINDS) {
        if (into.name === 'postgres' && TEST_POSTGRES === undefined) continue;
        const target = into.name === kind.name ? source : into.fresh();
        await restoreStore(storeLocation(target), file);
        const check = await open(target);
        try {
          assert.equal(await check.fingerprint(), fingerprint, `a ${kind.name} backup restored into ${into.name}`);
          assert.deepEqual((await check.accounts()).map((x) => x.name), ['Bea Backup', 'Cy Backup']);
          assert.equal((await check.liveSession(hex(50), at(12)))?.account.name, 'Bea Backup');
          const next = await check.addAccount(newAccount('Di After'));
          assert.equal(next?.id, 3, 'account numbering goes on after the restored ids');
          const [id] = await check.appendAudit([auditEvent(CLI, at(13), 'account-added', 'account Di After')]);
          assert.equal(id, 3, 'and so does the log');
        } finally {
          await check.close();
        }
      }
    });
  });
}
