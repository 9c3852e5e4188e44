import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { UsageError } from '../domain/errors.ts';

/**
 * PDF by printing the HTML letter in headless Chromium, the Debian package (never a browser downloaded by
 * Playwright: shared/docs/stack.md). One browser serves many letters: open it once, print each, close it.
 */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env['KINGSWAY_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new UsageError(`PDF needs Chromium, and there is none at ${JSON.stringify(path)}: install the Debian package (apt-get install -y chromium) or set KINGSWAY_CHROMIUM to its path`);
  }
  return path;
}

/** The Debian Chromium, headless, with the flags that keep it from reaching the network. */
export function launchChromium(executablePath: string = chromiumPath()): Promise<Browser> {
  return chromium.launch({ executablePath, args: FLAGS });
}

export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** A print that did not finish in time: its page is thrown away, and the caller can offer another format. */
export class PdfTimeoutError extends Error {
  override readonly name = 'PdfTimeoutError';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`the PDF took longer than ${(timeoutMs / 1000).toLocaleString('en-GB')} s to print`);
    this.timeoutMs = timeoutMs;
  }
}

export interface PdfPoolOptions {
  /** Pages printing at once. Each is in its own browser context, so its own renderer: one long layout stalls no other. */
  readonly pages?: number;
  /** The most a print may take, waiting for a page included, before it fails with PdfTimeoutError. */
  readonly timeoutMs?: number;
}

export const PDF_DEFAULTS = { pages: 2, timeoutMs: 20_000 } as const;

/** What the pool needs of a browser page: enough to fake one in a test. */
export interface PrintPage {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Prints through a few pages, each reused (opening a page per letter costs more than printing it). A print waits for
 * a free page; past its deadline it is refused, and if it was printing, its page is closed (a renderer stuck in a
 * 1 MB letter's layout would otherwise hold the page for as long as it takes) and a fresh one opened in its place.
 */
export function pdfPool(openPage: () => Promise<PrintPage>, options: PdfPoolOptions = {}): PdfPrinter {
  const size = Math.max(1, options.pages ?? PDF_DEFAULTS.pages);
  const timeoutMs = options.timeoutMs ?? PDF_DEFAULTS.timeoutMs;
  // A slot holds one page (opening, or open); wrapped so that a promise of a slot never adopts the page's promise.
  type Slot = { readonly page: Promise<PrintPage> };
  const open = (): Slot => {
    const page = openPage();
    page.catch(() => undefined);
    return { page };
  };
  const idle: Slot[] = [];
  const waiting: ((slot: Slot) => void)[] = [];
  let opened = 0;
  let closed = false;

  const acquire = (): Promise<Slot> => {
    const free = idle.pop();
    if (free) return Promise.resolve(free);
    if (opened < size) {
      opened++;
      return Promise.resolve(open());
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (slot: Slot) => {
    if (closed) return void slot.page.then((p) => p.close()).catch(() => undefined);
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  };
  /** A page that failed or ran out of time is closed and a fresh one takes its slot, so the pool keeps its size. */
  const replace = (slot: Slot) => {
    void slot.page.then((p) => p.close()).catch(() => undefined);
    release(open());
  };

  return {
    async print(html) {
      if (closed) throw new Error('the PDF printer is closed');
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PdfTimeoutError(timeoutMs)), timeoutMs);
      });
      deadline.catch(() => undefined);
      const acquired = acquire();
      let slot: Slot;
      try {
        slot = await Promise.race([acquired, deadline]);
      } catch (e) {
        // Timed out while waiting for a page: the page, when it is free, goes to the next print.
        void acquired.then(release);
        clearTimeout(timer);
        throw e;
      }
      const printing = slot.page.then((p) => p.print(html));
      printing.catch(() => undefined);
      try {
        const pdf = await Promise.race([printing, deadline]);
        release(slot);
        return pdf;
      } catch (e) {
        replace(slot);
        throw e;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      closed = true;
      await Promise.all(idle.splice(0).map((slot) => slot.page.then((p) => p.close()).catch(() => undefined)));
    },
  };
}

export async function openPdfPrinter(executablePath: string = chromiumPath(), options: PdfPoolOptions = {}): Promise<PdfPrinter> {
  const browser = await launchChromium(executablePath);
  const pool = pdfPool(async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    return {
      async print(html) {
        // The letter is self-contained (its CSS inline, no images or fonts to fetch).
        await page.setContent(html, { waitUntil: 'domcontentloaded', timeout: 0 });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      },
      close: () => context.close(),
    };
  }, options);
  return {
    print: (html) => pool.print(html),
    async close() {
      await pool.close();
      await browser.close();
    },
  };
}
