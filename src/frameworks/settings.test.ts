import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { derive } from '../judgement/derive.ts';
import { laInspection, profileWith } from '../../test/support/profiles.ts';
import { frameworkFor } from './index.ts';
import { applySettings, parseFrameworkSettings } from './settings.ts';

describe('analyst settings over a framework year', () => {
  const base = frameworkFor(2011);

  it('changes a cut-off without touching the engine, and the change shows in the trace', () => {
    const before = derive(profileWith(base, { goodOrBetter: 0.8 }), base);
    assert.ok(before.ok);
    assert.equal(before.derived, 3);
    const lowered = applySettings(base, parseFrameworkSettings({ cutOffs: { blockA: { 4: 0.75 } } }, 'test'));
    const d = derive(profileWith(lowered, { goodOrBetter: 0.8 }), lowered);
    assert.ok(d.ok);
    assert.equal(d.derived, 4);
    assert.equal(lowered.cutOffs.blockA[3], base.cutOffs.blockA[3]);
    assert.ok(d.trace.some((t) => t.evidence.some((e) => e === 'analyst setting: cutOffs.blockA.4 = 0.75 (the year\'s own value is replaced)')));
  });

  it('leaves a limiting rule out, for a sensitivity run', () => {
    const without = applySettings(base, { withoutRules: ['priority-action-caps-at-poorly'] });
    const profile = profileWith(without, { goodOrBetter: 1, laInspections: [laInspection('ucra', '2011-05-01', { priorityActionCount: 1 })] });
    const d = derive(profile, without);
    assert.ok(d.ok);
    assert.equal(d.derived, 4);
    assert.equal(base.limitingRules.length, without.limitingRules.length + 1);
  });

  it('names every bad value', () => {
    assert.throws(() => parseFrameworkSettings({ similarAreas: 'mode', cutOffs: { blockA: { 4: 2 } } }, 'settings.json'), /settings\.json: similarAreas: .*; cutOffs\.blockA\.4: /);
    assert.throws(() => parseFrameworkSettings({ cutoffs: {} }, 'settings.json'), /settings\.json: .*cutoffs/);
    assert.throws(() => applySettings(base, { withoutRules: ['no-such-rule'] }), /"no-such-rule" is not a rule of assessment-2011; its rules are priority-action-caps-at-poorly/);
  });

  it('returns the year itself when nothing is set', () => {
    assert.equal(applySettings(base, {}), base);
  });
});
