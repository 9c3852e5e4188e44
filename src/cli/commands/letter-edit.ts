import type { LetterEdit, LetterEditOp } from '../../domain/letter-edit.ts';
import { UsageError } from '../../domain/errors.ts';
import { applyEdits, basisFor, checkEdit } from '../../narrative/edits.ts';
import type { Store } from '../../store/repository.ts';
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
  const existing = await store.letterEdits(generated.la.code, generated.year);
  // Check every change first, in order, against the letter as the earlier ones leave it: all are recorded or none.
  const pending: LetterEdit[] = [...existing];
  let nextId = (existing.at(-1)?.id ?? 0) + 1;
  for (const change of options.changes) {
    const { letter } = applyEdits(generated, pending);
    if (change.op === 'revert') {
      if (!pending.some((e) => e.id === change.edit)) throw new UsageError(`there is no edit ${change.edit} to this letter to revert`);
    } else checkEdit(letter, change);
    const target = change.op === 'reword' || change.op === 'remove' || change.op === 'move' ? change.target : null;
    pending.push({ id: nextId++, la: generated.la.code, year: generated.year, change, basis: target ? basisFor(generated, target) : null, author: options.by, recordedAt: options.at });
  }
  const ids: number[] = [];
  for (const e of pending.slice(existing.length)) {
    const { id: _, ...record } = e;
    const id = await store.recordLetterEdit(record);
    ids.push(id);
    io.out(`recorded edit ${id} to the ${generated.year} letter for ${generated.la.name} (${generated.la.code}): ${describe(e.change)}`);
  }
  return ids;
}

function describe(change: LetterEditOp): string {
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
    io.out(`${e.id}\t${e.recordedAt}\t${e.author}\t${describe(e.change)}${note}`);
  }
  if (reviews.length > 0) {
    io.out(`\n${reviews.length} need${reviews.length === 1 ? 's' : ''} review:`);
    for (const r of reviews) io.out(`  edit ${r.edit} (${r.target}): ${r.reason}`);
  } else io.out('\nnone needs review');
}
