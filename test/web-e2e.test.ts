import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { launchChromium } from '../src/render/pdf.ts';
import type { Store } from '../src/store/repository.ts';
import { webFixtureStore } from './support/web.ts';
import { buildServer } from '../src/web/server.ts';
import { addAccount } from '../src/application/accounts.ts';
import { signedInContext } from './support/chromium-server.ts';
import { signedInAs } from './support/web-session.ts';
import type { SignedInSession } from './support/web-session.ts';

/**
 * The web application as a user meets it: the Debian Chromium, driven by playwright-core, loads each page type,
 * follows the links between them, downloads the CSV, and runs axe (the accessibility engine) on every page, failing
 * on any serious or critical violation of WCAG 2.2 A and AA. Set KINGSWAY_SCREENSHOTS=DIR to keep a screenshot of
 * each page. The fixture's 2011 is published, Stockport's alone (its other LAs are not assessed): `page` browses as
 * the public, who see only that (issue 15); `staff`, as an inspector signed in, who sees every LA-year as it stands,
 * the evaluation, and the working letter with its edit form.
 */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = process.env['KINGSWAY_SCREENSHOTS'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** What the browser said it refused under the Content-Security-Policy (src/web/security.ts), page by page. */
const refusedByCsp: string[] = [];

async function accessible(page: Page, name: string): Promise<void> {
  // The GOV.UK template's inline script ran (it carries the response's CSP nonce), and nothing was refused.
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { body: { classList: { contains(c: string): boolean } } } }).document.body.classList.contains('govuk-frontend-supported')), true, `${name}: the inline script ran`);
  assert.deepEqual(refusedByCsp.splice(0), [], `${name}: nothing refused by the Content-Security-Policy`);
  // Evaluated by the browser's tools, not added as an inline script, which the page's policy would refuse.
  await page.evaluate(axeSource);
  const result = (await page.evaluate(() => (globalThis as unknown as { axe: { run: (o: object) => Promise<unknown> } }).axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }))) as AxeResult;
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], `${name}: accessibility`);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  }
}

