import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import type { OutcomeCount } from '../domain/outcome-count.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { blockA } from './block-a.ts';
import { indexEvidence } from './evidence.ts';
import type { Evidence } from './evidence.ts';

const STOCKPORT = '356' as LaCode;
const TRAFFORD = '358' as LaCode;
const STOKE = '861' as LaCode;

describe('Block A on the Stockport 2011 fixture, as the letter states it', () => {
  const rows = new Map(blockA(runOver(stockport2011()).evidence, STOCKPORT, frameworkFor(2011)).map((r) => [r.group.id, r]));

  it('"Five of the six special schools … are good or better. The sixth school is satisfactory"', () => {
    const t = rows.get('special')!.la.tally;
    assert.deepEqual([t.inspected, t.outstanding + t.good, t.satisfactory], [6, 5, 1]);
  });
  it('"Last year, none of the 13 schools … was outstanding. This year one of them is outstanding. However, a third are still no better than satisfactory."', () => {
    const r = rows.get('secondary')!;
    assert.deepEqual([r.lastYear.tally.inspected, r.lastYear.tally.outstanding], [13, 0]);
    assert.deepEqual([r.la.tally.outstanding, r.la.tally.satisfactory + r.la.tally.inadequate], [1, 4]);
    assert.equal(r.goodOrBetterChange, 7.7, 'from 8 of 13 to 9 of 13 good or better');
  });
  it('"Of the 22 children’s homes commissioned …, 20 are good or better and the remaining two are satisfactory"', () => {
    const t = rows.get('commissioned-homes')!.la.tally;
    assert.deepEqual([t.inspected, t.outstanding + t.good, t.satisfactory], [22, 20, 2]);
    assert.equal(rows.get('la-homes')!.la.tally.good, 2);
  });
  it('"Of the five providers in the area, two are outstanding, one is good and two are satisfactory"', () => {
    const t = rows.get('post-16')!.la.tally;
    assert.deepEqual([t.inspected, t.outstanding, t.good, t.satisfactory], [5, 2, 1, 2]);
  });
  it('reads primary schools from the supplied aggregate counts, and says so', () => {
    const r = rows.get('primary')!;
    assert.equal(r.la.basis, 'aggregate');
    assert.equal(r.la.tally.inspected, 94);
    assert.ok(r.la.shares.goodOrBetter! >= 0.8 && r.la.shares.goodOrBetter! <= 0.96, 'a very large majority');
  });
  it('leaves a group with nothing inspected as null shares, not zeros', () => {
    const r = rows.get('nursery-schools')!;
    assert.equal(r.la.tally.inspected, 0);
    assert.equal(r.la.shares.goodOrBetter, null);
    assert.equal(r.goodOrBetterChange, null);
  });
});

const provider = (urn: string, la: LaCode, extra: Partial<Provider> = {}): Provider => ({ urn, name: `P${urn}`, type: 'secondary-school', la, ownership: 'maintained', openedOn: null, closedOn: null, predecessorUrn: null, ...extra });
const inspection = (urn: string, date: string, overall: ProviderInspection['overall']): ProviderInspection => ({ urn, date, kind: 'full', overall, sub: {} });

