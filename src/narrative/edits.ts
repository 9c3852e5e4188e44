import type { EditBasis, LetterEdit, LetterEditOp } from '../domain/letter-edit.ts';
import { UsageError } from '../domain/errors.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { checkUserText } from '../domain/user-text.ts';
import type { LetterBlock, LetterDraft, LetterSection } from './letter-draft.ts';
import type { Sentence, SentenceEdit } from './sentence.ts';
import { composedGrade, gradeStatements, gradeWords, statementsDisagreeing } from './stated-grades.ts';

/**
 * Inspector edits as an overlay (src/domain/letter-edit.ts): applied in order to a freshly generated draft, pure and
 * deterministic. An edit on a generated sentence carries that sentence as it read when the edit was made (its basis):
 * if the sentence now reads differently or states different evidence, the edit is kept and flagged for review, with
 * what the sentence now says; if the sentence is no longer generated at all, a reworded one is kept at the end of
 * its old paragraph (or section) and flagged. An edit whose target is gone and cannot be placed is reported, never
 * dropped silently.
 */
export interface EditReview {
  readonly edit: number;
  readonly target: string;
  readonly reason: string;
}

export interface EditedLetter {
  readonly letter: LetterDraft;
  readonly reviews: readonly EditReview[];
}

type MutableBlock = { id: string; sentences: Sentence[] };
type MutableSection = Omit<LetterSection, 'blocks'> & { blocks: MutableBlock[] };

const evidenceKey = (s: Sentence): string => JSON.stringify(s.evidence);

/** The basis of an edit on `target` in `letter`: the generated sentence it changes, or `null` if it names a block. */
export function basisFor(letter: LetterDraft, target: string): EditBasis | null {
  for (const section of letter.sections) {
    for (const block of section.blocks) {
      const s = block.sentences.find((x) => x.id === target);
      if (s) return { text: s.text, evidence: evidenceKey(s), section: section.id, block: block.id };
    }
  }
  return null;
}

/** Fails fast, naming the id, when an edit names nothing in the letter (for the shell, before an edit is stored). */
export function checkEdit(letter: LetterDraft, change: LetterEditOp): void {
  const ids = new Set(letter.sections.flatMap((s) => [s.id, ...s.blocks.flatMap((b) => [b.id, ...b.sentences.map((x) => x.id)])]));
  const names = (id: string, what: string) => {
    if (!ids.has(id)) throw new UsageError(`${what} ${JSON.stringify(id)} is not in the letter: see the ids with kingsway letter --format json`);
  };
  if (change.op === 'reword' || change.op === 'remove' || change.op === 'move') names(change.target, 'the target');
  if (change.op === 'add' || change.op === 'move') names(change.after, '--after');
  if ((change.op === 'reword' || change.op === 'add') && change.text.trim() === '') throw new UsageError('the new text is empty: use --remove to leave a sentence out');
}

