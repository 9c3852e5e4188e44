import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { openPdfPrinter, pdfPool, PdfTimeoutError } from './pdf.ts';
import type { PrintPage } from './pdf.ts';

/** Fake pages: a letter containing "slow" takes `slowMs` to print (or never finishes), any other 10 ms. */
function fakePages(slowMs: number | null) {
  const made = { opened: 0, closed: 0 };
  const open = async (): Promise<PrintPage> => {
    made.opened++;
    return {
      print: (html) => new Promise((done) => (html.includes('slow') ? slowMs !== null && setTimeout(() => done(Buffer.from('slow pdf')), slowMs) : setTimeout(() => done(Buffer.from(`pdf of ${html}`)), 10))),
      close: async () => void made.closed++,
    };
  };
  return { open, made };
}

const elapsed = async <T>(work: Promise<T>): Promise<{ value: T; ms: number }> => {
  const start = performance.now();
  const value = await work;
  return { value, ms: performance.now() - start };
};

describe('printing PDFs through a pool of pages', () => {
  test('a slow print does not delay a fast one', async () => {
    const { open } = fakePages(1000);
    const printer = pdfPool(open, { pages: 2, timeoutMs: 5000 });
    const slow = elapsed(printer.print('slow letter'));
    const fast = await elapsed(printer.print('fast letter'));
    assert.equal(fast.value.toString(), 'pdf of fast letter');
    assert.ok(fast.ms < 500, `the fast letter took ${fast.ms} ms behind the slow one`);
    assert.ok((await slow).ms >= 900);
    await printer.close();
  });

  test('a print that takes too long fails with PdfTimeoutError, and its page is replaced', async () => {
    const { open, made } = fakePages(null);
    const printer = pdfPool(open, { pages: 1, timeoutMs: 200 });
    const stuck = await printer.print('slow letter').then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(stuck instanceof PdfTimeoutError, String(stuck));
    assert.equal(stuck.name, 'PdfTimeoutError');
    assert.equal(stuck.timeoutMs, 200);
    assert.equal(made.closed, 1);
    // The one page was stuck and is gone; the next letter prints on its replacement.
    assert.equal((await printer.print('next letter')).toString(), 'pdf of next letter');
    assert.equal(made.opened, 2);
    await printer.close();
  });

  test('a print waiting for a page counts the wait against its timeout, and the page then serves the next', async () => {
    const { open } = fakePages(400);
    const printer = pdfPool(open, { pages: 1, timeoutMs: 300 });
    const first = printer.print('slow letter').catch((e: unknown) => e);
    const second = printer.print('fast letter').catch((e: unknown) => e);
    assert.ok((await second) instanceof PdfTimeoutError);
    assert.ok((await first) instanceof PdfTimeoutError);
    assert.equal((await printer.print('third letter')).toString(), 'pdf of third letter');
    await printer.close();
  });

  test('in Chromium, a letter that takes long to lay out times out, and another letter meanwhile prints at once', { skip: !existsSync(process.env['KINGSWAY_CHROMIUM'] ?? '/usr/bin/chromium') && 'no Chromium' }, async () => {
    const printer = await openPdfPrinter(undefined, { pages: 2, timeoutMs: 3000 });
    try {
      const letter = (body: string) => `<!DOCTYPE html><html><head><style>body { font: 11pt serif }</style></head><body>${body}</body></html>`;
      await printer.print(letter('<p>warm up</p>'));
      // A script that holds the renderer for 10 s stands for a letter that is slow to lay out.
      const slow = elapsed(printer.print(letter('<p>slow</p><script>const end = Date.now() + 10000; while (Date.now() < end);</script>')).catch((e: unknown) => e));
      await new Promise((done) => setTimeout(done, 200));
      const fast = await elapsed(printer.print(letter('<p>A short letter.</p>')));
      assert.equal(fast.value.subarray(0, 5).toString(), '%PDF-');
      assert.ok(fast.ms < 2500, `the short letter took ${fast.ms.toFixed(0)} ms`);
      const late = await slow;
      assert.ok(late.value instanceof PdfTimeoutError, String(late.value));
      assert.ok(late.ms < 4500, `the timeout came after ${late.ms.toFixed(0)} ms`);
      // The pool is whole again: both pages print.
      const again = await Promise.all([printer.print(letter('<p>one</p>')), printer.print(letter('<p>two</p>'))]);
      for (const pdf of again) assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    } finally {
      await printer.close();
    }
  });
});
