import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseHTML } from 'linkedom';
import type { LaCode } from '../../domain/local-authority.ts';
import type { Actor } from '../../domain/roles.ts';
import { PUBLIC } from '../../domain/roles.ts';
import { readBundle } from '../../ingest/bundle/read.ts';
import type { Store } from '../../store/repository.ts';
import { SiteData } from '../site-data.ts';
import { siteReader } from '../viewer.ts';
import { seedFixture } from '../../../test/support/cli.ts';
import { FIXTURE_HEX_BATCH, FIXTURE_LA_BATCH, FIXTURE_LAS } from '../../../test/support/las.ts';
import { scratchStore } from '../../../test/support/store.ts';
import { webFixtureStore } from '../../../test/support/web.ts';
import { profilePackHtml, profilePackModel } from './profile-pack.ts';

/**
 * The profile pack's HTML (what Chromium prints as the PDF: the web suite prints it, routes.test.ts),
 * from the LA page's own model, over the web tests' store: Stockport's 2011 evidence is a synthetic dataset there, and
 * its 2011 is published. A second store holds the same evidence as a real dataset.
 */
const STOCKPORT = '356' as LaCode;
const ANALYST: Actor = { kind: 'user', id: 1, name: 'Test analyst', role: 'analyst', la: null };
const PRINTED = '2026-01-02';

/** The pack of Stockport 2011 for `actor` over `store`, as HTML and as a document to query. */
async function packOf(store: Store, actor: Actor, options: { outcomeHidden?: boolean; history?: boolean } = {}) {
  const data = new SiteData(store);
  const reader = siteReader(data, actor, await data.processes(), data.processVersion);
  const view = await reader.year(2011);
  const a = view.byCode.get(STOCKPORT);
  assert.ok(a, 'Stockport is in the reader’s 2011');
  const model = await profilePackModel(reader, view, a, { printedOn: PRINTED, history: false, ...options });
  const html = profilePackHtml(model);
  return { model, html, document: parseHTML(html).document };
}

const styleOf = (document: ReturnType<typeof parseHTML>['document']) => document.querySelector('style')!.textContent ?? '';

