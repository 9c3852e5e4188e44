import type { LetterDraft } from '../narrative/letter.ts';

/** "8 November 2011": the letters' date style. */
export function letterDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}

/**
 * The letter as Markdown, in the order of the seed letters: office, date, addressee, salutation, heading, the year's
 * paragraphs and scale, the grade line, summary, strengths, areas for further improvement, the statutory paragraph,
 * signatories. Pure and deterministic: the same draft gives the same bytes.
 */
export function letterMarkdown(letter: LetterDraft): string {
  const out: string[] = [];
  if (letter.synthetic) out.push('> **Not a real letter.** It is written from synthetic or reconstructed evidence.', '');
  out.push(letter.office.join('  \n'), '', letterDate(letter.date), '');
  if (letter.addressee) {
    const a = letter.addressee;
    out.push([`${a.honorific ? `${a.honorific} ` : ''}${a.name}`, a.jobTitle, a.council, ...a.addressLines, a.postcode].join('  \n'), '');
  }
  out.push(`${letter.salutation}`, '', `## ${letter.heading}`, '');
  for (const paragraph of letter.before) out.push(paragraph, '');
  if (letter.scaleIntro) out.push(letter.scaleIntro, '');
  out.push('| Grade | | |', '|---|---|---|', ...letter.scale.map((s) => `| ${s.grade} | ${s.label} | ${s.descriptor} |`), '');
  for (const paragraph of letter.after) out.push(paragraph, '');
  out.push(`## ${letter.gradeSection}`, '', `| ${letter.gradeLine.label} | ${letter.gradeLine.value} |`, '|---|---|', '');
  out.push(letter.summary.map((s) => s.text).join(' '), '');
  if (letter.strengths.length > 0) out.push('### Strengths', '', ...letter.strengths.map((b) => `- ${b.sentences.map((s) => s.text).join(' ')}`), '');
  if (letter.areas.length > 0) out.push('### Areas for further improvement', '', ...letter.areas.map((b) => `- ${b.sentences.map((s) => s.text).join(' ')}`), '');
  if (letter.statutory) out.push(letter.statutory, '');
  out.push('Yours sincerely', '');
  for (const s of letter.signatories) out.push(`${s.name}  \n${s.title}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
