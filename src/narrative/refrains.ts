import { capitalise, countWords, numberOfWord } from './counts.ts';
import type { LetterSection } from './letter-draft.ts';
import { withSentenceTexts } from './stock-phrases.ts';

/**
 * The refrains of indicator statements: each says its position "For the last five years, up to 2011, …" and its
 * trend "It has improved over the last four years.", so a letter of ten indicators said both ten times (issue 12,
 * item 11: no stock phrase more than twice in a letter; item 6: several gaps that fail to narrow are one statement).
 * The seeds say a shared trend once for what shares it ("Over the same period, the proportion of 19-year-olds …",
 * stockport-2011) and never repeat a sentence. This pass, over the whole letter in its order:
 *   1. within a paragraph or bullet, a run of statements ending in the same trend says it once, after the last:
 *      "Both have improved over the last four years." ("Neither has improved …", "All three have …");
 *   2. within a paragraph or bullet, a statement with the same period as the one before opens "Over the same
 *      period," (the seed's words);
 *   3. across the letter, a trend sentence or a period opening said twice already is said in other words of the same
 *      meaning: "It has also improved over the last four years."; "From 2007 to 2011, …".
 * A statement that goes against its bullet ("However, …") is never merged with its neighbours. The words change; what
 * each sentence states, and its evidence, do not. src/narrative/lint/ checks that no refrain is left.
 */

/** A trend said at the end of a statement: "It has improved over the last four years." */
export const TREND_SENTENCE = /(?:^|\s)(It has (not )?([a-z]+) over the last ((?:[a-z]+ )?years?)\.)$/;
/** A period said at the start of one: "For the last five years, up to 2011, " (or after "However, "). */
export const PERIOD_OPENING = /^(However, )?[Ff]or the last ([a-z]+) years, up to (\d{4}), /;

/** Every trend sentence in a statement, wherever it stands in it (a provisional figure or a gap in the figures may follow). */
const ANY_TREND = /(?<=^|\s)(?:It|Both|Neither|None of these|All [a-z]+|This position) (?:has|have) (?:not )?(?:been )?[a-z]+ over the last (?:[a-z]+ )?years?\./g;

/** How often a letter may say the same trend sentence or period opening in the same words. */
export const REFRAIN_TIMES = 2;

function together(n: number, not: boolean, verb: string, span: string): string {
  if (n === 2) return not ? `Neither has ${verb} over the last ${span}.` : `Both have ${verb} over the last ${span}.`;
  return not ? `None of these has ${verb} over the last ${span}.` : `All ${countWords(n)} have ${verb} over the last ${span}.`;
}

const isAgainst = (text: string) => /^However, /.test(text);

/** Step 1 and 2, within one block's sentences. */
function withinBlock(texts: string[]): string[] {
  const out = [...texts];
  // 1. Runs of statements ending in the same trend.
  for (let i = 0; i < out.length; ) {
    const trend = TREND_SENTENCE.exec(out[i]!);
    let j = i + 1;
    if (trend && !isAgainst(out[i]!)) {
      // Only statements of the same years: "both have improved over the last four years" must mean the same four.
      const upTo = (text: string) => PERIOD_OPENING.exec(text)?.[3] ?? /\bin ((?:19|20)\d\d)\b/.exec(text)?.[1] ?? null;
      while (j < out.length && !isAgainst(out[j]!) && TREND_SENTENCE.exec(out[j]!)?.[1] === trend[1] && upTo(out[j]!) === upTo(out[i]!)) j++;
    }
    const n = j - i;
    if (trend && n >= 2 && n <= 10) {
      for (let k = i; k < j; k++) out[k] = out[k]!.slice(0, out[k]!.length - trend[1]!.length).trimEnd();
      out[j - 1] = `${out[j - 1]} ${together(n, trend[2] !== undefined, trend[3]!, trend[4]!)}`;
    }
    i = Math.max(j, i + 1);
  }
  // 2. The same period as the statement before.
  for (let i = 1; i < out.length; i++) {
    const before = PERIOD_OPENING.exec(out[i - 1]!) ?? (/^Over the same period, /.test(out[i - 1]!) ? PERIOD_OPENING.exec(texts[i - 1]!) : null);
    const now = PERIOD_OPENING.exec(out[i]!);
    if (before && now && !now[1] && before[2] === now[2] && before[3] === now[3]) out[i] = `Over the same period, ${out[i]!.slice(now[0].length)}`;
  }
  return out;
}

