import { unansweredCount } from '../domain/comment.ts';
import type { LaComment } from '../domain/comment.ts';
import { auditEvent } from '../domain/audit.ts';
import { ForbiddenError, InvalidFieldError, NotFoundError, WorkflowConflictError } from '../domain/errors.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { can } from '../domain/permissions.ts';
import type { Action } from '../domain/permissions.ts';
import type { Actor } from '../domain/roles.ts';
import { userTextProblem } from '../domain/user-text.ts';
import { decideMove, isMoveName, MOVES, stateOf, STATE_WORDS } from '../domain/workflow.ts';
import type { MoveFacts, MoveName, MoveRefusal, WorkflowEvent, WorkflowState, WorkflowStatus } from '../domain/workflow.ts';
import type { LetterDraft } from '../narrative/letter-draft.ts';
import type { PublishedContent, Store, WorkflowAppend } from '../store/repository.ts';
import type { JudgementStage } from '../domain/inspector-judgement.ts';
import type { Framework } from '../frameworks/types.ts';
import { recordJudgements } from './record-judgement.ts';
import type { JudgementResult } from './record-judgement.ts';

/**
 * The assessment as a process (issue 15), for the web's forms and `kingsway demo`: each move of an LA-year's workflow
 * (src/domain/workflow.ts decides; this reads the facts a move depends on and appends it), the LA's comments and the
 * inspectors' answers. Who may do what is src/domain/permissions.ts's one table: every use case here asks it first,
 * so no front door can forget to. The person recorded is always the signed-in actor, never a typed name.
 */

/** When (the shell's clock) and who is acting. */
export interface ProcessOptions {
  readonly at: string;
  readonly actor: Actor;
}

/**
 * The letter a move would publish, as the front door composes it (the web from its assessed years, the demo from a
 * fresh run): the letter, its Markdown rendering, and the grade its grade sentence states. Null when the LA has no
 * letter that year (not assessed).
 */
export interface LetterForProcess {
  readonly letter: LetterDraft;
  readonly markdown: string;
  readonly statedGrade: AssessmentGrade | null;
  /** SHA-256 of the grade and letter as they would be published (src/narrative/published-content.ts). */
  readonly hashFor: (grade: AssessmentGrade) => string;
}
export type LetterSource = (la: LaCode, year: number) => Promise<LetterForProcess | null>;

/** Each LA's workflow status for a year, from its history (LAs with none are not started). */
export async function yearStatuses(store: Store, year: number): Promise<Map<LaCode, WorkflowStatus>> {
  const byLa = new Map<LaCode, WorkflowEvent[]>();
  for (const e of await store.workflowEvents(year)) {
    const list = byLa.get(e.la);
    if (list) list.push(e);
    else byLa.set(e.la, [e]);
  }
  return new Map([...byLa].map(([la, events]) => [la, stateOf(events)]));
}

export const NOT_STARTED: WorkflowStatus = { state: 'not-started', version: null, versions: [], withheldBecause: null };

/** The grade in force and its stage: a proposed grade while drafting, the moderator's final grade once recorded. */
export function gradesOf(judgements: readonly InspectorJudgement[], la: LaCode): { proposed: AssessmentGrade | null; final: AssessmentGrade | null } {
  const current = currentJudgements(judgements.filter((j) => j.la === la)).get(la);
  if (!current || current.decision.kind !== 'grade') return { proposed: null, final: null };
  // A grade proposed after the final one (the draft sent back and re-proposed) must be agreed again.
  return { proposed: current.decision.grade, final: current.stage === 'final' ? current.decision.grade : null };
}

/**
 * Refuses, with the words permissions.ts gives, unless `actor` may do `action` to the LA-year. A refusal about an
 * LA-year the actor may not even see (another LA's draft, an unpublished outcome) is a 404, so that it says nothing of
 * whether it exists; otherwise a 403.
 */
