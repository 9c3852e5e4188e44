import { UsageError } from './errors.ts';

/**
 * Limits on the text people type into Kingsway: a name on a judgement or an edit, the words of an edited sentence, a
 * rationale. They are enforced in the core (so the CLI and the web refuse the same things) and again at the web's
 * edge for a friendlier message. Why each exists:
 *   - length: a 1 MB sentence was once accepted, and that letter's PDF then took 9 s to print;
 *   - control characters (C0 and C1, including newline, tab and ESC) and Unicode bidirectional controls: a name
 *     holding a newline, an ANSI escape or a right-to-left override could forge rows in `kingsway letter edits`
 *     output or disguise what it says (the "Trojan Source" attack, CVE-2021-42574).
 * Refused rather than stripped, so nothing is stored that differs from what the person typed.
 */
export const TEXT_LIMITS = {
  /** A person's name or role as recorded on a judgement or an edit. */
  name: 120,
  /** One sentence of a letter, as an inspector rewords or adds it. The longest sentence in the seed letters is under 500. */
  sentence: 2000,
  /** An inspector's rationale for a grade or a withheld outcome. */
  rationale: 4000,
} as const;

export type TextKind = keyof typeof TEXT_LIMITS;

/**
 * C0 controls, DEL and C1 controls; the bidi marks, embeddings, overrides and isolates; the line and paragraph
 * separators: what no text Kingsway is given may hold, whether typed (here), in an evidence bundle
 * (src/ingest/bundle/limits.ts) or printed back in a listing (src/cli/io.ts).
 */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const FORBIDDEN = CONTROL_CHARACTER;

/** Why the text is refused, in words for the person who typed it, or `null` if it is acceptable. */
export function userTextProblem(value: string, kind: TextKind): string | null {
  const max = TEXT_LIMITS[kind];
  if (value.trim() === '') return 'is empty';
  if (value.length > max) return `is ${value.length.toLocaleString('en-GB')} characters long; the most allowed is ${max.toLocaleString('en-GB')}`;
  const bad = FORBIDDEN.exec(value);
  if (bad) return `contains the control character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at position ${bad.index + 1}, which is not allowed`;
  return null;
}

/** The text trimmed, or a UsageError naming the field and saying what is wrong with it. */
export function checkUserText(value: string, kind: TextKind, field: string): string {
  const problem = userTextProblem(value, kind);
  if (problem) throw new UsageError(`${field} ${problem}`);
  return value.trim();
}
