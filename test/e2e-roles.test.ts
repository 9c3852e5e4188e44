import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { addAccount } from '../src/application/accounts.ts';
import { launchChromium } from '../src/render/pdf.ts';
import type { Store } from '../src/store/repository.ts';
import { buildServer } from '../src/web/server.ts';
import { webFixtureStore } from './support/web.ts';

/**
 * Issue 15, end to end: one LA-year (Stockport, 356, 2011) taken through the whole workflow in the Debian Chromium,
 * each role in its own browser context, signed in through the sign-in page, every step made with the pages' own links,
 * fields and buttons, as a person would. Each new page type is checked with axe (serious or critical violations of
 * WCAG 2.2 A and AA fail), for what the Content-Security-Policy refused, and at 375 px for anything wider than the
 * screen. Set KINGSWAY_SCREENSHOTS=DIR to keep screenshots at 375 and 1280 px wide.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env['KINGSWAY_SCREENSHOTS'];
const YEAR = 2011;
const CODE = '356';
const PASSWORD = 'a long enough passphrase';
const PEOPLE = {
  analyst: { name: 'Ann Analyst', role: 'analyst' },
  inspector: { name: 'Ivy Inspector', role: 'inspector' },
  moderator: { name: 'Mo Moderator', role: 'moderator' },
  la: { name: 'Lee Stockport', role: 'la', la: CODE },
} as const;
type Who = keyof typeof PEOPLE | 'public';

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** The browser's own document, for page.evaluate (the project's types have no DOM library). */
type Doc = { documentElement: { scrollWidth: number }; body: { classList: { contains(c: string): boolean } } };

/** What each context's pages said the Content-Security-Policy refused. */
const refusedByCsp: string[] = [];

async function accessible(page: Page, name: string): Promise<void> {
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.body.classList.contains('govuk-frontend-supported')), true, `${name}: the inline script ran`);
  assert.deepEqual(refusedByCsp.splice(0), [], `${name}: nothing refused by the Content-Security-Policy`);
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))) as AxeResult;
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], `${name}: accessibility`);
}

