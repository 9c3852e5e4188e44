import type { Account, NewAccount, Session, StoredAccount } from '../domain/account.ts';
import type { AuditEvent, AuditQuery, NewAuditEvent } from '../domain/audit.ts';
import type { LetterEdit } from '../domain/letter-edit.ts';
import type { LaComment, NewCommentAnswer, NewLaComment } from '../domain/comment.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import type { WorkflowEvent } from '../domain/workflow.ts';
import type { LetterDraft } from '../narrative/letter-draft.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { Addressee } from '../domain/addressee.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { EvidenceSource, EvidenceSourceQuery } from '../domain/evidence-source.ts';
import type { Area, IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { NeighbourSet } from '../domain/neighbours.ts';
import type { OutcomeCount } from '../domain/outcome-count.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';

/** One hex of an ODI HexJSON layout (odd-r offset coordinates), keyed by GSS code. */
export interface Hex {
  readonly layout: string;
  readonly gss: string;
  readonly name: string;
  readonly q: number;
  readonly r: number;
}

export interface SourceFile {
  /** Path as the user gave it, or relative to the data folder. */
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
}

/**
 * Everything one import writes: a dataset and its validated facts. It is written whole or not at all, and it
 * replaces whatever the same dataset had before, so that importing the same file twice leaves the store as it was.
 */
export interface ImportBatch {
  readonly dataset: Dataset;
  readonly files: readonly SourceFile[];
  readonly localAuthorities?: readonly LocalAuthority[];
  readonly neighbourSets?: readonly NeighbourSet[];
  readonly providers?: readonly Provider[];
  readonly providerInspections?: readonly ProviderInspection[];
  readonly laInspections?: readonly LaInspection[];
  readonly indicators?: readonly IndicatorDefinition[];
  readonly indicatorValues?: readonly IndicatorValue[];
  readonly outcomeCounts?: readonly OutcomeCount[];
  readonly addressees?: readonly Addressee[];
  readonly hexes?: readonly Hex[];
}

export type ImportOutcome =
  | { readonly status: 'unchanged'; readonly dataset: string }
  | { readonly status: 'written'; readonly dataset: string; readonly counts: Readonly<Record<string, number>>; readonly replaced: boolean };

export interface StoredDataset extends Dataset {
  readonly contentSha256: string;
  readonly files: readonly SourceFile[];
  readonly rowCount: number;
}

export interface ProviderQuery {
  readonly la?: LaCode;
}

export interface IndicatorValueQuery {
  readonly indicator?: string;
  readonly area?: Area;
  readonly areaKind?: Area['kind'];
}

/** Counts of what is stored about one LA, for `kingsway show la`. */
export interface LaEvidenceSummary {
  readonly providersByType: Readonly<Record<string, number>>;
  readonly providerInspections: number;
  readonly laInspections: number;
  /** Values for the LA itself. */
  readonly indicatorValues: number;
  readonly indicatorsWithValues: number;
  /** Similar-areas figures supplied for this LA by a bundle, rather than computed from its neighbours. */
  readonly suppliedComparatorValues: number;
  readonly outcomeCounts: number;
  readonly addresseeYears: readonly number[];
  readonly datasets: readonly string[];
}

/**
 * What the core reads. Adapters implement it (SQLite, PostgreSQL: kysely-store.ts holds what they share) and the core never sees SQL.
 * Every method returns domain values, checked against their vocabularies on the way out.
 */
export interface EvidenceRepository {
  datasets(): Promise<StoredDataset[]>;
  localAuthorities(): Promise<LocalAuthority[]>;
  localAuthority(code: LaCode): Promise<LocalAuthority | undefined>;
  neighbourVintages(): Promise<string[]>;
  neighbours(la: LaCode, vintage: string): Promise<NeighbourSet | undefined>;
  providers(query?: ProviderQuery): Promise<Provider[]>;
  providerInspections(query?: ProviderQuery): Promise<ProviderInspection[]>;
  laInspections(la?: LaCode): Promise<LaInspection[]>;
  indicators(): Promise<IndicatorDefinition[]>;
  indicatorValues(query?: IndicatorValueQuery): Promise<IndicatorValue[]>;
  outcomeCounts(la?: LaCode): Promise<OutcomeCount[]>;
  addressee(la: LaCode, year: number): Promise<Addressee | undefined>;
  hexes(layout?: string): Promise<Hex[]>;
  laEvidenceSummary(la: LaCode): Promise<LaEvidenceSummary>;
  /**
   * Which dataset each piece of the evidence a run reads came from, grouped by table, area, part and dataset in the
   * store (a few thousand rows, not one per fact): what the judgement's provenance is worked out from.
   */
  evidenceDatasets(query: EvidenceSourceQuery): Promise<EvidenceSource[]>;
  /** Every inspector judgement recorded for the year, oldest first (history included; see currentJudgements). */
  inspectorJudgements(year: number, la?: LaCode): Promise<InspectorJudgement[]>;
  /** An LA's letter edits for the year, in the order they were made (reverts included; see applyEdits). */
  letterEdits(la: LaCode, year: number): Promise<LetterEdit[]>;
}

/** What importers write through. Separate from reading so that the core can be handed a read-only store. */
export interface EvidenceWriter {
  /** Writes the batch in one transaction, replacing its dataset; throws ImportRejectedError on conflicts. */
  replaceDataset(batch: ImportBatch): Promise<ImportOutcome>;
  /** The hash a dataset was last imported with, to skip identical re-imports. */
  datasetHash(id: string): Promise<string | undefined>;
}

/**
 * The audit events a write appends inside its own transaction: a list, or a function of what the write did (the new
 * account with its id, how many sessions it ended), called inside the transaction once the write has happened.
 */
export type AuditFor<R> = readonly NewAuditEvent[] | ((result: R) => readonly NewAuditEvent[]);

/**
 * Where inspector judgements are recorded: appended, never updated or deleted. Each write takes the audit events that
 * say it was done (AuditLog), appended in the same transaction: the judgement and its event are both kept, or neither.
 */
export interface JudgementWriter {
  recordJudgement(judgement: InspectorJudgement, audit?: readonly NewAuditEvent[]): Promise<void>;
  /** A batch of an inspector's edits, recorded together in one transaction or not at all; their ids, in order. */
  recordLetterEdits(edits: readonly Omit<LetterEdit, 'id'>[], audit?: AuditFor<readonly number[]>): Promise<number[]>;
}

/**
 * People's accounts and their sessions (issue 15). Every write takes the audit events that record it and appends
 * them in the same transaction, and only if the write happened (a name already taken, an account already disabled or
 * a session already ended writes nothing, events included). Instants are ISO 8601 text from the shell's clock
 * (Date.toISOString), compared as text.
 */
export interface AccountStore {
  /** Adds the account; undefined, with nothing written, if the name is taken. */
  addAccount(account: NewAccount, audit?: AuditFor<Account>): Promise<Account | undefined>;
  /** Every account, disabled ones included, by name. */
  accounts(): Promise<Account[]>;
  /** The account with exactly this name, with its password hash: for the sign-in and the password reset. */
  findAccount(name: string): Promise<StoredAccount | undefined>;
  /**
   * Disables the account at `at` and ends its live sessions, in one transaction; how many it ended, or undefined
   * (nothing written) if there is no such account or it was already disabled.
   */
  disableAccount(id: number, at: string, audit?: AuditFor<{ readonly sessionsEnded: number }>): Promise<{ readonly sessionsEnded: number } | undefined>;
  /**
   * Replaces the account's password hash and ends its live sessions at `at` (whoever signed in with the old password
   * is signed out), in one transaction; undefined (nothing written) if there is no such account.
   */
  setPasswordHash(id: number, passwordHash: string, at: string, audit?: AuditFor<{ readonly sessionsEnded: number }>): Promise<{ readonly sessionsEnded: number } | undefined>;
  createSession(session: Omit<Session, 'endedAt'>, audit?: readonly NewAuditEvent[]): Promise<void>;
  /** The session with this token hash if it is live at `at` (not ended, not expired, its account not disabled), with its account. */
  liveSession(tokenSha256: string, at: string): Promise<{ readonly session: Session; readonly account: Account } | undefined>;
  /** Ends the session if it is still open; whether it was (a second sign-out ends nothing and records nothing). */
  endSession(tokenSha256: string, at: string, audit?: readonly NewAuditEvent[]): Promise<boolean>;
  /** Ends every live session of the account (open and not expired); how many (events are appended only if any were). */
  endSessions(accountId: number, at: string, audit?: AuditFor<number>): Promise<number>;
}

/**
 * The audit log: append and read, and nothing else (no event is ever changed or removed). An event that goes with
 * another write is given to that write (its `audit` argument) so both commit together; appendAudit is for an event
 * that stands alone (a refused sign-in).
 */
export interface AuditLog {
  /** Appends the events in one transaction, in order; their ids. */
  appendAudit(events: readonly NewAuditEvent[]): Promise<number[]>;
  /** Events matching the query, oldest (lowest id) first, one page: pass the last id as `afterId` for the next. */
  auditEvents(query?: AuditQuery): Promise<AuditEvent[]>;
}

/** A published version's content, kept exactly as published so that every version stays readable (process.md). */
export interface PublishedContent {
  readonly la: LaCode;
  readonly year: number;
  readonly version: number;
  readonly grade: AssessmentGrade;
  /** The letter as published, rendered as Markdown (src/render/markdown.ts): what the hash covers. */
  readonly markdown: string;
  /** The letter itself, to render again as a page, PDF or Word; its Markdown is `markdown`. */
  readonly letter: LetterDraft;
  /** SHA-256 (lower-case hex) of the grade and letter (src/narrative/published-content.ts): equal to the event's `hash`. */
  readonly hash: string;
}

/** A move to append: the event, and on `publish` and `correct` the content it published. */
export interface WorkflowAppend {
  readonly event: WorkflowEvent;
  /**
   * How many events the LA-year's history held when the move was decided: the append is refused (WorkflowConflictError,
   * nothing written) if another has been appended since, so that two people moving the same assessment at once cannot
   * both succeed from the same state.
   */
  readonly after: number;
  readonly published: PublishedContent | null;
}

/**
 * The assessment as a process (issue 15): each LA-year's workflow history, the LA's comments and their answers, and
 * the published versions' content. All appended, never changed. Every write raises the process version (not the data
 * version: nothing assessed changes, so a server keeps its assessed years and only re-reads who may see what).
 */
export interface WorkflowStore {
  /** The year's workflow events (one LA's, or every LA's), in the order appended. */
  workflowEvents(year: number, la?: LaCode): Promise<WorkflowEvent[]>;
  /** Appends the moves and their audit events in one transaction, all or none (a batch: publishing a year's LAs). */
  appendWorkflowEvents(moves: readonly WorkflowAppend[], audit?: readonly NewAuditEvent[]): Promise<void>;
  /** A published version's content (the latest if `version` is not given), or undefined. */
  publishedContent(la: LaCode, year: number, version?: number): Promise<PublishedContent | undefined>;
  /** The year's comments (one LA's, or every LA's), oldest first, each with its answers. */
  laComments(year: number, la?: LaCode): Promise<LaComment[]>;
  /** Appends a comment and its audit events; its id. */
  addComment(comment: NewLaComment, audit?: AuditFor<number>): Promise<number>;
  /** Appends an answer to an existing comment (NotFoundError if there is none) and its audit events; its id. */
  answerComment(answer: NewCommentAnswer, audit?: AuditFor<number>): Promise<number>;
  /** Like externalVersion, for the process: changes when another connection has appended a move, a comment or an answer. */
  externalProcessVersion(): Promise<number>;
}

export interface Store extends EvidenceRepository, EvidenceWriter, JudgementWriter, AccountStore, AuditLog, WorkflowStore {
  close(): Promise<void>;
  /**
   * A number that changes whenever another connection (another process: the CLI, a second server) has committed a
   * change since this one last asked: what a long-running server's caches follow (issue 14).
   */
  externalVersion(): Promise<number>;
  /** A consistent snapshot of everything stored, written to a new file that `kingsway restore` can read back. */
  backup(target: string): Promise<{ readonly pages: number }>;
  /** A hash of every stored row (people's work included): equal fingerprints, equal stores, whichever the database. */
  fingerprint(): Promise<string>;
}
