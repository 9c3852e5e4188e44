import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { extend } from '../frameworks/define.ts';
import { FRAMEWORKS, frameworkFor } from '../frameworks/index.ts';
import { frameworkYears, whyNoFramework, yearsWithoutFramework } from '../frameworks/years.ts';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { staffGet } from '../../test/support/web-as.ts';
import type { Get } from '../../test/support/web-as.ts';
import { buildServer } from './server.ts';
import { missingYearPage, scaleView } from './years-explained.ts';

/**
 * What the grades mean, shown from each year's framework definition on the national page and each LA's page (never
 * worded in a template), and why 2007 and 2008 (and 2012 to 2015) have no pages: beside the lists of years, and as
 * the 404 of any address in them. Over the web tests' fixture store (test/support/web.ts): the public sees the
 * published 2011; an analyst signed in sees every year.
 */
const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The part of a page from an element's id to the end of its list (the scale is a `<dl>`). */
const section = (html: string, id: string) => {
  const at = html.indexOf(`id="${id}"`);
  assert.ok(at >= 0, `no #${id}`);
  return html.slice(at, html.indexOf('</dl>', at));
};

describe('the grades explained, from the framework definitions', () => {
  it('lists each year’s own scale, highest grade first: the APA’s descriptors in 2006, "performs …" from 2009', () => {
    for (const year of [2006, 2009, 2011, 2024]) {
      const framework = frameworkFor(year);
      const view = scaleView(framework);
      assert.deepEqual(view.rows.map((r) => r.grade), [4, 3, 2, 1], String(year));
      for (const level of framework.scale) {
        const row = view.rows.find((r) => r.grade === level.grade)!;
        assert.equal(row.label, level.label);
        assert.equal(row.meaning, level.descriptor);
        assert.equal(row.capacity, level.capacityDescriptor ?? null);
      }
      assert.ok(view.source.includes(framework.scaleSource), String(year));
    }
    assert.equal(scaleView(frameworkFor(2011)).rows[0]!.label, 'Performs excellently');
    assert.equal(scaleView(frameworkFor(2006)).rows[1]!.capacity, 'Good');
    assert.notEqual(scaleView(frameworkFor(2006)).rows[0]!.label, scaleView(frameworkFor(2009)).rows[0]!.label);
    // 2009 to 2011 explain that a grade is not uniform within its level; 2006's letter has no such paragraph.
    assert.match(scaleView(frameworkFor(2011)).withinLevel ?? '', /Within each level/);
    assert.equal(scaleView(frameworkFor(2006)).withinLevel, null);
  });

  it("says of today's years that the grade is Kingsway's own on the 2011 scale, not Ofsted's", () => {
    const view = scaleView(frameworkFor(2024));
    assert.equal(view.official, false);
    assert.match(view.intro, /Kingsway's own assessments of 2024, not Ofsted's/);
    assert.match(view.intro, /Ofsted's 2011 scale/);
    assert.match(view.source, /^Source of the 2011 scale: /);
    // The inspector-judgement paragraph of 2011 is not said of a grade no inspector made.
    assert.equal(view.withinLevel, null);
  });

  it('follows the definition: a year that words its scale otherwise is explained in its words', () => {
    const base = frameworkFor(2011);
    const changed = extend(base, { id: 'assessment-2011', year: 2011, title: 'test', changes: ['test'], scaleSource: 'A test source.', scale: base.scale.map((s) => ({ ...s, label: `Level ${s.grade} words`, descriptor: `What level ${s.grade} meant` })) });
    const view = scaleView(changed);
    assert.deepEqual(view.rows.map((r) => `${r.grade} ${r.label}: ${r.meaning}`), [4, 3, 2, 1].map((g) => `${g} Level ${g} words: What level ${g} meant`));
    assert.equal(view.source, 'Source: A test source.');
  });

  it('words no grade in the templates: the scale’s words are only in the definitions', () => {
    const templates = ['pages/national.njk', 'pages/la.njk', 'templates/grade-scale.njk'].map((p) => readFileSync(new URL(`./${p}`, import.meta.url), 'utf8'));
    for (const f of FRAMEWORKS) for (const level of f.scale) for (const t of templates) assert.ok(!t.includes(level.descriptor) && !t.includes(`: ${level.label}`), `${f.id}: ${level.label}`);
  });
});

describe('the years with no framework, explained', () => {
  it('explains every year between the first framework year and the last that has none, and no framework year', () => {
    const { all, first, last } = frameworkYears();
    const explained = yearsWithoutFramework().flatMap((r) => r.years);
    for (let year = first; year <= last; year++) assert.equal(explained.includes(year), !all.includes(year), String(year));
    assert.deepEqual(whyNoFramework(2007)?.years, [2007, 2008]);
    assert.match(whyNoFramework(2008)!.why.join(' '), /annual performance assessments .* in 2007 and 2008/);
    assert.match(whyNoFramework(2013)!.short, /2012 to 2015/);
    assert.equal(whyNoFramework(2011), null);
    assert.equal(whyNoFramework(1999), null);
    assert.equal(missingYearPage('/2011/la/356'), null);
    assert.equal(missingYearPage('/20070'), null);
    assert.equal(missingYearPage('/2007/la/356')?.title, 'There is no 2007 assessment in Kingsway');
  });
});

describe('the pages explain the grades and the missing years', () => {
  let store: Store;
  let app: FastifyInstance;
  let staff: Get;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { logStream: { write: () => undefined } }).app;
    staff = await staffGet(app, store);
  });
  after(async () => {
    await app.close();
    await store.close();
  });
  const get = (url: string) => app.inject({ method: 'GET', url });

  for (const year of [2006, 2009, 2011, 2024]) {
    it(`shows the ${year} scale from its definition on the national page and in "What the grades mean" on an LA's page`, async () => {
      const framework = frameworkFor(year);
      for (const url of [`/${year}`, `/${year}/la/356`]) {
        const r = await (year === 2011 ? get : staff)(url);
        assert.equal(r.statusCode, 200, url);
        const scale = section(r.body, 'grade-scale');
        for (const level of framework.scale) {
          assert.ok(scale.includes(`${level.grade}: ${esc(level.label)}</dt>`), `${url}: ${level.label}`);
          assert.ok(scale.includes(esc(level.descriptor)), `${url}: ${level.descriptor}`);
          if (level.capacityDescriptor) assert.ok(scale.includes(`Capacity to improve: ${esc(level.capacityDescriptor)}`), url);
        }
        assert.ok(r.body.includes(esc(framework.scaleSource)), `${url}: the source`);
        if (url.includes('/la/')) assert.match(r.body, /<details class="govuk-details" id="what-the-grades-mean">\s*<summary class="govuk-details__summary"><span class="govuk-details__summary-text">What the grades mean<\/span>/);
        if (framework.official) assert.doesNotMatch(scale, /Kingsway&#39;s own/, url);
        else assert.match(r.body, /These are Kingsway&#39;s own assessments of 2024, not Ofsted&#39;s: the 2011 method applied to today&#39;s published data, graded on Ofsted&#39;s 2011 scale/, url);
      }
    });
  }

  it('says beside the years on the national page and in "Other years" why 2007 and 2008 have none', async () => {
    for (const r of [await get('/2011'), await get('/2011/la/356'), await staff('/2024/la/356')]) {
      assert.equal(r.statusCode, 200);
      const notes = r.body.slice(r.body.indexOf('id="missing-years"'), r.body.indexOf('</div>', r.body.indexOf('id="missing-years"')));
      assert.match(notes, /There are no 2007 or 2008 pages: Ofsted made annual performance assessments then/);
      assert.match(notes, /There are none for 2012 to 2015/);
    }
    // On the LA page it is in "Other years".
    const la = (await get('/2011/la/356')).body;
    assert.ok(la.indexOf('id="missing-years"') > la.indexOf('id="years"'));
  });

  it('answers /2007, /2008 and any address in them with a 404 that says why there is nothing', async () => {
    for (const url of ['/2007', '/2008', '/2007/la/356', '/2008/la/356/letter', '/2007/assessments.csv', '/2007/la/356/indicator/NI%2075', '/2008/process', '/2007/no-such-page']) {
      for (const as of [get, staff]) {
        const r = await as(url);
        assert.equal(r.statusCode, 404, url);
        assert.match(r.headers['content-type'] as string, /^text\/html/, url);
        const year = url.slice(1, 5);
        assert.match(r.body, new RegExp(`<h1 class="govuk-heading-l">There is no ${year} assessment in Kingsway</h1>`), url);
        assert.match(r.body, /made annual performance assessments \(APAs\) of local authorities&#39; children&#39;s services in 2007 and 2008, but Kingsway has no framework for those years/, url);
        assert.match(r.body, /No letter of 2007 or 2008 is among Kingsway&#39;s sources/, url);
        assert.match(r.body, /Kingsway has Ofsted&#39;s assessments of 2006 and 2009 to 2011, and its own assessments of today&#39;s data for 2016 to 2025\./, url);
      }
    }
    const api = await get('/api/2007/assessments');
    assert.equal(api.statusCode, 404);
    assert.match(api.json().error.message, /^no assessment year 2007: .*There are no 2007 or 2008 pages/);
    // A year outside the span, and a year Kingsway has, keep their own answers.
    assert.match((await get('/1999')).body, /<h1 class="govuk-heading-l">Page not found<\/h1>[\s\S]*There is no assessment year 1999/);
    assert.match((await get('/2011/la/999')).body, /<h1 class="govuk-heading-l">Page not found<\/h1>/);
    assert.match((await get('/2013')).body, /There is no 2013 assessment in Kingsway[\s\S]*the duty to make one was repealed in 2012/);
  });
});
