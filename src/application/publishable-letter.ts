import type { AssessmentGrade } from '../domain/grade.ts';
import type { LetterDraft } from '../narrative/letter-draft.ts';
import { contentHash } from '../narrative/published-content.ts';
import { letterStatedGrade } from '../narrative/stated-grades.ts';
import { letterMarkdown } from '../render/markdown.ts';
import type { LetterForProcess } from './workflow.ts';

/**
 * A composed letter as the workflow reads it (application/workflow.ts): the grade it states, and what publishing it
 * would keep: its Markdown rendering and the SHA-256 of the grade with that text. Every front door makes it here, so
 * that the web and the demo hash the same bytes for the same letter.
 */
export function publishableLetter(letter: LetterDraft): LetterForProcess {
  const markdown = letterMarkdown(letter);
  return { letter, markdown, statedGrade: letterStatedGrade(letter), hashFor: (grade: AssessmentGrade) => contentHash(grade, markdown) };
}
