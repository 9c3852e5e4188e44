import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import pg from 'pg';
import type { LetterDraft } from '../src/narrative/letter-draft.ts';
import type { Account, NewAccount } from '../src/domain/account.ts';
import { auditEvent } from '../src/domain/audit.ts';
import type { SystemActor } from '../src/domain/audit.ts';
import type { NewLaComment } from '../src/domain/comment.ts';
import { NotFoundError, WorkflowConflictError } from '../src/domain/errors.ts';
import type { InspectorJudgement } from '../src/domain/inspector-judgement.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import type { EventActor, MoveName, WorkflowEvent } from '../src/domain/workflow.ts';
import { migrationsFor } from '../src/store/migrations/index.ts';
import { openStore as openAt, restoreStore, storeLocation } from '../src/store/open-store.ts';
import { splitSchema } from '../src/store/postgres/postgres-store.ts';
import type { PublishedContent, Store, WorkflowAppend } from '../src/store/repository.ts';
import type { Database as Schema } from '../src/store/schema.ts';
import { FIXTURE_LA_BATCH } from './support/las.ts';
import { TEST_POSTGRES } from './support/store.ts';
import { storeKinds } from './support/store-kinds.ts';
import type { StoreKind } from './support/store-kinds.ts';
import { raceToAppend } from './support/workflow-racer.ts';

/**
 * The store contract for the assessment as a process (issue 15), on SQLite and on PostgreSQL, in the pattern of
 * store-contract-people.test.ts: each LA-year's workflow history appended in order, and a move decided from a history
 * that has since grown refused, with nothing of its batch written; published content kept version by version; the
 * LA's comments and their answers; the process version, followed apart from the data version; the judgement's stage
 * and author; and all of it through a backup and restore, and through the migration that added it.
 */
const { kinds: KINDS, dir: tmpDir, next } = storeKinds('process');

const open = (db: string): Promise<Store> => openAt(storeLocation(db));
const STOCKPORT = '356' as LaCode;
const TRAFFORD = '358' as LaCode;
const STOKE = '861' as LaCode;
const CLI: SystemActor = { kind: 'system', name: 'command line (test)' };
const HASH = 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=';
const at = (minute: number) => `2011-10-03T10:${String(minute).padStart(2, '0')}:00.000Z`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

type Cast = { readonly analyst: EventActor; readonly inspector: EventActor; readonly moderator: EventActor; readonly la: EventActor };

async function addCast(store: Store): Promise<Cast> {
  const add = async (account: NewAccount): Promise<EventActor> => {
    const a: Account = (await store.addAccount(account))!;
    return { id: a.id, name: a.name, role: a.role };
  };
  const person = (name: string, role: 'analyst' | 'inspector' | 'moderator'): NewAccount => ({ name, role, la: null, passwordHash: HASH, createdAt: at(0) });
  return {
    analyst: await add(person('Ana Analyst', 'analyst')),
    inspector: await add(person('Ian Inspector', 'inspector')),
    moderator: await add(person('Mo Moderator', 'moderator')),
    la: await add({ name: 'Lee Stockport', role: 'la', la: STOCKPORT, passwordHash: HASH, createdAt: at(0) }),
  };
}

const event = (la: LaCode, year: number, move: MoveName, by: EventActor, minute: number, extra: { reason?: string; version?: number; hash?: string } = {}): WorkflowEvent => ({
  la,
  year,
  move,
  by,
  at: at(minute),
  reason: extra.reason ?? null,
  ...(extra.version === undefined ? {} : { version: extra.version, hash: extra.hash! }),
});

const content = (la: LaCode, year: number, version: number, grade: 1 | 2 | 3 | 4): PublishedContent => {
  const markdown = `# ${la} ${year}\n\nVersion ${version}: grade ${grade}.\n`;
  // The store keeps the letter as JSON it does not read: any letter-shaped value round-trips.
  const letter = { year, heading: `${la} ${year}`, sections: [{ id: 'grade', blocks: [] }] } as unknown as LetterDraft;
  return { la, year, version, grade, markdown, letter, hash: sha256(`${grade}\n${markdown}`) };
};

/** A move and the content it publishes, if it is one that does. */
const append = (e: WorkflowEvent, after: number, published: PublishedContent | null = null): WorkflowAppend => ({ event: e, after, published });

