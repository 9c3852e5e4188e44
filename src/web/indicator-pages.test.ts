import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/repository.ts';
import { indicatorWebStore } from '../../test/support/indicator-web.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { staffGet } from '../../test/support/web-as.ts';
import type { Get } from '../../test/support/web-as.ts';
import { buildServer } from './server.ts';

/**
 * The LA page of an indicator year (issue 13): near the grade, how far to trust it (Kingsway's agreement with
 * inspectors on the reported ILACS inspections, from the evaluation /evaluation/ilacs shows) and the LA's inspection in
 * force; under Block B, its inspections as one succession, SIF then ILACS; and the direction of travel, said to be
 * against Kingsway's own grade of the year before. The store: test/support/indicator-web.ts. Nothing of today's years
 * is published there, so the pages are read as Ofsted's staff see them (an analyst signed in); the public sees none
 * of them (issue 15).
 */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
/** A summary list's rows as [key, value] in words. */
function summaryRows(html: string, id: string): [string, string][] {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `no summary list ${id}`);
  const list = html.slice(start, html.indexOf('</dl>', start));
  return [...list.matchAll(/<dt class="govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g)].map((m) => [text(m[1]!).trim(), text(m[2]!).trim()]);
}

describe("an indicator year's LA page", () => {
  let app: FastifyInstance;
  let store: Store;
  let staff: Get;
  before(async () => {
    store = await indicatorWebStore();
    app = buildServer(store, { logStream: { write: () => undefined } }).app;
    staff = await staffGet(app, store);
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const page = async (url: string) => {
    const r = await staff(url);
    assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 300)}`);
    return r.body;
  };

  it('is not shown to the public: nothing of the year is published', async () => {
    for (const url of ['/2024/la/356', '/2025', '/api/2024/las/356']) {
      const r = await app.inject({ method: 'GET', url });
      assert.equal(r.statusCode, 404, url);
      assert.doesNotMatch(r.body, /How far to trust this grade|Performs (excellently|well|adequately|poorly)/, url);
    }
  });

  it("shows near the grade how far to trust it: the reported set's agreement with inspectors, and a link to the evaluation", async () => {
    const html = await page('/2024/la/356');
    const trust = html.indexOf('id="trust"');
    assert.ok(trust > 0 && trust < html.indexOf('id="block-a"'), 'the trust section comes before the blocks');
    assert.match(text(html), /Set beside the inspectors' overall effectiveness in 2 ILACS inspections that ended in 2023 or later/);
    const rows = new Map(summaryRows(html, 'trust-figures'));
    assert.match(rows.get('The same grade')!, /^\d+\.\d% of 2 inspections$/);
    assert.match(rows.get('Within one grade')!, /^\d+\.\d%$/);
    assert.match(rows.get('Agreement beyond chance')!, /Quadratic weighted kappa/);
    assert.ok(rows.has('Of the LAs judged inadequate, graded performs poorly'));
    assert.match(rows.get("For scale: the previous inspection's grade carried forward")!, /^Kappa /);
    assert.match(html.slice(trust, html.indexOf('id="block-a"')), /<a href="\/evaluation\/ilacs" class="govuk-link">/);
  });

  it('shows near the grade the LA\'s inspection in force at the profile date, with its kind, dates and overall effectiveness, and what changed', async () => {
    assert.deepEqual(summaryRows(await page('/2024/la/356'), 'trust-inspection'), [
      ["The LA's inspection in force at 31 August 2024", 'ILACS, 6 March 2023 to 17 March 2023: inadequate'],
      ['Since the inspection before it', 'Declined from good to inadequate'],
    ]);
  });

  it('shows under Block B the succession: an LA\'s first ILACS follows its SIF', async () => {
    assert.deepEqual(summaryRows(await page('/2019/la/356'), 'succession'), [
      ['Latest at 31 August 2019', 'ILACS, 14 January 2019 to 25 January 2019: good'],
      ['The one before it', 'Single inspection framework (SIF), report published 20 October 2015 (the data gives no inspection dates): requires improvement to be good'],
      ['What changed', 'Improved from requires improvement to good'],
    ]);
    assert.deepEqual(summaryRows(await page('/2017/la/356'), 'succession')[0], ['Latest at 31 August 2017', 'Single inspection framework (SIF), report published 20 October 2015 (the data gives no inspection dates): requires improvement to be good']);
  });

  it('says what it cannot: a SIF with no grade, and no inspection before it', async () => {
    const rows = summaryRows(await page('/2018/la/861'), 'succession');
    assert.match(rows[0]![1], /no overall effectiveness grade in the data$/);
    assert.deepEqual(rows.slice(1), [['The one before it', 'None in the data'], ['What changed', 'No earlier inspection is in the data']]);
    assert.equal(summaryRows(await page('/2018/la/822'), 'succession')[2]![1], "No inspection of the council's children's services on or before 31 August 2018 is in the data");
    assert.equal(summaryRows(await page('/2021/la/861'), 'succession')[2]![1], 'Not known: the one before it, the SIF of May 2017, has no overall effectiveness grade in the data');
    assert.equal(summaryRows(await page('/2025/la/358'), 'succession')[2]![1], 'Stayed good');
  });

  it("gives the direction of travel against Kingsway's indicator assessment of the year before, never an inspector's", async () => {
    const since = new Map(summaryRows(await page('/2025/la/356'), 'grade-summary')).get('Since last year')!;
    assert.match(since, /^Against Kingsway's indicator assessment of 2024 \(not an inspector's judgement\): (improved from \d to \d|sustained at \d|declined from \d to \d)\.$/);
    assert.match(new Map(summaryRows(await page('/2021/la/356'), 'grade-summary')).get('Since last year')!, /Kingsway has no indicator assessment of the year before/);
    assert.match(text(await page('/2025')), /(Improved|Sustained|Declined) since Kingsway's indicator assessment of 2024/);
  });

  it('is laid out with GOV.UK summary lists and headings in order', async () => {
    const html = await page('/2024/la/356');
    const headings = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    for (let i = 1; i < headings.length; i++) assert.ok(headings[i]! - headings[i - 1]! <= 1, `heading level jumps from h${headings[i - 1]} to h${headings[i]}`);
    assert.equal((html.match(/class="govuk-summary-list kw-trust"/g) ?? []).length, 2);
  });
});

describe('a historical year\'s LA page', () => {
  let app: FastifyInstance;
  let store: Store;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { logStream: { write: () => undefined } }).app;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  it('has no trust section and no succession: its grades are judged by inspectors', async () => {
    const r = await app.inject({ method: 'GET', url: '/2011/la/356' });
    assert.equal(r.statusCode, 200);
    assert.doesNotMatch(r.body, /id="trust"|id="succession"/);
  });
});
