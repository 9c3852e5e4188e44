import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { frameworkFor } from '../index.ts';
import { UCRA_PRIORITY_ACTION_LOWERS_ONE_GRADE } from './ucra-priority-action-lowers-one-grade.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';

describe('rule: ucra-priority-action-lowers-one-grade (2009)', () => {
  const framework = frameworkFor(2009);
  it('lowers performs well to performs adequately, as for seven councils in 2009', () => {
    const d = derive(profileWith(framework, { goodOrBetter: 0.8, laInspections: [laInspection('ucra', '2009-06-01', { priorityActionCount: 1 })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual([d.provisional, d.derived], [3, 2]);
    assert.equal(d.fired[0]?.rule.id, 'ucra-priority-action-lowers-one-grade');
  });
  it('lowers performs adequately to performs poorly, as for three more', () => {
    const d = derive(profileWith(framework, { goodOrBetter: 0.55, laInspections: [laInspection('ucra', '2009-06-01', { priorityActionCount: 2 })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual([d.provisional, d.derived], [2, 1]);
  });
  it('gives way to the cap from 2010', () => {
    assert.ok(!frameworkFor(2010).limitingRules.some((r) => r.id === 'ucra-priority-action-lowers-one-grade'));
  });
  it('is the rule the framework applies, as this file defines it', () => {
    for (const year of [2009]) assert.ok(frameworkFor(year).limitingRules.includes(UCRA_PRIORITY_ACTION_LOWERS_ONE_GRADE), String(year));
  });
});
