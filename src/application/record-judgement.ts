import { InvalidFieldError, NotFoundError } from '../domain/errors.ts';
import { isAssessmentGrade } from '../domain/grade.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import type { InspectorDecision, InspectorJudgement, JudgementStage } from '../domain/inspector-judgement.ts';
import { auditEvent } from '../domain/audit.ts';
import type { AuditActor } from '../domain/audit.ts';
import { isLaCode } from '../domain/local-authority.ts';
import type { LocalAuthority } from '../domain/local-authority.ts';
import { userTextProblem } from '../domain/user-text.ts';
import type { Framework } from '../frameworks/types.ts';
import { assessOne } from '../judgement/assess.ts';
import type { Store } from '../store/repository.ts';
import { loadAssessInput } from './load-evidence.ts';

/** An inspector's decision as a front door takes it: a form's fields, or the command line's flags. */
export interface JudgementRequest {
  /** The LA by its DfE code ("356"). */
  readonly la: string;
  /** The final grade, 1 (performs poorly) to 4 (performs excellently); or none, with `withhold`. */
  readonly grade?: number;
  readonly withhold?: boolean;
  /** Why: shown wherever the final grade is. */
  readonly rationale: string;
  /** Who judged. */
  readonly author: string;
}

export type JudgementField = keyof JudgementRequest;

/** A field of the request that is not acceptable (issue 15's form will put the message beside its field). */
export type JudgementInputError = InvalidFieldError<JudgementField>;

/** A request's decision and texts once checked: the rationale and author trimmed, as they are stored. */
export interface CheckedJudgement {
  readonly decision: InspectorDecision;
  readonly rationale: string;
  readonly author: string;
}

/**
 * Checks a request's decision and texts, with nothing read: a front door may call it first, to refuse a bad field
 * before it looks anything up. Names and rationales are printed in tables and CSV: no control characters, no text
 * of unbounded length (src/domain/user-text.ts).
 */
export function checkJudgement(request: Omit<JudgementRequest, 'la'>): CheckedJudgement {
  const withhold = request.withhold === true;
  if (withhold && request.grade !== undefined) throw new InvalidFieldError<JudgementField>('withhold', 'cannot go with a grade: give a grade or withhold the outcome, not both');
  if (!withhold && request.grade === undefined) throw new InvalidFieldError<JudgementField>('grade', 'is needed (1-4), unless the outcome is withheld with the reason as the rationale');
  if (request.grade !== undefined && !isAssessmentGrade(request.grade)) throw new InvalidFieldError<JudgementField>('grade', `${request.grade} is not on the four-point scale (1-4)`);
  if (request.rationale.trim() === '') throw new InvalidFieldError<JudgementField>('rationale', 'must say why');
  if (request.author.trim() === '') throw new InvalidFieldError<JudgementField>('author', 'must name who judged');
  const rationaleProblem = userTextProblem(request.rationale, 'rationale');
  if (rationaleProblem) throw new InvalidFieldError<JudgementField>('rationale', rationaleProblem);
  const authorProblem = userTextProblem(request.author, 'name');
  if (authorProblem) throw new InvalidFieldError<JudgementField>('author', authorProblem);
  return { decision: withhold ? { kind: 'withheld' } : { kind: 'grade', grade: request.grade as AssessmentGrade }, rationale: request.rationale.trim(), author: request.author.trim() };
}

/** When the judgements are recorded (the caller's clock: the core never reads it) and the vintage their derived grades use. */
export interface JudgementOptions {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly vintage?: string;
  /** Proposed by an inspector, or final (a moderator's; the command line's, as before the process: the default). */
  readonly stage?: JudgementStage;
  /** Who is recording, for the audit log and the record's account: the command line (the system) unless a person signed in. */
  readonly by?: AuditActor;
}

/** Who records a judgement made at the command line (`kingsway judge`): whoever holds the database. */
const COMMAND_LINE: AuditActor = { kind: 'system', name: 'kingsway judge' };

/** One request's outcome: recorded, or refused with why (a field, or an LA not stored); the others go on. */
export type JudgementResult =
  | { readonly ok: true; readonly judgement: InspectorJudgement; readonly la: LocalAuthority }
  | { readonly ok: false; readonly la: string; readonly error: JudgementInputError | NotFoundError };

/**
 * The "record a judgement" use case (issue 14), for `kingsway judge` and the web's form (issue 15): each decision
 * appended beside the derived grade, never over it, with the derived grade at the time stored with it. The year's
 * evidence is loaded once for the batch (a moderation panel records many LAs of one year); a request that is refused
 * is reported in its place and the rest are recorded. The framework is the year's, with any analyst settings the
 * caller applies. A store that fails to record stops the batch (thrown): the rest could not be recorded either.
 */
export async function recordJudgements(store: Store, framework: Framework, requests: readonly JudgementRequest[], options: JudgementOptions): Promise<JudgementResult[]> {
  const las = new Map((await store.localAuthorities()).map((la) => [la.code as string, la]));
  const checked = requests.map((request): { ok: true; la: LocalAuthority; checked: CheckedJudgement } | Extract<JudgementResult, { ok: false }> => {
    try {
      const judgement = checkJudgement(request);
      if (!isLaCode(request.la)) throw new InvalidFieldError<JudgementField>('la', `${JSON.stringify(request.la)} is not a three-digit DfE code such as 356`);
      const la = las.get(request.la);
      if (!la) throw new NotFoundError(`no LA with code ${request.la} is stored`);
      return { ok: true, la, checked: judgement };
    } catch (error) {
      if (error instanceof InvalidFieldError || error instanceof NotFoundError) return { ok: false, la: request.la, error: error as JudgementInputError | NotFoundError };
      throw error;
    }
  });
  // Nothing to record, nothing to load: the year's evidence is the slow part.
  if (!checked.some((c) => c.ok)) return checked as JudgementResult[];
  const input = await loadAssessInput(store, framework, options.vintage);
  const results: JudgementResult[] = [];
  for (const c of checked) {
    if (!c.ok) {
      results.push(c);
      continue;
    }
    // Judgements of this year change no LA's derived grade, so one load serves every judgement of the batch.
    const assessment = assessOne(input, c.la);
    const derivedAtTheTime = assessment.status === 'not-assessed' ? null : assessment.derived;
    const by = options.by ?? COMMAND_LINE;
    const judgement: InspectorJudgement = { la: c.la.code, year: framework.year, ...c.checked, stage: options.stage ?? 'final', authorId: by.kind === 'user' ? by.id : null, recordedAt: options.at, derivedAtTheTime };
    const decision = judgement.decision.kind === 'grade' ? `grade ${judgement.decision.grade}` : 'withheld';
    await store.recordJudgement(judgement, [
      auditEvent(by, options.at, 'judgement-recorded', `${judgement.stage} ${decision}`, { la: judgement.la, year: judgement.year, after: { stage: judgement.stage, decision, rationale: judgement.rationale, author: judgement.author, derivedAtTheTime } }),
    ]);
    results.push({ ok: true, judgement, la: c.la });
  }
  return results;
}

/** One judgement (recordJudgements of one): the judgement recorded, or the request's error thrown. */
export async function recordJudgement(store: Store, framework: Framework, request: JudgementRequest, options: JudgementOptions): Promise<InspectorJudgement> {
  const [result] = await recordJudgements(store, framework, [request], options);
  if (!result!.ok) throw result!.error;
  return result!.judgement;
}
