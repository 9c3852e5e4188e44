import { frameworkFor } from '../src/frameworks/index.ts';
import { assessAll } from '../src/judgement/assess.ts';
import { draftLetter } from '../src/narrative/letter.ts';
import type { LetterDraft } from '../src/narrative/letter.ts';
import { letterDocx } from '../src/render/docx.ts';
import { letterHtml } from '../src/render/html.ts';
import { letterMarkdown } from '../src/render/markdown.ts';
import { openPdfPrinter } from '../src/render/pdf.ts';
import { loadAssessInput } from '../src/application/load-evidence.ts';
import { setUp } from './assessment.bench.ts';
import type { BenchLine } from './support.ts';
import { median, scratch, timeRuns } from './support.ts';

/**
 * Issue 4: every LA's letter for 2011 on the synthetic national dataset, as HTML in under 1 s, as DOCX in under 5 s,
 * as PDF in under 30 s (one browser for all). The reference is writing the same letters as Markdown, the plainest
 * rendering of the same drafts, in the same run.
 */
export async function benchLetters(): Promise<BenchLine[]> {
  const tmp = scratch();
  try {
    const { store } = await setUp(tmp.dir);
    const framework = frameworkFor(2011);
    const results = assessAll(await loadAssessInput(store, framework));
    const drafts: LetterDraft[] = [];
    for (const a of results) if (a.status === 'assessed') drafts.push(draftLetter(a, framework, (await store.addressee(a.la.code, 2011)) ?? null, true));
    await store.close();
    const n = drafts.length;
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const draftTime = median(await timeRuns(3, () => void results.forEach((a) => a.status === 'assessed' && draftLetter(a, framework, null, true))));
    const md = median(await timeRuns(3, () => void drafts.forEach(letterMarkdown)));
    const html = median(await timeRuns(3, () => void drafts.forEach(letterHtml)));
    const docx = median(await timeRuns(3, async () => void (await Promise.all(drafts.map(letterDocx)))));
    const printer = await openPdfPrinter();
    let pdf: number;
    try {
      await printer.print(letterHtml(drafts[0]!)); // the browser's first page is slower: not the letters' cost
      pdf = (await timeRuns(1, async () => {
        for (const d of drafts) await printer.print(letterHtml(d));
      }))[0]!;
    } finally {
      await printer.close();
    }
    return [
      { benchmark: 'letters 2011', measure: `draft all ${n} letters from their assessments (median of 3)`, value: ms(draftTime) },
      { benchmark: 'letters 2011', measure: 'reference: all as Markdown', value: ms(md) },
      { benchmark: 'letters 2011', measure: 'all as HTML (Nunjucks)', value: `${ms(html)} = ${(html / md).toFixed(1)}× Markdown`, target: '< 1 s', met: html < 1000 },
      { benchmark: 'letters 2011', measure: 'all as DOCX', value: `${ms(docx)} = ${(docx / md).toFixed(0)}× Markdown`, target: '< 5 s', met: docx < 5000 },
      { benchmark: 'letters 2011', measure: 'all as PDF, one browser', value: `${ms(pdf)} = ${(pdf / md).toFixed(0)}× Markdown`, target: '< 30 s', met: pdf < 30000 },
    ];
  } finally {
    tmp.cleanup();
  }
}