/** The history up to sign-off (five moves), as appends numbered from 0. */
function upToSignOff(la: LaCode, year: number, cast: Cast): WorkflowAppend[] {
  return [
    event(la, year, 'release-profile', cast.analyst, 1),
    event(la, year, 'start-draft', cast.inspector, 2),
    event(la, year, 'send-for-check', cast.inspector, 3),
    event(la, year, 'send-to-moderation', cast.inspector, 4),
    event(la, year, 'sign-off', cast.moderator, 5),
  ].map((e, n) => append(e, n));
}

function publish(la: LaCode, year: number, cast: Cast, after: number, version = 1, grade: 1 | 2 | 3 | 4 = 3): WorkflowAppend {
  const c = content(la, year, version, grade);
  const move = version === 1 ? 'publish' : 'correct';
  return append(event(la, year, move, cast.moderator, 5 + version, { version, hash: c.hash, ...(version === 1 ? {} : { reason: 'a figure in the letter was wrong' }) }), after, c);
}

const moved = (e: WorkflowEvent) => auditEvent(CLI, e.at, 'workflow-moved', `${e.move}`, { la: e.la, year: e.year });

const comment = (la: LaCode, year: number, by: EventActor, minute: number, sentence: string | null, text: string): NewLaComment => ({ la, year, sentence, text, by, at: at(minute) });

/** The store's own Kysely instance: only to stand in, in one test, for a writer that skipped the store's checks. */
const kyselyOf = (store: Store) => (store as unknown as { readonly db: Kysely<Schema> }).db;

/** A store of `kind` made by a build that knew only the migrations before 006, holding one judgement. */
async function storeAt005(kind: StoreKind): Promise<string> {
  const db = kind.fresh();
  const earlier = Object.fromEntries(Object.entries(migrationsFor(kind.name)).filter(([name]) => name < '006'));
  let k: Kysely<unknown>;
  let schema: string | undefined;
  if (kind.name === 'sqlite') {
    k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(db) }) });
  } else {
    const split = splitSchema(db);
    schema = split.schema!;
    const pool = new pg.Pool({ connectionString: split.connectionString, max: 1, options: `-c search_path=${schema}` });
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    k = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    const migrator = new Migrator({ db: k, provider: { getMigrations: async () => earlier }, ...(schema ? { migrationTableSchema: schema } : {}) });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
    await sql`insert into inspector_judgement (la_code, year, decision, grade, rationale, author, recorded_at, derived_at_the_time)
      values ('356', 2011, 'grade', 3, 'recorded before the process', 'A Moderator', '2011-10-01T09:00:00.000Z', 3)`.execute(k);
  } finally {
    await k.destroy();
  }
  return db;
}