/** "five" years up to 2011 → 2007. */
const firstYear = (years: string, last: string): number | null => {
  const n = numberOfWord(years);
  return n === null ? null : Number(last) - n + 1;
};

/** The same period in other words, in the order they are used once the first are spent (each at most REFRAIN_TIMES). */
function periodWordings(years: string, last: string): string[] {
  const from = firstYear(years, last);
  return [`For the last ${years} years, up to ${last}, `, ...(from === null ? [] : [`From ${from} to ${last}, `, `Between ${from} and ${last}, `, `Since ${from}, `])];
}

/** A trend sentence in other words of the same meaning, the sentence itself first. */
function trendWordings(sentence: string): string[] {
  const m = /^(It|Both|Neither|None of these|All [a-z]+|This position) (has|have) (not )?(been )?([a-z]+) (over the last .+)\.$/.exec(sentence);
  if (!m) return [sentence];
  const [, who, has, not, been = '', verb, span] = m as unknown as [string, string, string, string | undefined, string | undefined, string, string];
  if (not || who === 'Neither' || who === 'None of these') return [sentence, `${sentence.slice(0, -1)} either.`];
  const too = who === 'It' || who === 'This position' ? `${who === 'It' ? 'This' : who}, too,` : `${who}, too,`;
  // Five wordings, each said twice at most: enough for the ten indicators a letter may state (SALIENCE.indicatorsPerLetter).
  const likewise = `Likewise, ${who === 'It' || who === 'This position' ? who.charAt(0).toLowerCase() + who.slice(1) : who.toLowerCase()}`;
  return [sentence, `${who} ${has} also ${been}${verb} ${span}.`, `${too} ${has} ${been}${verb} ${span}.`, `${who} ${has} ${been}${verb} ${span} as well.`, `${likewise} ${has} ${been}${verb} ${span}.`];
}

/**
 * The first wording of `options` said fewer than REFRAIN_TIMES times so far, counted; or the last if all are spent.
 * `keyOf` says what counts as the same words: an opening is the same up to its first comma, whatever year follows
 * ("For the last five years, up to 2024" and "…, up to 2025" read as one refrain).
 */
function pick(said: Map<string, number>, options: readonly string[], keyOf: (o: string) => string = (o) => o): string {
  const chosen = options.find((o) => (said.get(keyOf(o)) ?? 0) < REFRAIN_TIMES) ?? options.at(-1)!;
  said.set(keyOf(chosen), (said.get(keyOf(chosen)) ?? 0) + 1);
  return chosen;
}
const beforeComma = (o: string) => o.split(',')[0]!;

/** The sections with each refrain said at most REFRAIN_TIMES times in the same words, in the letter's order. */
export function limitRefrains(sections: readonly LetterSection[]): LetterSection[] {
  const texts = sections.map((section) => section.blocks.map((block) => withinBlock(block.sentences.map((s) => s.text))));
  // 3. Across the letter: each period opening and trend sentence in the words not yet said twice.
  const said = new Map<string, number>();
  for (const blocks of texts) {
    for (const sentences of blocks) {
      // The period an "Over the same period" refers back to: the last opening of its bullet.
      let period: { years: string; last: string } | null = null;
      for (let k = 0; k < sentences.length; k++) {
        let text = sentences[k]!;
        const opening = PERIOD_OPENING.exec(text);
        if (opening) {
          period = { years: opening[2]!, last: opening[3]! };
          const words = pick(said, periodWordings(opening[2]!, opening[3]!), beforeComma);
          text = opening[1] ? `${opening[1]}${words.charAt(0).toLowerCase()}${words.slice(1)}${text.slice(opening[0].length)}` : `${words}${text.slice(opening[0].length)}`;
        } else if (/^Over the same period, /.test(text)) {
          const rest = text.slice('Over the same period, '.length);
          const words = pick(said, ['Over the same period, ', ...(period ? periodWordings(period.years, period.last).slice(1) : [])], beforeComma);
          text = `${words}${rest}`;
        }
        text = text.replace(ANY_TREND, (found) => pick(said, trendWordings(found)));
        sentences[k] = capitalise(text);
      }
    }
  }
  return withSentenceTexts(sections, texts);
}
