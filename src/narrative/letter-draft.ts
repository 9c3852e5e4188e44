import type { Addressee } from '../domain/addressee.ts';
import type { LocalAuthority } from '../domain/local-authority.ts';
import type { Framework, ScaleLevel } from '../frameworks/types.ts';
import type { LetterSignatory } from './letter-settings.ts';
import type { Sentence } from './sentence.ts';

/**
 * A letter as data, before any format: the parts of the year's letter in the seeds' order (shared/docs/framework.md
 * §8). The fixed parts come from the framework year; the body is written from the evidence as sections of blocks
 * (a paragraph or a bullet) of sentences, each sentence with the evidence it states and a stable id, which is what an
 * inspector's edits are keyed by (src/narrative/edits.ts). Renderers (src/render/) turn it into Markdown, HTML, PDF
 * and DOCX.
 */
export interface LetterBlock {
  readonly id: string;
  readonly sentences: readonly Sentence[];
}

export interface LetterSection {
  /** "summary", "strengths", "areas", or (2006) an ECM outcome or "service-management". */
  readonly id: string;
  readonly heading: string | null;
  readonly form: 'paragraphs' | 'bullets';
  readonly blocks: readonly LetterBlock[];
}

/** The 2006 letter's table of graded areas, in place of the later years' one grade line. */
export interface GradeTable {
  readonly rows: readonly { readonly label: string; readonly grade: number }[];
}

export interface LetterDraft {
  readonly la: LocalAuthority;
  readonly year: number;
  readonly framework: Framework['id'];
  /** True when any of the evidence is synthetic: every rendering says so. */
  readonly synthetic: boolean;
  /** Where the letter comes from: Kingsway, not Ofsted (the framework year's words). */
  readonly notice: string;
  /** The deployment's sender block. */
  readonly office: readonly string[];
  readonly date: string;
  readonly addressee: Addressee | null;
  readonly salutation: string;
  readonly heading: string;
  /** The year's standard paragraphs before the scale, the scale, and those after it. */
  readonly before: readonly string[];
  readonly scaleIntro: string | null;
  readonly scale: readonly ScaleLevel[];
  readonly after: readonly string[];
  readonly gradeSection: string;
  /** 2009-2011: "Children's services assessment — Performs well (3)". */
  readonly gradeLine: { readonly label: string; readonly value: string } | null;
  /** 2006: the three graded areas. */
  readonly gradeTable: GradeTable | null;
  readonly sections: readonly LetterSection[];
  readonly statutory: string | null;
  /** The deployment's signatory: a role by default, never a real official of the seed letters. */
  readonly signatories: readonly LetterSignatory[];
}
