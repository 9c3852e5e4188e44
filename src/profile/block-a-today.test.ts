import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { parsePeriod } from '../domain/period.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { blockABands } from '../judgement/derive.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { blockA, blockADates } from './block-a.ts';
import { blockAShares } from './block-a-shares.ts';
import { indexIndicators } from './block-c.ts';
import { indexEvidence } from './evidence.ts';
import { buildProfile, profileRun, reprofileAfterArrivals, withProviderInspection } from './profile.ts';

/** Block A of today's years: the file in force at 31 March, settings on the register, and the early years as shares. */
const STOCKPORT = '356' as LaCode;
const TRAFFORD = '358' as LaCode;
const STOKE = '861' as LaCode;
const y2025 = frameworkFor(2025);

const home = (urn: string, la: LaCode, extra: Partial<Provider> = {}): Provider => ({ urn, name: 'REDACTED', type: 'childrens-home', la, ownership: 'private-voluntary', openedOn: '2015-03-31', closedOn: null, predecessorUrn: null, ...extra });
const full = (urn: string, date: string, overall: ProviderInspection['overall']): ProviderInspection => ({ urn, date, kind: 'full', overall, sub: {} });
const evidence = (providers: Provider[], inspections: ProviderInspection[]) => indexEvidence({ las: FIXTURE_LAS, neighbours: new Map([[STOCKPORT, [TRAFFORD, STOKE]]]), providers, inspections, outcomeCounts: [] });
const row = (rows: ReturnType<typeof blockA>, id: string) => rows.find((r) => r.group.id === id)!;

describe("Block A of today's years: the provider file in force", () => {
  it('counts at 31 March of the year and of the year before, not at the profile date', () => {
    assert.deepEqual(blockADates(y2025), { current: '2025-03-31', previous: '2024-03-31' });
    assert.deepEqual(blockADates(frameworkFor(2011)), { current: '2011-08-31', previous: '2010-08-31' });
    const index = evidence(
      [home('SC1', STOCKPORT), home('SC2', STOCKPORT, { openedOn: '2025-03-31' })],
      [full('SC1', '2024-02-01', 'inadequate'), full('SC1', '2025-01-10', 'good'), full('SC1', '2025-05-01', 'inadequate'), full('SC2', '2025-03-01', 'outstanding')],
    );
    const homes = row(blockA(index, STOCKPORT, y2025), 'csc-private-homes');
    assert.equal(homes.asAt, '2025-03-31');
    assert.deepEqual([homes.la.tally.inspected, homes.la.tally.good, homes.la.tally.outstanding], [2, 1, 1], 'the inspection of May 2025 is after the file');
    assert.deepEqual([homes.lastYear.tally.inspected, homes.lastYear.tally.inadequate], [1, 1], 'a year before: SC1 inadequate; SC2 was not registered');
    assert.equal(homes.goodOrBetterChange, 100);
  });

  it('counts only settings on the register: none with no recorded opening (the 2006-2011 evidence), as 2011 still does', () => {
    const index = evidence([home('9000001', STOCKPORT, { openedOn: null })], [full('9000001', '2010-06-01', 'good')]);
    assert.equal(row(blockA(index, STOCKPORT, y2025), 'csc-private-homes').la.tally.inspected, 0);
    // The 2011 group of commissioned homes reads the same setting (as commissioned) when it has no opening on record.
    const commissioned = evidence([home('9000001', STOCKPORT, { openedOn: null, ownership: 'commissioned' })], [full('9000001', '2010-06-01', 'good')]);
    assert.equal(row(blockA(commissioned, STOCKPORT, frameworkFor(2011)), 'commissioned-homes').la.tally.inspected, 1);
  });

  it('never counts a real provider (opened from 31 March 2015) in a 2006-2011 year', () => {
    const index = evidence([home('SC1', STOCKPORT, { ownership: 'commissioned' })], [full('SC1', '2010-06-01', 'good')]);
    assert.equal(row(blockA(index, STOCKPORT, frameworkFor(2011)), 'commissioned-homes').la.tally.inspected, 0);
  });

  it('updates in place of a new inspection as a full rebuild would', () => {
    const providers = [home('SC1', STOCKPORT), home('SC2', TRAFFORD)];
    const before = profileRun(y2025, evidence(providers, [full('SC1', '2024-06-01', 'good'), full('SC2', '2024-06-01', 'good')]), indexIndicators([], []), [], null);
    const warm = buildProfile(before, STOCKPORT);
    const arriving = full('SC1', '2025-02-01', 'inadequate');
    const after = withProviderInspection(before, arriving);
    const rebuilt = profileRun(y2025, evidence(providers, [full('SC1', '2024-06-01', 'good'), arriving, full('SC2', '2024-06-01', 'good')]), indexIndicators([], []), [], null);
    assert.deepEqual(reprofileAfterArrivals(warm, after), buildProfile(rebuilt, STOCKPORT));
    assert.equal(row(reprofileAfterArrivals(warm, after).blockA as ReturnType<typeof blockA>, 'csc-private-homes').la.tally.inadequate, 1);
  });
});

