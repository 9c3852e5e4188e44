import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { AccountRole } from '../src/domain/roles.ts';
import { servedInChromium, signedInContext } from './support/chromium-server.ts';
import { webFixtureStore } from './support/web.ts';
import { signedInAs } from './support/web-session.ts';

/**
 * Every page type as it lays out in the Debian Chromium on a phone (375 px) and a laptop (1280 px): never wider than
 * the screen, wide tables in a labelled scroll region with a cue that there is more, and the system's font rather
 * than GDS Transport. Set KINGSWAY_SCREENSHOTS=DIR to keep a screenshot of each page at each width. The pages only
 * Ofsted's staff see (issue 15: the letter's edit form, for an inspector; the evaluation; the years not published, the
 * process pages and the audit log) are opened as one of them signed in, and an LA's own pages as its people; the rest
 * as the public, who see the fixture's published 2011. On a phone no control is smaller than 24 by 24 CSS px unless
 * nothing else is within its 24 px square (WCAG 2.2, 2.5.8 target size). Skipped where there is no Chromium.
 */
const chromium = process.env['KINGSWAY_CHROMIUM'] ?? '/usr/bin/chromium';
const shots = process.env['KINGSWAY_SCREENSHOTS'];

// What the functions given to page.evaluate use in the browser: the project compiles without the DOM's types.
interface Box {
  getBoundingClientRect(): { right: number };
}
declare const document: { documentElement: { scrollWidth: number }; fonts: { ready: Promise<unknown> }; querySelectorAll(selector: string): Iterable<Box> };
interface Target {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: Target | null;
  getBoundingClientRect(): { left: number; right: number; top: number; bottom: number; width: number; height: number };
  closest(selector: string): Target | null;
  contains(other: Target): boolean;
  checkVisibility(options: { visibilityProperty: boolean }): boolean;
}
declare const SVGElement: abstract new () => object;
declare function getComputedStyle(element: Box): { fontFamily: string; backgroundImage: string };
const PAGES = {
  national: '/2011',
  la: '/2011/la/356',
  'what-if': '/2011/la/356/what-if',
  letter: '/2011/la/356/letter?edit=a:special',
  indicator: '/2011/la/356/indicator/NI%2075',
  compare: '/compare?year=2011&la=356&measure=group%3Aspecial',
  api: '/api',
  evaluation: '/evaluation/ilacs',
  'not-found': '/2011/la/999',
  'letter-published': '/2011/la/356/letter',
  home: '/',
  search: '/search?q=st',
  'sign-in': '/sign-in',
  'no-2007': '/2007',
  'no-2008-la': '/2008/la/356',
  'national-2006': '/2006',
  'national-2009': '/2009',
  'national-2024': '/2024',
  'la-2006': '/2006/la/356',
  'la-2024': '/2024/la/356',
  'process-la': '/2011/la/356/process',
  'process-year': '/2011/process',
  audit: '/audit',
  'la-own-process': '/2011/la/356/process',
} as const;
/** The pages opened signed in, and as whom: the public is not shown them. */
const SIGNED_IN: Readonly<Record<string, AccountRole>> = { letter: 'inspector', evaluation: 'inspector', 'national-2006': 'analyst', 'national-2009': 'analyst', 'national-2024': 'analyst', 'la-2006': 'analyst', 'la-2024': 'analyst', 'process-la': 'moderator', 'process-year': 'moderator', audit: 'moderator', 'la-own-process': 'la' };
/** The pages that answer 404 (the 2007 and 2008 ones saying why there is nothing). */
const NOT_FOUND: ReadonlySet<string> = new Set(['not-found', 'no-2007', 'no-2008-la']);

/**
 * What is drawn past either edge of the screen outside a scroll region, so cut off, as "what [left..right]": a chart's
 * labels running off the left, say, which widen nothing and so pass the page's scrollWidth.
 */
async function cutOff(page: Page, width: number): Promise<string[]> {
  return page.evaluate((width) => {
    const scrolls = (el: Target) => {
      for (let e = el.parentElement; e && e.tagName !== 'BODY'; e = e.parentElement) if (/auto|scroll|hidden/.test((getComputedStyle(e as unknown as Box) as unknown as { overflowX: string }).overflowX)) return true;
      return false;
    };
    const out: string[] = [];
    for (const el of [...document.querySelectorAll('body *')] as unknown as Target[]) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.left >= -0.5 && r.right <= width + 0.5)) continue;
      if (el.closest('.govuk-visually-hidden, .govuk-skip-link') || scrolls(el)) continue;
      out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" [${Math.round(r.left)}..${Math.round(r.right)}]`);
    }
    return out;
  }, width);
}

