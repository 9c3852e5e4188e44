import { createHash } from 'node:crypto';
import type { AssessmentGrade } from '../domain/grade.ts';
import { isAssessmentGrade } from '../domain/grade.ts';

/**
 * The content hash of a published outcome (issue 15; docs/workflow.md, "Versions and the content hash"): SHA-256, as
 * lower-case hex, of the grade and the letter as published, rendered as Markdown (src/render/markdown.ts). It is
 * kept with each published version and shown on the letter, so that anyone holding a copy can check it is the one
 * published, and a correction can be told from the version it replaces (process.md: "the published letter exactly as
 * published (a content hash)").
 *
 * The bytes hashed are an encoding with its version in its first line, so that the encoding can change later without
 * an old hash being read as a new one, and with the grade on a line of its own before the letter, so that no other
 * grade and letter give the same bytes (the first two lines have a fixed form and no other line break; the letter is
 * everything after them):
 *
 *     kingsway-published-content-v1
 *     grade 3
 *     <the Markdown letter, byte for byte>
 *
 * In UTF-8, with the Markdown exactly as rendered (no normalising of line ends or Unicode): a copy is the one
 * published only if it is the same bytes. To check one with standard tools:
 *
 *     { printf 'kingsway-published-content-v1\ngrade 3\n'; cat letter.md; } | sha256sum
 */
export const PUBLISHED_CONTENT_FORMAT = 'kingsway-published-content-v1';

/** The text whose UTF-8 bytes are hashed. */
export function publishedContent(grade: AssessmentGrade, markdown: string): string {
  // The type says so, but a grade read from a form or a file is checked here too: a hash of "grade 7" would verify.
  if (!isAssessmentGrade(grade)) throw new RangeError(`a published grade is 1, 2, 3 or 4, not ${JSON.stringify(grade)}`);
  return `${PUBLISHED_CONTENT_FORMAT}\ngrade ${grade}\n${markdown}`;
}

/** SHA-256 (lower-case hex) of the grade and the Markdown letter as published. */
export function contentHash(grade: AssessmentGrade, markdown: string): string {
  return createHash('sha256').update(publishedContent(grade, markdown), 'utf8').digest('hex');
}