for (const kind of KINDS) {
  const missing = kind.name === 'postgres' && TEST_POSTGRES === undefined;
  if (missing && process.env['CI']) {
    it('the PostgreSQL process contract runs in CI', () => assert.fail('KINGSWAY_TEST_POSTGRES is not set: .ci/run starts a server (scripts/postgres.sh) for this suite'));
    continue;
  }
  describe(`the process contract on ${kind.name}`, { skip: missing ? 'no PostgreSQL server (KINGSWAY_TEST_POSTGRES); bash scripts/test.sh starts one' : false }, () => {
    let db: string;
    let store: Store;
    let cast: Cast;
    before(async () => {
      db = kind.fresh();
      store = await open(db);
      await store.replaceDataset(FIXTURE_LA_BATCH);
      cast = await addCast(store);
    });
    after(async () => store?.close());

    it('appends each LA-year’s moves in order and reads them back as given, one LA’s or the whole year’s', async () => {
      const moves = upToSignOff(STOCKPORT, 2011, cast);
      await store.appendWorkflowEvents([moves[0]!], [moved(moves[0]!.event)]);
      await store.appendWorkflowEvents([append(event(TRAFFORD, 2011, 'release-profile', cast.analyst, 1), 0)]);
      await store.appendWorkflowEvents([append(event(STOCKPORT, 2010, 'release-profile', cast.analyst, 1), 0)]);
      // A batch may hold several moves of one LA-year, each following on from the one before it.
      await store.appendWorkflowEvents(moves.slice(1, 4), moves.slice(1, 4).map((m) => moved(m.event)));
      await store.appendWorkflowEvents([moves[4]!, publish(STOCKPORT, 2011, cast, 5)]);
      const stockport = [...moves.map((m) => m.event), publish(STOCKPORT, 2011, cast, 5).event];
      // Exactly as given: a version and hash on the publishing move only (absent, not undefined, elsewhere).
      assert.deepEqual(await store.workflowEvents(2011, STOCKPORT), stockport);
      assert.deepEqual((await store.workflowEvents(2011, STOCKPORT)).at(-1), { ...event(STOCKPORT, 2011, 'publish', cast.moderator, 6), version: 1, hash: content(STOCKPORT, 2011, 1, 3).hash });
      assert.deepEqual(
        (await store.workflowEvents(2011)).map((e) => `${e.la} ${e.move}`),
        ['356 release-profile', '358 release-profile', '356 start-draft', '356 send-for-check', '356 send-to-moderation', '356 sign-off', '356 publish'],
        'the whole year in the order appended',
      );
      assert.deepEqual(await store.workflowEvents(2010), [event(STOCKPORT, 2010, 'release-profile', cast.analyst, 1)]);
      assert.deepEqual(await store.workflowEvents(2009), []);
      assert.deepEqual((await store.auditEvents({ action: 'workflow-moved', la: STOCKPORT, year: 2011 })).map((e) => e.subject), ['release-profile', 'start-draft', 'send-for-check', 'send-to-moderation']);
    });

    it('keeps each published version’s content, and reads the latest when no version is asked for', async () => {
      assert.deepEqual(await store.publishedContent(STOCKPORT, 2011), content(STOCKPORT, 2011, 1, 3));
      await store.appendWorkflowEvents([publish(STOCKPORT, 2011, cast, 6, 2, 2)]);
      assert.deepEqual(await store.publishedContent(STOCKPORT, 2011), content(STOCKPORT, 2011, 2, 2));
      assert.deepEqual(await store.publishedContent(STOCKPORT, 2011, 1), content(STOCKPORT, 2011, 1, 3), 'every version stays readable');
      assert.deepEqual(await store.publishedContent(STOCKPORT, 2011, 2), content(STOCKPORT, 2011, 2, 2));
      assert.equal(await store.publishedContent(STOCKPORT, 2011, 3), undefined);
      assert.equal(await store.publishedContent(TRAFFORD, 2011), undefined);
      assert.equal(await store.publishedContent(STOCKPORT, 2010), undefined);
    });

    it('refuses a move decided from a history that has grown since, naming the LA, year and counts, and writes nothing', async () => {
      const stale = publish(TRAFFORD, 2011, cast, 0);
      const before = await store.fingerprint();
      await assert.rejects(
        store.appendWorkflowEvents([stale], [moved(stale.event)]),
        (e: Error) => e instanceof WorkflowConflictError && /358 2011/.test(e.message) && /after 0 workflow events/.test(e.message) && /now holds 1/.test(e.message),
      );
      // A count too high is as stale as one too low.
      await assert.rejects(store.appendWorkflowEvents([append(event(TRAFFORD, 2011, 'start-draft', cast.inspector, 2), 2)]), WorkflowConflictError);
      assert.equal(await store.fingerprint(), before, 'no event, no content, no audit event');
      assert.equal(await store.publishedContent(TRAFFORD, 2011), undefined);
    });

    it('writes none of a batch one of whose moves is refused', async () => {
      const before = await store.fingerprint();
      const good = append(event(TRAFFORD, 2011, 'start-draft', cast.inspector, 2), 1);
      const batches: WorkflowAppend[][] = [
        // Another LA's move decided from a stale history.
        [good, append(event(STOKE, 2011, 'start-draft', cast.inspector, 2), 1)],
        // The same LA-year's second move not following on from the first.
        [good, append(event(TRAFFORD, 2011, 'send-for-check', cast.inspector, 3), 1)],
      ];
      for (const batch of batches) await assert.rejects(store.appendWorkflowEvents(batch, batch.map((m) => moved(m.event))), WorkflowConflictError);
      assert.equal(await store.fingerprint(), before);
      // Content that is not what its event publishes is a fault in the caller: refused, and nothing written either.
      const wrong = publish(STOKE, 2011, cast, 0);
      for (const published of [{ ...wrong.published!, hash: sha256('other') }, { ...wrong.published!, version: 2 }, { ...wrong.published!, la: TRAFFORD }]) {
        await assert.rejects(store.appendWorkflowEvents([good, { ...wrong, published }]), (e: Error) => !(e instanceof WorkflowConflictError) && /is not what the event publishes/.test(e.message));
      }
      assert.equal(await store.fingerprint(), before);
      await store.appendWorkflowEvents([good]);
      assert.equal((await store.workflowEvents(2011, TRAFFORD)).length, 2, 'and the good move alone is taken');
    });

    it('lets exactly one of two connections racing to append after the same count succeed', async () => {
      const start = append(event(STOKE, 2011, 'release-profile', cast.analyst, 1), 0);
      await store.appendWorkflowEvents([start]);
      for (let round = 1; round <= 3; round++) {
        const history = await store.workflowEvents(2011, STOKE);
        const moves = (['left', 'right'] as const).map((side) => append(event(STOKE, 2011, round % 2 === 1 ? 'start-draft' : 'send-for-check', cast.inspector, 10 + round, { reason: `${side} ${round}` }), history.length));
        const outcomes = await raceToAppend(db, moves);
        assert.deepEqual([...outcomes].sort(), ['conflict', 'stored'], `round ${round}: one stored, the other refused as a conflict`);
        const now = await store.workflowEvents(2011, STOKE);
        assert.equal(now.length, history.length + 1);
        assert.equal(now.at(-1)!.reason, moves[outcomes.indexOf('stored')]!.event.reason, 'and the one stored is the winner’s');
      }
    });

    it('refuses, as a conflict, a move whose place in the history another writer has taken (the unique key)', async () => {
      // A row written without the store's count (by hand, or by a writer that skipped it) at the place the next move
      // would take: the count agrees with the move, so only (la_code, year, seq) stands in the way.
      const e = event(TRAFFORD, 2010, 'release-profile', cast.analyst, 1);
      await kyselyOf(store).insertInto('workflow_event').values({ la_code: TRAFFORD, year: 2010, seq: 2, move: 'release-profile', by_id: cast.analyst.id, by_name: cast.analyst.name, by_role: 'analyst', at: at(1), reason: null, version: null, hash: null }).execute();
      const before = await store.fingerprint();
      await assert.rejects(store.appendWorkflowEvents([append(e, 1)], [moved(e)]), (error: Error) => error instanceof WorkflowConflictError && /358 2010/.test(error.message) && /event 2 was stored by another/.test(error.message));
      assert.equal(await store.fingerprint(), before);
    });

    it('keeps the LA’s comments with their answers, oldest first, and refuses an answer to no comment', async () => {
      const ids: number[] = [];
      const first = await store.addComment(comment(STOCKPORT, 2011, cast.la, 20, 'S3', 'The figure for S3 is last year’s.'), (id) => {
        ids.push(id);
        return [auditEvent(CLI, at(20), 'comment-added', `comment ${id}`, { la: STOCKPORT, year: 2011 })];
      });
      assert.deepEqual(ids, [first], 'the audit events are made from the comment’s id');
      const second = await store.addComment(comment(STOCKPORT, 2011, cast.la, 21, null, 'The draft as a whole reads well.'));
      const elsewhere = await store.addComment(comment(TRAFFORD, 2011, cast.la, 22, 'S1', 'Another LA’s comment.'));
      await store.addComment(comment(STOCKPORT, 2010, cast.la, 23, null, 'Another year’s.'));
      const answer = (commentId: number, minute: number, text: string) => ({ commentId, text, by: cast.inspector, at: at(minute) });
      const a1 = await store.answerComment(answer(first, 24, 'Corrected.'), (id) => [auditEvent(CLI, at(24), 'comment-answered', `answer ${id}`)]);
      const a2 = await store.answerComment(answer(elsewhere, 25, 'Noted.'));
      const a3 = await store.answerComment(answer(first, 26, 'Corrected again, with the 2011 figure.'));
      assert.ok(first < second && a1 < a2 && a2 < a3);
      const stockport = await store.laComments(2011, STOCKPORT);
      assert.deepEqual(stockport, [
        { id: first, ...comment(STOCKPORT, 2011, cast.la, 20, 'S3', 'The figure for S3 is last year’s.'), answers: [{ id: a1, ...answer(first, 24, 'Corrected.') }, { id: a3, ...answer(first, 26, 'Corrected again, with the 2011 figure.') }] },
        { id: second, ...comment(STOCKPORT, 2011, cast.la, 21, null, 'The draft as a whole reads well.'), answers: [] },
      ]);
      assert.deepEqual((await store.laComments(2011)).map((c) => [c.id, c.answers.map((a) => a.id)]), [[first, [a1, a3]], [second, []], [elsewhere, [a2]]]);
      assert.deepEqual((await store.laComments(2010)).map((c) => c.text), ['Another year’s.']);
      assert.deepEqual((await store.auditEvents({ action: 'comment-answered' })).map((e) => e.subject), [`answer ${a1}`]);

      const before = await store.fingerprint();
      await assert.rejects(store.answerComment(answer(99_999, 27, 'To nothing.'), [auditEvent(CLI, at(27), 'comment-answered', 'to nothing')]), NotFoundError);
      assert.equal(await store.fingerprint(), before, 'nothing written, its audit event included');
    });

    it('records a judgement’s stage and author, and the schema keeps the stage to proposed or final', async () => {
      const proposed: InspectorJudgement = { la: STOKE, year: 2011, decision: { kind: 'grade', grade: 2 }, rationale: 'proposed by the inspector', author: cast.inspector.name, stage: 'proposed', authorId: cast.inspector.id, recordedAt: at(30), derivedAtTheTime: 2 };
      const final: InspectorJudgement = { ...proposed, decision: { kind: 'grade', grade: 3 }, rationale: 'moderated', author: 'A Moderator', stage: 'final', authorId: null, recordedAt: at(31) };
      await store.recordJudgement(proposed);
      await store.recordJudgement(final);
      assert.deepEqual(await store.inspectorJudgements(2011, STOKE), [proposed, final]);
      const before = await store.fingerprint();
      await assert.rejects(store.recordJudgement({ ...final, stage: 'draft' as never }));
      await assert.rejects(store.recordJudgement({ ...final, authorId: 99_999 }), 'the author is an account');
      assert.equal(await store.fingerprint(), before);
    });

    it("follows another connection's moves, comments and answers in the process version, and not in the data version, nor its own", async () => {
      const other = await open(db);
      try {
        const data = await store.externalVersion();
        const processVersion = await store.externalProcessVersion();
        const otherData = await other.externalVersion();
        const otherProcess = await other.externalProcessVersion();
        const mine = await store.addComment(comment(STOKE, 2011, cast.la, 40, null, 'mine'));
        await store.appendWorkflowEvents([append(event(STOKE, 2011, 'send-to-moderation', cast.inspector, 41), (await store.workflowEvents(2011, STOKE)).length)]);
        await store.answerComment({ commentId: mine, text: 'mine too', by: cast.inspector, at: at(42) });
        assert.equal(await store.externalProcessVersion(), processVersion, 'its own writes do not count');
        assert.equal(await store.externalVersion(), data);

        let seen = processVersion;
        const expectMoved = async (what: string) => {
          const now = await store.externalProcessVersion();
          assert.notEqual(now, seen, `another connection's ${what} counts`);
          assert.equal(await store.externalProcessVersion(), now, 'and only once');
          assert.equal(await store.externalVersion(), data, `and changes nothing assessed (${what})`);
          seen = now;
        };
        await other.appendWorkflowEvents([append(event(STOKE, 2011, 'sign-off', cast.moderator, 43), (await other.workflowEvents(2011, STOKE)).length)]);
        await expectMoved('move');
        const theirs = await other.addComment(comment(STOKE, 2011, cast.la, 44, null, 'theirs'));
        await expectMoved('comment');
        await other.answerComment({ commentId: theirs, text: 'answered', by: cast.inspector, at: at(45) });
        await expectMoved('answer');
        // The other connection saw this one's writes the same way, and not its own.
        assert.notEqual(await other.externalProcessVersion(), otherProcess);
        assert.equal(await other.externalVersion(), otherData);
        // And a judgement is the other way round.
        await other.recordJudgement({ la: STOKE, year: 2011, decision: { kind: 'withheld' }, rationale: 'withheld', author: 'A Moderator', stage: 'final', authorId: cast.moderator.id, recordedAt: at(46), derivedAtTheTime: null });
        assert.notEqual(await store.externalVersion(), data, "another connection's judgement changes what is assessed");
        assert.equal(await store.externalProcessVersion(), seen, 'and not the process');
      } finally {
        await other.close();
      }
    });

    it('backs up and restores the process with the rest, into either store, numbering on after it', async () => {
      const source = kind.fresh();
      const s = await open(source);
      const file = join(tmpDir, `process-backup-${next()}.db`);
      let fingerprint: string;
      let events: WorkflowEvent[];
      try {
        await s.replaceDataset(FIXTURE_LA_BATCH);
        const c = await addCast(s);
        await s.appendWorkflowEvents([...upToSignOff(STOCKPORT, 2011, c), publish(STOCKPORT, 2011, c, 5)], [auditEvent(CLI, at(6), 'workflow-moved', 'publish', { la: STOCKPORT, year: 2011 })]);
        const id = await s.addComment(comment(STOCKPORT, 2011, c.la, 7, 'S2', 'A comment'));
        await s.answerComment({ commentId: id, text: 'An answer', by: c.inspector, at: at(8) });
        await s.recordJudgement({ la: STOCKPORT, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: 'proposed', author: c.inspector.name, stage: 'proposed', authorId: c.inspector.id, recordedAt: at(4), derivedAtTheTime: 3 });
        events = await s.workflowEvents(2011);
        fingerprint = await s.fingerprint();
        await s.backup(file);
      } finally {
        await s.close();
      }
      for (const into of KINDS) {
        if (into.name === 'postgres' && TEST_POSTGRES === undefined) continue;
        const target = into.name === kind.name ? source : into.fresh();
        // A server on the PostgreSQL store sees the restore in the process version too (SQLite's swaps the file, which
        // nothing may hold open meanwhile).
        const watcher = into.name === 'postgres' ? await open(target) : undefined;
        const watched = await watcher?.externalProcessVersion();
        await restoreStore(storeLocation(target), file);
        if (watcher) {
          assert.notEqual(await watcher.externalProcessVersion(), watched, 'a restore raises the process version');
          await watcher.close();
        }
        const check = await open(target);
        try {
          assert.equal(await check.fingerprint(), fingerprint, `a ${kind.name} backup restored into ${into.name}`);
          assert.deepEqual(await check.workflowEvents(2011), events);
          assert.deepEqual(await check.publishedContent(STOCKPORT, 2011), content(STOCKPORT, 2011, 1, 3));
          assert.deepEqual((await check.laComments(2011)).map((x) => [x.id, x.answers.map((a) => a.id)]), [[1, [1]]]);
          assert.deepEqual((await check.inspectorJudgements(2011)).map((j) => [j.stage, j.authorId]), [['proposed', 2]]);
          // Numbering goes on after the restored ids, and the history after its restored length.
          const moderator: EventActor = { id: 3, name: 'Mo Moderator', role: 'moderator' };
          assert.equal(await check.addComment(comment(STOCKPORT, 2011, { id: 4, name: 'Lee Stockport', role: 'la' }, 9, null, 'after')), 2);
          assert.equal(await check.answerComment({ commentId: 2, text: 'after', by: moderator, at: at(10) }), 2);
          await assert.rejects(check.appendWorkflowEvents([publish(STOCKPORT, 2011, { ...cast, moderator }, 5, 2)]), WorkflowConflictError);
          await check.appendWorkflowEvents([publish(STOCKPORT, 2011, { ...cast, moderator }, 6, 2)]);
          assert.equal((await check.workflowEvents(2011)).length, 7);
        } finally {
          await check.close();
        }
      }
    });

    it('migrates a store made before the process: its judgements become final grades with no account', async () => {
      const old = await storeAt005(kind);
      const s = await open(old);
      try {
        assert.deepEqual(await s.inspectorJudgements(2011), [
          { la: STOCKPORT, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: 'recorded before the process', author: 'A Moderator', stage: 'final', authorId: null, recordedAt: '2011-10-01T09:00:00.000Z', derivedAtTheTime: 3 },
        ]);
        // And the process can be written at once: the process version is there to raise.
        const c = await addCast(s);
        const start = await s.externalProcessVersion();
        await s.appendWorkflowEvents([upToSignOff(STOCKPORT, 2011, c)[0]!]);
        assert.equal((await s.workflowEvents(2011)).length, 1);
        assert.equal(await s.externalProcessVersion(), start);
      } finally {
        await s.close();
      }
    });
  });
}
