import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { frameworkFor } from '../index.ts';
import { PRIORITY_ACTION_CAPS_AT_POORLY } from './priority-action-caps-at-poorly.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';

describe('rule: priority-action-caps-at-poorly (2010 on)', () => {
  const framework = frameworkFor(2011);
  const finding = { kind: 'area-for-priority-action' as const, text: 'Ensure that all referrals are screened by a qualified social worker.' };

  it('takes an LA that would perform excellently to performs poorly, citing the finding', () => {
    const d = derive(profileWith(framework, { goodOrBetter: 1, laInspections: [laInspection('ucra', '2011-05-01', { priorityActionCount: 1, findings: [finding] })] }), framework);
    assert.ok(d.ok);
    assert.equal(d.provisional, 4);
    assert.equal(d.derived, 1);
    assert.deepEqual(d.fired.map((f) => [f.rule.id, f.before, f.after]), [['priority-action-caps-at-poorly', 4, 1]]);
    assert.ok(d.fired[0]!.evidence.some((e) => e.includes('ending 2011-05-01: 1 area for priority action')));
    assert.ok(d.fired[0]!.evidence.some((e) => e.includes(finding.text)));
  });
  it('does not fire on an inspection with none, nor on one from before the assessment year', () => {
    for (const inspections of [[laInspection('ucra', '2011-05-01', { priorityActionCount: 0 })], [laInspection('ucra', '2010-05-01', { priorityActionCount: 2 })]]) {
      const d = derive(profileWith(framework, { goodOrBetter: 1, laInspections: inspections }), framework);
      assert.ok(d.ok);
      assert.equal(d.derived, 4);
    }
  });
  it('is not a 2009 rule', () => {
    assert.ok(!frameworkFor(2009).limitingRules.some((r) => r.id === 'priority-action-caps-at-poorly'));
    assert.ok(frameworkFor(2010).limitingRules.some((r) => r.id === 'priority-action-caps-at-poorly'));
  });
  it('is the rule the framework applies, as this file defines it', () => {
    for (const year of [2010, 2011]) assert.ok(frameworkFor(year).limitingRules.includes(PRIORITY_ACTION_CAPS_AT_POORLY), String(year));
  });
});
