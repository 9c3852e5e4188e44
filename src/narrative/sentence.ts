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
  | { readonly block: 'direction'; readonly year: number; readonly grade: number };

export interface Sentence {
  readonly id: string;
  readonly text: string;
  readonly evidence: readonly EvidenceRef[];
}

export const sentence = (id: string, text: string, ...evidence: EvidenceRef[]): Sentence => ({ id, text, evidence });
