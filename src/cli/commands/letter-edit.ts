import type { LetterEditOp } from '../../domain/letter-edit.ts';
import { UsageError } from '../../domain/errors.ts';
import { recordLetterEdits } from '../../application/record-edits.ts';
import { describeEdit } from '../../narrative/edits.ts';
import type { Store } from '../../store/repository.ts';
import { printable } from '../io.ts';
import type { Io } from '../io.ts';
import { editedLetter, generatedLetter } from './letter.ts';
import type { LetterOptions } from './letter.ts';

/**
 * `kingsway letter edit`: records an inspector's edits to an LA's letter, each checked against the letter as it now
 * stands (so an edit can name a sentence an earlier edit added), with the generated sentence it changes kept as its
 * basis. `kingsway letter edits`: the edits in order, who made them and when, and those that need review.
 */
export async function runLetterEdit(store: Store, options: LetterOptions & { changes: readonly LetterEditOp[]; by: string; at: string }, io: Io): Promise<number[]> {
  if (options.by.trim() === '') throw new UsageError('--by must name who made the edit');
  const generated = await generatedLetter(store, options);
  const { ids, records } = await recordLetterEdits(store, generated, options.changes, options.by, options.at);
  records.forEach((record, n) => io.out(`recorded edit ${ids[n]} to the ${generated.year} letter for ${generated.la.name} (${generated.la.code}): ${describeEdit(record.change)}`));
  return [...ids];
}

export async function runLetterEdits(store: Store, options: LetterOptions, io: Io): Promise<void> {
  const { generated, reviews } = await editedLetter(store, options);
  const edits = await store.letterEdits(generated.la.code, generated.year);
  if (edits.length === 0) {
    io.out(`no edits to the ${generated.year} letter for ${generated.la.name} (${generated.la.code})`);
    return;
  }
  const revertedBy = new Map(edits.flatMap((e) => (e.change.op === 'revert' ? [[e.change.edit, e.id] as const] : [])));
  for (const e of edits) {
    const note = revertedBy.has(e.id) ? ` (reverted by edit ${revertedBy.get(e.id)})` : '';
    io.out(`${e.id}\t${e.recordedAt}\t${printable(e.author)}\t${printable(describeEdit(e.change))}${note}`);
  }
  if (reviews.length > 0) {
    io.out(`\n${reviews.length} need${reviews.length === 1 ? 's' : ''} review:`);
    for (const r of reviews) io.out(`  edit ${r.edit} (${r.target}): ${r.reason}`);
  } else io.out('\nnone needs review');
}
