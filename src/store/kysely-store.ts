import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Account, NewAccount, Session, StoredAccount } from '../domain/account.ts';
import type { Addressee } from '../domain/addressee.ts';
import { AUDIT_ACTIONS, AUDIT_PAGE, AUDIT_PAGE_MAX, AUDIT_ROLES } from '../domain/audit.ts';
import type { AuditEvent, AuditQuery, JsonValue, NewAuditEvent } from '../domain/audit.ts';
import { NotFoundError, StoreError, WorkflowConflictError } from '../domain/errors.ts';
import type { CommentAnswer, LaComment, NewCommentAnswer, NewLaComment } from '../domain/comment.ts';
import type { WorkflowEvent } from '../domain/workflow.ts';
import { ACCOUNT_ROLES } from '../domain/roles.ts';
import type { EditBasis, LetterEdit, LetterEditOp } from '../domain/letter-edit.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaInspection, LaInspectionFinding } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { NeighbourSet } from '../domain/neighbours.ts';
import { AREA_KINDS } from '../domain/indicator.ts';
import { JUDGEMENTS } from '../domain/judgement.ts';
import type { EvidenceSource, EvidenceSourceQuery, EvidenceTable } from '../domain/evidence-source.ts';
import type { OutcomeCount } from '../domain/outcome-count.ts';
import { PROVIDER_TYPES } from '../domain/provider.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';
import { MIGRATION_NAMES } from './migrations/index.ts';
import type {
  AuditFor,
  Hex,
  ImportBatch,
  ImportOutcome,
  IndicatorValueQuery,
  LaEvidenceSummary,
  ProviderQuery,
  PublishedContent,
  SourceFile,
  Store,
  StoredDataset,
  WorkflowAppend,
} from './repository.ts';
import { TABLES } from './schema.ts';
import type { AccountTable, AuditEventTable, Database as Schema } from './schema.ts';
import {
  laCode,
  oneOf,
  toBand,
  toCommentAnswer,
  toDatasetKind,
  toFinding,
  toIndicator,
  toInspectorJudgement,
  toIndicatorValue,
  toLaComment,
  toLaInspection,
  toLocalAuthority,
  toProvider,
  toProviderInspection,
  toPublishedContent,
  toWorkflowEvent,
} from './rows.ts';

/**
 * A stable hash of a batch's source files, so an identical re-import is recognised and skipped. The schema version
 * is part of it: a build that reads the same files differently (a new migration) writes them again.
 */
export function contentHash(batch: ImportBatch): string {
  const hash = createHash('sha256');
  hash.update(`${MIGRATION_NAMES.join(',')}\0`);
  hash.update(JSON.stringify(batch.dataset));
  for (const file of [...batch.files].sort((a, b) => a.path.localeCompare(b.path))) hash.update(`${file.path}\0${file.sha256}\0`);
  return hash.digest('hex');
}

/** The store_version rows: what is assessed (migration 004), and the process (migration 006). */
const DATA_VERSION = 1;
const PROCESS_VERSION = 2;

/** Raises one of the versions inside a writing transaction; the new value. */
async function raise(tx: Transaction<Schema>, id: typeof DATA_VERSION | typeof PROCESS_VERSION): Promise<number> {
  const row = await tx.updateTable('store_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).returningAll().executeTakeFirst();
  if (!row) throw new StoreError(`the store has no ${id === DATA_VERSION ? 'data' : 'process'} version row: it was not made by Kingsway's migrations`);
  return Number(row.version);
}

/** A write's audit events, given as a list or made from what it did. */
function eventsFor<R>(audit: AuditFor<R>, result: R): readonly NewAuditEvent[] {
  return typeof audit === 'function' ? audit(result) : audit;
}

/** An account row back to the domain value, its role checked and its LA present for the la role and only for it. */
function toAccount(row: Pick<Selectable<AccountTable>, 'id' | 'name' | 'role' | 'la_code' | 'created_at' | 'disabled_at'>): Account {
  const where = `account ${JSON.stringify(row.name)}`;
  const role = oneOf(ACCOUNT_ROLES, row.role, where);
  const base = { id: row.id, name: row.name, createdAt: row.created_at, disabledAt: row.disabled_at };
  if (role === 'la') {
    if (row.la_code === null) throw new StoreError(`${where}: an LA account stored with no LA`);
    return { ...base, role, la: laCode(row.la_code, where) };
  }
  if (row.la_code !== null) throw new StoreError(`${where}: a ${role} account stored with the LA ${JSON.stringify(row.la_code)}`);
  return { ...base, role, la: null };
}

/**
 * The content a move publishes must be the content its event names: anything else is a fault in the caller, not a
 * conflict, and is refused before anything is written.
 */
function checkPublished({ event, published }: WorkflowAppend): void {
  if (published === null) return;
  if (published.la === event.la && published.year === event.year && published.version === event.version && published.hash === event.hash) return;
  throw new Error(
    `the content given with ${event.move} of ${event.la} ${event.year} (${published.la} ${published.year} version ${published.version}, ${published.hash}) is not what the event publishes (version ${event.version ?? 'none'}, ${event.hash ?? 'no hash'})`,
  );
}

/**
 * Whether a failed insert was refused by workflow_event's unique (la_code, year, seq): another connection stored
 * that place in the history first. Each driver says so in its own words.
 */
function seqTaken(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e.code === '23505') return e.constraint === 'workflow_event_seq_key';
  return e.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('workflow_event.seq');
}