export function applyEdits(letter: LetterDraft, edits: readonly LetterEdit[]): EditedLetter {
  const sections: MutableSection[] = letter.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ id: b.id, sentences: [...b.sentences] })) }));
  const reviews: EditReview[] = [];
  const reverted = new Set(edits.flatMap((e) => (e.change.op === 'revert' ? [e.change.edit] : [])));

  const findSentence = (id: string) => {
    for (const section of sections) for (const block of section.blocks) {
      const i = block.sentences.findIndex((s) => s.id === id);
      if (i >= 0) return { section, block, i };
    }
    return null;
  };
  const findBlock = (id: string) => {
    for (const section of sections) {
      const i = section.blocks.findIndex((b) => b.id === id);
      if (i >= 0) return { section, i };
    }
    return null;
  };
  const mark = (s: Sentence, edit: SentenceEdit): Sentence => ({ ...s, edit: s.edit?.review && !edit.review ? { ...edit, review: s.edit.review } : edit });
  /** Why the sentence under an edit should be looked at again, or `null`. */
  const changed = (e: LetterEdit, now: Sentence): string | null =>
    e.basis && (e.basis.text !== now.text || e.basis.evidence !== evidenceKey(now)) ? `the evidence has changed since edit ${e.id}: the generated sentence now reads "${now.text}" (it read "${e.basis.text}")` : null;

  for (const e of edits) {
    if (e.change.op === 'revert' || reverted.has(e.id)) continue;
    const c = e.change;
    const stamp = (kind: SentenceEdit['kind'], review: string | null): SentenceEdit => ({ kind, by: e.author, at: e.recordedAt, review });
    switch (c.op) {
      case 'reword': {
        const at = findSentence(c.target);
        if (at) {
          const now = at.block.sentences[at.i]!;
          const review = changed(e, now);
          if (review) reviews.push({ edit: e.id, target: c.target, reason: review });
          at.block.sentences[at.i] = mark({ ...now, text: c.text }, stamp('reworded', review));
          break;
        }
        // The sentence is no longer written from the evidence: keep the inspector's words where it was, flagged.
        const reason = `the sentence edit ${e.id} reworded is no longer in the letter (the evidence no longer gives it); the inspector's words are kept for review`;
        reviews.push({ edit: e.id, target: c.target, reason });
        const kept: Sentence = { id: c.target, text: c.text, evidence: [], edit: stamp('reworded', reason) };
        const block = e.basis ? findBlock(e.basis.block) : null;
        if (block) block.section.blocks[block.i]!.sentences.push(kept);
        else {
          const section = sections.find((s) => s.id === (e.basis?.section ?? 'summary')) ?? sections[0]!;
          section.blocks.push({ id: `kept:${c.target}`, sentences: [kept] });
        }
        break;
      }
      case 'remove': {
        const at = findSentence(c.target);
        if (at) {
          const review = changed(e, at.block.sentences[at.i]!);
          if (review) reviews.push({ edit: e.id, target: c.target, reason: `${review}; it is still left out` });
          at.block.sentences.splice(at.i, 1);
          break;
        }
        const block = findBlock(c.target);
        if (block) block.section.blocks.splice(block.i, 1);
        break;
      }
      case 'add': {
        const added: Sentence = { id: `added:${e.id}`, text: c.text, evidence: [], edit: stamp('added', null) };
        const after = findSentence(c.after);
        if (after) {
          after.block.sentences.splice(after.i + 1, 0, added);
          break;
        }
        const block = findBlock(c.after);
        if (block) {
          block.section.blocks.splice(block.i + 1, 0, { id: `added:${e.id}`, sentences: [added] });
          break;
        }
        const section = sections.find((s) => s.id === c.after);
        if (section) {
          section.blocks.push({ id: `added:${e.id}`, sentences: [added] });
          break;
        }
        const reason = `what edit ${e.id} added its sentence after (${c.after}) is no longer in the letter; the sentence is put at the end of the letter's summary for review`;
        reviews.push({ edit: e.id, target: c.after, reason });
        const summary = sections.find((s) => s.id === 'summary') ?? sections[0]!;
        summary.blocks.push({ id: `added:${e.id}`, sentences: [{ ...added, edit: stamp('added', reason) }] });
        break;
      }
      case 'move': {
        const block = findBlock(c.target);
        if (block) {
          const target = findBlock(c.after);
          if (!target || target.section !== block.section) {
            reviews.push({ edit: e.id, target: c.target, reason: `edit ${e.id} moved it after ${c.after}, which is no longer in its section; it stays where it is` });
            break;
          }
          const [moving] = block.section.blocks.splice(block.i, 1);
          const to = block.section.blocks.findIndex((b) => b.id === c.after);
          block.section.blocks.splice(to + 1, 0, moving!);
          break;
        }
        const from = findSentence(c.target);
        if (!from) {
          reviews.push({ edit: e.id, target: c.target, reason: `the sentence edit ${e.id} moved is no longer in the letter` });
          break;
        }
        const [moving] = from.block.sentences.splice(from.i, 1);
        const review = changed(e, moving!);
        if (review) reviews.push({ edit: e.id, target: c.target, reason: review });
        const moved = mark(moving!, stamp(moving!.edit?.kind === 'reworded' ? 'reworded' : 'moved', review));
        const after = findSentence(c.after);
        if (after) after.block.sentences.splice(after.i + 1, 0, moved);
        else {
          const intoBlock = findBlock(c.after);
          if (intoBlock) intoBlock.section.blocks[intoBlock.i]!.sentences.unshift(moved);
          else {
            from.block.sentences.splice(from.i, 0, moved);
            reviews.push({ edit: e.id, target: c.target, reason: `edit ${e.id} moved it after ${c.after}, which is no longer in the letter; it stays where it was` });
          }
        }
        break;
      }
    }
  }
  const blocks = (list: MutableBlock[]): LetterBlock[] => list.filter((b) => b.sentences.length > 0);
  return { letter: { ...letter, sections: sections.map((s) => ({ ...s, blocks: blocks(s.blocks) })) }, reviews };
}

/**
 * Checks new edits against the letter as the earlier ones leave it, in order (so an edit can name a sentence an
 * earlier one added), and gives each its basis: the records to append, or a UsageError naming the first bad one.
 * All or nothing: nothing is returned unless every change is sound.
 */
