import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../domain/errors.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { assessOne } from '../../judgement/assess.ts';
import { composeLetter, lastYearsLetters } from '../../application/compose-letter.ts';
import type { EditedLetter } from '../../narrative/edits.ts';
import type { LetterDraft } from '../../narrative/letter.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { letterDocx } from '../../render/docx.ts';
import { letterHtml } from '../../render/html.ts';
import { letterMarkdown } from '../../render/markdown.ts';
import { openPdfPrinter } from '../../render/pdf.ts';
import type { PdfPrinter } from '../../render/pdf.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { frameworkWith } from '../framework-options.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

/**
 * `kingsway letter`: an LA's letter for a year, written from its assessment with the inspectors' edits laid over it,
 * as Markdown, HTML, PDF, DOCX or JSON; printed, or written to `<out>/<code>-<year>.<format>` (a PDF or DOCX always
 * to a file). Edits that need review are listed on stderr.
 */
export type LetterFormat = 'md' | 'html' | 'pdf' | 'docx';

export interface LetterOptions {
  la?: string;
  name?: string;
  year: number;
  vintage?: string;
  settings?: FrameworkSettings;
  /** Who the letter is from: the deployment's sender and signatory (default: a role, src/narrative/letter-settings.ts). */
  letter?: LetterSettings;
}

/** The letter as Kingsway writes it from the evidence, before any inspector's edits. */
export async function generatedLetter(repo: EvidenceRepository, options: LetterOptions): Promise<LetterDraft> {
  return (await editedLetter(repo, options)).generated;
}

/** The letter with the inspectors' edits laid over it, and what in them needs looking at again (compose-letter.ts). */
export async function editedLetter(repo: EvidenceRepository, options: LetterOptions): Promise<EditedLetter & { generated: LetterDraft }> {
  const framework = frameworkWith(options.year, options.settings);
  const la = findLa(await repo.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const assessment = assessOne(await loadAssessInput(repo, framework, options.vintage), la);
  if (assessment.status !== 'assessed') {
    throw new UsageError(`no letter for ${la.name} (${la.code}) in ${framework.year}: ${assessment.status === 'withheld' ? `the outcome is withheld (${assessment.reason})` : `it could not be assessed (${assessment.reason})`}`);
  }
  const lastYear = (await lastYearsLetters(repo, framework.year, options.vintage, [la.code])).get(la.code) ?? null;
  return composeLetter(repo, assessment, framework, lastYear, options.letter);
}

export async function runLetter(repo: EvidenceRepository, options: LetterOptions & { format: LetterFormat | 'json'; out?: string; edits?: boolean }, io: Io): Promise<string> {
  const { letter: edited, reviews, generated } = await editedLetter(repo, options);
  const draft = options.edits === false ? generated : edited;
  if (options.edits !== false && reviews.length > 0) {
    io.err(`${reviews.length} of the inspectors' edits to this letter need review (kingsway letter edits lists them):`);
    for (const r of reviews) io.err(`  edit ${r.edit} (${r.target}): ${r.reason}`);
  }
  if (options.format === 'json') {
    // The draft itself: every sentence with its id (what an edit names), the evidence it states, and any edit.
    const json = JSON.stringify(options.edits === false ? draft : { ...draft, reviews }, null, 2);
    io.out(json);
    return json;
  }
  if (options.format === 'md' || options.format === 'html') {
    const rendered = options.format === 'html' ? letterHtml(draft) : letterMarkdown(draft);
    if (options.out === undefined) {
      io.out(rendered.trimEnd());
      return rendered;
    }
  }
  // A PDF or DOCX is not for a terminal: it is always written to a file.
  const printer = options.format === 'pdf' ? await openPdfPrinter() : null;
  try {
    const path = await writeLetter(draft, options.format as LetterFormat, options.out ?? '.', printer);
    io.out(`wrote ${path}`);
    return path;
  } finally {
    await printer?.close();
  }
}

/** Writes one letter in one format to `<dir>/<code>-<year>.<format>`; a PDF needs an open printer. */
export async function writeLetter(draft: LetterDraft, format: LetterFormat, dir: string, printer: PdfPrinter | null): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${draft.la.code}-${draft.year}.${format}`);
  switch (format) {
    case 'md':
      writeFileSync(path, letterMarkdown(draft));
      break;
    case 'html':
      writeFileSync(path, letterHtml(draft));
      break;
    case 'docx':
      writeFileSync(path, await letterDocx(draft));
      break;
    case 'pdf':
      if (!printer) throw new Error('a PDF needs an open printer');
      writeFileSync(path, await printer.print(letterHtml(draft)));
      break;
  }
  return path;
}
