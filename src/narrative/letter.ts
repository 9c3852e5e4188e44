import type { Addressee } from '../domain/addressee.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { LetterEdit } from '../domain/letter-edit.ts';
import { applyEdits } from './edits.ts';
import { apaSections, apaSummary } from './apa-letter.ts';
import type { Bullet } from './bullets.ts';
import { bullets } from './bullets.ts';
import type { Sentence } from './sentence.ts';
import { DEFAULT_LETTER_SETTINGS } from './letter-settings.ts';
import type { LetterSettings } from './letter-settings.ts';
import { inspectionSentences, ratingSentences, summarySentences } from './summary.ts';
import { sentence } from './sentence.ts';
import { limitStockPhrases } from './stock-phrases.ts';
import { limitRefrains } from './refrains.ts';

// The letter's data types live in letter-draft.ts, so that the modules this one composes (edits, the 2006 sections,
// the refrains and stock-phrase passes) can name them without importing the composer back (issue 14).
export type { GradeTable, LetterBlock, LetterDraft, LetterSection } from './letter-draft.ts';
import type { LetterBlock, LetterDraft, LetterSection } from './letter-draft.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/** "Dear Mr Webb"; "Dear Director" where no addressee is recorded. */
function salutationFor(addressee: Addressee | null): string {
  if (!addressee) return 'Dear Director of Children’s Services';
  const surname = addressee.name.trim().split(/\s+/).at(-1) ?? addressee.name;
  return `Dear ${addressee.honorific ? `${addressee.honorific} ${surname}` : addressee.name}`;
}

const block = (id: string, sentences: readonly Sentence[]): LetterBlock[] => (sentences.length > 0 ? [{ id, sentences }] : []);
const themeBlocks = (kind: string, list: readonly Bullet[]): LetterBlock[] => list.map((b) => ({ id: `${kind}:${b.theme}`, sentences: b.sentences }));

/** The body of a 2009-2011 letter: the summary, then strengths and areas as bullets (2010-2011) or paragraphs (2009). */
function profileSections(a: Assessed, framework: Framework, reportedLastYear: ReadonlySet<string>): LetterSection[] {
  const { strengths, areas } = bullets(a.profile, reportedLastYear);
  if (framework.letter.body === 'paragraphs') {
    // trafford-2009: the grade alone, then the evidence in paragraphs, with no headings.
    const [grade, ...rest] = summarySentences(a, framework);
    return limitRefrains(limitStockPhrases([
      { id: 'summary', heading: null, form: 'paragraphs', blocks: [...block('summary:grade', [grade!]), ...block('summary:overview', [...rest, ...ratingSentences(a), ...inspectionSentences(a)])] },
      { id: 'strengths', heading: null, form: 'paragraphs', blocks: themeBlocks('strengths', strengths) },
      { id: 'areas', heading: null, form: 'paragraphs', blocks: themeBlocks('areas', areas) },
    ]));
  }
  // A heading with nothing under it reads as a fault of the letter (issue 12): where the rules of salience choose
  // nothing, the letter says so.
  const grade = { block: 'grade' as const, framework: framework.id, grade: a.grade, final: a.final };
  const orNone = (kind: 'strengths' | 'areas', blocks: LetterBlock[], what: string): LetterBlock[] => (blocks.length > 0 ? blocks : [{ id: `${kind}:none`, sentences: [sentence(`${kind}:none`, `The evidence shows no particular ${what} this year.`, grade)] }]);
  return limitRefrains(limitStockPhrases([
    { id: 'summary', heading: null, form: 'paragraphs', blocks: [...block('summary:overview', summarySentences(a, framework)), ...block('summary:inspections', inspectionSentences(a))] },
    { id: 'strengths', heading: 'Strengths', form: 'bullets', blocks: orNone('strengths', themeBlocks('strengths', strengths), 'strengths') },
    { id: 'areas', heading: 'Areas for further improvement', form: 'bullets', blocks: orNone('areas', themeBlocks('areas', areas), 'areas for further improvement') },
  ]));
}

/**
 * `lastYear`: the statements of the LA's letter of the year before, as sent (with its edits), as
 * "section:sentence id" (see reportedIn); `null` where there was none.
 */
export function draftLetter(a: Assessed, framework: Framework, addressee: Addressee | null, synthetic: boolean, lastYear: ReadonlySet<string> | null = null, settings: LetterSettings = DEFAULT_LETTER_SETTINGS): LetterDraft {
  const p = framework.paragraphs;
  const label = framework.scale.find((s) => s.grade === a.grade)?.label ?? String(a.grade);
  const council = a.la.formalName;
  const apa = framework.letter.body === 'apa-sections';
  const headline = new Set(['children-services', 'capacity-to-improve', 'social-care']);
  return {
    la: a.la,
    year: framework.year,
    framework: framework.id,
    synthetic,
    notice: framework.letter.notice,
    office: settings.sender,
    date: framework.letter.date,
    addressee,
    salutation: salutationFor(addressee),
    heading: framework.letter.heading.replace('{council}', council),
    before: [p['intro'], p['transitional'], p['weight']].filter((x): x is string => x !== undefined),
    scaleIntro: p['scaleIntro'] ?? null,
    scale: framework.scale,
    after: [p['withinLevel']].filter((x): x is string => x !== undefined),
    gradeSection: framework.letter.gradeSection.replace('{council}', council),
    gradeLine: apa ? null : { label: framework.letter.gradeLabel, value: `${label} (${a.grade})` },
    // The inspector's final grade, where there is one, is the grade of the council's overall contribution.
    gradeTable: apa ? { rows: a.derivation.areas.filter((x) => headline.has(x.id)).map((x) => ({ label: x.label, grade: x.id === 'children-services' ? a.grade : x.grade })) } : null,
    sections: apa ? [{ id: 'summary', heading: null, form: 'paragraphs', blocks: block('summary:overview', apaSummary(a, framework)) }, ...apaSections(a)] : profileSections(a, framework, lastYear ?? new Set()),
    statutory: p['statutory'] ?? null,
    signatories: [settings.signatory],
  };
}

/** Every sentence of the body, in order, with the section it is in: for tests, the JSON format and the edit overlay. */
export function sentencesOf(letter: Pick<LetterDraft, 'sections'>): { section: string; block: string; sentence: Sentence }[] {
  return letter.sections.flatMap((s) => s.blocks.flatMap((b) => b.sentences.map((sentence) => ({ section: s.id, block: b.id, sentence }))));
}

/** A letter's strengths and areas as "section:sentence id", for next year's letter to refer back to. */
export function reportedIn(letter: Pick<LetterDraft, 'sections'>): Set<string> {
  return new Set(sentencesOf(letter).filter((s) => s.section === 'strengths' || s.section === 'areas').map((s) => `${s.section}:${s.sentence.id}`));
}

/**
 * What the LA's letter of the year before said among its strengths and areas, as it was sent (with that year's
 * edits): what this year's letter may say it "reported". `null` where there was no such letter.
 */
export function reportedLastYear(previous: { readonly assessment: Assessment; readonly framework: Framework; readonly edits: readonly LetterEdit[] } | null): Set<string> | null {
  if (!previous || previous.assessment.status !== 'assessed' || previous.framework.method !== 'profile-blocks') return null;
  return reportedIn(applyEdits(draftLetter(previous.assessment, previous.framework, null, false), previous.edits).letter);
}
