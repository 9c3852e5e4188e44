import type { LaCode } from './local-authority.ts';
import type { EventActor } from './workflow.ts';

/**
 * The LA's comments on its draft during the factual accuracy check, and the inspectors' answers (issue 15;
 * ../shared/docs/process.md: the LA "may check it for factual accuracy before it is final"). Both are appended, never
 * changed: a second answer to a comment is a later answer, and the latest is the one in force. A comment is answered
 * once it has any answer; the draft goes to moderation only when every comment is (workflow.ts, `comments-answered`).
 */
export interface LaComment {
  /** The store's number, in the order comments were made. */
  readonly id: number;
  readonly la: LaCode;
  readonly year: number;
  /** The letter's sentence it is about (the sentence id the letter page shows), or null for the draft as a whole. */
  readonly sentence: string | null;
  readonly text: string;
  readonly by: EventActor;
  /** ISO 8601 instant (the shell's clock). */
  readonly at: string;
  /** Its answers, oldest first. */
  readonly answers: readonly CommentAnswer[];
}

export interface CommentAnswer {
  readonly id: number;
  readonly commentId: number;
  readonly text: string;
  readonly by: EventActor;
  readonly at: string;
}

export type NewLaComment = Omit<LaComment, 'id' | 'answers'>;
export type NewCommentAnswer = Omit<CommentAnswer, 'id'>;

/** How many of the comments have no answer yet. */
export const unansweredCount = (comments: readonly LaComment[]): number => comments.filter((c) => c.answers.length === 0).length;