export function requirePermission(actor: Actor, action: Action, target: { la: LaCode; year: number; state: WorkflowState }): void {
  const permit = can(actor, action, target);
  if (permit.allowed) return;
  throw new ForbiddenError(permit.reason.charAt(0).toUpperCase() + permit.reason.slice(1) + '.', refusalStatus(actor, target));
}

/** 403 to someone who may see the LA-year at all; 404 to anyone else, so that a refusal says nothing of it. */
export function refusalStatus(actor: Actor, target: { la: LaCode; year: number; state: WorkflowState }): 403 | 404 {
  return can(actor, 'view-draft', target).allowed || can(actor, 'view-published', target).allowed || can(actor, 'view-profile', target).allowed ? 403 : 404;
}

export interface MoveRequest {
  readonly la: LaCode;
  readonly move: string;
  readonly reason?: string | null;
}

export type MoveResult =
  | { readonly ok: true; readonly la: LaCode; readonly status: WorkflowStatus; readonly event: WorkflowEvent }
  | { readonly ok: false; readonly la: LaCode; readonly refusal: MoveRefusal };

/**
 * Makes the moves for a year's LAs: each decided on its own (one refused is reported in its place, the rest go on),
 * the accepted appended together in one transaction with their audit events. A move another person made meanwhile
 * (WorkflowConflictError) is decided again against the new history, once.
 */
export async function moveAssessments(store: Store, year: number, requests: readonly MoveRequest[], options: ProcessOptions & { readonly letterOf: LetterSource }): Promise<MoveResult[]> {
  for (const request of requests) if (!isMoveName(request.move)) throw new InvalidFieldError('move', `${JSON.stringify(request.move)} is not a move: choose one of ${Object.keys(MOVES).join(', ')}`);
  for (let attempt = 0; ; attempt += 1) {
    const decided = await decideAll(store, year, requests, options);
    const accepted = decided.flatMap((d) => (d.append ? [{ ...d, append: d.append }] : []));
    try {
      if (accepted.length > 0) {
        const audit = accepted.map(({ before, append: { event } }) =>
          auditEvent(options.actor, options.at, 'workflow-moved', `${event.move}: ${MOVES[event.move].what}`, {
            la: event.la,
            year,
            before: { state: before },
            after: { state: MOVES[event.move].to, reason: event.reason, ...(event.version ? { version: event.version, hash: event.hash ?? null } : {}) },
          }),
        );
        await store.appendWorkflowEvents(accepted.map((d) => d.append), audit);
      }
      return decided.map((x) => x.result);
    } catch (e) {
      if (!(e instanceof WorkflowConflictError) || attempt > 0) throw e;
    }
  }
}

/** One move (moveAssessments of one): the new status, or the refusal thrown as a ForbiddenError or InvalidFieldError. */
export async function moveAssessment(store: Store, year: number, request: MoveRequest, options: ProcessOptions & { readonly letterOf: LetterSource }): Promise<WorkflowStatus> {
  const [result] = await moveAssessments(store, year, [request], options);
  if (result!.ok) return result!.status;
  const { code, message } = result!.refusal;
  const words = message.charAt(0).toUpperCase() + message.slice(1) + '.';
  if (code === 'role') {
    const state = (await statusFor(store, request.la, year)).state;
    throw new ForbiddenError(words, refusalStatus(options.actor, { la: request.la, year, state }));
  }
  throw new InvalidFieldError(code === 'reason' || result!.refusal.unmet.includes('reason') ? 'reason' : 'move', words);
}

type Decided = { readonly result: MoveResult; readonly before: WorkflowState; readonly append: WorkflowAppend | null };