describe('Block A rules', () => {
  const evidence: Evidence = {
    las: FIXTURE_LAS,
    neighbours: new Map([[STOCKPORT, [TRAFFORD, STOKE]]]),
    providers: [
      provider('1', STOCKPORT, { closedOn: '2010-12-31' }),
      provider('2', STOCKPORT, { ownership: 'academy', openedOn: '2011-01-01', predecessorUrn: '1' }),
      provider('3', STOCKPORT),
      provider('4', STOCKPORT, { closedOn: '2011-03-31' }),
      provider('10', TRAFFORD),
      provider('11', TRAFFORD),
      provider('20', STOKE),
    ],
    inspections: [
      inspection('1', '2009-01-10', 'inadequate'),
      inspection('1', '2010-05-10', 'good'),
      inspection('3', '2008-03-03', 'outstanding'),
      inspection('3', '2011-06-01', null),
      inspection('3', '2011-09-15', 'inadequate'),
      inspection('4', '2009-09-09', 'good'),
      inspection('10', '2010-01-01', 'good'),
      inspection('11', '2010-01-01', 'satisfactory'),
      inspection('20', '2010-01-01', 'outstanding'),
    ],
    outcomeCounts: [],
  };
  const [secondary] = blockA(indexEvidence(evidence), STOCKPORT, { ...frameworkFor(2011), blockA: [frameworkFor(2011).blockA.find((g) => g.id === 'secondary')!] });

  it('reads an academy without an inspection through its predecessor, and drops closed settings', () => {
    assert.deepEqual(secondary!.settings.map((s) => [s.urn, s.judgement, s.viaPredecessor]), [
      ['2', 'good', '1'],
      ['3', 'outstanding', null],
    ]);
  });
  it('gives each counted setting its ownership and predecessor, so that a letter can speak of academies apart', () => {
    assert.deepEqual(secondary!.settings.map((s) => [s.urn, s.type, s.ownership, s.predecessorUrn]), [
      ['2', 'secondary-school', 'academy', '1'],
      ['3', 'secondary-school', 'maintained', null],
    ]);
  });
  it("gives last year's settings with their judgements then, to follow each setting across the year", () => {
    assert.deepEqual(secondary!.lastYearSettings.map((s) => [s.urn, s.judgement]), [
      ['1', 'good'],
      ['3', 'outstanding'],
      ['4', 'good'],
    ]);
  });
  it('takes the latest judged inspection on or before the profile date, skipping visits without a judgement', () => {
    assert.equal(secondary!.settings.find((s) => s.urn === '3')?.inspectedOn, '2008-03-03');
  });
  it('combines the neighbours’ shares by the framework’s method (mean), naming the contributors', () => {
    assert.deepEqual(secondary!.similarAreas?.contributors, [TRAFFORD, STOKE]);
    assert.equal(secondary!.similarAreas?.shares.goodOrBetter, (0.5 + 1) / 2);
    assert.equal(secondary!.similarAreas?.method, 'mean');
  });
  it('pools every LA’s settings for England', () => {
    assert.equal(secondary!.england?.method, 'pooled');
    assert.equal(secondary!.england?.shares.goodOrBetter, 4 / 5);
  });
  it('uses a supplied comparator only where no neighbour has data, and says so', () => {
    const supplied: OutcomeCount[] = [
      { area: { kind: 'similar-areas', code: STOCKPORT }, providerType: 'secondary-school', asAt: '2011-08-31', judgement: 'good', count: 3, basis: 'supplied-comparator' },
      { area: { kind: 'similar-areas', code: STOCKPORT }, providerType: 'secondary-school', asAt: '2011-08-31', judgement: 'inadequate', count: 1, basis: 'supplied-comparator' },
    ];
    const alone: Evidence = { ...evidence, neighbours: new Map(), outcomeCounts: supplied };
    const [row] = blockA(indexEvidence(alone), STOCKPORT, { ...frameworkFor(2011), blockA: [frameworkFor(2011).blockA.find((g) => g.id === 'secondary')!] });
    assert.deepEqual([row!.similarAreas?.basis, row!.similarAreas?.shares.goodOrBetter], ['supplied-comparator', 0.75]);
  });
  it('uses the median when the framework says so', () => {
    const withMedian = { ...frameworkFor(2011), similarAreas: 'median' as const, blockA: [frameworkFor(2011).blockA.find((g) => g.id === 'secondary')!] };
    const ev: Evidence = { ...evidence, neighbours: new Map([[STOCKPORT, [TRAFFORD, STOKE, '822' as LaCode]]]), providers: [...evidence.providers, provider('30', '822' as LaCode)], inspections: [...evidence.inspections, inspection('30', '2010-02-02', 'inadequate')] };
    const [row] = blockA(indexEvidence(ev), STOCKPORT, withMedian);
    assert.equal(row!.similarAreas?.shares.goodOrBetter, 0.5);
  });
});
