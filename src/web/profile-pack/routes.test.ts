import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { demoAccounts } from '../../application/demo-process.ts';
import { moveAssessments } from '../../application/workflow.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { PdfTimeoutError } from '../../render/pdf.ts';
import type { Store } from '../../store/repository.ts';
import { webFixtureStore } from '../../../test/support/web.ts';
import { getAs, staffGet } from '../../../test/support/web-as.ts';
import type { Get } from '../../../test/support/web-as.ts';
import { signedInAs } from '../../../test/support/web-session.ts';
import { siteLetterSource } from '../process-routes.ts';
import { DOWNLOAD_CSP } from '../security.ts';
import { buildServer } from '../server.ts';

/**
 * The profile pack's routes (/{year}/la/{code}/profile.pdf and .html) over the web tests' store: the same reader and
 * visibility as the LA page, the letters' printer and its time limit. The PDF is printed in the Debian Chromium, and
 * skipped cleanly without it (as src/render/pdf.test.ts is); its text is read with pdftotext where that is installed.
 */
const STOCKPORT = '356' as LaCode;
const NOW = () => new Date('2026-03-04T12:00:00.000Z');
const CHROMIUM = existsSync(process.env['KINGSWAY_CHROMIUM'] ?? '/usr/bin/chromium');
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/** The text of a PDF, by pdftotext. */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'kingsway-pack-'));
  try {
    writeFileSync(join(dir, 'pack.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the profile pack on the site, published', () => {
  let store: Store;
  let app: FastifyInstance;
  let staff: Get;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { now: NOW, logStream: { write: () => undefined } }).app;
    staff = await staffGet(app, store);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('links to the pack from the LA page', async () => {
    const page = await getAs(app)(`/2011/la/${STOCKPORT}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/2011\/la\/356\/profile\.pdf" class="govuk-link" download>Download the profile pack \(PDF\)<\/a>/);
  });

  it('serves the print preview as the public sees the LA page: a download of its own, printed today', async () => {
    const r = await getAs(app)(`/2011/la/${STOCKPORT}/profile.html`);
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/html; charset=utf-8/);
    assert.equal(r.headers['content-disposition'], 'inline; filename="kingsway-profile-356-2011.html"');
    assert.equal(r.headers['content-security-policy'], DOWNLOAD_CSP);
    // Like the letter's downloads: nothing said to a shared cache for the public; no-store once signed in.
    assert.equal(r.headers['cache-control'], undefined);
    assert.match(r.body, /Public view: published outcomes only/);
    assert.match(r.body, /Printed 4 March 2026/);
    assert.match(r.body, /<h1>Stockport/);
    const signedIn = await staff(`/2011/la/${STOCKPORT}/profile.html`);
    assert.equal(signedIn.headers['cache-control'], 'no-store');
    assert.match(signedIn.body, /Ofsted staff view/);
  });

  it('answers 404 for an LA the public may not see, an unknown LA or year, and an unknown format', async () => {
    // The fixture's other LAs are not assessed in 2011, so nothing of them is published.
    for (const url of ['/2011/la/358/profile.pdf', '/2011/la/358/profile.html', '/2011/la/999/profile.pdf', '/2008/la/356/profile.pdf', '/2011/la/356/profile.docx']) {
      const r = await getAs(app)(url);
      assert.equal(r.statusCode, 404, url);
      assert.match(String(r.headers['content-type']), /^text\/html/, url);
    }
  });

  it('answers 503 saying to use the HTML when the PDF takes too long, or cannot be made', async () => {
    const slow = buildServer(store, { logStream: { write: () => undefined }, openPrinter: async () => ({ print: () => Promise.reject(new PdfTimeoutError(20_000)), close: async () => undefined }) }).app;
    const late = await slow.inject({ method: 'GET', url: `/2011/la/${STOCKPORT}/profile.pdf` });
    assert.equal(late.statusCode, 503);
    assert.match(late.body, /This profile pack&#39;s PDF took too long to make \(more than 20 seconds\), so it was stopped\. Try the HTML version of the pack \(profile\.html\)/);
    await slow.close();
    const none = buildServer(store, { logStream: { write: () => undefined }, openPrinter: () => Promise.reject(new Error('no Chromium at /nowhere')) }).app;
    const missing = await none.inject({ method: 'GET', url: `/2011/la/${STOCKPORT}/profile.pdf` });
    assert.equal(missing.statusCode, 503);
    assert.match(missing.body, /The PDF cannot be made on this server just now\. Try the HTML version of the profile pack/);
    assert.doesNotMatch(missing.body, /nowhere/);
    await none.close();
  });

  it('prints the pack as a PDF in Chromium, naming the LA and marking synthetic data on every page', { skip: !CHROMIUM && 'no Chromium' }, async () => {
    const started = performance.now();
    const r = await getAs(app)(`/2011/la/${STOCKPORT}/profile.pdf`);
    const ms = performance.now() - started;
    assert.equal(r.statusCode, 200, r.body.slice(0, 500));
    assert.equal(r.headers['content-type'], 'application/pdf');
    assert.equal(r.headers['content-disposition'], 'attachment; filename="kingsway-profile-356-2011.pdf"');
    const pdf = r.rawPayload;
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length < 2_000_000, `${pdf.length} bytes`);
    assert.ok(ms < 15_000, `${ms.toFixed(0)} ms`);
    if (!PDFTOTEXT) return;
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim() !== '');
    assert.ok(pages.length >= 6, `${pages.length} pages`);
    assert.match(pages[0]!, /Stockport \(356\)/);
    assert.match(pages[0]!, /Printed\s+4 March 2026/);
    for (const [n, page] of pages.entries()) {
      assert.match(page, /SYNTHETIC DATA: Built from synthetic data/, `page ${n + 1}'s running header`);
      assert.match(page, new RegExp(`Page ${n + 1} of ${pages.length}`), `page ${n + 1}'s footer`);
    }
  });
});

describe('the profile pack on the site, before publication', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore({ published: false });
    const built = buildServer(store, { now: NOW, logStream: { write: () => undefined } });
    app = built.app;
    // Stockport 2011's profile released to the LA, nothing of it published.
    const { actors } = await demoAccounts(store, '2011-08-18T08:00:00.000Z');
    const [moved] = await moveAssessments(store, 2011, [{ la: STOCKPORT, move: 'release-profile' }], { at: '2011-08-18T09:00:00.000Z', actor: actors.get('analyst')!, letterOf: siteLetterSource(built.data) });
    assert.ok(moved!.ok);
    built.data.changed(2011);
    built.data.processChanged();
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });

  it('is not found by the public, nor by another LA, as the LA page is not', async () => {
    const trafford = getAs(app, await signedInAs(app, store, 'la', '358'));
    for (const get of [getAs(app), trafford]) {
      for (const url of [`/2011/la/${STOCKPORT}`, `/2011/la/${STOCKPORT}/profile.pdf`, `/2011/la/${STOCKPORT}/profile.html`]) assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  it("gives the LA's own people their released profile without a grade, and Ofsted's staff everything", async () => {
    const own = getAs(app, await signedInAs(app, store, 'la', STOCKPORT));
    const pack = await own(`/2011/la/${STOCKPORT}/profile.html`);
    assert.equal(pack.statusCode, 200);
    assert.match(pack.body, /Not shown: this is the profile released to Stockport/);
    assert.doesNotMatch(pack.body, /id="grade"|How the grade was reached|id="block-c-bands"/);
    const staff = await staffGet(app, store);
    const full = await staff(`/2011/la/${STOCKPORT}/profile.html`);
    assert.equal(full.statusCode, 200);
    assert.match(full.body, /id="grade"/);
    assert.match(full.body, /How the grade was reached/);
    assert.match(full.body, /Ofsted staff view/);
  });
});
