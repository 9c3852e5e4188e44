import type { LaCode } from './local-authority.ts';

/**
 * An inspector's change to a generated letter, kept as an overlay on the draft rather than as a copy of it, so that
 * when the evidence changes and the letter is written again, untouched sentences update, edited ones are kept, and
 * an edited sentence whose evidence changed is flagged for review (src/narrative/edits.ts).
 *
 * Targets are the draft's stable ids: a sentence ("c:ni-75"), a paragraph or bullet ("strengths:primary"), or a
 * section ("areas"). Edits are appended, never changed: a `revert` withdraws an earlier one, and the history stays.
 */
export type LetterEditOp =
  /** Replace a sentence's words. */
  | { readonly op: 'reword'; readonly target: string; readonly text: string }
  /** Leave a sentence, or a whole paragraph or bullet, out. */
  | { readonly op: 'remove'; readonly target: string }
  /** A new sentence after a sentence; a new paragraph or bullet after a block, or at the end of a section. */
  | { readonly op: 'add'; readonly after: string; readonly text: string }
  /** A sentence after another sentence (or first in a block); a paragraph or bullet after another in its section. */
  | { readonly op: 'move'; readonly target: string; readonly after: string }
  /** Withdraw an earlier edit, by its number. */
  | { readonly op: 'revert'; readonly edit: number };

export const LETTER_EDIT_OPS = ['reword', 'remove', 'add', 'move', 'revert'] as const;

/** The generated sentence an edit was made on, as it then read: what a later draft is compared with. */
export interface EditBasis {
  readonly text: string;
  /** The evidence it stated, as JSON (EvidenceRef[]). */
  readonly evidence: string;
  readonly section: string;
  readonly block: string;
}

export interface LetterEdit {
  /** Set by the store: the edit's number, in the order edits were made. */
  readonly id: number;
  readonly la: LaCode;
  readonly year: number;
  readonly change: LetterEditOp;
  /** For an edit on a generated sentence: that sentence when the edit was made; otherwise `null`. */
  readonly basis: EditBasis | null;
  readonly author: string;
  /** ISO 8601 instant (set by the shell, never by the core). */
  readonly recordedAt: string;
}
