import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import type { ProviderInspection } from '../domain/provider.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { indexIndicators } from './block-c.ts';
import { indexEvidence } from './evidence.ts';
import { overlay } from './overlay.ts';
import { buildProfile, profileRun, reprofileAfterArrivals, withProviderInspection } from './profile.ts';

const read = readBundle({ dir: fileURLToPath(new URL('../../test/fixtures/seeds/stockport-2011-assessment/', import.meta.url)), context: { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set() } });
assert.ok(read.ok);
const framework = frameworkFor(2011);
const indicators = indexIndicators(read.batch.indicators ?? [], read.batch.indicatorValues ?? []);
const runOf = (inspections: readonly ProviderInspection[]) =>
  profileRun(framework, indexEvidence({ las: FIXTURE_LAS, neighbours: new Map(), providers: read.batch.providers ?? [], inspections, outcomeCounts: read.batch.outcomeCounts ?? [] }), indicators, read.batch.laInspections ?? [], null);
const STOCKPORT = '356' as LaCode;

describe('one new inspection arriving', () => {
  const before = runOf(read.batch.providerInspections ?? []);
  // The one satisfactory special school is reinspected in June 2011 and found outstanding.
  const special = (read.batch.providers ?? []).filter((p) => p.type === 'special-school').map((p) => p.urn);
  const satisfactory = buildProfile(before, STOCKPORT).blockA.find((r) => r.group.id === 'special')!.settings.find((s) => s.judgement === 'satisfactory')!;
  assert.ok(special.includes(satisfactory.urn));
  const arriving: ProviderInspection = { urn: satisfactory.urn, date: '2011-06-01', kind: 'full', overall: 'outstanding', sub: {} };

  it('gives exactly the profile a full recomputation gives', () => {
    const warm = buildProfile(before, STOCKPORT); // fill the memos, as a server would have
    const after = withProviderInspection(before, arriving);
    const incremental = buildProfile(after, STOCKPORT);
    const full = buildProfile(runOf([...(read.batch.providerInspections ?? []), arriving]), STOCKPORT);
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
