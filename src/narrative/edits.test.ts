import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import type { LetterEdit, LetterEditOp } from '../domain/letter-edit.ts';
import { UsageError } from '../domain/errors.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { ASSESSMENT_GRADES } from '../domain/grade.ts';
import { frameworkFor } from '../frameworks/index.ts';
import type { Framework } from '../frameworks/types.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { assessAll } from '../judgement/assess.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { SEED_LETTERS } from '../../test/support/seed-letters.ts';
import { runOver } from '../../test/support/stockport-run.ts';
import { applyEdits, basisFor, checkEdit, prepareEdits } from './edits.ts';
import type { LetterDraft } from './letter.ts';
import { draftLetter, sentencesOf } from './letter.ts';
import { sentence } from './sentence.ts';
import { letterStatedGrade } from './stated-grades.ts';

/** A letter's body, generated twice: the second time the evidence for the special schools has changed. */
function draft(specialSchools: string): LetterDraft {
  const body = {
    sections: [
      { id: 'summary', heading: null, form: 'paragraphs' as const, blocks: [{ id: 'summary:overview', sentences: [sentence('grade', 'Children’s services perform well.', { block: 'grade', framework: 'assessment-2011', grade: 3, final: false }), sentence('headline', 'The large majority of provision is good or better.', { block: 'A', group: 'primary', asAt: '2011-08-31' })] }] },
      {
        id: 'strengths',
        heading: 'Strengths',
        form: 'bullets' as const,
        blocks: [
          { id: 'strengths:primary', sentences: [sentence('a:primary', 'The very large majority of primary schools are good or better.', { block: 'A', group: 'primary', asAt: '2011-08-31' })] },
          { id: 'strengths:specialist', sentences: [sentence('a:special', specialSchools, { block: 'A', group: 'special', asAt: '2011-08-31' }), sentence('a:pru', 'All three pupil referral units are good or better.', { block: 'A', group: 'pru', asAt: '2011-08-31' })] },
        ],
      },
    ],
  };
  return body as unknown as LetterDraft;
}

const FIVE = 'Five of the six special schools are good or better. The sixth is satisfactory.';
const SIX = 'All six special schools are good or better.';
let next = 0;
const edit = (letter: LetterDraft, change: LetterEditOp): LetterEdit => {
  const target = change.op === 'reword' || change.op === 'remove' || change.op === 'move' ? change.target : null;
  return { id: ++next, la: '356' as LaCode, year: 2011, change, basis: target ? basisFor(letter, target) : null, author: 'A Inspector', recordedAt: '2011-10-20T10:00:00Z' };
};
const texts = (letter: LetterDraft) => sentencesOf(letter).map((s) => s.sentence.text);

describe('inspector edits as an overlay on the generated letter', () => {
  it('rewords, removes, adds and reorders, and marks what it changed', () => {
    const first = draft(FIVE);
    const edits = [
      edit(first, { op: 'reword', target: 'a:primary', text: 'As was the case last year, the very large majority of primary schools are good or better.' }),
      edit(first, { op: 'remove', target: 'headline' }),
      edit(first, { op: 'add', after: 'a:special', text: 'The sixth school is making satisfactory progress.' }),
      edit(first, { op: 'move', target: 'strengths:primary', after: 'strengths:specialist' }),
    ];
    const { letter, reviews } = applyEdits(first, edits);
    assert.deepEqual(reviews, []);
    assert.deepEqual(texts(letter), ['Children’s services perform well.', FIVE, 'The sixth school is making satisfactory progress.', 'All three pupil referral units are good or better.', 'As was the case last year, the very large majority of primary schools are good or better.']);
    const marks = sentencesOf(letter).map((s) => s.sentence.edit?.kind ?? null);
    assert.deepEqual(marks, [null, null, 'added', null, 'reworded']);
    assert.equal(sentencesOf(letter)[4]!.sentence.edit?.by, 'A Inspector');
  });

  it('on regeneration, updates untouched sentences, keeps edited ones, and flags an edit whose evidence changed', () => {
    const first = draft(FIVE);
    const edits = [edit(first, { op: 'reword', target: 'a:special', text: 'Five of the six special schools maintained by the local authority are good or better.' }), edit(first, { op: 'reword', target: 'a:primary', text: 'Primary schools are mostly good.' })];
    const second = draft(SIX);
    const { letter, reviews } = applyEdits(second, edits);
    const special = sentencesOf(letter).find((s) => s.sentence.id === 'a:special')!.sentence;
    assert.equal(special.text, 'Five of the six special schools maintained by the local authority are good or better.', 'the edited words are kept');
    assert.match(special.edit?.review ?? '', /now reads "All six special schools are good or better\."/);
    assert.equal(reviews.length, 1, 'only the sentence whose evidence changed is flagged');
    assert.equal(reviews[0]!.target, 'a:special');
    assert.equal(sentencesOf(letter).find((s) => s.sentence.id === 'a:primary')!.sentence.edit?.review, null);
  });

  it('keeps an edited sentence the evidence no longer gives, flagged, in its old bullet', () => {
    const first = draft(FIVE);
    const edits = [edit(first, { op: 'reword', target: 'a:pru', text: 'One pupil referral unit is good and the other two are outstanding.' })];
    const second = draft(FIVE);
    const without = { ...second, sections: second.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, sentences: b.sentences.filter((x) => x.id !== 'a:pru') })) })) } as LetterDraft;
    const { letter, reviews } = applyEdits(without, edits);
    const kept = sentencesOf(letter).find((s) => s.sentence.id === 'a:pru')!;
    assert.equal(kept.block, 'strengths:specialist');
    assert.match(reviews[0]!.reason, /no longer in the letter/);
  });

  it('withdraws a reverted edit and leaves the history', () => {
    const first = draft(FIVE);
    const removal = edit(first, { op: 'remove', target: 'a:pru' });
    const { letter } = applyEdits(first, [removal, edit(first, { op: 'revert', edit: removal.id })]);
    assert.ok(texts(letter).includes('All three pupil referral units are good or better.'));
  });

  it('refuses an edit that names nothing in the letter, naming the id', () => {
    assert.throws(() => checkEdit(draft(FIVE), { op: 'reword', target: 'c:ni-999', text: 'x' }), (e: unknown) => e instanceof UsageError && /"c:ni-999" is not in the letter/.test(e.message));
    assert.throws(() => checkEdit(draft(FIVE), { op: 'add', after: 'strengths:nowhere', text: 'x' }), /--after "strengths:nowhere"/);
    assert.throws(() => checkEdit(draft(FIVE), { op: 'reword', target: 'a:pru', text: '  ' }), /empty/);
  });
});

