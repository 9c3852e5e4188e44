import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../../judgement/derive.ts';
import { INDICATOR_YEARS, indicatorsFramework } from '../indicators/definition.ts';
import { frameworkFor } from '../index.ts';
import { ILACS_INADEQUATE_CAPS_AT_POORLY } from './ilacs-inadequate-caps-at-poorly.ts';
import { laInspection, profileWith } from '../../../test/support/profiles.ts';

/** Every indicator better than its comparators: Block C alone would give performs excellently. */
const strong = (['staying-safe', 'enjoying-and-achieving', 'being-healthy'] as const).map((outcome) => ({ outcome, verdict: 'better' as const }));
const fired = (d: ReturnType<typeof derive>) => (d.ok ? d.fired.filter((f) => f.rule.id === ILACS_INADEQUATE_CAPS_AT_POORLY.id) : []);

describe('rule: ilacs-inadequate-caps-at-poorly (indicator years)', () => {
  const framework = indicatorsFramework(2024);

  it('takes an LA the indicators put above performs poorly down to performs poorly, citing the inspection, marked a reconstruction', () => {
    const ilacs = laInspection('ilacs', '2023-03-17', { startDate: '2023-03-06', overall: 'inadequate' });
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [ilacs] }), framework);
    assert.ok(d.ok);
    assert.ok(d.provisional > 1, 'the indicators alone put it above performs poorly');
    assert.equal(d.derived, 1);
    const [firing] = fired(d);
    assert.ok(firing);
    assert.deepEqual([firing.before, firing.after], [d.provisional, 1]);
    assert.equal(firing.rule.reconstruction, true);
    assert.match(firing.evidence[0]!, /ending 2023-03-17: overall effectiveness inadequate/);
  });

  it('does not fire on an ILACS judged requires improvement, good or outstanding', () => {
    for (const overall of ['requires-improvement', 'good', 'outstanding'] as const) {
      const d = derive(profileWith(framework, { verdicts: strong, laInspections: [laInspection('ilacs', '2023-03-17', { overall })] }), framework);
      assert.ok(d.ok);
      assert.deepEqual(fired(d), [], overall);
      assert.equal(d.derived, d.provisional, overall);
    }
  });

  it('reads the latest ILACS: an inadequate one followed by a good one does not fire', () => {
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [laInspection('ilacs', '2019-02-01', { overall: 'inadequate' }), laInspection('ilacs', '2023-03-17', { overall: 'good' })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual(fired(d), []);
  });

  it('does not read an inspection after the profile date (31 August)', () => {
    const d = derive(profileWith(framework, { verdicts: strong, laInspections: [laInspection('ilacs', '2024-09-20', { overall: 'inadequate' })] }), framework);
    assert.ok(d.ok);
    assert.deepEqual(fired(d), []);
  });

  it('is a rule of every indicator year and of no historical year', () => {
    for (const year of INDICATOR_YEARS) assert.ok(indicatorsFramework(year).limitingRules.includes(ILACS_INADEQUATE_CAPS_AT_POORLY), String(year));
    for (const year of [2006, 2009, 2010, 2011]) assert.ok(!frameworkFor(year).limitingRules.some((r) => r.id === ILACS_INADEQUATE_CAPS_AT_POORLY.id), String(year));
  });
});
