import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { frameworkFor } from '../index.ts';
import { INADEQUATE_BAND_IN_SAFETY_OR_ACHIEVEMENT_CAPS_AT_ADEQUATELY } from './inadequate-band-in-safety-or-achievement-caps-at-adequately.ts';
import { profileWith } from '../../../test/support/profiles.ts';

describe('rule: inadequate-band-in-safety-or-achievement-caps-at-adequately', () => {
  const framework = frameworkFor(2011);
  it('caps at performs adequately when staying safe indicators are in the inadequate band', () => {
    const verdicts = [
      { outcome: 'staying-safe' as const, verdict: 'worse' as const },
      { outcome: 'staying-safe' as const, verdict: 'worse' as const },
      ...Array.from({ length: 8 }, () => ({ outcome: 'enjoying-and-achieving' as const, verdict: 'better' as const })),
    ];
    const d = derive(profileWith(framework, { goodOrBetter: 0.95, verdicts }), framework);
    assert.ok(d.ok);
    assert.equal(d.provisional, 4);
    assert.equal(d.derived, 2);
    assert.match(d.fired[0]!.evidence[0]!, /staying safe indicators in band 1: 0 better, 0 in line, 4 worse/);
  });
  it('leaves the grade where other outcomes are weak', () => {
    const d = derive(profileWith(framework, { goodOrBetter: 0.95, verdicts: [{ outcome: 'being-healthy', verdict: 'worse' }, { outcome: 'staying-safe', verdict: 'better' }] }), framework);
    assert.ok(d.ok);
    assert.deepEqual(d.fired, []);
  });
  it('is the rule the framework applies, as this file defines it', () => {
    for (const year of [2009, 2010, 2011]) assert.ok(frameworkFor(year).limitingRules.includes(INADEQUATE_BAND_IN_SAFETY_OR_ACHIEVEMENT_CAPS_AT_ADEQUATELY), String(year));
  });
});