export function prepareEdits(generated: LetterDraft, existing: readonly LetterEdit[], changes: readonly LetterEditOp[], by: string, at: string): Omit<LetterEdit, 'id'>[] {
  if (by.trim() === '') throw new UsageError('an edit must say who made it');
  // Checked here, in the core, so that the CLI and the web refuse the same things (src/domain/user-text.ts says why).
  const author = checkUserText(by, 'name', 'the name of who made the edit');
  for (const change of changes) if (change.op === 'reword' || change.op === 'add') checkUserText(change.text, 'sentence', 'the new sentence');
  const pending: LetterEdit[] = [...existing];
  let nextId = (existing.at(-1)?.id ?? 0) + 1;
  for (const change of changes) {
    const { letter } = applyEdits(generated, pending);
    if (change.op === 'revert') {
      if (!pending.some((e) => e.id === change.edit)) throw new UsageError(`there is no edit ${change.edit} to this letter to revert`);
    } else checkEdit(letter, change);
    const target = change.op === 'reword' || change.op === 'remove' || change.op === 'move' ? change.target : null;
    pending.push({ id: nextId++, la: generated.la.code, year: generated.year, change, basis: target ? basisFor(generated, target) : null, author, recordedAt: at });
  }
  checkGradeKept(generated, existing, pending, changes.length);
  return pending.slice(existing.length).map(({ id: _, ...record }) => record);
}

/**
 * Issue 15: the grade sentence of a letter always agrees with the recorded grade. A batch is refused if the letter it
 * leaves has a sentence stating a grade other than the letter's own (the grade it was composed with: the recorded
 * final judgement, else the derived grade), or states its grade nowhere (src/narrative/stated-grades.ts reads which
 * grade a sentence states, in the year's scale words):
 * every seed letter states it in words in its body ("Children's services in Stockport Metropolitan Borough Council
 * perform well", stockport-2011; "… delivers above minimum requirements …", stockport-2006), and the grade line alone
 * is not a sentence. A grade is changed through a judgement, which regenerates the sentence, never by wording.
 * The letter as the whole batch leaves it is checked, so a batch may remove the grade sentence and add its own.
 * Where the fault was there before the batch (an edit made before the grade changed, or before this check), the
 * message says so: only a batch that mends it is accepted.
 */
function checkGradeKept(generated: LetterDraft, existing: readonly LetterEdit[], pending: readonly LetterEdit[], count: number): void {
  const own = composedGrade(generated);
  if (own === null) return;
  const after = applyEdits(generated, pending).letter;
  // The letter before the batch, only to say whether a fault is the batch's or was there already.
  const before = () => applyEdits(generated, existing).letter;
  const what = count === 1 ? 'the edit' : 'these edits';
  const grade = (g: AssessmentGrade) => `${g} (${gradeWords(generated, g)})`;
  const mend = 'reword or revert it in the same batch';
  const wrong = statementsDisagreeing(after, own)[0];
  if (wrong) {
    const mention = wrong.mentions.find((m) => m.grade !== own)!;
    const said = `"${mention.words}", grade ${grade(mention.grade)}`;
    const already = statementsDisagreeing(before(), own).some((s) => s.sentence === wrong.sentence && s.text === wrong.text);
    throw new UsageError(
      already
        ? `sentence ${wrong.sentence} already says ${said}, but the letter's grade is ${grade(own)}: an earlier edit made it so, or the grade has changed since; ${mend}, and change the grade through a judgement, not the letter`
        : `${what} would make sentence ${wrong.sentence} say ${said}, but the letter's grade is ${grade(own)}: change the grade through a judgement, not the letter`,
    );
  }
  if (gradeStatements(after).length === 0) {
    const example = gradeStatements(generated)[0];
    const as = example ? ` (as sentence ${example.sentence} does as generated: "${example.text}")` : '';
    throw new UsageError(
      gradeStatements(before()).length === 0
        ? `the letter already states its grade, ${grade(own)}, in no sentence: an earlier edit removed or reworded it; ${mend}, so that a sentence says it in the scale's words${as}`
        : `${what} would leave no sentence stating the letter's grade, ${grade(own)}: the letter must say it in the scale's words${as}`,
    );
  }
}

/** An edit in words, for the history. */
export function describeEdit(change: LetterEditOp): string {
  switch (change.op) {
    case 'reword':
      return `reword ${change.target} as "${change.text}"`;
    case 'remove':
      return `remove ${change.target}`;
    case 'add':
      return `add after ${change.after}: "${change.text}"`;
    case 'move':
      return `move ${change.target} after ${change.after}`;
    case 'revert':
      return `revert edit ${change.edit}`;
  }
}