describe("Block A of today's years: the early years, as shares of funded children", () => {
  const definition: IndicatorDefinition = { id: '2yr_Ofsted_rating', name: '% 2yr olds in funded early education - Good/Outstanding providers', unit: '% 2 year olds', polarity: 'higher-is-better', ecmOutcome: null, topic: 'Early Years', description: null, source: 'LAIT' };
  const value = (kind: 'la' | 'england', code: string, period: string, v: number | null): IndicatorValue => ({
    indicator: '2yr_Ofsted_rating',
    area: { kind, code },
    period: parsePeriod(period)!,
    value: v === null ? { kind: 'symbol', symbol: 'x' } : { kind: 'number', value: v },
    original: v === null ? '-' : String(v),
  });
  const index = indexIndicators(
    [definition],
    [
      value('la', STOCKPORT, '2023', 95),
      value('la', STOCKPORT, '2024', 98.5),
      value('la', TRAFFORD, '2024', 90),
      value('la', STOKE, '2024', null),
      value('england', '970', '2024', 96.8),
      value('la', STOCKPORT, '2026', 50),
    ],
  );

  it('gives the share, similar areas (the neighbours with a figure), England, last year and the change, and no counts', () => {
    const [row2, row34] = blockAShares(index, STOCKPORT, [TRAFFORD, STOKE], y2025);
    assert.equal(row2!.period?.original, '2024', 'the latest period of the year or before: 2026 is not yet');
    assert.deepEqual([row2!.share, row2!.similarAreas, row2!.england, row2!.lastYear?.share, row2!.change], [0.985, { share: 0.9, method: 'mean', contributors: [TRAFFORD] }, 0.968, 0.95, 3.5]);
    assert.deepEqual([row34!.period, row34!.share], [null, null], 'an indicator with no values gives an empty row, not a zero');
  });

  it('is banded by the Block A cut-offs and weighs in full, as a group of settings', () => {
    const profile = { blockA: [], blockAShares: blockAShares(index, STOCKPORT, [TRAFFORD, STOKE], y2025) } as unknown as Parameters<typeof blockABands>[0];
    const bands = blockABands(profile, y2025.cutOffs);
    assert.deepEqual(
      bands.map((b) => [b.group, b.goodOrBetter, b.inspected, b.share?.indicator]),
      [['early-years-2', 0.985, 0, '2yr_Ofsted_rating']],
    );
    assert.equal(bands[0]!.band, 4);
  });

  it('is not read in Block C as well', () => {
    assert.equal(y2025.blockCIndicators?.['3&4yr_Ofsted_rating'], undefined);
    assert.deepEqual(y2025.blockAShares?.map((s) => s.indicator), ['2yr_Ofsted_rating', '3&4yr_Ofsted_rating']);
  });
});
