import retextEnglish from 'retext-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextRepeatedWords from 'retext-repeated-words';
import retextSentenceSpacing from 'retext-sentence-spacing';
import type { Root, Sentence as SentenceNode } from 'nlcst';
import { toString } from 'nlcst-to-string';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { LetterDraft } from '../letter.ts';
import { STOCK_LEADS, STOCK_SENTENCES } from '../stock-phrases.ts';
import { agreementFaults } from './agreement.ts';

/**
 * A style check of a letter's body, the words Kingsway writes from the evidence (issue 12): what a reader of the
 * seed letters (shared/seeds/) would mark as a fault of writing, whatever the evidence. Pure: the same draft gives
 * the same findings. Each finding names its rule, the sentence (its stable id) and the text it is about.
 *
 * Where a well-kept prose library covers a rule it does it, on the block's text as the renderers join it
 * (src/render/markdown.ts: sentences joined by one space), parsed by retext-english (the unified collective's English
 * parser, which splits sentences and words the same way for every rule):
 * - `repeated-word`: retext-repeated-words ("the the");
 * - `indefinite-article`: retext-indefinite-article ("a inadequate", "an unit");
 * - `sentence-spacing`: retext-sentence-spacing (one space between sentences, as the seeds have);
 * - `sentence-length`: words counted per sentence of retext-english's parse.
 * The rest no library knows, because they are about this project's words: stock phrases, labels of the data leaking
 * into prose, agreement of counts and group nouns (agreement.ts), spaces before punctuation, empty parts.
 */
export type LintRule =
  | 'stock-phrase'
  | 'refrain'
  | 'lone-however'
  | 'agreement'
  | 'leaked-label'
  | 'sentence-length'
  | 'empty'
  | 'repeated-word'
  | 'space-before-punctuation'
  | 'indefinite-article'
  | 'sentence-spacing';

/** Every rule, in the order findings are reported. */
export const LINT_RULES: readonly LintRule[] = ['stock-phrase', 'refrain', 'lone-however', 'agreement', 'leaked-label', 'sentence-length', 'empty', 'repeated-word', 'space-before-punctuation', 'indefinite-article', 'sentence-spacing'];

export interface LintFinding {
  readonly rule: LintRule;
  readonly section: string;
  readonly block: string | null;
  /** The sentence's id, or `null` for a finding about a section or block as a whole. */
  readonly sentence: string | null;
  /** The words the finding is about. */
  readonly text: string;
  readonly message: string;
}

/**
 * The limits, held as data. The seeds' longest sentence in a summary, strength or area is 42 words as retext counts
 * them (stockport-2011: "For the last four years, the proportion of 16- to 18-year-olds who are not in work or any
 * form of education or training has been higher in Stockport than in similar areas but fell to just below the
 * national figure in 2010"); a few words over that is longer than any sentence the inspectors wrote.
 */
export const LINT = {
  maxSentenceWords: 45,
  /** A stock phrase said more than this in one letter reads as a template (the issue: "As reported in last year's
   * assessment" five times in one letter). The seeds say each of theirs once or twice, "As in 2010" three times. */
  stockPhraseTimes: 2,
} as const;

/**
 * The phrases a letter leans on, with how often one letter may use each: the limits that src/narrative/stock-phrases.ts
 * keeps when it writes the letter, matched here case-insensitively anywhere in a sentence.
 */
