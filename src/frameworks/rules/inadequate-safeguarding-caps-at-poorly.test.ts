import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { frameworkFor } from '../index.ts';
import { INADEQUATE_SAFEGUARDING_CAPS_AT_POORLY } from './inadequate-safeguarding-caps-at-poorly.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';

describe('rule: inadequate-safeguarding-caps-at-poorly', () => {
  for (const year of [2009, 2010, 2011]) {
    it(`in ${year}, an inadequate safeguarding judgement takes performs well to performs poorly, marked a reconstruction`, () => {
      const framework = frameworkFor(year);
      const slac = laInspection('slac', `${year}-03-01`, { judgements: { safeguarding: 'inadequate', 'looked-after-children': 'adequate' } });
      const d = derive(profileWith(framework, { goodOrBetter: 0.8, laInspections: [slac] }), framework);
      assert.ok(d.ok);
      assert.deepEqual([d.provisional, d.derived], [3, 1]);
      assert.equal(d.fired[0]?.rule.reconstruction, true);
      assert.match(d.fired[0]!.evidence[0]!, /safeguarding inadequate/);
    });
  }
  it('does not fire on adequate safeguarding', () => {
    const framework = frameworkFor(2011);
    const d = derive(profileWith(framework, { goodOrBetter: 0.8, laInspections: [laInspection('slac', '2011-03-01', { judgements: { safeguarding: 'adequate' } })] }), framework);
    assert.ok(d.ok);
    assert.equal(d.derived, 3);
  });
  it('is the rule the framework applies, as this file defines it', () => {
    for (const year of [2009, 2010, 2011]) assert.ok(frameworkFor(year).limitingRules.includes(INADEQUATE_SAFEGUARDING_CAPS_AT_POORLY), String(year));
  });
});
