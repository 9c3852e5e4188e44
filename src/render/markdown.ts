import type { LetterDraft, LetterSection } from '../narrative/letter.ts';
import { letterDate } from '../narrative/dates.ts';

const blockText = (b: LetterSection['blocks'][number]) => b.sentences.map((s) => s.text).join(' ');

/**
 * The letter as Markdown, in the order of the seed letters: office, date, addressee, salutation, heading, the year's
 * paragraphs and scale, the grade line (or the 2006 table of graded areas, with the scale under it as its key), the
 * sections of the body, the statutory paragraph, signatories. Pure and deterministic: the same draft gives the same
 * bytes.
 */
export function letterMarkdown(letter: LetterDraft): string {
  const out: string[] = [];
  if (letter.synthetic) out.push('> **Not a real letter.** It is written from synthetic or reconstructed evidence.', '');
  out.push(`> ${letter.notice}`, '');
  out.push(letter.office.join('  \n'), '', letterDate(letter.date), '');
  if (letter.addressee) {
    const a = letter.addressee;
    out.push([`${a.honorific ? `${a.honorific} ` : ''}${a.name}`, a.jobTitle, a.council, ...a.addressLines, a.postcode].join('  \n'), '');
  }
  out.push(`${letter.salutation}`, '', `## ${letter.heading}`, '');
  for (const paragraph of letter.before) out.push(paragraph, '');
  const scale = () => {
    if (letter.scaleIntro) out.push(letter.scaleIntro, '');
    const capacity = letter.scale.some((s) => s.capacityDescriptor);
    if (capacity) out.push('| Grade | Service descriptors | Capacity to improve descriptors |', '|---|---|---|', ...letter.scale.map((s) => `| ${s.grade} | ${s.descriptor} | ${s.capacityDescriptor ?? ''} |`), '');
    else out.push('| Grade | | |', '|---|---|---|', ...letter.scale.map((s) => `| ${s.grade} | ${s.label} | ${s.descriptor} |`), '');
  };
  if (!letter.gradeTable) scale();
  for (const paragraph of letter.after) out.push(paragraph, '');
  out.push(`## ${letter.gradeSection}`, '');
  if (letter.gradeLine) out.push(`| ${letter.gradeLine.label} | ${letter.gradeLine.value} |`, '|---|---|', '');
  if (letter.gradeTable) {
    out.push('| Areas for judgement | Grade awarded |', '|---|---|', ...letter.gradeTable.rows.map((r) => `| ${r.label} | ${r.grade} |`), '');
    scale();
  }
  for (const section of letter.sections) {
    if (section.blocks.length === 0) continue;
    if (section.heading) out.push(`### ${section.heading}`, '');
    if (section.form === 'bullets') out.push(...section.blocks.map((b) => `- ${blockText(b)}`), '');
    else for (const b of section.blocks) out.push(blockText(b), '');
  }
  if (letter.statutory) out.push(letter.statutory, '');
  out.push('Yours sincerely', '');
  for (const s of letter.signatories) out.push(s.name ? `${s.name}  \n${s.title}` : s.title, '');
  return `${out.join('\n').trimEnd()}\n`;
}