const timesOf = (id: string): number => [...STOCK_LEADS, ...STOCK_SENTENCES].find((p) => p.id === id)?.times ?? LINT.stockPhraseTimes;
export const STOCK_PHRASES: readonly { readonly id: string; readonly pattern: RegExp; readonly times: number }[] = [
  { id: "as reported in last year's assessment", pattern: /\bas reported in last year['’]s assessment\b/gi, times: timesOf("as reported in last year's assessment") },
  { id: 'as reported in YEAR', pattern: /\bas reported in (?:19|20)\d\d\b/gi, times: LINT.stockPhraseTimes },
  { id: 'as in YEAR', pattern: /\bas in (?:19|20)\d\d\b/gi, times: timesOf('as in YEAR') },
  { id: 'as was the case last year', pattern: /\bas was the case last year\b/gi, times: LINT.stockPhraseTimes },
  { id: 'there were no published figures for', pattern: /\bthere were no published figures for\b/gi, times: timesOf('there were no published figures for') },
];

/**
 * Labels of the data that are not words: LAIT's period qualifiers ("2011 (prov)", "2019/20 (OT)", "(Rev)",
 * "(Final)"), periods as the sources write them ("2010/11", "2010-11"), the unspecified period LAIT writes as `0`,
 * sentence and block ids ("c:ni-75", "strengths:primary"), identifiers in snake_case, and the data symbols a missing
 * value is stored as.
 */
const LEAKED_LABELS: readonly { readonly what: string; readonly pattern: RegExp }[] = [
  { what: 'a period qualifier', pattern: /\((?:prov|provisional|ot|rev|revised|final|p|r|est|e)\)/gi },
  { what: 'a period qualifier', pattern: /\b(?:19|20)\d\d(?:[-/]\d{2,4})?\s+(?:prov|rev|final|ot)\b/gi },
  // A period is named by the year it ends ("in 2011", "up to 2010") or as a span ("2008 to 2010"): docs/letters.md,
  // "Periods in words". An academic or financial year as the source writes it is a label.
  { what: 'a period as the source labels it', pattern: /\b(?:19|20)\d\d[-/](?:\d\d|(?:19|20)\d\d)\b/g },
  { what: 'an unspecified period', pattern: /\((?:0|period 0)\)|\bup to 0\b|\bfor 0\b/g },
  { what: 'an id', pattern: /\b(?:[abc]|strengths|areas|summary):[a-z0-9+-]+\b/g },
  { what: 'an identifier', pattern: /\b[a-z]+_[a-z0-9_]+\b/g },
  { what: 'a data symbol', pattern: /\((?:x|z|c|k|u|\.\.|:|-)\)|\b(?:NaN|undefined|null)\b/g },
];

/** A space before a mark that follows a word, or after an opening bracket. */
const SPACE_BEFORE = /\s+[,.;:!?)\]]|[([]\s+/g;

const processor = unified().use(retextEnglish).use(retextRepeatedWords).use(retextIndefiniteArticle).use(retextSentenceSpacing, { preferred: 1 });

interface Located {
  readonly section: string;
  readonly block: string;
  readonly sentence: string;
  readonly start: number;
  readonly end: number;
}

/** The text of each block as rendered, with where each of its sentences starts and ends in it. */
function blockTexts(letter: Pick<LetterDraft, 'sections'>): { section: string; block: string; text: string; spans: Located[] }[] {
  return letter.sections.flatMap((s) =>
    s.blocks.map((b) => {
      const spans: Located[] = [];
      let at = 0;
      for (const x of b.sentences) {
        spans.push({ section: s.id, block: b.id, sentence: x.id, start: at, end: at + x.text.length });
        at += x.text.length + 1;
      }
      return { section: s.id, block: b.id, text: b.sentences.map((x) => x.text).join(' '), spans };
    }),
  );
}

const words = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

export function lintLetter(letter: Pick<LetterDraft, 'sections'>): LintFinding[] {
  const out: LintFinding[] = [];
  for (const s of letter.sections) {
    // A heading with nothing under it ("Strengths" and no bullet), and any block or sentence with a word or none.
    if (s.heading !== null && s.blocks.length === 0) out.push({ rule: 'empty', section: s.id, block: null, sentence: null, text: s.heading, message: `the section "${s.heading}" has nothing in it` });
    for (const b of s.blocks) {
      const text = b.sentences.map((x) => x.text).join(' ');
      if (words(text) <= 1) out.push({ rule: 'empty', section: s.id, block: b.id, sentence: null, text, message: `the ${s.form === 'bullets' ? 'bullet' : 'paragraph'} ${b.id} has ${words(text) === 0 ? 'no words' : 'one word'}` });
      for (const x of b.sentences) {
        if (x.text.trim() === '' && b.sentences.length > 1) out.push({ rule: 'empty', section: s.id, block: b.id, sentence: x.id, text: x.text, message: 'an empty sentence' });
      }
      // "However" answers what comes before it: a paragraph or bullet that opens with it has nothing to answer.
      const first = b.sentences.find((x) => x.text.trim() !== '');
      if (first && /^However\b/.test(first.text)) out.push({ rule: 'lone-however', section: s.id, block: b.id, sentence: first.id, text: first.text.slice(0, 80), message: `the ${s.form === 'bullets' ? 'bullet' : 'paragraph'} ${b.id} opens with "However", with nothing before it to answer` });
    }
  }
  const stock = new Map<string, { count: number; first: { section: string; block: string; sentence: string; text: string }[] }>();
  for (const { section, block, text, spans } of blockTexts(letter)) {
    const at = (offset: number): Located => spans.findLast((x) => x.start <= offset) ?? spans[0]!;
    const push = (rule: LintRule, offset: number, found: string, message: string) => out.push({ rule, section, block, sentence: at(offset).sentence, text: found, message });
    for (const phrase of STOCK_PHRASES) {
      for (const m of text.matchAll(phrase.pattern)) {
        const seen = stock.get(phrase.id) ?? { count: 0, first: [] };
        seen.count++;
        seen.first.push({ section, block, sentence: at(m.index).sentence, text: m[0] });
        stock.set(phrase.id, seen);
      }
    }
    for (const label of LEAKED_LABELS) for (const m of text.matchAll(label.pattern)) push('leaked-label', m.index, m[0], `${label.what} in prose`);
    for (const m of text.matchAll(SPACE_BEFORE)) push('space-before-punctuation', m.index, text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 1), 'a space before punctuation');
    for (const fault of agreementFaults(text)) push('agreement', fault.index, fault.text, fault.message);
    const file = new VFile(text);
    const tree = processor.runSync(processor.parse(file), file) as Root;
    for (const message of file.messages) {
      const rule: LintRule = message.source === 'retext-repeated-words' ? 'repeated-word' : message.source === 'retext-indefinite-article' ? 'indefinite-article' : 'sentence-spacing';
      const offset = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : (message.place?.offset ?? 0);
      push(rule, offset, message.actual ?? text.slice(offset, offset + 20), message.reason);
    }
    visit(tree, 'SentenceNode', (node: SentenceNode) => {
      // retext-english reads a figure and its full stop as one word ("level 3. The gap …", stoke-on-trent-2011), as
      // in an ordinal; before a capital it ends the sentence here.
      const list = node.children;
      let from = 0;
      let n = 0;
      const end = (to: number) => {
        const start = list[from]?.position?.start.offset ?? 0;
        const stop = list[to]?.position?.end.offset ?? start;
        if (n > LINT.maxSentenceWords) push('sentence-length', start, text.slice(start, stop), `${n} words, more than ${LINT.maxSentenceWords}`);
        from = to + 1;
        n = 0;
      };
      list.forEach((child, i) => {
        if (child.type !== 'WordNode') return;
        n++;
        const next = list[i + 2];
        if (/\d\.$/.test(toString(child)) && list[i + 1]?.type === 'WhiteSpaceNode' && next?.type === 'WordNode' && /^\p{Lu}/u.test(toString(next))) end(i + 1);
      });
      end(list.length - 1);
    });
  }
  out.push(...refrains(letter));
  for (const [id, seen] of stock) {
    const times = STOCK_PHRASES.find((p) => p.id === id)!.times;
    if (seen.count <= times) continue;
    for (const x of seen.first.slice(times)) out.push({ rule: 'stock-phrase', ...x, message: `"${id}" said ${seen.count} times in the letter, more than ${times}` });
  }
  return out;
}

/**
 * `refrain`: the same sentence of more than four words, or the same opening before a first comma (two to eight words,
 * "For the last five years, up to 2011"), said more than twice in a letter (issue 12: "It has been maintained over the
 * last two years" three times). The stock phrases have their own limits above and are left to that rule; a count
 * sentence of a few words ("The fifth is satisfactory.") is not a refrain. src/narrative/refrains.ts says a
 * statement's period and trend in other words once they have been said twice.
 */
/** The stock phrases as a sentence may open with them, and anywhere in an opening: compiled once, not per sentence. */
const STOCK_SENTENCE_STARTS = STOCK_PHRASES.map((p) => new RegExp(`^(?:However, )?${p.pattern.source.replace(/^\\b/, '')}`, 'i'));
const STOCK_PHRASES_ANYWHERE = STOCK_PHRASES.map((p) => new RegExp(p.pattern.source, 'i'));

function refrains(letter: Pick<LetterDraft, 'sections'>): LintFinding[] {
  const seen = new Map<string, { section: string; block: string; sentence: string; text: string }[]>();
  const note = (key: string, at: { section: string; block: string; sentence: string; text: string }) => seen.set(key, [...(seen.get(key) ?? []), at]);
  for (const s of letter.sections) {
    for (const b of s.blocks) {
      for (const x of b.sentences) {
        for (const one of x.text.split(/(?<=[.!?]['’]?)\s+(?=[A-Z'‘])/)) {
          const at = { section: s.id, block: b.id, sentence: x.id, text: one };
          const stockPhrase = STOCK_SENTENCE_STARTS.some((p) => p.test(one));
          if (words(one) > 4 && !stockPhrase) note(`sentence:${one}`, at);
          const opening = /^([^,]+),/.exec(one)?.[1];
          if (opening && words(opening) >= 2 && words(opening) <= 8 && !STOCK_PHRASES_ANYWHERE.some((p) => p.test(opening))) note(`opening:${opening}`, at);
        }
      }
    }
  }
  const out: LintFinding[] = [];
  for (const [key, list] of seen) {
    if (list.length <= LINT.stockPhraseTimes) continue;
    const what = key.slice(key.indexOf(':') + 1);
    for (const at of list.slice(LINT.stockPhraseTimes)) out.push({ rule: 'refrain', ...at, message: `"${what}" said ${list.length} times in the letter, more than ${LINT.stockPhraseTimes}` });
  }
  return out;
}
