import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { INDICATOR_YEARS, indicatorsFramework } from '../indicators/definition.ts';
import { frameworkFor } from '../index.ts';
import { SIF_INADEQUATE_CAPS_AT_POORLY } from './sif-inadequate-caps-at-poorly.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';

const strong = (['staying-safe', 'enjoying-and-achieving', 'being-healthy'] as const).map((outcome) => ({ outcome, verdict: 'better' as const }));
const fired = (d: ReturnType<typeof derive>) => (d.ok ? d.fired.filter((f) => f.rule.id === SIF_INADEQUATE_CAPS_AT_POORLY.id) : []);
const sif = (overall: 'inadequate' | 'good' | 'requires-improvement' | null) => laInspection('sif', '2016-05-20', { overall });

describe('rule: sif-inadequate-caps-at-poorly (indicator years)', () => {
  it('caps at performs poorly while an inadequate SIF is the judgement in force: no ILACS yet at the profile date', () => {
    for (const year of [2016, 2017]) {
      const framework = indicatorsFramework(year);
      const d = derive(profileWith(framework, { verdicts: strong, laInspections: [sif('inadequate')] }), framework);
      assert.ok(d.ok);
      assert.ok(d.provisional > 1);
      assert.equal(d.derived, 1, String(year));
      const [firing] = fired(d);
      assert.ok(firing, String(year));
      assert.equal(firing.rule.reconstruction, true);
      assert.match(firing.evidence[0]!, /single inspection framework|children in need of help and protection/i);
      assert.match(firing.evidence[0]!, new RegExp(`ending 2016-05-20: overall effectiveness inadequate, the judgement in force at ${year}-08-31`));
    }
  });

  it('reads the SIF no longer once an ILACS follows it, whatever the ILACS found', () => {
    const framework = indicatorsFramework(2019);
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [sif('inadequate'), laInspection('ilacs', '2019-03-01', { overall: 'requires-improvement' })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual(fired(d), []);
    assert.equal(d.derived, d.provisional);
  });

  it('still reads the SIF when the ILACS came after the profile date', () => {
    const framework = indicatorsFramework(2018);
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [sif('inadequate'), laInspection('ilacs', '2018-10-01', { overall: 'good' })] }), framework);
    assert.ok(d.ok);
    assert.equal(fired(d).length, 1);
    assert.equal(d.derived, 1);
  });

  it('does not fire on a SIF judged good or requires improvement, or with no grade (as every SIF in the scraped data)', () => {
    const framework = indicatorsFramework(2017);
    for (const overall of ['good', 'requires-improvement', null] as const) {
      const d = derive(profileWith(framework, { verdicts: strong, laInspections: [sif(overall)] }), framework);
      assert.ok(d.ok);
      assert.deepEqual(fired(d), [], String(overall));
    }
  });

  it('does not fire together with the ILACS rule: one inadequate judgement in force caps once', () => {
    const framework = indicatorsFramework(2020);
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [sif('inadequate'), laInspection('ilacs', '2019-03-01', { overall: 'inadequate' })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual(d.fired.map((f) => f.rule.id), ['ilacs-inadequate-caps-at-poorly']);
  });

  it('is a rule of every indicator year and of no historical year', () => {
    for (const year of INDICATOR_YEARS) assert.ok(indicatorsFramework(year).limitingRules.includes(SIF_INADEQUATE_CAPS_AT_POORLY), String(year));
    for (const year of [2006, 2009, 2010, 2011]) assert.ok(!frameworkFor(year).limitingRules.some((r) => r.id === SIF_INADEQUATE_CAPS_AT_POORLY.id), String(year));
  });
});
