import type { LetterEdit } from '../../domain/letter-edit.ts';
import { describeEdit } from '../../narrative/edits.ts';
import type { EditReview } from '../../narrative/edits.ts';
import type { LetterDraft } from '../../narrative/letter.ts';
import { sentencesOf } from '../../narrative/letter.ts';
import { letterDate } from '../../narrative/dates.ts';
import type { YearView } from '../site-data.ts';

/**
 * The letter page: the letter as the Director would read it (with the inspectors' edits), downloads of it as PDF,
 * Word, HTML and Markdown, and the inspector's tools: every sentence with its id and state, a form to reword,
 * remove, add after or move the chosen sentence, the edits that need review, and the history with a way to revert.
 * All plain forms: it works without JavaScript.
 */
export interface EditFormState {
  readonly target: string | null;
  readonly values: Readonly<Record<string, string>>;
  readonly errors: readonly { readonly field: string; readonly text: string }[];
}

export function letterPage(view: YearView, letter: LetterDraft, reviews: readonly EditReview[], edits: readonly LetterEdit[], form: EditFormState, saved: number[]) {
  const year = view.framework.year;
  const base = `/${year}/la/${letter.la.code}/letter`;
  const all = sentencesOf(letter);
  const reverted = new Map(edits.flatMap((e) => (e.change.op === 'revert' ? [[e.change.edit, e.id] as const] : [])));
  const target = form.target ? all.find((s) => s.sentence.id === form.target) ?? null : null;
  return {
    title: `${letter.la.name}: the ${year} letter`,
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: letter.la.name, href: `/${year}/la/${letter.la.code}` }, { text: `${year} letter` }],
    letter,
    date: letterDate(letter.date),
    capacity: letter.scale.some((s) => s.capacityDescriptor),
    downloads: [
      { href: `${base}.pdf`, text: 'PDF (A4)' },
      { href: `${base}.docx`, text: 'Word document (DOCX)' },
      { href: `${base}.html`, text: 'Printable web page (HTML)' },
      { href: `${base}.md`, text: 'Markdown' },
    ],
    reviews,
    sentences: all.map((s) => ({ id: s.sentence.id, section: s.section, text: s.sentence.text, edit: s.sentence.edit ?? null, href: `${base}?edit=${encodeURIComponent(s.sentence.id)}#edit-form` })),
    action: `${base}/edits`,
    form: {
      ...form,
      // Each field's message in the shape GOV.UK's macros take ({ text }), or nothing.
      errorFor: Object.fromEntries(form.errors.map((e) => [e.field, { text: e.text }])),
      target: target ? { id: target.sentence.id, text: target.sentence.text } : null,
      afterOptions: all.filter((s) => s.sentence.id !== form.target).map((s) => ({ value: s.sentence.id, text: `${s.sentence.id}: ${s.sentence.text.slice(0, 70)}${s.sentence.text.length > 70 ? '…' : ''}` })),
    },
    history: edits.map((e) => ({ id: e.id, at: e.recordedAt.slice(0, 16).replace('T', ' '), by: e.author, what: describeEdit(e.change), revertedBy: reverted.get(e.id) ?? null, revertable: e.change.op !== 'revert' && !reverted.has(e.id) })),
    saved,
  };
}