/** The page at 375 px: nothing wider than the screen; and, with KINGSWAY_SCREENSHOTS, a screenshot at 375 and 1280 px. */
async function fitsAndShot(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  try {
    await page.setViewportSize({ width: 375, height: 800 });
    const { width, wider } = await page.evaluate(() => {
      // What sticks out past the screen's right edge, outermost first, for the failure's message.
      type El = { tagName: string; className: unknown; getBoundingClientRect(): { right: number }; closest(s: string): unknown };
      const d = (globalThis as unknown as { document: Doc & { querySelectorAll(s: string): Iterable<El> } }).document;
      const out = [...d.querySelectorAll('main *')].filter((e) => e.getBoundingClientRect().right > 375 && !e.closest('.kw-table-scroll'));
      return { width: d.documentElement.scrollWidth, wider: out.slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${String(e.className).replace(/\s+/g, '.')} (${Math.round(e.getBoundingClientRect().right)} px)`) };
    });
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, `${name}-375.png`), fullPage: true });
    }
    assert.ok(width <= 375, `${name}: at 375 px the page is ${width} px wide: ${wider.join(', ')}`);
    if (shots) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(shots, `${name}-1280.png`), fullPage: true });
    }
  } finally {
    await page.setViewportSize(viewport);
  }
}

describe("each role's journey through the workflow, in Chromium (issue 15)", () => {
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base = '';
  const contexts = new Map<Who, { context: BrowserContext; page: Page }>();
  const processPath = `/${YEAR}/la/${CODE}/process`;

  /** The page of `who`'s own browser context, made at first use (signed out: `signIn` signs its person in). */
  async function as(who: Who): Promise<Page> {
    const had = contexts.get(who);
    if (had) return had.page;
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(5000);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(`${who}: ${message.text()}`);
    });
    contexts.set(who, { context, page });
    return page;
  }

  /** Signs `who` in from the header's link, as a person would, from `from`; back on `from` afterwards. */
  async function signIn(who: keyof typeof PEOPLE, from: string, options: { readonly check?: boolean } = {}): Promise<Page> {
    const page = await as(who);
    await page.goto(`${base}${from}`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    if (options.check) await accessible(page, 'sign-in');
    await page.getByLabel('Name').fill(PEOPLE[who].name);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, from, `${who} is back where they signed in`);
    assert.match((await page.locator('.kw-account').textContent())!, new RegExp(`Signed in as ${PEOPLE[who].name}`));
    return page;
  }

  const main = async (page: Page) => (await page.locator('main').textContent())!.replace(/\s+/g, ' ');
  const banner = async (page: Page) => (await page.locator('.govuk-notification-banner').textContent())!.replace(/\s+/g, ' ');
  const stateTag = async (page: Page) => (await page.locator('main p.govuk-body .govuk-tag').first().textContent())!.trim();
  const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });

  /** One step of the journey: each follows from the last, so once one fails the rest are skipped, not failed again. */
  let broken: string | null = null;
  /** What the server logged: it logs only errors (status 500 and over), so every step ends with this empty. */
  const serverLog: string[] = [];
  const step = (name: string, fn: () => Promise<void>) =>
    it(name, async (t) => {
      if (broken) return t.skip(`step "${broken}" failed`);
      try {
        await fn();
        assert.deepEqual(serverLog, [], 'the server logged no error');
      } catch (e) {
        broken = name;
        // Where each person's browser was, and what its page said, for whoever reads the failure.
        for (const line of serverLog) t.diagnostic(`server: ${line.slice(0, 600)}`);
        for (const [who, { page }] of contexts) t.diagnostic(`${who} at ${page.url()}: ${(await page.locator('main').textContent().catch(() => ''))?.replace(/\s+/g, ' ').slice(0, 600)}`);
        throw e;
      }
    });

  before(async () => {
    store = await webFixtureStore({ published: false });
    const at = new Date().toISOString();
    for (const person of Object.values(PEOPLE)) await addAccount(store, { ...person, password: PASSWORD }, { at, by: { kind: 'system', name: 'command line (test)' } });
    app = buildServer(store, { logStream: { write: (line) => void serverLog.push(line) }, secureCookies: false }).app;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  step('1. the public: nothing of Stockport 2011 before publication', async () => {
    const page = await as('public');
    for (const path of [`/${YEAR}/la/${CODE}`, `/${YEAR}/la/${CODE}/letter`]) {
      const response = await page.goto(`${base}${path}`);
      assert.equal(response?.status(), 404, path);
      assert.equal((await page.locator('h1').textContent())!.trim(), 'Page not found', path);
    }
    const national = await page.goto(`${base}/${YEAR}`);
    assert.ok(national?.status() === 200 || national?.status() === 404, `/${YEAR}: ${national?.status()}`);
    assert.doesNotMatch(await main(page), /Stockport/);
  });

  step("2. the analyst releases every profile from the year's process page", async () => {
    const page = await signIn('analyst', `/${YEAR}`);
    await page.getByRole('link', { name: `The ${YEAR} process` }).click();
    assert.equal(new URL(page.url()).pathname, `/${YEAR}/process`);
    assert.equal((await page.locator('h1').textContent())!.trim(), `The ${YEAR} assessment process`);
    await accessible(page, 'process-year');
    await button(page, /^Release the performance profile to the LA for all \d+ ready$/).click();
    assert.match(await banner(page), /\d+ assessments? (was|were) moved on\./);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Stockport', exact: true }) });
    assert.equal((await row.locator('.govuk-tag').textContent())!.trim(), 'profile released');
    assert.equal(await button(page, /^Release the performance profile/).count(), 0, 'nothing is left to release');
    assert.match(await main(page), /Release the performance profile to the LA: none is ready\./);
    await accessible(page, 'process-year-released');
    await fitsAndShot(page, 'process-year');
    // The analyst's own view of Stockport's process: nothing more for them to do.
    await row.getByRole('link', { name: 'Stockport', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, processPath);
    assert.equal(await stateTag(page), 'profile released');
    assert.equal(await page.locator('#move').count(), 0, 'no moves for the analyst');
    await accessible(page, 'process-analyst-released');
  });

  step('3. the LA user sees their profile without a grade, and their process page, but not the letter', async () => {
    // The LA page's address, as the LA was sent it: not found until they sign in from its header, and back on it then.
    const page = await signIn('la', `/${YEAR}/la/${CODE}`, { check: true });
    assert.match(await main(page), /No grade is shown here until the draft assessment is sent to you for its factual accuracy check/);
    assert.doesNotMatch(await main(page), /2011 grade:/);
    assert.equal(await page.getByRole('link', { name: /Read the 2011 letter/ }).count(), 0, 'no link to the letter');
    await page.getByRole('link', { name: `The ${YEAR} assessment process` }).click();
    assert.equal(new URL(page.url()).pathname, processPath);
    assert.equal(await stateTag(page), 'profile released');
    assert.equal(await page.getByRole('link', { name: 'The letter' }).count(), 0);
    await accessible(page, 'process-la-released');
    const letter = await page.goto(`${base}/${YEAR}/la/${CODE}/letter`);
    assert.equal(letter?.status(), 404);
  });

  step('4. the inspector starts the draft, proposes a grade, sends it for the check, and edits a sentence of the letter', async () => {
    const page = await signIn('inspector', `/${YEAR}`);
    await page.getByRole('link', { name: 'Stockport', exact: true }).click();
    await page.getByRole('link', { name: `The ${YEAR} assessment process` }).click();
    assert.equal(new URL(page.url()).pathname, processPath);
    await accessible(page, 'process-inspector-released');
    await button(page, 'Start the draft grade and letter').click();
    assert.match(await banner(page), /Done: start the draft grade and letter\./);
    assert.equal(await stateTag(page), 'in draft');
    // Sending before a grade is proposed is refused, on the page.
    await button(page, 'Send the draft to the LA for its factual accuracy check').click();
    assert.match((await page.locator('.govuk-error-summary').textContent())!, /needs a grade proposed by the inspector/);
    await accessible(page, 'process-inspector-error');
    await page.getByRole('radio', { name: '3: Performs well' }).check();
    await page.getByRole('textbox', { name: /^Why \(shown wherever the grade is\)/ }).fill('The profile is good or better in most areas; nothing in it calls for a different grade.');
    await button(page, 'Propose this grade').click();
    assert.match(await banner(page), /The grade was recorded\./);
    assert.match(await main(page), /Proposed by the inspector\s*3 \(Performs well\)/);
    await accessible(page, 'process-inspector-draft');
    await button(page, 'Send the draft to the LA for its factual accuracy check').click();
    assert.match(await banner(page), /Done: send the draft to the LA for its factual accuracy check\./);
    assert.equal(await stateTag(page), 'in the factual accuracy check');

    await page.getByRole('link', { name: 'The letter', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, `/${YEAR}/la/${CODE}/letter`);
    assert.match((await page.locator('#working-letter').textContent())!, /not published/);
    await page.getByRole('link', { name: 'Change sentence a:special' }).click();
    assert.equal(await page.getByLabel('Your name').count(), 0, 'no name field: the edit is the signed-in inspector’s');
    assert.match((await page.locator('#edit-form').textContent())!, /recorded as yours \(Ivy Inspector\)/);
    await page.getByRole('radio', { name: 'Reword it' }).check();
    await page.getByRole('textbox', { name: /^The words/ }).fill('Five of the six special schools maintained by the council are good or better. The sixth school is satisfactory.');
    await button(page, 'Record the edit').click();
    assert.match(await banner(page), /Your edit was recorded/);
    assert.match((await page.locator('.kw-letter').textContent())!, /maintained by the council are good or better/);
    const edits = page.getByRole('table', { name: /Every edit to this letter/ });
    assert.match((await edits.textContent())!, /Ivy Inspector/);
    await accessible(page, 'letter-inspector-edited');
  });

  step('5. the LA user reads the draft and comments on a sentence; the inspector cannot send it on until it is answered', async () => {
    const la = await as('la');
    await la.goto(`${base}${processPath}`);
    assert.equal(await stateTag(la), 'in the factual accuracy check');
    await la.getByRole('link', { name: 'The letter', exact: true }).click();
    assert.match((await la.locator('.kw-letter').textContent())!, /maintained by the council are good or better/);
    assert.equal(await la.getByRole('link', { name: /^Change/ }).count(), 0, 'the LA cannot edit the letter');
    await accessible(la, 'letter-la-check');
    await la.goBack();
    await accessible(la, 'process-la-check');
    // A sentence of the letter's body, by the id the select offers.
    const target = 'a:special';
    await la.getByLabel('Which part of the letter').selectOption(target);
    await la.getByRole('textbox', { name: 'Your comment' }).fill('The special schools sentence should say that the new special school, Castle Hill, opened in September.');
    await button(la, 'Send the comment').click();
    assert.match(await banner(la), /Your comment was sent\./);
    assert.match(await main(la), new RegExp(`Comment \\d+ on sentence ${target}, by Lee Stockport`));
    assert.match(await main(la), /Not answered/);

    const inspector = await as('inspector');
    await inspector.goto(`${base}${processPath}`);
    await button(inspector, 'Send the checked draft to moderation').click();
    assert.match((await inspector.locator('.govuk-error-summary').textContent())!, /1 of the LA's comments is unanswered/);
    assert.equal(await stateTag(inspector), 'in the factual accuracy check');
  });

  step('6. the inspector answers the comment and sends the draft to moderation', async () => {
    const page = await as('inspector');
    await page.goto(`${base}${processPath}`);
    await accessible(page, 'process-inspector-check');
    await fitsAndShot(page, 'process-inspector-check');
    await page.getByRole('textbox', { name: /^Answer comment \d+$/ }).fill('Thank you: Castle Hill is in its first year and not yet inspected, so the letter does not name it.');
    await button(page, 'Record the answer').click();
    assert.match(await banner(page), /Your answer was recorded\./);
    assert.doesNotMatch(await main(page), /Not answered/);
    await button(page, 'Send the checked draft to moderation').click();
    assert.match(await banner(page), /Done: send the checked draft to moderation\./);
    assert.equal(await stateTag(page), 'in moderation');
  });

  step('7. the inspector has no sign-off button, and a forged sign-off from their page is refused', async () => {
    const page = await as('inspector');
    await page.goto(`${base}${processPath}`);
    assert.equal(await button(page, /sign off/i).count(), 0);
    assert.equal(await button(page, /publish/i).count(), 0);
    await accessible(page, 'process-inspector-moderation');
    // The page's own CSRF token (the sign-out form's), sent with the inspector's cookie: the role is what refuses it.
    const status = await page.evaluate(async (url) => {
      const d = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document;
      const body = new URLSearchParams({ _csrf: d.querySelector('input[name="_csrf"]')!.value, move: 'sign-off' });
      return (await fetch(url, { method: 'POST', body, redirect: 'manual' })).status;
    }, `${processPath}/move`);
    assert.equal(status, 403);
    await page.reload();
    assert.equal(await stateTag(page), 'in moderation');
  });

  step('8. the moderator records the final grade, signs off and publishes; the letter shows version 1 and its hash; the audit log lists it all', async () => {
    const page = await signIn('moderator', `/${YEAR}`);
    await page.getByRole('link', { name: `The ${YEAR} process` }).click();
    await page.getByRole('link', { name: 'Stockport', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, processPath);
    assert.equal(await stateTag(page), 'in moderation');
    await accessible(page, 'process-moderator-moderation');
    // Signing off before the final grade is recorded is refused, on the page.
    await button(page, 'Sign off the final grade and letter').click();
    assert.match((await page.locator('.govuk-error-summary').textContent())!, /no final grade is recorded/);
    await page.getByRole('radio', { name: '3: Performs well' }).check();
    await page.getByRole('textbox', { name: /^Why \(shown wherever the grade is\)/ }).fill("Agreed: the inspector's grade is consistent with the profile and with similar LAs.");
    await button(page, 'Record the final grade').click();
    assert.match(await banner(page), /The grade was recorded\./);
    assert.match(await main(page), /Final \(moderated\)\s*3 \(Performs well\)/);
    await button(page, 'Sign off the final grade and letter').click();
    assert.match(await banner(page), /Done: sign off the final grade and letter\./);
    assert.equal(await stateTag(page), 'signed off');
    await page.getByRole('link', { name: `National picture ${YEAR}` }).click();
    await page.getByRole('link', { name: `The ${YEAR} process` }).click();
    await button(page, 'Publish the grade and letter as version 1 for the 1 ready').click();
    assert.match(await banner(page), /1 assessment was moved on\./);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Stockport', exact: true }) });
    assert.equal((await row.locator('.govuk-tag').textContent())!.trim(), 'published');
    await row.getByRole('link', { name: 'Stockport', exact: true }).click();
    assert.equal(await stateTag(page), 'published');
    const hash = (await page.locator('.kw-hash').first().textContent())!.trim();
    assert.match(hash, /^[0-9a-f]{64}$/);
    await accessible(page, 'process-moderator-published');
    await fitsAndShot(page, 'process-moderator-published');

    await page.getByRole('link', { name: 'Version 1', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, `/${YEAR}/la/${CODE}/letter/v/1`);
    assert.match((await page.locator('#published-version').textContent())!, /Version 1, published/);
    assert.equal((await page.locator('#published-version .kw-hash').textContent())!.trim(), hash);
    await accessible(page, 'letter-published-version');

    await page.getByRole('link', { name: 'Audit log' }).click();
    assert.equal(new URL(page.url()).pathname, '/audit');
    await page.getByLabel('LA code').fill(CODE);
    await page.getByLabel('Year').fill(String(YEAR));
    await button(page, 'Filter').click();
    const log = (await page.getByRole('table').textContent())!.replace(/\s+/g, ' ');
    for (const [who, role] of [['Ann Analyst', 'analyst'], ['Ivy Inspector', 'inspector'], ['Lee Stockport', 'la'], ['Mo Moderator', 'moderator']]) assert.match(log, new RegExp(`${who} \\(${role}\\)`), who);
    for (const move of ['release-profile', 'start-draft', 'send-for-check', 'send-to-moderation', 'sign-off', 'publish']) assert.match(log, new RegExp(move), move);
    await accessible(page, 'audit');
    await fitsAndShot(page, 'audit');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download these events as CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'kingsway-audit.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\n');
    assert.ok(lines.length > 6, `${lines.length} lines`);
    assert.match(csv, /Mo Moderator/);
    assert.match(csv, /publish/);
  });

  step('9. the public sees the published LA page and letter, with its version and hash, and downloads the PDF', async () => {
    const page = await as('public');
    const national = await page.goto(`${base}/${YEAR}`);
    assert.equal(national?.status(), 200);
    await page.getByRole('link', { name: 'Stockport', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, `/${YEAR}/la/${CODE}`);
    assert.match((await page.locator('h2').first().textContent())!, /2011 grade: Performs well \(3\)/);
    await page.getByRole('link', { name: /Read the 2011 letter/ }).click();
    assert.equal(new URL(page.url()).pathname, `/${YEAR}/la/${CODE}/letter`);
    const published = (await page.locator('#published-version').textContent())!.replace(/\s+/g, ' ');
    assert.match(published, /Version 1, published/);
    assert.match((await page.locator('#published-version .kw-hash').textContent())!.trim(), /^[0-9a-f]{64}$/);
    assert.match((await page.locator('.kw-letter').textContent())!, /maintained by the council are good or better/);
    assert.equal(await page.getByRole('link', { name: /^Change/ }).count(), 0);
    await accessible(page, 'letter-published');
    await fitsAndShot(page, 'letter-published');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF (A4)' }).click()]);
    assert.equal(download.suggestedFilename(), `kingsway-letter-${CODE}-${YEAR}-v1.pdf`);
    assert.equal(readFileSync((await download.path())!).subarray(0, 5).toString(), '%PDF-');
    const pdf = await page.request.get(`${base}/${YEAR}/la/${CODE}/letter.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
  });
});
