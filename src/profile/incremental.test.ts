import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import type { ProviderInspection } from '../domain/provider.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { overlay } from './overlay.ts';
import { buildProfile, reprofileAfterArrivals, withProviderInspection } from './profile.ts';

const batch = stockport2011();
const runOf = (inspections: readonly ProviderInspection[]) => runOver(batch, { inspections });
const STOCKPORT = '356' as LaCode;

describe('one new inspection arriving', () => {
  const before = runOf(batch.providerInspections ?? []);
  // The one satisfactory special school is reinspected in June 2011 and found outstanding.
  const special = (batch.providers ?? []).filter((p) => p.type === 'special-school').map((p) => p.urn);
  const satisfactory = buildProfile(before, STOCKPORT).blockA.find((r) => r.group.id === 'special')!.settings.find((s) => s.judgement === 'satisfactory')!;
  assert.ok(special.includes(satisfactory.urn));
  const arriving: ProviderInspection = { urn: satisfactory.urn, date: '2011-06-01', kind: 'full', overall: 'outstanding', sub: {} };

  it('gives exactly the profile a full recomputation gives', () => {
    const warm = buildProfile(before, STOCKPORT); // fill the memos, as a server would have
    const after = withProviderInspection(before, arriving);
    const incremental = buildProfile(after, STOCKPORT);
    const full = buildProfile(runOf([...(batch.providerInspections ?? []), arriving]), STOCKPORT);
    assert.deepEqual(incremental, full);
    assert.deepEqual(reprofileAfterArrivals(warm, after), full);
    assert.deepEqual(after.evidence.arrivals, [arriving]);
    assert.notDeepEqual(incremental, warm);
    assert.equal(incremental.blockA.find((r) => r.group.id === 'special')!.la.tally.outstanding, 3);
  });

  it('leaves the run it was given as it was', () => {
    const again = buildProfile(before, STOCKPORT);
    assert.equal(again.blockA.find((r) => r.group.id === 'special')!.la.tally.satisfactory, 1);
  });

  it('refuses an inspection of a setting the run does not know, naming its URN', () => {
    assert.throws(() => withProviderInspection(before, { ...arriving, urn: '999999999' }), /no provider with URN 999999999/);
  });
});

describe('overlay', () => {
  it('reads as the base map with one key replaced or added, leaving the base alone', () => {
    const base = new Map([['a', 1], ['b', 2]]);
    const replaced = overlay(base, 'b', 20);
    const added = overlay(replaced, 'c', 3);
    assert.deepEqual([...replaced], [['a', 1], ['b', 20]]);
    assert.deepEqual([...added.entries()], [['a', 1], ['b', 20], ['c', 3]]);
    assert.deepEqual([added.size, added.get('b'), added.has('c'), [...added.keys()], [...added.values()]], [3, 20, true, ['a', 'b', 'c'], [1, 20, 3]]);
    assert.deepEqual([...base], [['a', 1], ['b', 2]]);
  });
});
