import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { buildProfile } from '../profile/profile.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { derive } from './derive.ts';

describe('derive on the Stockport 2011 fixture', () => {
  const framework = frameworkFor(2011);
  const run = runOver(stockport2011());
  const profile = buildProfile(run, '356' as LaCode);
  const d = derive(profile, framework);

  it('gives the letter’s grade: performs well (3), with no limiting rule', () => {
    assert.ok(d.ok);
    assert.equal(d.derived, 3);
    assert.deepEqual(d.fired, []);
  });
  it('traces each step with its evidence', () => {
    assert.ok(d.ok);
    assert.deepEqual(d.trace.map((t) => t.step), ['framework', 'block-a', 'block-c', 'provisional', 'derived']);
    assert.ok(d.trace[1]!.evidence.some((e) => e.startsWith('Special schools: 83% good or better of 6 → band 3')));
    assert.ok(d.trace[1]!.evidence.some((e) => /Local authority fostering agency: 100% good or better of 1 → band 4 \(weight 0\.2\)/.test(e)));
    assert.match(d.trace.at(-1)!.text, /Derived grade 3: Performs well/);
  });
  it('is pure: the same profile gives the same derivation', () => {
    assert.deepEqual(derive(profile, framework), d);
  });
});