function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  const where = `audit_event ${row.id}`;
  return {
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: oneOf(AUDIT_ROLES, row.actor_role, where) },
    action: oneOf(AUDIT_ACTIONS, row.action, where),
    la: row.la_code === null ? null : laCode(row.la_code, where),
    year: row.year,
    subject: row.subject,
    before: row.before_json === null ? null : (JSON.parse(row.before_json) as JsonValue),
    after: row.after_json === null ? null : (JSON.parse(row.after_json) as JsonValue),
  };
}

/**
 * What both stores share (issue 14: one repository interface, two implementations): every read, the recording of
 * people's judgements and edits, their accounts, sessions and audit log, the workflow and the LA's comments (issue 15), and the fingerprint, written once in Kysely, whose queries run unchanged on SQLite
 * and PostgreSQL. A store adds how it opens, how it bulk-loads an import (each driver's fast path), how it notices
 * other processes' commits, and how it backs up.
 */
export abstract class KyselyStore implements Store {
  protected readonly db: Kysely<Schema>;

  protected constructor(db: Kysely<Schema>) {
    this.db = db;
  }

  abstract close(): Promise<void>;
  abstract backup(target: string): Promise<{ readonly pages: number }>;
  protected abstract writeBatch(batch: ImportBatch, contentSha256: string): Promise<ImportOutcome>;

  /** The data version as this process last knew it: read, or raised by its own write with nobody else's between. */
  #known = 0;
  /** What externalVersion returns: raised only when the version moved by another process's hand. */
  #external = 0;
  /** The same two for the process version (workflow moves, comments, answers). */
  #knownProcess = 0;
  #externalProcess = 0;

  /** Reads the versions once the store is open, so that what was there before counts as known. */
  protected async startFollowing(): Promise<void> {
    this.#known = await this.#version(DATA_VERSION);
    this.#knownProcess = await this.#version(PROCESS_VERSION);
  }

