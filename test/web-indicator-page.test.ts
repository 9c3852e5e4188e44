import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { servedInChromium, signedInContext } from './support/chromium-server.ts';
import { indicatorWebStore } from './support/indicator-web.ts';
import { signedInAs } from './support/web-session.ts';

/**
 * An indicator year's LA page (issue 13: how far to trust the grade, the LA's inspections as one succession) in the
 * Debian Chromium: accessible to WCAG 2.2 A and AA by axe, never wider than a 375 px or a 1280 px screen. The other
 * page types are checked the same way in web-e2e.test.ts and web-layout.test.ts. Set KINGSWAY_SCREENSHOTS=DIR to keep
 * its screenshots. Nothing of today's years is published in the fixture, so the page is the one Ofsted's staff see (an
 * analyst signed in: issue 15).
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env['KINGSWAY_SCREENSHOTS'];
declare const document: { documentElement: { scrollWidth: number } };

describe("an indicator year's LA page in Chromium", () => {
  const site = servedInChromium(indicatorWebStore);

  for (const width of [375, 1280]) {
    it(`is accessible and fits a ${width} px screen, with the trust figures and the succession shown`, async () => {
      const analyst = await signedInAs(site.app, site.store, 'analyst');
      const page = await (await signedInContext(site.browser, site.base, analyst, { viewport: { width, height: 900 } })).newPage();
      const response = await page.goto(`${site.base}/2024/la/356`);
      assert.equal(response?.status(), 200);
      assert.ok(await page.locator('#trust-figures').isVisible());
      assert.ok(await page.locator('#succession').isVisible());
      // Evaluated by the browser's tools: the page's Content-Security-Policy refuses an added inline script.
      await page.evaluate(axeSource);
      const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))) as { violations: { id: string; impact: string | null; help: string }[] };
      assert.deepEqual(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), []);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= width, `${scrollWidth} px wide at ${width} px`);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: join(shots, `la-indicators-${width}.png`), fullPage: true });
      }
      await page.close();
    });
  }
});
