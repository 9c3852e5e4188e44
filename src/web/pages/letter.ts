import type { LetterEdit } from '../../domain/letter-edit.ts';
import { describeEdit } from '../../narrative/edits.ts';
import type { EditReview } from '../../narrative/edits.ts';
import type { LetterDraft } from '../../narrative/letter.ts';
import { sentencesOf } from '../../narrative/letter.ts';
import { letterDate } from '../../narrative/dates.ts';
import type { YearView } from '../site-data.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { redRedView } from './la.ts';

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

/**
 * What the page shows of the process (issue 15): whether the reader may edit (an inspector, while drafting or checking);
 * the version shown, if it is a published one, with its content hash; every version published; and, for the people in
 * the process, its state.
 */
export interface LetterProcessView {
  readonly mayEdit: boolean;
  readonly published: { readonly version: number; readonly hash: string; readonly at: string; readonly latest: boolean } | null;
  readonly versions: readonly { readonly version: number; readonly at: string; readonly reason: string | null }[];
  readonly state: string | null;
}

/**
 * The red-reds of the profile behind the letter (src/profile/red-red.ts), below the letter: each with its figures and
 * the sentences of the letter whose evidence is that indicator. The letter's words and evidence are not changed.
 */
function letterRedReds(view: YearView, letter: LetterDraft, profile: LaProfile) {
  const year = view.framework.year;
  const red = redRedView(profile, view.framework, letter.la.name, (id) => `/${year}/la/${letter.la.code}/indicator/${encodeURIComponent(id)}`);
  const all = sentencesOf(letter);
  return {
    summary: red.summary,
    meaning: red.meaning,
    items: red.items.map((r) => ({ ...r, sentences: all.filter((s) => s.sentence.evidence.some((e) => e.block === 'C' && e.indicator === r.id)).map((s) => ({ id: s.sentence.id, text: s.sentence.text })) })),
    redSentences: new Set(all.filter((s) => s.sentence.evidence.some((e) => e.block === 'C' && red.ids.has(e.indicator))).map((s) => s.sentence.id)),
  };
}

export function letterPage(view: YearView, letter: LetterDraft, reviews: readonly EditReview[], edits: readonly LetterEdit[], form: EditFormState, saved: number[], process: LetterProcessView, evidence: { readonly profile: LaProfile } | null = null) {
  const year = view.framework.year;
  const home = `/${year}/la/${letter.la.code}/letter`;
  // A version's downloads are that version's: /letter/v/2.pdf.
  const base = process.published ? `${home}/v/${process.published.version}` : home;
  const all = sentencesOf(letter);
  const reverted = new Map(edits.flatMap((e) => (e.change.op === 'revert' ? [[e.change.edit, e.id] as const] : [])));
  const target = form.target ? all.find((s) => s.sentence.id === form.target) ?? null : null;
  const red = evidence ? letterRedReds(view, letter, evidence.profile) : null;
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
    sentences: all.map((s) => ({ id: s.sentence.id, section: s.section, text: s.sentence.text, edit: s.sentence.edit ?? null, href: `${home}?edit=${encodeURIComponent(s.sentence.id)}#edit-form`, redRed: red?.redSentences.has(s.sentence.id) ?? false })),
    redReds: red ? { summary: red.summary, meaning: red.meaning, items: red.items } : null,
    action: `${home}/edits`,
    process: {
      ...process,
      published: process.published ? { ...process.published, at: letterDate(process.published.at.slice(0, 10)) } : null,
      versions: process.versions.map((v) => ({ ...v, at: letterDate(v.at.slice(0, 10)), href: `${home}/v/${v.version}` })),
      processHref: process.state ? `/${year}/la/${letter.la.code}/process` : null,
    },
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
