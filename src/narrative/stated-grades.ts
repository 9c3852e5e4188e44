import type { AssessmentGrade } from '../domain/grade.ts';
import { isAssessmentGrade } from '../domain/grade.ts';
import type { ScaleLevel } from '../frameworks/types.ts';
import type { LetterDraft } from './letter-draft.ts';

/**
 * Which grade a letter's words state (issue 15: "the grade sentence of a letter always agrees with the recorded
 * grade"). Read in each framework year's own scale words, from its definition (src/frameworks/<year>/definition.ts),
 * never from a list kept here: the 2009-2011 labels ("Performs well") and descriptors ("An organisation that exceeds
 * minimum requirements"), and the 2006 APA's ("Consistently delivers above minimum requirements", "A service that
 * delivers only minimum requirements for users").
 *
 * A sentence states the LA's grade only where the scale's words are said OF the LA: its children's services ("Children's
 * services in Stockport Metropolitan Borough Council perform well", stockport-2011, trafford-2009,
 * stoke-on-trent-2011), the council by its name ("Stockport Metropolitan Borough Council delivers above minimum
 * requirements for children and young people", stockport-2006), "the council" or "the local authority", in the present
 * tense and not negated. So none of these states it: settings "judged good or better", "outstanding" providers,
 * "primary schools perform well", last year's grade ("when children's services performed adequately", summary.ts), the
 * scale's own table and the standard paragraph about it ("an assessment of 'performs excellently' does not mean…"),
 * "do not perform well", "would perform well", the council's capacity to improve or its contribution to an outcome.
 * What it does not recognise it does not count: a grade sentence reworded out of the scale's words states no grade,
 * which the edits refuse (src/narrative/edits.ts), so an unrecognised wording is refused rather than let through.
 */

/** What holds a framework year's scale: the framework itself, or a letter (which carries its year's scale). */
export type HasScale = { readonly scale: readonly ScaleLevel[] };

/** One place in a text that states a grade: the grade, and the words that state it (subject and scale words). */
export interface GradeMention {
  readonly grade: AssessmentGrade;
  readonly words: string;
  readonly index: number;
}

/** A sentence of a letter that states a grade, by its id (the ids edits name). */
export interface GradeStatement {
  readonly section: string;
  readonly block: string;
  readonly sentence: string;
  readonly text: string;
  /** The grades it states, in the order it states them: more than one is a sentence contradicting itself. */
  readonly grades: readonly AssessmentGrade[];
  readonly mentions: readonly GradeMention[];
}

/** "An organisation that …" (2009-2011), "A service that … for users" (stockport-2006): the words around a descriptor. */
const DESCRIPTOR_OPENING = /^(?:an?|the)\s+\w+\s+that\s+/i;
const DESCRIPTOR_CLOSING = /\s+for\s+users$/i;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string): string[] => s.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');

/** The ways a level is said: its label and its descriptor, as the words after the subject. */
function sayings(level: ScaleLevel): string[][] {
  const descriptor = level.descriptor.replace(DESCRIPTOR_OPENING, '').replace(DESCRIPTOR_CLOSING, '');
  const out = [words(level.label), words(descriptor)].filter((w) => w.length > 0);
  return out.filter((w, i) => out.findIndex((x) => x.join(' ') === w.join(' ')) === i);
}

/** A leading adverb ("consistently", "significantly") and the rest. */
function splitAdverbs(saying: readonly string[]): { adverbs: string[]; rest: string[] } {
  let i = 0;
  while (i < saying.length - 1 && /ly$/.test(saying[i]!)) i++;
  return { adverbs: saying.slice(0, i), rest: saying.slice(i) };
}

/**
 * The verb as a letter says it of its subject: "perform well" of children's services, "performs well" of the council,
 * "are performing well"; "do not deliver" as well as "does not deliver". Never the past ("performed").
 */
function verbPattern(verb: string): string {
  const stem = /oes$/.test(verb) ? verb.slice(0, -2) : /[^s]s$/.test(verb) ? verb.slice(0, -1) : verb;
  const forms = [...new Set([verb, stem])].map(escape);
  if (stem !== 'do') forms.push(`(?:is|are)\\s+${escape(stem)}ing`);
  return `(?:${forms.join('|')})`;
}

/**
 * Each level's sayings as patterns. A leading adverb may be left out where what is left is no other level's words:
 * stockport-2006 says "delivers above minimum requirements" of the grade its scale calls "Consistently delivers above
 * minimum requirements"; but 2009's "significantly exceeds minimum requirements" (4) without its adverb is 3's.
 */
function levelPatterns(scale: readonly ScaleLevel[]): { grade: AssessmentGrade; pattern: string }[] {
  const all = scale.flatMap((level) => sayings(level).map((saying) => ({ level, saying })));
  return all.map(({ level, saying }) => {
    const { adverbs, rest } = splitAdverbs(saying);
    const restText = rest.join(' ');
    const collides = all.some((other) => other.level.grade !== level.grade && other.saying.join(' ') === restText);
    const [verb, ...after] = rest;
    const tail = [verbPattern(verb!), ...after.map(escape)].join('\\s+');
    const lead = adverbs.length === 0 ? '' : `(?:${adverbs.map(escape).join('\\s+')}\\s+)${collides ? '' : '?'}`;
    return { grade: level.grade, pattern: `${lead}${tail}` };
  });
}

/**
 * A place's name after "children's services in": the council's own names, or capitalised words joined by "of", "and",
 * "with", "upon", "on", "the" ("the Royal Borough of Kensington and Chelsea", "Blackburn with Darwen").
 */
