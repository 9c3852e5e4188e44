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

export async function openPdfPrinter(executablePath: string = chromiumPath()): Promise<PdfPrinter> {
  const browser = await launchChromium(executablePath);
  const page = await (await browser.newContext()).newPage();
  // One page, reused for every letter: opening a page per letter costs more than printing it.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    print(html) {
      const printed = queue.then(async () => {
        // The letter is self-contained (its CSS inline, no images or fonts to fetch).
        await page.setContent(html, { waitUntil: 'domcontentloaded' });
        return page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      });
      queue = printed.catch(() => undefined);
      return printed;
    },
    close: () => browser.close(),
  };
}