/** A seed fixture's letter as generated, with an inspector's final grade where one is given. */
function seedLetter(seed: (typeof SEED_LETTERS)[number], final?: AssessmentGrade): { letter: LetterDraft; framework: Framework } {
  const read = readBundle({ dir: seedFixture(seed.folder), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const la = seed.la as LaCode;
  const judgements = new Map(final ? [[la, { la, year: seed.year, decision: { kind: 'grade' as const, grade: final }, rationale: 'test', author: 'A Moderator', stage: 'final' as const, authorId: null, recordedAt: `${seed.year}-10-01T00:00:00Z`, derivedAtTheTime: null }]] : []);
  const [a] = assessAll({ run: runOver(read.batch, { year: seed.year }), judgements, previous: new Map() }, [la]);
  assert.ok(a?.status === 'assessed');
  const framework = frameworkFor(seed.year);
  return { letter: draftLetter(a, framework, null, true), framework };
}

/** The LA's grade sentence in another grade's words, as an inspector might reword it. */
function saying(letter: LetterDraft, framework: Framework, grade: AssessmentGrade, lead = ''): string {
  const label = framework.scale.find((s) => s.grade === grade)!.label.toLowerCase();
  return framework.letter.body === 'apa-sections'
    ? `${lead}${letter.la.formalName} ${label} for children and young people.`
    : `${lead}Children's services in ${letter.la.formalName} ${label.replace(/^performs\b/, 'perform')}.`;
}

const prepare = (letter: LetterDraft, changes: LetterEditOp[], existing: LetterEdit[] = []) => prepareEdits(letter, existing, changes, 'A Inspector', '2011-10-20T10:00:00Z');
const refusal = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof UsageError, String(e));
    return e.message;
  }
  assert.fail('the edits were accepted');
};

