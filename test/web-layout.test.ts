import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { servedInChromium, signedInContext } from './support/chromium-server.ts';
import { webFixtureStore } from './support/web.ts';
import { signedInAs } from './support/web-session.ts';

/**
 * Every page type as it lays out in the Debian Chromium on a phone (375 px) and a laptop (1280 px): never wider than
 * the screen, wide tables in a labelled scroll region with a cue that there is more, and the system's font rather
 * than GDS Transport. Set KINGSWAY_SCREENSHOTS=DIR to keep a screenshot of each page at each width. The pages only
 * Ofsted's staff see (issue 15: the letter's edit form, for an inspector; the evaluation) are opened as an inspector
 * signed in; the rest as the public, who see the fixture's published 2011.
 */
const shots = process.env['KINGSWAY_SCREENSHOTS'];

// What the functions given to page.evaluate use in the browser: the project compiles without the DOM's types.
interface Box {
  getBoundingClientRect(): { right: number };
}
declare const document: { documentElement: { scrollWidth: number }; fonts: { ready: Promise<unknown> }; querySelectorAll(selector: string): Iterable<Box> };
declare function getComputedStyle(element: Box): { fontFamily: string; backgroundImage: string };
const PAGES = {
  national: '/2011',
  la: '/2011/la/356',
  letter: '/2011/la/356/letter?edit=a:special',
  indicator: '/2011/la/356/indicator/NI%2075',
  compare: '/compare?year=2011&la=356&measure=group%3Aspecial',
  api: '/api',
  evaluation: '/evaluation/ilacs',
  'not-found': '/2011/la/999',
  'letter-published': '/2011/la/356/letter',
} as const;
/** The pages opened as an inspector signed in: the public is not shown them. */
const AS_INSPECTOR: ReadonlySet<string> = new Set(['letter', 'evaluation']);

describe('the web pages laid out at phone and laptop widths', () => {
  const site = servedInChromium(webFixtureStore);
  const contexts = new Map<string, BrowserContext>();
  const contextFor = async (width: number, inspector: boolean) => {
    const key = `${width} ${inspector ? 'inspector' : 'public'}`;
    if (!contexts.has(key)) {
      const viewport = { viewport: { width, height: 900 } };
      contexts.set(key, inspector ? await signedInContext(site.browser, site.base, await signedInAs(site.app, site.store, 'inspector'), viewport) : await site.browser.newContext(viewport));
    }
    return contexts.get(key)!;
  };
  const open = async (width: number, path: string, inspector = false) => {
    const page = await (await contextFor(width, inspector)).newPage();
    const response = await page.goto(`${site.base}${path}`);
    assert.ok(response && response.status() < 500, path);
    // Each page as it is, not a 404 in its place (the embargo's answer to someone who may not see it).
    assert.equal(response.status(), path === PAGES['not-found'] ? 404 : 200, path);
    return page;
  };

  it('shows the public neither the evaluation nor the letter\'s edit form', async () => {
    const page = await (await contextFor(1280, false)).newPage();
    assert.equal((await page.goto(`${site.base}${PAGES.evaluation}`))?.status(), 404);
    assert.equal((await page.goto(`${site.base}${PAGES.letter}`))?.status(), 200);
    assert.equal(await page.locator('#edit-form').count(), 0);
    await page.close();
  });

  it('no page is wider than a 375 px screen (the year links wrap, tables reflow or scroll in their own region)', async () => {
    for (const width of [375, 1280]) {
      for (const [name, path] of Object.entries(PAGES)) {
        const page = await open(width, path, AS_INSPECTOR.has(name));
        if (name === 'letter') assert.equal(await page.locator('#edit-form').count(), 1, 'the inspector has the edit form');
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${name} at ${width} px is ${scrollWidth} px wide`);
        // Every scroll region can be reached and named: focusable, with a role and a label.
        for (const region of await page.locator('.kw-table-scroll').all()) {
          assert.equal(await region.getAttribute('role'), 'region', name);
          assert.equal(await region.getAttribute('tabindex'), '0', name);
          assert.ok(await region.getAttribute('aria-label'), name);
        }
        if (shots) {
          mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        }
        await page.close();
      }
    }
  });

  it("at 1280 px the Block A table's last column is in view, or its scroll region shows a cue that there is more", async () => {
    const page = await open(1280, PAGES.la);
    const region = page.getByRole('region', { name: 'Inspected settings table' });
    const seen = await region.evaluate((el) => {
      const last = el.querySelector('thead th:last-child')!;
      const fits = last.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1;
      return { fits, overflows: el.scrollWidth > el.clientWidth, background: getComputedStyle(el).backgroundImage, lastHeading: last.textContent };
    });
    assert.equal(seen.lastHeading, 'Change since last year');
    if (!seen.fits) {
      assert.ok(seen.overflows);
      // The cue: a shadow at the side with more (the radial gradients), uncovered only where the table runs on.
      assert.match(seen.background, /radial-gradient/);
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      assert.ok(await region.evaluate((el) => el.querySelector('thead th:last-child')!.getBoundingClientRect().right <= el.getBoundingClientRect().right + 1), 'scrolled, the last column is in view');
    }
    await page.close();
  });

  it('pages use the system font, never GDS Transport, and never fetch its font files', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fetched: string[] = [];
    context.on('request', (r) => void fetched.push(new URL(r.url()).pathname));
    const inspector = await signedInAs(site.app, site.store, 'inspector');
    const staffContext = await signedInContext(site.browser, site.base, inspector, { viewport: { width: 1280, height: 900 } });
    staffContext.on('request', (r) => void fetched.push(new URL(r.url()).pathname));
    for (const [path, into] of [[PAGES.national, context], [PAGES.letter, staffContext]] as const) {
      const page = await into.newPage();
      await page.goto(`${site.base}${path}`);
      await page.evaluate(() => document.fonts.ready);
      const families = await page.evaluate(() => [...document.querySelectorAll('h1, p, a, th, td, label, button, .govuk-tag, .govuk-service-navigation__link')].map((e) => getComputedStyle(e).fontFamily));
      assert.ok(families.length > 10);
      for (const family of new Set(families)) assert.doesNotMatch(family, /GDS Transport/, path);
      await page.close();
    }
    assert.deepEqual(fetched.filter((p) => p.startsWith('/assets/')), []);
    await context.close();
    await staffContext.close();
  });
});