async function decideAll(store: Store, year: number, requests: readonly MoveRequest[], options: ProcessOptions & { readonly letterOf: LetterSource }): Promise<Decided[]> {
  const [events, judgements, comments] = await Promise.all([store.workflowEvents(year), store.inspectorJudgements(year), store.laComments(year)]);
  const historyOf = (la: LaCode) => events.filter((e) => e.la === la);
  const out: Decided[] = [];
  // Moves for the same LA in one batch follow on from each other.
  const pending = new Map<LaCode, WorkflowEvent[]>();
  for (const request of requests) {
    const move = request.move as MoveName;
    const history = [...historyOf(request.la), ...(pending.get(request.la) ?? [])];
    const status = stateOf(history);
    const before = status.state;
    const permit = can(options.actor, move, { la: request.la, year, state: status.state });
    if (!permit.allowed && permit.code !== 'state') {
      out.push({ result: { ok: false, la: request.la, refusal: { code: 'role', message: permit.reason, unmet: [] } }, before, append: null });
      continue;
    }
    const facts = await factsFor(move, request.la, year, judgements, comments, options.letterOf);
    const outcome = decideMove(history, { la: request.la, year, move, actor: options.actor, reason: request.reason ?? null, at: options.at, facts: facts.facts });
    if (!outcome.ok) {
      out.push({ result: { ok: false, la: request.la, refusal: outcome.refusal }, before, append: null });
      continue;
    }
    pending.set(request.la, [...(pending.get(request.la) ?? []), outcome.event]);
    out.push({
      result: { ok: true, la: request.la, status: outcome.status, event: outcome.event },
      before,
      append: { event: outcome.event, after: history.length, published: MOVES[move].publishes ? facts.published(outcome.event.version!) : null },
    });
  }
  return out;
}

/** What a move depends on, read only as far as the move needs (a letter is composed only to publish or sign off). */
async function factsFor(
  move: MoveName,
  la: LaCode,
  year: number,
  judgements: readonly InspectorJudgement[],
  comments: readonly LaComment[],
  letterOf: LetterSource,
): Promise<{ facts: Partial<MoveFacts>; published: (version: number) => PublishedContent | null }> {
  const needs = MOVES[move].needs;
  const grades = gradesOf(judgements, la);
  const facts: { -readonly [K in keyof MoveFacts]?: MoveFacts[K] } = { proposedGrade: grades.proposed, finalGrade: grades.final, unansweredComments: unansweredCount(comments.filter((c) => c.la === la)) };
  let published: (version: number) => PublishedContent | null = () => null;
  if (needs.includes('letter-agrees') || needs.includes('content-hash')) {
    const letter = await letterOf(la, year);
    facts.letterGrade = letter?.statedGrade ?? null;
    if (letter && grades.final !== null) {
      const grade = grades.final;
      const hash = letter.hashFor(grade);
      facts.contentHash = hash;
      published = (version) => ({ la, year, version, grade, markdown: letter.markdown, letter: letter.letter, hash });
    }
  }
  return { facts, published };
}

/** One LA-year's status, folded from its history (no permission is asked: callers that show it ask first). */
export async function statusFor(store: Store, la: LaCode, year: number): Promise<WorkflowStatus> {
  return stateOf(await store.workflowEvents(year, la));
}

/** The form's limit for a comment or an answer: a paragraph, on one line or several. */
export const COMMENT_LIMIT = 2000;

function checkedText(field: 'text', value: string): string {
  const text = value.trim();
  if (text === '') throw new InvalidFieldError(field, 'is empty: write the comment');
  if (text.length > COMMENT_LIMIT) throw new InvalidFieldError(field, `must be ${COMMENT_LIMIT.toLocaleString('en-GB')} characters or fewer (this is ${text.length.toLocaleString('en-GB')})`);
  const problem = userTextProblem(text.replace(/\r?\n/g, ' '), 'rationale');
  if (problem) throw new InvalidFieldError(field, problem);
  return text.replace(/\r\n/g, '\n');
}

const eventActor = (actor: Actor) => {
  if (actor.kind !== 'user') throw new ForbiddenError('Sign in to do this.', 403);
  return { id: actor.id, name: actor.name, role: actor.role };
};