describe("edits never make a letter state a grade other than its own (issue 15)", () => {
  for (const seed of SEED_LETTERS) {
    it(`${seed.folder}: rewording the grade sentence to each other grade is refused, naming both grades; the same grade in other words is accepted`, () => {
      const { letter, framework } = seedLetter(seed);
      const own = letterStatedGrade(letter)!;
      for (const grade of ASSESSMENT_GRADES) {
        const text = saying(letter, framework, grade);
        if (grade === own) {
          assert.equal(prepare(letter, [{ op: 'reword', target: 'grade', text: saying(letter, framework, grade, 'Overall, ') }]).length, 1);
          continue;
        }
        const ownWords = framework.scale.find((s) => s.grade === own)!.label.toLowerCase();
        const otherWords = framework.scale.find((s) => s.grade === grade)!.label.toLowerCase();
        const message = refusal(() => prepare(letter, [{ op: 'reword', target: 'grade', text }]));
        assert.ok(message.startsWith(`the edit would make sentence grade say "`), message);
        assert.ok(message.includes(`, grade ${grade} (${otherWords}), but the letter's grade is ${own} (${ownWords}): change the grade through a judgement, not the letter`), message);
        // Added elsewhere in the letter, it is refused the same.
        assert.match(refusal(() => prepare(letter, [{ op: 'add', after: 'grade', text }])), new RegExp(`sentence added:1 say .*grade ${grade} `));
      }
    });
  }

  it('stockport-2011: the message, in full', () => {
    const { letter } = seedLetter(SEED_LETTERS[0], 2);
    assert.equal(
      refusal(() => prepare(letter, [{ op: 'reword', target: 'grade', text: "Children's services in Stockport Metropolitan Borough Council perform well." }])),
      `the edit would make sentence grade say "Children's services in Stockport Metropolitan Borough Council perform well", grade 3 (performs well), but the letter's grade is 2 (performs adequately): change the grade through a judgement, not the letter`,
    );
  });

  it('the letter’s own grade is the final grade where one is recorded, else the derived one', () => {
    const { letter, framework } = seedLetter(SEED_LETTERS[0], 1);
    assert.equal(prepare(letter, [{ op: 'reword', target: 'grade', text: saying(letter, framework, 1, 'This year, ') }]).length, 1);
    assert.throws(() => prepare(letter, [{ op: 'reword', target: 'grade', text: saying(letter, framework, 3) }]), /grade 3 \(performs well\), but the letter's grade is 1 \(performs poorly\)/);
  });

  it('refuses leaving the letter with no sentence stating its grade, but not replacing the sentence in the same batch', () => {
    const { letter, framework } = seedLetter(SEED_LETTERS[0]);
    assert.match(refusal(() => prepare(letter, [{ op: 'remove', target: 'grade' }])), /^the edit would leave no sentence stating the letter's grade, 3 \(performs well\): the letter must say it in the scale's words \(as sentence grade does as generated: "Children's services in Stockport Metropolitan Borough Council perform well\."\)$/);
    assert.match(refusal(() => prepare(letter, [{ op: 'reword', target: 'grade', text: 'Children’s services in Stockport are in good shape.' }])), /would leave no sentence stating/);
    assert.match(refusal(() => prepare(letter, [{ op: 'reword', target: 'grade', text: 'Children’s services in Stockport do not perform well.' }])), /would leave no sentence stating/);
    assert.equal(prepare(letter, [{ op: 'remove', target: 'grade' }, { op: 'add', after: 'summary:overview', text: saying(letter, framework, 3) }]).length, 2);
    // 2009: the grade is a paragraph of its own; leaving it out is refused too.
    const trafford = seedLetter(SEED_LETTERS[2]).letter;
    assert.match(refusal(() => prepare(trafford, [{ op: 'remove', target: 'summary:grade' }])), /would leave no sentence stating the letter's grade, 3 \(performs well\)/);
    // Removing and rewording other sentences, and adding ones that speak of settings' grades, is untouched.
    assert.equal(prepare(letter, [{ op: 'remove', target: 'headline' }, { op: 'add', after: 'grade', text: 'Primary schools perform well, and two of the five post-16 providers are outstanding.' }]).length, 2);
  });

  it('refuses a batch whose other edits are sound, if one of them states another grade: all or nothing', () => {
    const { letter } = seedLetter(SEED_LETTERS[0]);
    const message = refusal(() => prepare(letter, [{ op: 'remove', target: 'headline' }, { op: 'add', after: 'grade', text: 'Overall, children’s services in Stockport perform excellently.' }]));
    assert.match(message, /^these edits would make sentence added:2 say "children’s services in Stockport perform excellently", grade 4 \(performs excellently\)/);
  });

  it('where an earlier edit, or a change of grade since, left the letter disagreeing, refuses until a batch mends it, and says so', () => {
    // Reworded in the same grade's words while the derived grade (3) stood; then a final grade of 2 is recorded.
    const derived = seedLetter(SEED_LETTERS[0]);
    const reword: LetterEdit = { id: 1, la: '356' as LaCode, year: 2011, change: { op: 'reword', target: 'grade', text: saying(derived.letter, derived.framework, 3, 'Overall, ') }, basis: basisFor(derived.letter, 'grade'), author: 'A Inspector', recordedAt: '2011-10-01T10:00:00Z' };
    assert.equal(prepare(derived.letter, [{ op: 'remove', target: 'headline' }], [reword]).length, 1);
    const judged = seedLetter(SEED_LETTERS[0], 2).letter;
    assert.match(
      refusal(() => prepare(judged, [{ op: 'remove', target: 'headline' }], [reword])),
      /^sentence grade already says "Children's services in Stockport Metropolitan Borough Council perform well", grade 3 \(performs well\), but the letter's grade is 2 \(performs adequately\): an earlier edit made it so, or the grade has changed since; reword or revert it in the same batch/,
    );
    assert.equal(prepare(judged, [{ op: 'revert', edit: 1 }], [reword]).length, 1);
    assert.equal(prepare(judged, [{ op: 'reword', target: 'grade', text: saying(judged, derived.framework, 2, 'Overall, ') }, { op: 'remove', target: 'headline' }], [reword]).length, 2);
    // An earlier edit (before this check) that left the grade out: only a batch that puts it back is accepted.
    const removal: LetterEdit = { ...reword, change: { op: 'remove', target: 'grade' } };
    assert.match(refusal(() => prepare(judged, [{ op: 'remove', target: 'headline' }], [removal])), /^the letter already states its grade, 2 \(performs adequately\), in no sentence/);
    assert.equal(prepare(judged, [{ op: 'revert', edit: 1 }], [removal]).length, 1);
  });
});