const PLACE = `(?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+(?:(?:of|and|with|upon|on|the|&)\\s+)*[A-Z][\\w'’-]*)*|the\\s+(?:area|borough|city|county|council|local\\s+authority)`;
/** Words that may stand between the subject and the verb and leave the statement what it was. */
const MODIFIER = `(?:now|still|also|again|overall|generally|consistently|continues?\\s+to)`;

function subjectPattern(council: readonly string[]): string {
  const names = council.filter((n) => n.trim() !== '').map((n) => escape(n.trim()).replace(/\s+/g, '\\s+'));
  const place = [...names, PLACE].join('|');
  const subjects = [`[Cc]hildren['’]s\\s+services(?:\\s+(?:in|of|for|across)\\s+(?:${place}))?`, `[Tt]he\\s+(?:local\\s+)?(?:council|authority)`, ...names];
  // Not the object of a preposition ("young people in Stockport perform well at GCSE"); an aside between commas
  // ("Stockport, as in 2010, performs well"), then any modifiers.
  return `(?<![\\w'’-])(?<!\\b(?:[Ii]n|[Oo]f|[Ff]or|[Aa]cross|[Aa]t|[Ff]rom|[Tt]o|[Bb]y|[Ww]ith|[Ww]ithin|[Tt]han|[Ll]ike|[Aa]round|[Tt]hroughout)\\s+)(?:${subjects.join('|')})(?:\\s*,[^,.;:!?\\n]{1,60},)?(?:\\s+${MODIFIER})*\\s+`;
}

const compiled = new WeakMap<readonly ScaleLevel[], Map<string, { grade: AssessmentGrade; re: RegExp }[]>>();

function patternsFor(scale: readonly ScaleLevel[], council: readonly string[]): { grade: AssessmentGrade; re: RegExp }[] {
  let byCouncil = compiled.get(scale);
  if (!byCouncil) compiled.set(scale, (byCouncil = new Map()));
  const key = JSON.stringify(council);
  let out = byCouncil.get(key);
  if (!out) {
    const subject = subjectPattern(council);
    out = levelPatterns(scale).map(({ grade, pattern }) => ({ grade, re: new RegExp(`${subject}${pattern}(?![\\w'’-])`, 'g') }));
    byCouncil.set(key, out);
  }
  return out;
}

/**
 * Every place `text` states the LA's grade in the scale's words, in order. `council`: the names the council goes by
 * (its formal name, its short name), which may be the subject; "children's services", "the council" and "the local
 * authority" always may.
 */
export function gradeMentions(framework: HasScale, text: string, council: readonly string[] = []): GradeMention[] {
  const found: GradeMention[] = [];
  for (const { grade, re } of patternsFor(framework.scale, council)) {
    for (const m of text.matchAll(re)) found.push({ grade, words: m[0], index: m.index });
  }
  return found.sort((a, b) => a.index - b.index || b.words.length - a.words.length).filter((m, i, all) => i === 0 || m.index !== all[i - 1]!.index);
}

/** The grades `text` states, each once, in the order it first states them. */
export function statedGrades(framework: HasScale, text: string, council: readonly string[] = []): AssessmentGrade[] {
  return [...new Set(gradeMentions(framework, text, council).map((m) => m.grade))];
}

type LetterBody = Pick<LetterDraft, 'scale' | 'sections' | 'la'>;

/** Every sentence of the letter's body that states a grade, with its id. */
export function gradeStatements(letter: LetterBody): GradeStatement[] {
  const council = [letter.la.formalName, letter.la.name];
  return letter.sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.sentences.flatMap((s) => {
        const mentions = gradeMentions(letter, s.text, council);
        return mentions.length === 0 ? [] : [{ section: section.id, block: block.id, sentence: s.id, text: s.text, grades: [...new Set(mentions.map((m) => m.grade))], mentions }];
      }),
    ),
  );
}

/**
 * The grade the letter's sentences state: the one grade all its grade sentences agree on; `null` where none states a
 * grade, or where they disagree (a letter stating two grades states no one grade). What the workflow's
 * `letter-agrees` compares with the final grade (src/domain/workflow.ts).
 */
export function letterStatedGrade(letter: LetterBody): AssessmentGrade | null {
  const grades = new Set(gradeStatements(letter).flatMap((s) => s.grades));
  return grades.size === 1 ? [...grades][0]! : null;
}

/** The sentences that state a grade other than `grade` (the letter's own), with their ids. */
export function statementsDisagreeing(letter: LetterBody, grade: AssessmentGrade): GradeStatement[] {
  return gradeStatements(letter).filter((s) => s.grades.some((g) => g !== grade));
}

/**
 * The grade the letter was composed with: the grade that stands for the LA (the recorded final judgement, else the
 * derived grade: `Assessment.grade`), as draftLetter (letter.ts) puts it in the evidence of its grade sentence. Read
 * from the letter as generated, before any edit. `null` for a letter that carries none (a draft built by hand).
 */
export function composedGrade(letter: Pick<LetterDraft, 'sections'>): AssessmentGrade | null {
  for (const section of letter.sections) {
    for (const block of section.blocks) {
      for (const s of block.sentences) {
        for (const e of s.evidence) if (e.block === 'grade' && isAssessmentGrade(e.grade)) return e.grade;
      }
    }
  }
  return null;
}

/** A grade in its scale's words, lower case: "performs well", "delivers only minimum requirements". */
export function gradeWords(framework: HasScale, grade: AssessmentGrade): string {
  return framework.scale.find((s) => s.grade === grade)?.label.toLowerCase() ?? `grade ${grade}`;
}
