import type { LetterEditOp } from '../domain/letter-edit.ts';
import { TEXT_LIMITS, userTextProblem } from '../domain/user-text.ts';
import type { TextKind } from '../domain/user-text.ts';

/**
 * The letter page's edit form, read into an edit, or the messages for the fields that are wrong (in GOV.UK's style:
 * say what to do, name the field). The words are held to the core's limits (domain/user-text.ts) here too, so that
 * the form can say what is wrong beside the field rather than the core refusing the whole edit. Who made the edit is
 * not a field: it is the signed-in inspector (issue 15).
 */
export function editFromForm(body: Readonly<Record<string, string | undefined>>): { change: LetterEditOp | null; errors: { field: string; text: string }[] } {
  const errors: { field: string; text: string }[] = [];
  const value = (name: string) => (body[name] ?? '').trim();
  /** The field's problem as a message beginning with its label, or null; an empty field has its own message. */
  const refused = (name: string, kind: TextKind, label: string): string | null => {
    const v = value(name);
    if (v === '') return null;
    // A textarea sends Enter as a line break, which the letter cannot hold: say so in those words.
    if (/[\r\n]/.test(v)) return `${label} must be on one line: remove the line breaks`;
    // GOV.UK's wording for a limit: "must be N characters or fewer".
    if (v.length > TEXT_LIMITS[kind]) return `${label} must be ${TEXT_LIMITS[kind].toLocaleString('en-GB')} characters or fewer (this is ${v.length.toLocaleString('en-GB')})`;
    const problem = userTextProblem(v, kind);
    return problem ? `${label} ${problem}` : null;
  };
  const action = value('action');
  const target = value('target');
  let change: LetterEditOp | null = null;
  switch (action) {
    case 'reword':
    case 'add': {
      const textProblem = refused('text', 'sentence', 'The words');
      if (value('text') === '') errors.push({ field: 'text', text: action === 'reword' ? 'Enter the new words, or choose to leave the sentence out' : 'Enter the sentence to add' });
      else if (textProblem) errors.push({ field: 'text', text: textProblem });
      else change = action === 'reword' ? { op: 'reword', target, text: value('text') } : { op: 'add', after: target, text: value('text') };
      break;
    }
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