/**
 * The controls on the page smaller than 24 by 24 CSS px with another control within the 24 px square centred on them
 * (WCAG 2.2, 2.5.8: the spacing exception), as "what, w×h, near what". A link in a line of text is exempt (the inline
 * exception), as are the hex map's hexagons: each LA is also a link in the table below the map, which the map says
 * (the equivalent exception).
 */
async function crowdedTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex="0"]')] as unknown as Target[];
    // Not what is not shown: a closed <details>'s content keeps boxes in Chromium, but is not drawn.
    const targets = all.filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('.govuk-skip-link, .govuk-visually-hidden, .kw-hexmap')).map((el) => ({ el, r: el.getBoundingClientRect() })).filter((t) => t.r.width > 0 && t.r.height > 0);
    type R = { left: number; right: number; top: number; bottom: number; width: number; height: number };
    const square = (r: R) => {
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      return { left: Math.min(r.left, x - 12), right: Math.max(r.right, x + 12), top: Math.min(r.top, y - 12), bottom: Math.max(r.bottom, y + 12) };
    };
    const meets = (a: Omit<R, 'width' | 'height'>, b: Omit<R, 'width' | 'height'>) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const big = (r: R) => r.width >= 24 && r.height >= 24;
    const inline = (el: Target) => !(el instanceof SVGElement) && (getComputedStyle(el as unknown as Box) as unknown as { display: string }).display === 'inline' && (el.parentElement?.textContent ?? '').trim().length > (el.textContent ?? '').trim().length + 2;
    const crowded: string[] = [];
    for (const t of targets) {
      if (big(t.r) || inline(t.el)) continue;
      const near = targets.find((o) => o !== t && !o.el.contains(t.el) && !t.el.contains(o.el) && meets(square(t.r), big(o.r) ? o.r : square(o.r)));
      if (near) crowded.push(`${t.el.tagName.toLowerCase()} "${(t.el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(t.r.width)}×${Math.round(t.r.height)}, near "${(near.el.textContent ?? '').trim().slice(0, 30)}"`);
    }
    return crowded;
  });
}

describe('the web pages laid out at phone and laptop widths', { skip: existsSync(chromium) ? false : `no Chromium at ${chromium}` }, () => {
  const site = servedInChromium(webFixtureStore);
  const contexts = new Map<string, BrowserContext>();
  const contextFor = async (width: number, role: AccountRole | null) => {
    const key = `${width} ${role ?? 'public'}`;
    if (!contexts.has(key)) {
      const viewport = { viewport: { width, height: width < 500 ? 812 : 900 } };
      contexts.set(key, role ? await signedInContext(site.browser, site.base, await signedInAs(site.app, site.store, role), viewport) : await site.browser.newContext(viewport));
    }
    return contexts.get(key)!;
  };
  const open = async (width: number, path: string, role: AccountRole | null = null, status = 200) => {
    const page = await (await contextFor(width, role)).newPage();
    const response = await page.goto(`${site.base}${path}`);
    assert.ok(response && response.status() < 500, path);
    // Each page as it is, not a 404 in its place (the embargo's answer to someone who may not see it).
    assert.equal(response.status(), status, path);
    return page;
  };

  it('shows the public neither the evaluation nor the letter\'s edit form', async () => {
    const page = await (await contextFor(1280, null)).newPage();
    assert.equal((await page.goto(`${site.base}${PAGES.evaluation}`))?.status(), 404);
    assert.equal((await page.goto(`${site.base}${PAGES.letter}`))?.status(), 200);
    assert.equal(await page.locator('#edit-form').count(), 0);
    await page.close();
  });

  it('no page is wider than a 375 px screen (the year links wrap, tables reflow or scroll in their own region), and on a phone no control is too small or crowded', async () => {
    for (const width of [375, 1280]) {
      for (const [name, path] of Object.entries(PAGES)) {
        const page = await open(width, path, SIGNED_IN[name] ?? null, NOT_FOUND.has(name) ? 404 : 200);
        // Kept before the checks, so that a page that fails one can be looked at.
        if (shots) {
          mkdirSync(shots, { recursive: true });
          await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
        }
        if (name === 'letter') assert.equal(await page.locator('#edit-form').count(), 1, 'the inspector has the edit form');
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= width, `${name} at ${width} px is ${scrollWidth} px wide`);
        assert.deepEqual(await cutOff(page, width), [], `${name} at ${width} px: drawn off the screen`);
        if (width === 375) assert.deepEqual(await crowdedTargets(page), [], `${name}: controls under 24 px with another within reach`);
        // Every scroll region can be reached and named: focusable, with a role and a label.
        for (const region of await page.locator('.kw-table-scroll').all()) {
          assert.equal(await region.getAttribute('role'), 'region', name);
          assert.equal(await region.getAttribute('tabindex'), '0', name);
          assert.ok(await region.getAttribute('aria-label'), name);
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
