import type { AssessmentGrade } from './grade.ts';
import type { LaCode } from './local-authority.ts';

/**
 * What an inspector or moderator decided for one LA and year, stored apart from the derived grade and never
 * overwriting it. The engine proposes; inspector judgement settles ("the assessment has involved the application of
 * inspector judgement", shared/seeds/stoke-on-trent-2011-assessment.txt). A decision may also withhold the outcome,
 * as Ofsted withheld five in 2011 (framework.md §5), with the reason.
 *
 * Records are kept as a history: a later record for the same LA and year supersedes an earlier one, which stays.
 */
export const JUDGEMENT_STAGES = ['proposed', 'final'] as const;
export type JudgementStage = (typeof JUDGEMENT_STAGES)[number];

export type InspectorDecision = { readonly kind: 'grade'; readonly grade: AssessmentGrade } | { readonly kind: 'withheld' };

export interface InspectorJudgement {
  readonly la: LaCode;
  readonly year: number;
  readonly decision: InspectorDecision;
  /** Why: required, because a final grade that differs from the derived one must be explained. */
  readonly rationale: string;
  readonly author: string;
  /**
   * `proposed`: an inspector's grade for the draft; `final`: the moderator's, agreeing or changing it (issue 15). The
   * command line's `kingsway judge` records final grades, as every judgement was before the process was modelled.
   */
  readonly stage: JudgementStage;
  /** The signed-in account that recorded it, or null for the command line. */
  readonly authorId: number | null;
  /** ISO 8601 instant the record was made (set by the shell, never by the core). */
  readonly recordedAt: string;
  /** The derived grade when the decision was made, so a later change in the evidence stays visible. */
  readonly derivedAtTheTime: AssessmentGrade | null;
}

/** The record in force for each LA: the latest by `recordedAt` (ties: the later in the list). */
export function currentJudgements(records: readonly InspectorJudgement[]): Map<LaCode, InspectorJudgement> {
  const current = new Map<LaCode, InspectorJudgement>();
  for (const r of records) {
    const held = current.get(r.la);
    if (!held || r.recordedAt >= held.recordedAt) current.set(r.la, r);
  }
  return current;
}
