import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { LetterDraft } from '../narrative/letter.ts';
import { letterDate } from '../narrative/dates.ts';

/**
 * The letter as a Word document an inspector can edit: real headings, bulleted lists and tables (the scale and the
 * grade line), in the same order as the HTML and Markdown. Text only, Arial 11pt, A4.
 */
const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const border = { style: BorderStyle.SINGLE, size: 4, color: '505A5F' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

export async function letterDocx(letter: LetterDraft): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  const para = (text: string) => children.push(new Paragraph({ text, spacing: { after: 160 } }));
  if (letter.synthetic) children.push(new Paragraph({ children: [new TextRun({ text: 'Not a real letter. It is written from synthetic or reconstructed evidence.', bold: true, color: 'D4351C' })], spacing: { after: 240 } }));
  children.push(new Paragraph({ children: [new TextRun({ text: letter.notice, italics: true })], spacing: { after: 240 } }));
  for (const line of letter.office) children.push(new Paragraph({ text: line, alignment: AlignmentType.RIGHT }));
  children.push(new Paragraph({ text: letterDate(letter.date), spacing: { before: 360, after: 240 } }));
  if (letter.addressee) {
    const a = letter.addressee;
    for (const line of [`${a.honorific ? `${a.honorific} ` : ''}${a.name}`, a.jobTitle, a.council, ...a.addressLines, a.postcode]) children.push(new Paragraph({ text: line }));
  }
  children.push(new Paragraph({ text: letter.salutation, spacing: { before: 240, after: 240 } }));
  children.push(new Paragraph({ text: letter.heading, heading: HeadingLevel.HEADING_1 }));
  letter.before.forEach(para);
  const scale = () => {
    if (letter.scaleIntro) para(letter.scaleIntro);
    const capacity = letter.scale.some((s) => s.capacityDescriptor);
    const header = capacity ? ['Grade', 'Service descriptors', 'Capacity to improve descriptors'] : ['Grade', 'Judgement', 'Description'];
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        // In twentieths of a point, across the 170 mm between the margins: LibreOffice otherwise splits them evenly.
        columnWidths: capacity ? [900, 5500, 3238] : [900, 2600, 6138],
        borders,
        rows: [
          new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
          ...letter.scale.map((s) => new TableRow({ children: (capacity ? [String(s.grade), s.descriptor, s.capacityDescriptor ?? ''] : [String(s.grade), s.label, s.descriptor]).map((t) => cell(t)) })),
        ],
      }),
    );
    children.push(new Paragraph({ text: '', spacing: { after: 120 } }));
  };
  if (!letter.gradeTable) scale();
  letter.after.forEach(para);
  children.push(new Paragraph({ text: letter.gradeSection, heading: HeadingLevel.HEADING_2 }));
  if (letter.gradeLine) {
    // A width is needed: without one, LibreOffice draws this one-row table with no width at all.
    children.push(new Table({ width: { size: 70, type: WidthType.PERCENTAGE }, borders, rows: [new TableRow({ children: [cell(letter.gradeLine.label), cell(letter.gradeLine.value, true)] })] }));
    children.push(new Paragraph({ text: '', spacing: { after: 120 } }));
  }
  if (letter.gradeTable) {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [7700, 1938],
        borders,
        rows: [new TableRow({ tableHeader: true, children: [cell('Areas for judgement', true), cell('Grade awarded', true)] }), ...letter.gradeTable.rows.map((r) => new TableRow({ children: [cell(r.label), cell(String(r.grade), true)] }))],
      }),
    );
    children.push(new Paragraph({ text: '', spacing: { after: 120 } }));
    scale();
  }
  for (const section of letter.sections) {
    if (section.blocks.length === 0) continue;
    if (section.heading) children.push(new Paragraph({ text: section.heading, heading: HeadingLevel.HEADING_3 }));
    for (const b of section.blocks) {
      const text = b.sentences.map((s) => s.text).join(' ');
      if (section.form === 'bullets') children.push(new Paragraph({ text, bullet: { level: 0 }, spacing: { after: 120 } }));
      else para(text);
    }
  }
  if (letter.statutory) para(letter.statutory);
  children.push(new Paragraph({ text: 'Yours sincerely', spacing: { before: 240 } }));
  for (const s of letter.signatories) children.push(...(s.name ? [new Paragraph({ text: s.name, spacing: { before: 480 } }), new Paragraph({ text: s.title })] : [new Paragraph({ text: s.title, spacing: { before: 480 } })]));
  const doc = new Document({
    title: letter.gradeSection,
    creator: 'Kingsway',
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1247, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
