import type { FrameworkId } from '../frameworks/types.ts';
import type { LaInspectionKind } from '../domain/la-inspection.ts';

/**
 * A sentence of a letter and the evidence it states, so that a reader (and a test) can see where each number came
 * from, and so that an inspector's edit can be flagged when the evidence under it changes. The `id` is stable across
 * regenerations of the same letter (it names what the sentence is about, not its words).
 */
export type EvidenceRef =
  | { readonly block: 'A'; readonly group: string; readonly asAt: string }
  | { readonly block: 'B'; readonly kind: LaInspectionKind; readonly endDate: string }
  | { readonly block: 'C'; readonly indicator: string; readonly period: string }
  | { readonly block: 'grade'; readonly framework: FrameworkId; readonly grade: number; readonly final: boolean }
  | { readonly block: 'area'; readonly area: string; readonly grade: number }
  | { readonly block: 'direction'; readonly year: number; readonly grade: number };

/** What an inspector did to a sentence (src/narrative/edits.ts), and whether it needs looking at again. */
export interface SentenceEdit {
  readonly kind: 'reworded' | 'added' | 'moved';
  readonly by: string;
  readonly at: string;
  /** Why the edit should be looked at again (the evidence under it changed), or `null`. */
  readonly review: string | null;
}

export interface Sentence {
  readonly id: string;
  readonly text: string;
  readonly evidence: readonly EvidenceRef[];
  /** Present only on a sentence an inspector has reworded, added or moved. */
  readonly edit?: SentenceEdit;
}

/** Ids are used on the command line (`kingsway letter edit --reword c:ni-75`): lower case, no spaces. */
export const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9:+]+/g, '-').replace(/^-|-$/g, '');

export const sentence = (id: string, text: string, ...evidence: EvidenceRef[]): Sentence => ({ id: slug(id), text, evidence });