  async #version(id: typeof DATA_VERSION | typeof PROCESS_VERSION): Promise<number> {
    const row = await this.db.selectFrom('store_version').select('version').where('id', '=', id).executeTakeFirst();
    if (!row) throw new StoreError(`the store has no ${id === DATA_VERSION ? 'data' : 'process'} version row: it was not made by Kingsway's migrations`);
    return Number(row.version);
  }

  /**
   * Changes when another process (a second server, the CLI) has committed a change to what is assessed since this
   * store last asked, and not for this process's own writes: one small read of the data version (migration 004).
   * Signing in, accounts and the audit log change nothing assessed and leave it alone, so a server's assessed years
   * survive every sign-in elsewhere.
   */
  async externalVersion(): Promise<number> {
    const now = await this.#version(DATA_VERSION);
    if (now !== this.#known) {
      this.#known = now;
      this.#external++;
    }
    return this.#external;
  }

  /**
   * Like externalVersion, for the process version (migration 006): changes when another process has appended a move,
   * a comment or an answer since this store last asked, and not for this process's own.
   */
  async externalProcessVersion(): Promise<number> {
    const now = await this.#version(PROCESS_VERSION);
    if (now !== this.#knownProcess) {
      this.#knownProcess = now;
      this.#externalProcess++;
    }
    return this.#externalProcess;
  }

  /**
   * Inside every transaction that changes what is assessed (an import, a judgement, letter edits, a restore), before
   * it commits: raises the data version and returns it, for `committed` once the transaction has committed.
   */
  protected async wrote(tx: Transaction<Schema>): Promise<number> {
    return raise(tx, DATA_VERSION);
  }

  /** A version this process wrote: taken as known only if it follows straight on from the last one known. */
  protected committed(version: number | null): void {
    if (version !== null && version === this.#known + 1) this.#known = version;
  }

  /**
   * A write to the process (a move, a comment, an answer): one transaction that raises the process version first,
   * then writes. First, because these writes read before they write (a history's length, whether a comment exists):
   * holding the version row (PostgreSQL) or the write lock (SQLite, where a transaction that has read cannot wait for
   * the lock) before reading makes two writers take turns, the second reading what the first wrote.
   */
  async #writeProcess<R>(write: (tx: Transaction<Schema>) => Promise<R>): Promise<R> {
    const { result, version } = await this.db.transaction().execute(async (tx) => {
      const version = await raise(tx, PROCESS_VERSION);
      return { result: await write(tx), version };
    });
    if (version === this.#knownProcess + 1) this.#knownProcess = version;
    return result;
  }

  async replaceDataset(batch: ImportBatch): Promise<ImportOutcome> {
    const hash = contentHash(batch);
    if ((await this.datasetHash(batch.dataset.id)) === hash) return { status: 'unchanged', dataset: batch.dataset.id };
    return this.writeBatch(batch, hash);
  }

  async datasetHash(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('dataset').select('content_sha256').where('id', '=', id).executeTakeFirst();
    return row?.content_sha256;
  }

  async recordJudgement(j: InspectorJudgement, audit: readonly NewAuditEvent[] = []): Promise<void> {
    const version = await this.db.transaction().execute(async (tx) => {
      await tx
      .insertInto('inspector_judgement')
      .values({
        la_code: j.la,
        year: j.year,
        decision: j.decision.kind,
        grade: j.decision.kind === 'grade' ? j.decision.grade : null,
        rationale: j.rationale,
        author: j.author,
        stage: j.stage,
        author_id: j.authorId,
        recorded_at: j.recordedAt,
        derived_at_the_time: j.derivedAtTheTime,
      })
      .execute();
      await this.appendAuditIn(tx, audit);
      return this.wrote(tx);
    });
    this.committed(version);
  }

  /** Records a batch of edits in one transaction: all of them, in order, or (on any failure) none. */
  async recordLetterEdits(edits: readonly Omit<LetterEdit, 'id'>[], audit: AuditFor<readonly number[]> = []): Promise<number[]> {
    const { ids, version } = await this.db.transaction().execute(async (tx) => {
      const ids: number[] = [];
      for (const e of edits) {
        const row = await tx
          .insertInto('letter_edit')
          .values({ la_code: e.la, year: e.year, change_json: JSON.stringify(e.change), basis_json: e.basis ? JSON.stringify(e.basis) : null, author: e.author, recorded_at: e.recordedAt })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      await this.appendAuditIn(tx, eventsFor(audit, ids));
      return { ids, version: await this.wrote(tx) };
    });
    this.committed(version);
    return ids;
  }

  /**
   * Appends audit events inside a transaction that is writing something else, so that the write and the events that
   * record it commit together or not at all. Every write of people's work calls it (before `wrote(tx)` where the write changes what is assessed); a new write
   * does the same (take `audit: AuditFor<R> = []`, and call `await this.appendAuditIn(tx, eventsFor(audit, result))`).
   * One insert per event, so the ids come back in the order given.
   */
  protected async appendAuditIn(tx: Transaction<Schema>, events: readonly NewAuditEvent[]): Promise<number[]> {
    const ids: number[] = [];
    for (const e of events) {
      const row = await tx
        .insertInto('audit_event')
        .values({
          at: e.at,
          actor_id: e.actor.id,
          actor_name: e.actor.name,
          actor_role: e.actor.role,
          action: e.action,
          la_code: e.la,
          year: e.year,
          subject: e.subject,
          before_json: e.before === null ? null : JSON.stringify(e.before),
          after_json: e.after === null ? null : JSON.stringify(e.after),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    return ids;
  }

  async appendAudit(events: readonly NewAuditEvent[]): Promise<number[]> {
    if (events.length === 0) return [];
    return this.db.transaction().execute(async (tx) => this.appendAuditIn(tx, events));
  }

  async auditEvents(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? AUDIT_PAGE)), AUDIT_PAGE_MAX);
    let q = this.db.selectFrom('audit_event').selectAll();
    if (query.la !== undefined) q = q.where('la_code', '=', query.la);
    if (query.year !== undefined) q = q.where('year', '=', query.year);
    if (query.action !== undefined) q = q.where('action', '=', query.action);
    if (query.afterId !== undefined) q = q.where('id', '>', query.afterId);
    const rows = await q.orderBy('id').limit(limit).execute();
    return rows.map(toAuditEvent);
  }

  async addAccount(account: NewAccount, audit: AuditFor<Account> = []): Promise<Account | undefined> {
    const written = await this.db.transaction().execute(async (tx) => {
      const row = await tx
        .insertInto('account')
        .values({ name: account.name, role: account.role, la_code: account.la, password_hash: account.passwordHash, created_at: account.createdAt, disabled_at: null })
        // A name taken meanwhile (another process adding the same name) is told apart from a fault: nothing is written.
        .onConflict((oc) => oc.column('name').doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) return undefined;
      const added = toAccount(row);
      await this.appendAuditIn(tx, eventsFor(audit, added));
      return added;
    });
    return written;
  }

  async accounts(): Promise<Account[]> {
    const rows = await this.db.selectFrom('account').selectAll().orderBy('name').orderBy('id').execute();
    return rows.map(toAccount);
  }

  async findAccount(name: string): Promise<StoredAccount | undefined> {
    const row = await this.db.selectFrom('account').selectAll().where('name', '=', name).executeTakeFirst();
    return row && { ...toAccount(row), passwordHash: row.password_hash };
  }

  /** Ends the account's live sessions inside a transaction: how many. */
  protected async endSessionsIn(tx: Transaction<Schema>, accountId: number, at: string): Promise<number> {
    const result = await tx
      .updateTable('session')
      .set({ ended_at: at })
      .where('account_id', '=', accountId)
      .where('ended_at', 'is', null)
      .where('expires_at', '>', at)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async disableAccount(id: number, at: string, audit: AuditFor<{ readonly sessionsEnded: number }> = []): Promise<{ readonly sessionsEnded: number } | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx.updateTable('account').set({ disabled_at: at }).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return undefined;
      const result = { sessionsEnded: await this.endSessionsIn(tx, id, at) };
      await this.appendAuditIn(tx, eventsFor(audit, result));
      return result;
    });
  }

  async setPasswordHash(id: number, passwordHash: string, at: string, audit: AuditFor<{ readonly sessionsEnded: number }> = []): Promise<{ readonly sessionsEnded: number } | undefined> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return undefined;
      const result = { sessionsEnded: await this.endSessionsIn(tx, id, at) };
      await this.appendAuditIn(tx, eventsFor(audit, result));
      return result;
    });
  }

  async createSession(session: Omit<Session, 'endedAt'>, audit: readonly NewAuditEvent[] = []): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('session')
        .values({ token_sha256: session.tokenSha256, account_id: session.accountId, created_at: session.createdAt, expires_at: session.expiresAt, ended_at: null })
        .execute();
      await this.appendAuditIn(tx, audit);
    });
  }

  async liveSession(tokenSha256: string, at: string): Promise<{ readonly session: Session; readonly account: Account } | undefined> {
    const row = await this.db
      .selectFrom('session as s')
      .innerJoin('account as a', 'a.id', 's.account_id')
      .select(['s.token_sha256', 's.account_id', 's.created_at as session_created_at', 's.expires_at', 's.ended_at', 'a.id', 'a.name', 'a.role', 'a.la_code', 'a.created_at', 'a.disabled_at'])
      .where('s.token_sha256', '=', tokenSha256)
      .where('s.ended_at', 'is', null)
      .where('s.expires_at', '>', at)
      .where('a.disabled_at', 'is', null)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      session: { tokenSha256: row.token_sha256, accountId: row.account_id, createdAt: row.session_created_at, expiresAt: row.expires_at, endedAt: row.ended_at },
      account: toAccount(row),
    };
  }

  async endSession(tokenSha256: string, at: string, audit: readonly NewAuditEvent[] = []): Promise<boolean> {
    return this.db.transaction().execute(async (tx) => {
      const updated = await tx.updateTable('session').set({ ended_at: at }).where('token_sha256', '=', tokenSha256).where('ended_at', 'is', null).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return false;
      await this.appendAuditIn(tx, audit);
      return true;
    });
  }

  async endSessions(accountId: number, at: string, audit: AuditFor<number> = []): Promise<number> {
    const written = await this.db.transaction().execute(async (tx) => {
      const ended = await this.endSessionsIn(tx, accountId, at);
      if (ended === 0) return undefined;
      await this.appendAuditIn(tx, eventsFor(audit, ended));
      return ended;
    });
    return written ?? 0;
  }

  async workflowEvents(year: number, la?: LaCode): Promise<WorkflowEvent[]> {
    let q = this.db.selectFrom('workflow_event').selectAll().where('year', '=', year);
    if (la !== undefined) q = q.where('la_code', '=', la);
    return (await q.orderBy('id').execute()).map(toWorkflowEvent);
  }

  /**
   * Each move is checked against its LA-year's history as it now stands in the transaction (moves earlier in the
   * batch included), so a move decided from a state another has since moved on is refused, and the batch with it.
   */
  async appendWorkflowEvents(moves: readonly WorkflowAppend[], audit: readonly NewAuditEvent[] = []): Promise<void> {
    for (const move of moves) checkPublished(move);
    if (moves.length === 0 && audit.length === 0) return;
    await this.#writeProcess(async (tx) => {
      for (const move of moves) await this.#appendMove(tx, move);
      await this.appendAuditIn(tx, audit);
    });
  }

  async #appendMove(tx: Transaction<Schema>, { event, after, published }: WorkflowAppend): Promise<void> {
    const { la, year } = event;
    const counted = await tx.selectFrom('workflow_event').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', la).where('year', '=', year).executeTakeFirstOrThrow();
    const found = Number(counted.n);
    const conflict = (why: string) => new WorkflowConflictError(`${la} ${year}: the move ${event.move} was decided after ${after} workflow event${after === 1 ? '' : 's'}, but ${why}: another move was made meanwhile; nothing was written`);
    if (found !== after) throw conflict(`the history now holds ${found}`);
    try {
      await tx
        .insertInto('workflow_event')
        .values({
          la_code: la,
          year,
          seq: after + 1,
          move: event.move,
          by_id: event.by.id,
          by_name: event.by.name,
          by_role: event.by.role,
          at: event.at,
          reason: event.reason,
          version: event.version ?? null,
          hash: event.hash ?? null,
        })
        .execute();
    } catch (error) {
      // The backstop: a writer that counted the same history at the same moment stored this place first.
      if (seqTaken(error)) throw conflict(`event ${after + 1} was stored by another at the same time`);
      throw error;
    }
    if (published) {
      await tx.insertInto('published_content').values({ la_code: la, year, version: published.version, grade: published.grade, markdown: published.markdown, letter_json: JSON.stringify(published.letter), hash: published.hash }).execute();
    }
  }

  async publishedContent(la: LaCode, year: number, version?: number): Promise<PublishedContent | undefined> {
    let q = this.db.selectFrom('published_content').selectAll().where('la_code', '=', la).where('year', '=', year);
    if (version !== undefined) q = q.where('version', '=', version);
    const row = await q.orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row && toPublishedContent(row);
  }

  async laComments(year: number, la?: LaCode): Promise<LaComment[]> {
    let comments = this.db.selectFrom('la_comment').selectAll().where('year', '=', year);
    let answers = this.db.selectFrom('comment_answer as a').innerJoin('la_comment as c', 'c.id', 'a.comment_id').selectAll('a').where('c.year', '=', year);
    if (la !== undefined) {
      comments = comments.where('la_code', '=', la);
      answers = answers.where('c.la_code', '=', la);
    }
    const [commentRows, answerRows] = await Promise.all([comments.orderBy('id').execute(), answers.orderBy('a.id').execute()]);
    const byComment = new Map<number, CommentAnswer[]>();
    for (const row of answerRows) byComment.set(row.comment_id, [...(byComment.get(row.comment_id) ?? []), toCommentAnswer(row)]);
    return commentRows.map((row) => toLaComment(row, byComment.get(row.id) ?? []));
  }

  async addComment(comment: NewLaComment, audit: AuditFor<number> = []): Promise<number> {
    return this.#writeProcess(async (tx) => {
      const { id } = await tx
        .insertInto('la_comment')
        .values({ la_code: comment.la, year: comment.year, sentence: comment.sentence, text: comment.text, by_id: comment.by.id, by_name: comment.by.name, by_role: comment.by.role, at: comment.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.appendAuditIn(tx, eventsFor(audit, id));
      return id;
    });
  }

  async answerComment(answer: NewCommentAnswer, audit: AuditFor<number> = []): Promise<number> {
    return this.#writeProcess(async (tx) => {
      const comment = await tx.selectFrom('la_comment').select('id').where('id', '=', answer.commentId).executeTakeFirst();
      if (!comment) throw new NotFoundError(`there is no comment ${answer.commentId} to answer`);
      const { id } = await tx
        .insertInto('comment_answer')
        .values({ comment_id: answer.commentId, text: answer.text, by_id: answer.by.id, by_name: answer.by.name, by_role: answer.by.role, at: answer.at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await this.appendAuditIn(tx, eventsFor(audit, id));
      return id;
    });
  }

  async letterEdits(la: LaCode, year: number): Promise<LetterEdit[]> {
    const rows = await this.db.selectFrom('letter_edit').selectAll().where('la_code', '=', la).where('year', '=', year).orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, la: r.la_code as LaCode, year: r.year, change: JSON.parse(r.change_json) as LetterEditOp, basis: r.basis_json ? (JSON.parse(r.basis_json) as EditBasis) : null, author: r.author, recordedAt: r.recorded_at }));
  }

  async inspectorJudgements(year: number, la?: LaCode): Promise<InspectorJudgement[]> {
    let query = this.db.selectFrom('inspector_judgement').selectAll().where('year', '=', year);
    if (la !== undefined) query = query.where('la_code', '=', la);
    const rows = await query.orderBy('recorded_at').orderBy('id').execute();
    return rows.map(toInspectorJudgement);
  }

  async datasets(): Promise<StoredDataset[]> {
    const rows = await this.db.selectFrom('dataset').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      id: r.id,
      kind: toDatasetKind(r.kind, `dataset ${r.id}`),
      title: r.title,
      source: r.source,
      licence: r.licence,
      contentSha256: r.content_sha256,
      files: JSON.parse(r.files_json) as SourceFile[],
      rowCount: r.row_count,
    }));
  }

  async localAuthorities(): Promise<LocalAuthority[]> {
    const rows = await this.db.selectFrom('local_authority').selectAll().orderBy('code').execute();
    return rows.map(toLocalAuthority);
  }

  async localAuthority(code: LaCode): Promise<LocalAuthority | undefined> {
    const row = await this.db.selectFrom('local_authority').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toLocalAuthority(row);
  }

  async neighbourVintages(): Promise<string[]> {
    const rows = await this.db.selectFrom('neighbour').select('vintage').distinct().orderBy('vintage').execute();
    return rows.map((r) => r.vintage);
  }

  async neighbours(la: LaCode, vintage: string): Promise<NeighbourSet | undefined> {
    const rows = await this.db
      .selectFrom('neighbour')
      .selectAll()
      .where('la_code', '=', la)
      .where('vintage', '=', vintage)
      .orderBy('rank')
      .execute();
    if (rows.length === 0) return undefined;
    return {
      vintage,
      la,
      neighbours: rows.map((r) => ({ rank: r.rank, code: laCode(r.neighbour_code, 'neighbour'), band: toBand(r.band, 'neighbour') })),
    };
  }

  async providers(query: ProviderQuery = {}): Promise<Provider[]> {
    let q = this.db.selectFrom('provider').selectAll();
    if (query.la) q = q.where('la_code', '=', query.la);
    return (await q.orderBy('urn').execute()).map(toProvider);
  }

  async providerInspections(query: ProviderQuery = {}): Promise<ProviderInspection[]> {
    let q = this.db.selectFrom('provider_inspection').selectAll('provider_inspection');
    if (query.la) {
      q = q.innerJoin('provider', 'provider.urn', 'provider_inspection.urn').where('provider.la_code', '=', query.la);
    }
    const rows = await q.orderBy('provider_inspection.urn').orderBy('provider_inspection.inspection_date').execute();
    return rows.map(toProviderInspection);
  }

  async laInspections(la?: LaCode): Promise<LaInspection[]> {
    let q = this.db.selectFrom('la_inspection').selectAll();
    if (la) q = q.where('la_code', '=', la);
    const rows = await q.orderBy('la_code').orderBy('end_date').orderBy('kind').execute();
    if (rows.length === 0) return [];
    const findingRows = await this.db
      .selectFrom('la_inspection_finding')
      .selectAll()
      .where(
        'la_inspection_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('la_inspection_id')
      .orderBy('seq')
      .execute();
    const byInspection = new Map<number, LaInspectionFinding[]>();
    for (const f of findingRows) {
      const list = byInspection.get(f.la_inspection_id) ?? [];
      list.push(toFinding(f));
      byInspection.set(f.la_inspection_id, list);
    }
    return rows.map((r) => toLaInspection(r, byInspection.get(r.id) ?? []));
  }

  async indicators(): Promise<IndicatorDefinition[]> {
    return (await this.db.selectFrom('indicator').selectAll().orderBy('id').execute()).map(toIndicator);
  }

  async indicatorValues(query: IndicatorValueQuery = {}): Promise<IndicatorValue[]> {
    let q = this.db
      .selectFrom('indicator_value as v')
      .innerJoin('period as p', 'p.original', 'v.period_original')
      .select([
        'v.indicator_id',
        'v.area_kind',
        'v.area_code',
        'v.period_original',
        'v.value',
        'v.symbol',
        'v.original',
        'v.dataset_id',
        'p.kind',
        'p.key',
        'p.start_year',
        'p.end_year',
        'p.qualifier',
      ]);
    if (query.indicator) q = q.where('v.indicator_id', '=', query.indicator);
    if (query.area) q = q.where('v.area_kind', '=', query.area.kind).where('v.area_code', '=', query.area.code);
    if (query.areaKind) q = q.where('v.area_kind', '=', oneOf(AREA_KINDS, query.areaKind, 'query'));
    const rows = await q.orderBy('v.indicator_id').orderBy('v.area_code').orderBy('p.end_year').orderBy('v.period_original').execute();
    return rows.map(toIndicatorValue);
  }

  async outcomeCounts(la?: LaCode): Promise<OutcomeCount[]> {
    let q = this.db.selectFrom('outcome_count').selectAll();
    if (la) q = q.where('area_code', '=', la);
    const rows = await q.orderBy('area_kind').orderBy('area_code').orderBy('provider_type').orderBy('as_at').execute();
    return rows.map((r) => {
      const where = `outcome_count ${r.area_kind} ${r.area_code}`;
      return {
        area: { kind: oneOf(AREA_KINDS, r.area_kind, where), code: r.area_code },
        providerType: oneOf(PROVIDER_TYPES, r.provider_type, where),
        asAt: r.as_at,
        judgement: oneOf(JUDGEMENTS, r.judgement, where),
        count: r.count,
        basis: oneOf(['aggregate', 'supplied-comparator'] as const, r.basis, where),
      };
    });
  }

  async addressee(la: LaCode, year: number): Promise<Addressee | undefined> {
    const r = await this.db.selectFrom('addressee').selectAll().where('la_code', '=', la).where('year', '=', year).executeTakeFirst();
    if (!r) return undefined;
    return {
      la: laCode(r.la_code, 'addressee'),
      year: r.year,
      honorific: r.honorific,
      name: r.name,
      jobTitle: r.job_title,
      council: r.council,
      addressLines: JSON.parse(r.address_lines) as string[],
      postcode: r.postcode,
    };
  }

  async hexes(layout?: string): Promise<Hex[]> {
    let q = this.db.selectFrom('hex').select(['layout', 'gss', 'name', 'q', 'r']);
    if (layout) q = q.where('layout', '=', layout);
    return q.orderBy('layout').orderBy('gss').execute();
  }

  async evidenceDatasets(query: EvidenceSourceQuery): Promise<EvidenceSource[]> {
    // Grouped in SQL, one small query per table the run reads; a table whose list is empty is not read at all (the
    // indicator frameworks have no Block A, so 180,000 inspections are never touched for them).
    type Grouped = { area_kind: string; area_code: string; part: string | number; dataset_id: string };
    const of = (table: EvidenceTable, rows: readonly Grouped[]): EvidenceSource[] =>
      rows.map((r) => ({ table, area: { kind: oneOf(AREA_KINDS, r.area_kind, `${table} ${r.area_code}`), code: r.area_code }, part: String(r.part), dataset: r.dataset_id }));
    const types = [...query.providerTypes];
    // The providers Block A can count at the run's dates (EvidenceSourceQuery.providersOpen): none opened after them.
    const open = query.providersOpen;
    const openWithin = (column: 'opened_on' | 'p.opened_on') =>
      open === undefined
        ? sql<boolean>`1 = 1`
        : open.registeredOnly
          ? sql<boolean>`(${sql.ref(column)} IS NOT NULL AND ${sql.ref(column)} <= ${open.to})`
          : sql<boolean>`(${sql.ref(column)} IS NULL OR ${sql.ref(column)} <= ${open.to})`;
    const kinds = [...query.laInspectionKinds];
    const indicators = [...query.indicators];
    const none = Promise.resolve([] as Grouped[]);
    const [providers, inspections, counts, laInspections, values, addressees] = await Promise.all([
      types.length === 0
        ? none
        : this.db
            .selectFrom('provider')
            .select([sql<string>`'la'`.as('area_kind'), 'la_code as area_code', 'type as part', 'dataset_id'])
            .where('type', 'in', types)
            .where(openWithin('opened_on'))
            .groupBy(['la_code', 'type', 'dataset_id'])
            .execute(),
      types.length === 0
        ? none
        : this.db
            .selectFrom('provider_inspection as i')
            .innerJoin('provider as p', 'p.urn', 'i.urn')
            .select([sql<string>`'la'`.as('area_kind'), 'p.la_code as area_code', 'p.type as part', 'i.dataset_id'])
            .where('p.type', 'in', types)
            .where(openWithin('p.opened_on'))
            .groupBy(['p.la_code', 'p.type', 'i.dataset_id'])
            .execute(),
      types.length === 0
        ? none
        : this.db.selectFrom('outcome_count').select(['area_kind', 'area_code', 'provider_type as part', 'dataset_id']).where('provider_type', 'in', types).groupBy(['area_kind', 'area_code', 'provider_type', 'dataset_id']).execute(),
      kinds.length === 0
        ? none
        : this.db.selectFrom('la_inspection').select([sql<string>`'la'`.as('area_kind'), 'la_code as area_code', 'kind as part', 'dataset_id']).where('kind', 'in', kinds).groupBy(['la_code', 'kind', 'dataset_id']).execute(),
      indicators.length === 0
        ? none
        : this.db
            .selectFrom('indicator_value')
            .select(['area_kind', 'area_code', 'indicator_id as part', 'dataset_id'])
            .where('indicator_id', 'in', indicators)
            .where('area_kind', '!=', 'region')
            .groupBy(['indicator_id', 'area_kind', 'area_code', 'dataset_id'])
            .execute(),
      this.db.selectFrom('addressee').select([sql<string>`'la'`.as('area_kind'), 'la_code as area_code', 'year as part', 'dataset_id']).where('year', '=', query.addresseeYear).groupBy(['la_code', 'year', 'dataset_id']).execute(),
    ]);
    return [
      ...of('providers', providers),
      ...of('provider_inspections', inspections),
      ...of('outcome_counts', counts),
      ...of('la_inspections', laInspections),
      ...of('indicator_values', values),
      ...of('addressees', addressees),
    ];
  }

  async laEvidenceSummary(la: LaCode): Promise<LaEvidenceSummary> {
    const byType = await this.db
      .selectFrom('provider')
      .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('la_code', '=', la)
      .groupBy('type')
      .orderBy('type')
      .execute();
    const count = async (query: Promise<{ n: number | string | bigint } | undefined>): Promise<number> => Number((await query)?.n ?? 0);
    const providerInspections = await count(
      this.db
        .selectFrom('provider_inspection')
        .innerJoin('provider', 'provider.urn', 'provider_inspection.urn')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('provider.la_code', '=', la)
        .executeTakeFirst(),
    );
    const laInspections = await count(
      this.db.selectFrom('la_inspection').select((eb) => eb.fn.countAll<number>().as('n')).where('la_code', '=', la).executeTakeFirst(),
    );
    const values = await this.db
      .selectFrom('indicator_value')
      .select([(eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('indicator_id').distinct().as('k')])
      .where('area_kind', '=', 'la')
      .where('area_code', '=', la)
      .executeTakeFirst();
    const supplied = await count(
      this.db
        .selectFrom('indicator_value')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('area_kind', '=', 'similar-areas')
        .where('area_code', '=', la)
        .executeTakeFirst(),
    );
    const outcomeCounts = await count(
      this.db.selectFrom('outcome_count').select((eb) => eb.fn.countAll<number>().as('n')).where('area_code', '=', la).executeTakeFirst(),
    );
    const years = await this.db.selectFrom('addressee').select('year').where('la_code', '=', la).orderBy('year').execute();
    const datasets = await this.db
      .selectFrom('provider')
      .select('dataset_id')
      .where('la_code', '=', la)
      .union(this.db.selectFrom('la_inspection').select('dataset_id').where('la_code', '=', la))
      .union(this.db.selectFrom('indicator_value').select('dataset_id').where('area_code', '=', la).where('area_kind', '=', 'la'))
      .union(this.db.selectFrom('addressee').select('dataset_id').where('la_code', '=', la))
      .execute();
    return {
      providersByType: Object.fromEntries(byType.map((r) => [r.type, Number(r.n)])),
      providerInspections,
      laInspections,
      indicatorValues: Number(values?.n ?? 0),
      indicatorsWithValues: Number(values?.k ?? 0),
      suppliedComparatorValues: supplied,
      outcomeCounts,
      addresseeYears: years.map((r) => r.year),
      datasets: datasets.map((r) => r.dataset_id).sort(),
    };
  }

  /**
   * A hash of every row of every table, in a fixed order, with the store's own bookkeeping left out (surrogate ids
   * are in: a backup keeps them). Two stores with the same fingerprint hold the same facts and the same people's
   * work, whichever database each is: what the backup round trip and the contract suite compare (issue 14).
   */
  async fingerprint(): Promise<string> {
    const hash = createHash('sha256');
    for (const table of TABLES) {
      if (table === 'store_version') continue;
      hash.update(`#${table}\n`);
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(this.db);
      const lines = rows.rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, row[k]]))).sort();
      for (const line of lines) hash.update(`${line}\n`);
    }
    return hash.digest('hex');
  }
}