/** The LA's comment on its draft during the factual accuracy check. */
export async function addComment(
  store: Store,
  /** `sentences`: the ids of the draft letter's sentences, as the LA sees it; the comment's `sentence` must be one. */
  request: { la: LaCode; year: number; sentence: string | null; text: string; sentences: ReadonlySet<string> },
  options: ProcessOptions,
): Promise<number> {
  const status = await statusFor(store, request.la, request.year);
  requirePermission(options.actor, 'comment-on-draft', { la: request.la, year: request.year, state: status.state });
  const text = checkedText('text', request.text);
  const sentence = request.sentence?.trim() || null;
  if (sentence !== null && !request.sentences.has(sentence)) throw new InvalidFieldError('sentence', `${JSON.stringify(sentence.slice(0, 100))} is not a sentence of the letter`);
  return store.addComment({ la: request.la, year: request.year, sentence, text, by: eventActor(options.actor), at: options.at }, (id) => [
    auditEvent(options.actor, options.at, 'comment-added', `comment ${id}${sentence ? ` on ${sentence}` : ''}`, { la: request.la, year: request.year, after: { text } }),
  ]);
}

/** An inspector's answer to one of the LA's comments. */
export async function answerComment(store: Store, request: { la: LaCode; year: number; comment: number; text: string }, options: ProcessOptions): Promise<number> {
  const status = await statusFor(store, request.la, request.year);
  requirePermission(options.actor, 'answer-comment', { la: request.la, year: request.year, state: status.state });
  const comment = (await store.laComments(request.year, request.la)).find((c) => c.id === request.comment);
  if (!comment) throw new NotFoundError(`there is no comment ${request.comment} on ${request.la}'s ${request.year} draft`);
  const text = checkedText('text', request.text);
  return store.answerComment({ commentId: comment.id, text, by: eventActor(options.actor), at: options.at }, (id) => [
    auditEvent(options.actor, options.at, 'comment-answered', `answer ${id} to comment ${comment.id}`, { la: request.la, year: request.year, before: { comment: comment.text }, after: { text } }),
  ]);
}

/** Why an LA-year is where it is, in words, for a page's status line. */
export const stateWords = (state: WorkflowState): string => STATE_WORDS[state];

/** A grade as the process's forms give it: for one LA, with why. */
export interface GradeRequest {
  readonly la: LaCode;
  readonly grade: number;
  readonly rationale: string;
}

/**
 * Records grades in the process: an inspector's proposed grades (while drafting or in the check) or a moderator's
 * final ones (in moderation), each refused unless permissions.ts allows it in the LA-year's state. The author is the
 * signed-in person. One result per LA (record-judgement.ts); a refusal by permission is reported in its place.
 */
export async function recordGrades(
  store: Store,
  framework: Framework,
  requests: readonly GradeRequest[],
  options: ProcessOptions & { readonly stage: JudgementStage },
): Promise<(JudgementResult | { readonly ok: false; readonly la: string; readonly error: ForbiddenError })[]> {
  const action: Action = options.stage === 'proposed' ? 'propose-grade' : 'record-final-grade';
  const statuses = await yearStatuses(store, framework.year);
  const allowed: GradeRequest[] = [];
  const refused = new Map<string, ForbiddenError>();
  for (const r of requests) {
    try {
      requirePermission(options.actor, action, { la: r.la, year: framework.year, state: statuses.get(r.la)?.state ?? 'not-started' });
      allowed.push(r);
    } catch (e) {
      if (!(e instanceof ForbiddenError)) throw e;
      refused.set(r.la, e);
    }
  }
  const author = options.actor.kind === 'user' ? options.actor.name : '';
  const recorded = await recordJudgements(store, framework, allowed.map((r) => ({ la: r.la, grade: r.grade, rationale: r.rationale, author })), { at: options.at, stage: options.stage, by: options.actor });
  const byLa = new Map(recorded.map((r) => [r.ok ? r.la.code : r.la, r]));
  return requests.map((r) => refused.has(r.la) ? { ok: false as const, la: r.la, error: refused.get(r.la)! } : byLa.get(r.la)!);
}
