import { capitalise } from './counts.ts';
import type { LetterSection } from './letter-draft.ts';

/**
 * The phrases a statement may open with that say how it stands to last year, and how often one letter says each
 * (issue 12: "As reported in last year's assessment" five times in one letter reads as a template). The seeds say
 * "as reported in 2010" once (stoke-on-trent-2011) and "As in 2010" three times (stockport-2011: early years, pupil
 * referral units, post-16). Each statement works out on its own whether its lead is true; this keeps the first so
 * many in the letter's order and drops the lead from the rest, which still say the same about this year.
 * src/narrative/lint/ checks the same limits.
 */
export const STOCK_LEADS: readonly { readonly id: string; readonly lead: RegExp; readonly times: number; readonly then?: string; readonly weaknessesFirst?: boolean }[] = [
  // Kept first where it is said of a weakness, an area or a "However" among the strengths: the seed's one is
  // ("However, as reported in 2010, the proportion of 16-year-olds with special educational needs obtaining good
  // qualifications is below the average", stoke-on-trent-2011); what persists that should not is the point.
  { id: "as reported in last year's assessment", lead: /^(However, )?as reported in last year['’]s assessment, /i, times: 2, weaknessesFirst: true },
  // Past three, the seed's other words for it (stockport-2011: "As was the case last year, the very large majority of
  // primary schools are good or better"), twice, then nothing.
  { id: 'as in YEAR', lead: /^(However, )?as in (?:19|20)\d\d, /i, times: 3, then: 'as was the case last year' },
  { id: 'as was the case last year', lead: /^(However, )?as was the case last year, /i, times: 2 },
];

/**
 * Sentences said of one indicator that, said of every indicator in the letter, become a refrain: "There were no
 * published figures for 2025" (the period of the figures stated is given with them in any case).
 */
export const STOCK_SENTENCES: readonly { readonly id: string; readonly sentence: RegExp; readonly times: number }[] = [
  { id: 'there were no published figures for', sentence: / ?There were no published figures for [^.]+\./g, times: 2 },
];

/** The sections with each stock lead and sentence said at most its number of times, in the letter's order. */
export function limitStockPhrases(sections: readonly LetterSection[]): LetterSection[] {
  const texts = sections.map((section) => section.blocks.map((block) => block.sentences.map((s) => s.text)));
  const at = texts.flatMap((blocks, i) => blocks.flatMap((sentences, j) => sentences.map((_, k) => [i, j, k] as const)));
  for (const p of STOCK_LEADS) {
    const found = at.filter(([i, j, k]) => p.lead.test(texts[i]![j]![k]!));
    const weak = ([i, j, k]: readonly [number, number, number]) => sections[i]!.id === 'areas' || /^However, /.test(texts[i]![j]![k]!);
    const order = p.weaknessesFirst ? [...found.filter(weak), ...found.filter((x) => !weak(x))] : found;
    for (const [i, j, k] of order.slice(p.times)) {
      const text = texts[i]![j]![k]!;
      const m = p.lead.exec(text)!;
      // Counted, and dropped in its turn, by its own entry further down the list.
      const then = p.then === undefined ? '' : `${p.then}, `;
      texts[i]![j]![k] = capitalise(`${m[1] ?? ''}${m[1] ? then : capitalise(then)}${text.slice(m[0].length)}`);
    }
  }
  for (const p of STOCK_SENTENCES) {
    let n = 0;
    for (const [i, j, k] of at) texts[i]![j]![k] = texts[i]![j]![k]!.replace(p.sentence, (found) => (++n > p.times ? '' : found)).trim();
  }
  return withSentenceTexts(sections, texts);
}

/**
 * The sections with their sentences' texts replaced by `texts` (section, block, sentence), each sentence's id and
 * evidence kept: how a letter-wide pass over the words (this one, src/narrative/refrains.ts) gives its result back.
 */
export function withSentenceTexts(sections: readonly LetterSection[], texts: readonly (readonly (readonly string[])[])[]): LetterSection[] {
  return sections.map((section, i) => ({
    ...section,
    blocks: section.blocks.map((block, j) => ({ ...block, sentences: block.sentences.map((s, k) => (texts[i]![j]![k] === s.text ? s : { ...s, text: texts[i]![j]![k]! })) })),
  }));
}
