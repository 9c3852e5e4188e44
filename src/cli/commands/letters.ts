import { UsageError } from '../../domain/errors.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { assessAll } from '../../judgement/assess.ts';
import { composeLetter, lastYearsLetters } from '../../application/compose-letter.ts';
import { lintLetter } from '../../narrative/lint/lint.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { openPdfPrinter, PdfTimeoutError } from '../../render/pdf.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { frameworkWith } from '../framework-options.ts';
import type { Io } from '../io.ts';
import type { LetterFormat } from './letter.ts';
import { writeLetter } from './letter.ts';

export interface LettersResult {
  readonly written: number;
  /** LAs with no letter, and why (withheld, or not assessed). */
  readonly skipped: readonly { readonly la: string; readonly reason: string }[];
  /** LAs whose letter could not be written in some format (a PDF that timed out), and why; the run went on. */
  readonly failed: readonly { readonly la: string; readonly reason: string }[];
}

/**
 * `kingsway letters`: every LA's letter for a year, in each format asked for, into one folder. One assessment of
 * all LAs, one browser for all the PDFs. An LA with no letter (withheld, not assessed) is listed with the reason and
 * the run goes on.
 */
export async function runLetters(repo: EvidenceRepository, options: { year: number; formats: readonly LetterFormat[]; out: string; vintage?: string; settings?: FrameworkSettings; letter?: LetterSettings; lint?: boolean }, io: Io): Promise<LettersResult> {
  const framework = frameworkWith(options.year, options.settings);
  if (options.formats.length === 0) throw new UsageError('give at least one format: md, html, pdf or docx');
  const results = assessAll(await loadAssessInput(repo, framework, options.vintage));
  const lastYear = await lastYearsLetters(repo, framework.year, options.vintage);
  const printer = options.formats.includes('pdf') ? await openPdfPrinter() : null;
  const skipped: { la: string; reason: string }[] = [];
  const needReview: string[] = [];
  const failed: { la: string; reason: string }[] = [];
  const linted: string[] = [];
  let written = 0;
  try {
    for (const [n, a] of results.entries()) {
      io.progress('letters', n, results.length);
      if (a.status !== 'assessed') {
        skipped.push({ la: `${a.la.code} ${a.la.name}`, reason: a.status === 'withheld' ? `withheld: ${a.reason}` : `not assessed: ${a.reason}` });
        continue;
      }
      // Each letter as the inspectors left it: their edits over what the evidence now gives (compose-letter.ts).
      const { letter: draft, reviews } = await composeLetter(repo, a, framework, lastYear.get(a.la.code) ?? null, options.letter);
      if (reviews.length > 0) needReview.push(`${a.la.code} ${a.la.name}: ${reviews.length} edit${reviews.length === 1 ? '' : 's'}`);
      // `--lint`: the letter as sent, inspectors' words included, through the style checks (src/narrative/lint/).
      if (options.lint) for (const f of lintLetter(draft)) linted.push(`${a.la.code} ${a.la.name}: ${f.rule} ${f.section}/${f.sentence ?? f.block ?? '-'}: ${f.text} (${f.message})`);
      // One letter that cannot be printed (a PDF past its time limit) is reported, and the others are still written.
      try {
        for (const format of options.formats) await writeLetter(draft, format, options.out, printer);
        written++;
      } catch (error) {
        if (!(error instanceof PdfTimeoutError)) throw error;
        failed.push({ la: `${a.la.code} ${a.la.name}`, reason: error.message });
      }
    }
    io.progress('letters', results.length, results.length);
  } finally {
    await printer?.close();
  }
  io.endProgress();
  io.out(`${written} letter${written === 1 ? '' : 's'} for ${framework.year} written to ${options.out} (${options.formats.join(', ')})`);
  if (needReview.length > 0) io.out(`Letters with edits that need review (kingsway letter edits --la CODE --year ${framework.year}):\n  ${needReview.join('\n  ')}`);
  for (const s of skipped) io.out(`  no letter for ${s.la}: ${s.reason}`);
  for (const f of failed) io.out(`  letter not written for ${f.la}: ${f.reason}`);
  if (options.lint) io.out(linted.length === 0 ? 'Style checks: no findings' : `Style checks: ${linted.length} finding${linted.length === 1 ? '' : 's'}\n  ${linted.join('\n  ')}`);
  return { written, skipped, failed };
}