describe('the web application in Chromium', () => {
  let app: FastifyInstance;
  let store: Store;
  let browser: Browser;
  let page: Page;
  let staff: Page;
  let inspector: SignedInSession;
  let base: string;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store).app;
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    const options = { acceptDownloads: true, viewport: { width: 1200, height: 900 } };
    page = await (await browser.newContext(options)).newPage();
    inspector = await signedInAs(app, store, 'inspector');
    staff = await (await signedInContext(browser, base, inspector, options)).newPage();
    for (const p of [page, staff]) {
      p.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
      });
    }
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await store?.close();
  });

  it('shows the national picture, accessible, and downloads its table as CSV', async () => {
    const response = await page.goto(`${base}/`);
    assert.equal(response?.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/2011');
    assert.equal(await page.locator('h1').textContent(), "Children's services assessments 2011");
    await accessible(page, 'national');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this table as CSV' }).click()]);
    assert.equal(download.suggestedFilename(), 'kingsway-assessments-2011.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    assert.match(csv, /^la_code,la_name,region/);
    assert.match(csv, /\n356,Stockport,North West,/);
  });

  it('filters and sorts the table from its form and headings, without JavaScript needed', async () => {
    await page.goto(`${base}/2011`);
    await page.getByLabel('Region').selectOption('North West');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    assert.equal(new URL(page.url()).searchParams.get('region'), 'North West');
    // The public's table: the published outcomes alone (Trafford's 2011 is not published).
    assert.match((await page.locator('main').textContent())!, /Showing 1 of 1 local authorities/);
    assert.equal(await page.getByRole('link', { name: 'Trafford', exact: true }).count(), 0);
    await page.getByRole('link', { name: 'Grade', exact: true }).click();
    assert.equal(new URL(page.url()).searchParams.get('sort'), 'grade');
    // Ofsted's staff's: every LA, so the filter leaves two of the four.
    await staff.goto(`${base}/2011`);
    await staff.getByLabel('Region').selectOption('North West');
    await staff.getByRole('button', { name: 'Apply filters' }).click();
    assert.equal(new URL(staff.url()).searchParams.get('region'), 'North West');
    assert.match((await staff.locator('main').textContent())!, /Showing 2 of 4 local authorities/);
    await staff.getByRole('link', { name: 'Grade', exact: true }).click();
    assert.equal(new URL(staff.url()).searchParams.get('sort'), 'grade');
  });

  it('follows a link to an LA page, accessible, with its chart and tables', async () => {
    await page.goto(`${base}/2011`);
    await page.getByRole('link', { name: 'Stockport', exact: true }).click();
    assert.equal(new URL(page.url()).pathname, '/2011/la/356');
    assert.match((await page.locator('h2').first().textContent())!, /2011 grade: Performs well \(3\)/);
    assert.equal(await page.locator('svg[role="img"]:visible').count(), 1);
    await accessible(page, 'la');
    // 2010 is not published: the public's page does not link to it; Ofsted's staff's does.
    assert.equal(await page.getByRole('link', { name: '2010', exact: true }).count(), 0);
    await staff.goto(`${base}/2011/la/356`);
    await staff.getByRole('link', { name: '2010', exact: true }).last().click();
    assert.equal(new URL(staff.url()).pathname, '/2010/la/356');
    await accessible(staff, 'la-staff');
  });

  it('opens an indicator from the LA page, accessible, with its trend chart', async () => {
    await page.goto(`${base}/2011/la/356`);
    await page.getByRole('link', { name: 'Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths' }).click();
    assert.equal(new URL(page.url()).pathname, '/2011/la/356/indicator/NI%2075');
    assert.equal(await page.locator('svg[role="img"]:visible').count(), 1);
    await accessible(page, 'indicator');
  });

  it('shows the letter, accessible; an inspector rewords a sentence with its form; the PDF downloads', async () => {
    await page.goto(`${base}/2011/la/356`);
    await page.getByRole('link', { name: /Read the 2011 letter/ }).click();
    assert.equal(new URL(page.url()).pathname, '/2011/la/356/letter');
    await accessible(page, 'letter');
    // The public reads the version published, with nothing to edit (issue 15).
    assert.equal(await page.locator('#published-version').count(), 1);
    assert.equal(await page.getByRole('link', { name: 'Change sentence a:special' }).count(), 0);
    // The inspector signed in reads the working letter and edits it; the edit is theirs, with no name to type.
    await staff.goto(`${base}/2011/la/356`);
    await staff.getByRole('link', { name: /Read the 2011 letter/ }).click();
    assert.equal(new URL(staff.url()).pathname, '/2011/la/356/letter');
    await accessible(staff, 'letter-working');
    await staff.getByRole('link', { name: 'Change sentence a:special' }).click();
    await staff.getByRole('radio', { name: 'Reword it' }).check();
    await staff.getByRole('textbox', { name: /^The words/ }).fill('Five of the six special schools maintained by the council are good or better. The sixth school is satisfactory.');
    assert.equal(await staff.getByLabel('Your name').count(), 0);
    assert.match((await staff.locator('#edit-form').textContent())!, new RegExp(`The edit is recorded as yours \\(${inspector.name}\\)`));
    await staff.getByRole('button', { name: 'Record the edit' }).click();
    assert.match((await staff.locator('.govuk-notification-banner').textContent())!, /Your edit was recorded/);
    assert.match((await staff.locator('.kw-letter').textContent())!, /maintained by the council are good or better/);
    assert.match((await staff.locator('#history').locator('xpath=following-sibling::table[1]').textContent())!, new RegExp(inspector.name));
    await accessible(staff, 'letter-edited');
    // A field left empty: the form says so, beside it (there is no name to leave out now).
    await staff.getByRole('link', { name: 'Change sentence headline' }).click();
    await staff.getByRole('textbox', { name: /^The words/ }).fill('');
    await staff.getByRole('button', { name: 'Record the edit' }).click();
    assert.match((await staff.locator('.govuk-error-summary').textContent())!, /Enter the new words, or choose to leave the sentence out/);
    await accessible(staff, 'letter-error');
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('link', { name: 'PDF (A4)' }).click()]);
    assert.equal(download.suggestedFilename(), 'kingsway-letter-356-2011.pdf');
    assert.ok(readFileSync((await download.path())!).subarray(0, 5).toString() === '%PDF-');
  });

  it('compares an LA with its neighbours from the compare form, accessible', async () => {
    await page.goto(`${base}/compare`);
    await accessible(page, 'compare-empty');
    await page.getByLabel('Local authority', { exact: true }).selectOption('356');
    await page.getByRole('button', { name: 'Compare' }).click();
    assert.equal(new URL(page.url()).searchParams.get('la'), '356');
    await page.getByLabel('Compare on').selectOption('group:special');
    await page.getByRole('button', { name: 'Compare' }).click();
    assert.match((await page.locator('h2.govuk-heading-l').textContent())!, /Special schools: share good or better/);
    await accessible(page, 'compare');
    await page.goto(`${base}/api`);
    await accessible(page, 'api');
    // The evaluation of unpublished grades is Ofsted's staff's (issue 15): not in the public's navigation, nor there.
    assert.equal(await page.getByRole('link', { name: 'Against inspectors' }).count(), 0);
    assert.equal((await page.goto(`${base}/evaluation/ilacs`))?.status(), 404);
    await staff.goto(`${base}/api`);
    await staff.getByRole('link', { name: 'Against inspectors' }).click();
    assert.equal(new URL(staff.url()).pathname, '/evaluation/ilacs');
    await accessible(staff, 'evaluation');
  });

  it('answers a wrong address with an accessible 404 page', async () => {
    const response = await page.goto(`${base}/2011/la/999`);
    assert.equal(response?.status(), 404);
    await accessible(page, 'not-found');
  });

  it('signs in from the header and back to the page, names the person in the header, and signs out, accessible throughout', async () => {
    await addAccount(store, { name: 'Ivy Inspector', role: 'inspector', password: 'a long enough passphrase' }, { at: new Date().toISOString(), by: { kind: 'system', name: 'command line (test)' } });
    await page.goto(`${base}/2011/la/356/letter`);
    await page.getByRole('link', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await accessible(page, 'sign-in');
    await page.getByLabel('Name').fill('Ivy Inspector');
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.match((await page.locator('.govuk-error-summary').textContent())!, /The name or the password is not right/);
    await accessible(page, 'sign-in-error');
    await page.getByLabel('Password', { exact: true }).fill('a long enough passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/2011/la/356/letter');
    assert.match((await page.locator('.kw-account').textContent())!, /Signed in as Ivy Inspector \(inspector\)/);
    await accessible(page, 'letter-signed-in');
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.equal(new URL(page.url()).pathname, '/2011');
    assert.match((await page.locator('.kw-account').textContent())!, /Sign in/);
  });
});
