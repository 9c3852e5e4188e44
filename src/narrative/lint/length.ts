import type { LetterDraft } from '../letter.ts';

/**
 * How long a 2010-2011 letter's summary, strengths and areas are, against the seeds of those years (docs/letters.md,
 * "Style and length"). Measured from shared/seeds/ (test/letter-lint-rules.test.ts measures them again from the
 * files), words as whitespace-separated tokens:
 *
 * | seed | summary | strengths | areas |
 * |---|---|---|---|
 * | stockport-2011 | 94 words | 429 words, 7 bullets | 230 words, 3 bullets |
 * | stoke-on-trent-2011 | 199 words | 250 words, 5 bullets | 246 words, 4 bullets |
 *
 * 2010 has no seed. Two letters are a thin sample of what inspectors wrote, so the limit is the longer seed's length
 * and half as much again (an LA with more to say than either seed may say more, not twice as much), and one bullet a
 * theme at most (src/narrative/themes.ts: eight). The strengths and the areas are limited together, as the body: how
 * a letter divides between them follows the LA's grade (stockport-2011, performing well, 429 and 230 words;
 * stoke-on-trent-2011, performing adequately, 250 and 246), so an LA performing poorly has more areas than either
 * seed and fewer strengths. No lower limit: an LA with little in its evidence has a short letter, and padding it would
 * be the fault. [reconstruction: the margin]
 */
export const SEED_LENGTHS = {
  'stockport-2011-assessment': { summary: { words: 94, bullets: 0 }, strengths: { words: 429, bullets: 7 }, areas: { words: 230, bullets: 3 } },
  'stoke-on-trent-2011-assessment': { summary: { words: 199, bullets: 0 }, strengths: { words: 250, bullets: 5 }, areas: { words: 246, bullets: 4 } },
} as const;

export type MeasuredSection = 'summary' | 'strengths' | 'areas';

/** The margin over the longer seed, as a factor of its words. */
export const LENGTH_MARGIN = 1.5;

const longest = (section: MeasuredSection, of: 'words' | 'bullets') => Math.max(...Object.values(SEED_LENGTHS).map((s) => s[section][of]));

export const LETTER_LENGTH = {
  summary: { maxWords: Math.round(longest('summary', 'words') * LENGTH_MARGIN) },
  /** The strengths and areas together. */
  body: { maxWords: Math.round(Math.max(...Object.values(SEED_LENGTHS).map((s) => s.strengths.words + s.areas.words)) * LENGTH_MARGIN) },
  /** Each of the strengths and the areas. */
  bullets: { max: 8 },
} as const;

export const countWords = (text: string): number => text.split(/\s+/).filter((w) => w !== '').length;

/** A section's words and, where it is bulleted, its bullets. */
export function sectionLength(letter: Pick<LetterDraft, 'sections'>, id: MeasuredSection): { words: number; bullets: number } {
  const section = letter.sections.find((s) => s.id === id);
  if (!section) return { words: 0, bullets: 0 };
  const words = section.blocks.reduce((n, b) => n + b.sentences.reduce((m, s) => m + countWords(s.text), 0), 0);
  return { words, bullets: section.form === 'bullets' ? section.blocks.length : 0 };
}
