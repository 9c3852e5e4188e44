/**
 * Inspection judgements as Ofsted worded them, 2005 to today.
 *
 * One union for every four-point inspection scale the evidence uses, because the same LA profile mixes them:
 * education settings said "satisfactory" (until 2012, then "requires improvement"), social care said "adequate",
 * and ILACS (2018 on) says "requires improvement to be good". Each word keeps its own identity (a letter quotes
 * it back), and `judgementRank` puts them on the common 1 (best) to 4 (worst) order Ofsted's overall
 * effectiveness uses — note that order is the reverse of the LA assessment scale, where 4 is best
 * (shared/docs/framework.md §9).
 */
export const JUDGEMENTS = [
  'outstanding',
  'good',
  'satisfactory',
  'adequate',
  'requires-improvement',
  'inadequate',
] as const;

export type Judgement = (typeof JUDGEMENTS)[number];

/** 1 outstanding, 2 good, 3 satisfactory / adequate / requires improvement, 4 inadequate. */
export type JudgementRank = 1 | 2 | 3 | 4;

const RANK: Readonly<Record<Judgement, JudgementRank>> = {
  outstanding: 1,
  good: 2,
  satisfactory: 3,
  adequate: 3,
  'requires-improvement': 3,
  inadequate: 4,
};

export function judgementRank(judgement: Judgement): JudgementRank {
  return RANK[judgement];
}

export function isGoodOrBetter(judgement: Judgement): boolean {
  return RANK[judgement] <= 2;
}

/** Human wording, as the letters print it. */
export const JUDGEMENT_LABEL: Readonly<Record<Judgement, string>> = {
  outstanding: 'outstanding',
  good: 'good',
  satisfactory: 'satisfactory',
  adequate: 'adequate',
  'requires-improvement': 'requires improvement to be good',
  inadequate: 'inadequate',
};

/**
 * The one mapping from the spellings found in real files to a judgement. Keys are compared after
 * `spellingKey` (lower case, punctuation and runs of space folded), so "Requires Improvement", "requires_improvement"
 * and "REQUIRES-IMPROVEMENT" are one key. Numeric grades are Ofsted's overall-effectiveness numbers (1 = outstanding);
 * on their own they cannot say satisfactory from adequate, so they are read by the scale the caller names.
 */
const SPELLINGS: ReadonlyArray<readonly [Judgement, readonly string[]]> = [
  ['outstanding', ['outstanding', 'excellent', 'excellent outstanding', 'grade 1 outstanding', 'o']],
  ['good', ['good', 'grade 2 good', 'g']],
  ['satisfactory', ['satisfactory', 'grade 3 satisfactory', 's']],
  ['adequate', ['adequate', 'grade 3 adequate', 'a']],
  [
    'requires-improvement',
    ['requires improvement', 'requires improvement to be good', 'ri', 'grade 3 requires improvement'],
  ],
  ['inadequate', ['inadequate', 'grade 4 inadequate', 'i', 'poor']],
];

const BY_SPELLING: ReadonlyMap<string, Judgement> = new Map(
  SPELLINGS.flatMap(([judgement, words]) => words.map((word) => [word, judgement] as const)),
);

/** Which word a bare number 3 means: it depends on the inspection regime the file comes from. */
export type NumericScale = 'education' | 'social-care' | 'ilacs';

const THIRD_GRADE: Readonly<Record<NumericScale, Judgement>> = {
  education: 'satisfactory',
  'social-care': 'adequate',
  ilacs: 'requires-improvement',
};

export function spellingKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[_\-–:;,.()/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Reads a judgement as spelt in a source file. Returns `undefined` for a word that is not a judgement, so that the
 * caller can reject it with its file, line and column.
 */
export function parseJudgement(raw: string, scale: NumericScale = 'education'): Judgement | undefined {
  const key = spellingKey(raw);
  const numeric = /^(?:grade )?([1-4])$/.exec(key);
  if (numeric) {
    const n = Number(numeric[1]);
    return n === 1 ? 'outstanding' : n === 2 ? 'good' : n === 3 ? THIRD_GRADE[scale] : 'inadequate';
  }
  return BY_SPELLING.get(key);
}

export function isJudgement(value: string): value is Judgement {
  return (JUDGEMENTS as readonly string[]).includes(value);
}
