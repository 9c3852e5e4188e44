import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadAssessInput } from '../application/load-evidence.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { assessAll } from '../judgement/assess.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { SiteData } from './site-data.ts';

/**
 * What the site keeps of a year is less than assessAll returns (issue 14: each LA's profile is made again when a page
 * reads it, the LAs' own settings are shared between the years, the evidence is interned), yet it must read the same.
 */
describe("the site's years", () => {
  let store: Store;
  before(async () => {
    store = await webFixtureStore();
  });
  after(async () => store.close());

  const assessed = (a: Assessment) => (a.status === 'assessed' ? a : assert.fail(`${a.la.code} not assessed`));

  it('read as assessAll gives them, profile and all, each year over the evidence the years share', async () => {
    const data = new SiteData(store);
    // 2010 after 2011: its Block A settings at 2010's date are those 2011 counted as last year's.
    for (const year of [2011, 2010]) {
      const view = await data.year(year);
      const expected = assessAll(await loadAssessInput(store, frameworkFor(year)));
      assert.ok(expected.some((a) => a.status === 'assessed'));
      assert.deepEqual(view.results, expected);
      assert.equal(JSON.stringify(view.results), JSON.stringify(expected));
      assert.deepEqual(
        view.results.map((a) => Object.keys(a)),
        expected.map((a) => Object.keys(a)),
      );
    }
  });

  it('keep a profile once made, and make it afresh after a change', async () => {
    const data = new SiteData(store);
    const a = assessed((await data.year(2011)).results.find((r) => r.status === 'assessed')!);
    assert.equal(a.profile, a.profile);
    const kept = a.profile;
    data.changed(2011);
    const again = assessed((await data.year(2011)).byCode.get(a.la.code)!);
    assert.notEqual(again.profile, kept);
    assert.deepEqual(again.profile, kept);
  });
});
