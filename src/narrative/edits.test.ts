import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import type { LetterEdit, LetterEditOp } from '../domain/letter-edit.ts';
import { UsageError } from '../domain/errors.ts';
import { applyEdits, basisFor, checkEdit } from './edits.ts';
import type { LetterDraft } from './letter.ts';
import { sentencesOf } from './letter.ts';
import { sentence } from './sentence.ts';

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