describe('the profile pack', () => {
  let synthetic: Store;
  let real: Store;
  before(async () => {
    synthetic = await webFixtureStore();
    real = await scratchStore();
    const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
    assert.ok(read.ok);
    for (const batch of [FIXTURE_LA_BATCH, FIXTURE_HEX_BATCH, { ...read.batch, dataset: { ...read.batch.dataset, id: 'stockport-real', kind: 'real' as const } }]) await real.replaceDataset(batch);
  });
  after(async () => {
    await synthetic?.close();
    await real?.close();
  });

  it('has a cover, a contents list and every section, each numbered and starting a page', async () => {
    const { html, document } = await packOf(synthetic, ANALYST);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.equal(document.querySelector('h1')!.textContent!.replace(/\s+/g, ' ').trim(), 'Stockport (356)');
    const cover = document.querySelector('#cover')!.textContent!.replace(/\s+/g, ' ');
    for (const words of ['Performance profile pack', '2011', "Annual children's services assessment 2011", 'Ofsted staff view']) assert.ok(cover.includes(words), words);
    assert.match(cover, /Printed ?2 January 2026/);
    assert.match(cover, /Grade ?Performs \w+ \(\d\)/);
    const sections = [...document.querySelectorAll('section.part')].map((s) => s.getAttribute('id'));
    assert.deepEqual(sections, ['grade', 'what-if', 'block-a', 'block-b', 'block-c', 'block-c-trends', 'neighbours', 'sources']);
    // The contents list links to each section, in order, with the titles the sections carry.
    const contents = [...document.querySelectorAll('.contents a')];
    assert.deepEqual(contents.map((a) => a.getAttribute('href')), sections.map((id) => `#${id}`));
    for (const [n, id] of sections.entries()) assert.match(document.querySelector(`#${id} h2`)!.textContent!, new RegExp(`^${n + 1}\\. ${contents[n]!.textContent!.replace(/[()]/g, '\\$&')}$`));
    // The grade and its trace, Block A, B and C as the LA page has them.
    assert.ok(document.querySelectorAll('#grade ol.trace > li').length >= 3);
    assert.ok(document.querySelector('#grade-summary'));
    assert.ok(document.querySelectorAll('#block-a-table tbody tr').length > 0);
    assert.ok(document.querySelectorAll('#block-b-table tbody tr').length > 0);
    assert.ok(document.querySelectorAll('#block-c-table tbody tr').length > 0);
    assert.ok(document.querySelectorAll('#block-c-bands tbody tr').length > 0);
    // The fixture's Stockport has no neighbours stored, and the section says so.
    assert.ok(document.querySelectorAll('#neighbours-table tbody tr').length > 0 || /No statistical neighbours are recorded/.test(document.querySelector('#neighbours')!.textContent!));
    assert.ok(document.querySelector('#datasets-table'));
    // A4, with page breaks between sections and rows kept whole.
    const style = styleOf(document);
    assert.match(style, /@page \{\s*size: A4;/);
    assert.match(style, /section\.part \{ break-before: page; \}/);
    assert.match(style, /tr \{ break-inside: avoid; \}/);
    assert.match(style, /counter\(page\) " of " counter\(pages\)/);
    // Nothing to fetch: no script, no stylesheet or image from elsewhere.
    assert.equal(document.querySelectorAll('script, link, img').length, 0);
  });

  it('sets every chart beside its table: Block A, and each indicator’s trend', async () => {
    const { document, model } = await packOf(synthetic, ANALYST);
    const blockA = document.querySelector('#block-a')!;
    assert.ok(blockA.querySelector('figure svg[role="img"]'), 'the Block A chart');
    assert.ok(blockA.querySelector('figure + table#block-a-table'), 'the Block A table straight after its chart');
    const indicators = [...document.querySelectorAll('#block-c-trends article.indicator')];
    assert.equal(indicators.length, model.blockC.length, 'one trend per indicator in the Block C table');
    let charted = 0;
    for (const article of indicators) {
      const svg = article.querySelector('figure .pair > svg');
      const rows = article.querySelectorAll('figure .pair > table tbody tr');
      assert.ok(rows.length > 0, `${article.getAttribute('id')} has its table`);
      if (svg) {
        charted++;
        assert.ok(article.querySelector('figcaption')!.textContent!.startsWith('Stockport: '), 'the chart’s active title');
      }
    }
    assert.ok(charted > 0);
  });

  it('marks synthetic data on every page (the running header), on the cover and beside each table', async () => {
    const { document, model } = await packOf(synthetic, ANALYST);
    assert.ok(model.synthetic, 'the fixture’s Stockport 2011 is synthetic');
    // The running header is in each page's margin: the page stylesheet's @top-left box.
    const header = /@top-left \{ content: "([^"]*)"; [^}]*color: #d4351c/.exec(styleOf(document));
    assert.ok(header, 'a red running header');
    const text = header[1]!.replace(/\\([0-9a-f]+) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    assert.equal(text, `SYNTHETIC DATA: ${model.synthetic.note}`);
    assert.match(document.querySelector('#synthetic-data')!.textContent!, /^Synthetic data: Built from synthetic data/);
    for (const caption of ['#block-a-table caption', '#block-b-table caption', '#block-c-table caption']) assert.match(document.querySelector(caption)!.textContent!, /Synthetic data/, caption);
    assert.match(document.querySelector('#datasets-table')!.textContent!, /Synthetic/);
  });

  it('on real data, says what it is at the head of each page, and marks nothing synthetic', async () => {
    const { document, html } = await packOf(real, ANALYST);
    assert.match(styleOf(document), /@top-left \{ content: "Kingsway: a reconstruction of the annual assessment, not an Ofsted document"/);
    assert.doesNotMatch(html, /[Ss]ynthetic data/);
    assert.equal(document.querySelector('#synthetic-data'), null);
  });

  it('prints the day it is given, and is the same every time for the same day', async () => {
    const first = await packOf(synthetic, ANALYST);
    const again = await packOf(synthetic, ANALYST);
    assert.equal(first.html, again.html);
    assert.match(styleOf(first.document), /@bottom-left \{ content: "Stockport \(356\), profile pack 2011\. Printed 2 January 2026"/);
  });

  it('shows what the LA page shows its reader: the released profile without its grade, trace or bands', async () => {
    const { document, html } = await packOf(synthetic, ANALYST, { outcomeHidden: true });
    assert.equal(document.querySelector('#grade'), null);
    assert.equal(document.querySelector('#block-c-bands'), null);
    assert.doesNotMatch(html, /How the grade was reached|Performs (poorly|adequately|well|excellently) \(\d\)<\/span>/);
    assert.match(document.querySelector('#cover')!.textContent!, /Not shown: this is the profile released to Stockport/);
    assert.deepEqual([...document.querySelectorAll('.contents a')].map((a) => a.getAttribute('href')), ['#block-a', '#block-b', '#block-c', '#block-c-trends', '#neighbours', '#sources']);
    // The public's pack of a published year says whose view it is.
    assert.match((await packOf(synthetic, PUBLIC)).document.querySelector('#cover')!.textContent!, /Public view: published outcomes only/);
  });

  it("lists the LA's grade in every year only when asked", async () => {
    const without = await packOf(synthetic, ANALYST, { history: false });
    assert.equal(without.document.querySelector('#years'), null);
    const withHistory = await packOf(synthetic, ANALYST, { history: true });
    assert.ok(withHistory.document.querySelectorAll('#years li').length > 1);
    assert.match(withHistory.document.querySelector('#years')!.textContent!, /2011 \(this pack\)/);
  });

  it('keeps a name or note from ending the running header’s CSS string or the stylesheet', async () => {
    const { model } = await packOf(synthetic, ANALYST);
    const { document } = parseHTML(profilePackHtml({ ...model, runningFooter: 'St. "Evil" \\ </style><script>alert(1)</script>' }));
    assert.equal(document.querySelectorAll('script').length, 0);
    const footer = /@bottom-left \{ content: ("[^"]*");/.exec(styleOf(document));
    assert.ok(footer);
    assert.equal(footer[1], '"St. \\22 Evil\\22  \\5c  \\3c \\2f style\\3e \\3c script\\3e alert(1)\\3c \\2f script\\3e "');
  });
});
