import type { LetterEditOp } from '../domain/letter-edit.ts';

/**
 * The letter page's edit form, read into an edit, or the messages for the fields that are wrong (in GOV.UK's style:
 * say what to do, name the field).
 */
export function editFromForm(body: Readonly<Record<string, string | undefined>>): { change: LetterEditOp | null; errors: { field: string; text: string }[] } {
  const errors: { field: string; text: string }[] = [];
  const value = (name: string) => (body[name] ?? '').trim();
  if (value('by') === '') errors.push({ field: 'by', text: 'Enter your name, so that the edit says who made it' });
  const action = value('action');
  const target = value('target');
  let change: LetterEditOp | null = null;
  switch (action) {
    case 'reword':
    case 'add':
      if (value('text') === '') errors.push({ field: 'text', text: action === 'reword' ? 'Enter the new words, or choose to leave the sentence out' : 'Enter the sentence to add' });
      else change = action === 'reword' ? { op: 'reword', target, text: value('text') } : { op: 'add', after: target, text: value('text') };
      break;
    case 'remove':
      change = { op: 'remove', target };
      break;
    case 'move':
      if (value('after') === '') errors.push({ field: 'after', text: 'Choose the sentence to put it after' });
      else change = { op: 'move', target, after: value('after') };
      break;
    case 'revert': {
      const edit = Number(value('edit'));
      if (!Number.isInteger(edit) || edit < 1) errors.push({ field: 'action', text: `There is no edit ${JSON.stringify(value('edit'))} to revert` });
      else change = { op: 'revert', edit };
      break;
    }
    default:
      errors.push({ field: 'action', text: 'Choose what to do with the sentence' });
  }
  return { change: errors.length === 0 ? change : null, errors };
}
