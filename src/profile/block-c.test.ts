import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { parsePeriod } from '../domain/period.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { indicatorsFramework } from '../frameworks/indicators/definition.ts';
import { CHOSEN_INDICATORS } from '../frameworks/indicators/selection.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import type { BlockCRow, Comparison } from './block-c.ts';
import { blockC, indexIndicators } from './block-c.ts';

const STOCKPORT = '356' as LaCode;
const fixture = fileURLToPath(new URL('../../test/fixtures/seeds/stockport-2011-assessment/', import.meta.url));

/** A fact's word against a comparison: relation words, verdict words, or "just" (strictly so, yet in line). */
function holds(word: string, c: Comparison | null): boolean {
  if (c === null) return false;
  if (word === 'in-line') return c.relation === 'in-line';
  if (word === 'above' || word === 'below') return c.relation === word;
  if (word === 'better' || word === 'worse') return c.verdict === word;
  if (word === 'just-below' || word === 'just-above') return c.relation === 'in-line' && c.position === word.slice(5);
  throw new Error(`unknown expectation ${word}`);
}

describe('Block C on the Stockport 2011 fixture: every comparison and trend the letter states', () => {
  const read = readBundle({ dir: fixture, context: { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const rows = new Map(blockC(indexIndicators(read.batch.indicators ?? [], read.batch.indicatorValues ?? []), STOCKPORT, [], [STOCKPORT], frameworkFor(2011)).map((r) => [r.indicator.id, r]));
  const facts = (JSON.parse(readFileSync(`${fixture}facts.json`, 'utf8')) as { facts: { id: string; kind: string; quote: string; expect: Record<string, unknown> }[] }).facts;
  const at = (row: BlockCRow, period: string) => {
    const found = row.series.find((s) => s.period.original === period);
    assert.ok(found, `${row.indicator.id} has no ${period}`);
    return found;
  };

  for (const fact of facts.filter((f) => typeof f.expect['indicator'] === 'string')) {
    it(`${fact.id}: "${fact.quote.slice(0, 90)}…"`, () => {
      const e = fact.expect;
      const row = rows.get(e['indicator'] as string);
      assert.ok(row, `no Block C row for ${e['indicator']}`);
      const periods = (e['periods'] as string[] | undefined) ?? (e['period'] ? [e['period'] as string] : []);
      for (const p of periods) {
        const figures = at(row, p);
        if (e['vsSimilarAreas']) assert.ok(holds(e['vsSimilarAreas'] as string, figures.similarAreas), `${p} vs similar areas: ${JSON.stringify(figures.similarAreas)}`);
        if (e['vsEngland']) assert.ok(holds(e['vsEngland'] as string, figures.england), `${p} vs England: ${JSON.stringify(figures.england)}`);
      }
      for (const [key, area] of [['vsSimilarAreasIn', 'similarAreas'], ['vsEnglandIn', 'england']] as const) {
        for (const [p, word] of Object.entries((e[key] as Record<string, string> | undefined) ?? {})) assert.ok(holds(word, at(row, p)[area]), `${p} ${area}: ${JSON.stringify(at(row, p)[area])}`);
      }
      if (e['trend']) {
        const trend = e['years'] === 2 ? row.twoYearTrend : row.trend;
        assert.equal(trend?.word, e['trend'], JSON.stringify(trend));
      }
    });
  }

  it('says where each comparator came from: supplied similar areas, published England', () => {
    const latest = rows.get('NI 75')!.latest!;
    assert.deepEqual([latest.similarAreas?.source, latest.england?.source], ['supplied-comparator', 'published']);
  });
});

describe('Block C rules', () => {
  const def = (id: string, extra: Partial<IndicatorDefinition> = {}): IndicatorDefinition => ({ id, name: id, unit: '%', polarity: 'higher-is-better', ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test', ...extra });
  const v = (indicator: string, code: string, period: string, value: number | 'c', kind: 'la' | 'england' = 'la'): IndicatorValue => ({
    indicator,
    area: { kind, code },
    period: parsePeriod(period)!,
    value: value === 'c' ? { kind: 'symbol', symbol: 'c' } : { kind: 'number', value },
    original: String(value),
  });
  const las = ['356', '358', '861', '822'] as LaCode[];
  const values = [
    v('A', '356', '2010', 60), v('A', '358', '2010', 70), v('A', '861', '2010', 50), v('A', '822', '2010', 'c'),
    v('A', '356', '2011 (prov)', 10), v('A', '356', '2011 (Final)', 61),
    v('B', '356', '2010/11', 'c'), v('B', '358', '2010/11', 5), v('B', '970', '2010/11', 6, 'england'),
    v('L', '356', '2010/11', 4), v('L', '358', '2010/11', 6), v('L', '861', '2010/11', 2),
  ];
  const index = indexIndicators([def('A'), def('B'), def('L', { polarity: 'lower-is-better' }), def('X', { ecmOutcome: null })], values);
  const rows = new Map(blockC(index, STOCKPORT, ['358', '861', '822'] as LaCode[], las, frameworkFor(2011)).map((r) => [r.indicator.id, r]));

  it('prefers a final figure to a provisional one for the same year, and keeps the series in order', () => {
    assert.deepEqual(rows.get('A')!.series.map((s) => s.period.original), ['2010', '2011 (Final)']);
  });
  it('averages the neighbours that have a number, dropping a suppressed one', () => {
    assert.equal(rows.get('A')!.series[0]!.similarAreas?.comparator, 60);
  });
  it('never compares a suppressed value: it stays the symbol, with no comparison', () => {
    const b = rows.get('B')!.latest!;
    assert.deepEqual([b.la, b.similarAreas, b.england], [{ kind: 'symbol', symbol: 'c' }, null, null]);
    assert.equal(rows.get('B')!.rank, null);
  });
  it('ranks by polarity: 1 is best, with the quartile', () => {
    assert.deepEqual(rows.get('L')!.rank, { rank: 2, of: 3, quartile: 3 });
  });
  it('leaves out indicators without an ECM outcome in a historical framework', () => {
    assert.equal(rows.has('X'), false);
  });
});

describe('Block C: the in-line tolerance at its boundary (docs/judgement.md)', () => {
  const def = (id: string, unit = '%'): IndicatorDefinition => ({ id, name: id, unit, polarity: 'higher-is-better', ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test' });
  const v = (indicator: string, kind: 'la' | 'similar-areas' | 'england', period: string, value: number): IndicatorValue => ({
    indicator,
    area: { kind, code: kind === 'england' ? '970' : '356' },
    period: parsePeriod(period)!,
    value: { kind: 'number', value },
    original: String(value),
  });
  const rowsOf = (values: IndicatorValue[], ids: string[], unit = '%') =>
    new Map(blockC(indexIndicators(ids.map((id) => def(id, unit)), values), STOCKPORT, [], [STOCKPORT], frameworkFor(2011)).map((r) => [r.indicator.id, r]));

  it('reads a difference of exactly the 1-point tolerance (76.0 against 75.0) as above, not in line', () => {
    const rows = rowsOf([v('E', 'la', '2011', 76.0), v('E', 'similar-areas', '2011', 75.0), v('E', 'england', '2011', 77.0)], ['E']);
    assert.equal(rows.get('E')!.latest!.similarAreas!.relation, 'above');
    assert.equal(rows.get('E')!.latest!.england!.relation, 'below');
  });
  it('reads a difference just inside the tolerance (75.9 against 75.0, 0.9000000000000057 in floating point) as in line', () => {
    const rows = rowsOf([v('I', 'la', '2011', 75.9), v('I', 'similar-areas', '2011', 75.0)], ['I']);
    assert.equal(rows.get('I')!.latest!.similarAreas!.relation, 'in-line');
    assert.equal(rows.get('I')!.latest!.similarAreas!.position, 'above');
  });
  it('reads 7.1 against 6.1 (0.9999999999999991 in floating point) as the whole point it is: above', () => {
    const rows = rowsOf([v('F', 'la', '2011', 7.1), v('F', 'similar-areas', '2011', 6.1)], ['F']);
    assert.equal(rows.get('F')!.latest!.similarAreas!.difference, 1);
    assert.equal(rows.get('F')!.latest!.similarAreas!.relation, 'above');
  });
  it('reads a rate on its relative tolerance the same way: exactly 3% of the comparator is outside it, less is inside', () => {
    const rows = rowsOf([v('R', 'la', '2011', 103), v('R', 'similar-areas', '2011', 100), v('S', 'la', '2011', 102.9), v('S', 'similar-areas', '2011', 100)], ['R', 'S'], 'per 100,000');
    assert.equal(rows.get('R')!.latest!.similarAreas!.relation, 'above');
    assert.equal(rows.get('S')!.latest!.similarAreas!.relation, 'in-line');
  });
  it('reads a trend by the same boundary: a change of exactly one point is a movement, of less it is stable', () => {
    const rows = rowsOf([v('T', 'la', '2010', 75.0), v('T', 'la', '2011', 76.0), v('U', 'la', '2010', 75.0), v('U', 'la', '2011', 75.9)], ['T', 'U']);
    assert.equal(rows.get('T')!.trend!.word, 'improving');
    assert.equal(rows.get('U')!.trend!.word, 'stable');
  });
});

describe('Block C: a provisional latest figure is kept apart from the final series', () => {
  const def: IndicatorDefinition = { id: 'K', name: 'K', unit: '%', polarity: 'higher-is-better', ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test' };
  const v = (period: string, value: number): IndicatorValue => ({ indicator: 'K', area: { kind: 'la', code: '356' }, period: parsePeriod(period)!, value: { kind: 'number', value }, original: String(value) });
  const rowOf = (values: IndicatorValue[]) => blockC(indexIndicators([def], values), STOCKPORT, [], [STOCKPORT], frameworkFor(2011))[0]!;

  it('gives the trend up to the last final figure and the change from it to the provisional one', () => {
    const row = rowOf([v('2008/09', 74), v('2009/10', 77), v('2010/11 (prov)', 71)]);
    assert.deepEqual([row.provisional?.finalTrend?.word, row.provisional?.change?.word, row.provisional?.change?.change], ['improving', 'declining', -6]);
    assert.equal(row.trend?.word, 'declining', 'the whole-series trend still runs to the latest figure');
  });
  it('has none where the latest figure is final, or the provisional one is the only figure', () => {
    assert.equal(rowOf([v('2009/10', 77), v('2010/11', 71)]).provisional, null);
    assert.equal(rowOf([v('2010/11 (prov)', 71)]).provisional, null);
  });
});

describe("Block C in today's indicator years: only periods that have ended by the profile date", () => {
  const def = (id: string, unit: string): IndicatorDefinition => ({ id, name: id, unit, polarity: 'lower-is-better', ecmOutcome: 'staying-safe', topic: null, description: null, source: 'test' });
  const value = (indicator: string, period: string, v: number): IndicatorValue => ({ indicator, area: { kind: 'la', code: STOCKPORT }, period: parsePeriod(period)!, value: { kind: 'number', value: v }, original: String(v) });
  // LAIT's workforce census is "for the year ending 30 September"; re-referrals are for the financial year to 31 March.
  const index = indexIndicators(
    [def('Work_Force_Vac_Rate', '% vacancies'), def('ReReferral', '% of referrals'), def('FirstYJS', 'Rate per 100,000')],
    ['2022', '2023', '2024', '2025'].flatMap((p, n) => [value('Work_Force_Vac_Rate', p, 10 + n), value('ReReferral', p, 20 + n), value('FirstYJS', p, 200 + n)]),
  );
  const latest = (year: number) => new Map(blockC(index, STOCKPORT, [], [STOCKPORT], indicatorsFramework(year)).map((r) => [r.indicator.id, r.latest?.period.original]));

  it('reads the workforce figures of 30 September of the year before: "2024" is after the 2024 profile date', () => {
    assert.equal(latest(2024).get('Work_Force_Vac_Rate'), '2023');
    assert.equal(latest(2025).get('Work_Force_Vac_Rate'), '2024');
  });
  it('reads a calendar year ending in December the year after too, and a financial year to 31 March in its year', () => {
    assert.equal(latest(2024).get('FirstYJS'), '2023');
    assert.equal(latest(2024).get('ReReferral'), '2024');
  });
  it('gives every chosen indicator the day its periods end, none of them after the profile date of their own year but the workforce and calendar years', () => {
    const ends = indicatorsFramework(2025).blockCPeriodEnds!;
    assert.deepEqual(Object.keys(ends).sort(), CHOSEN_INDICATORS.map((c) => c.id).sort());
    const late = Object.entries(ends).filter(([, day]) => `2025-${day}` > '2025-08-31').map(([id]) => id).sort();
    assert.deepEqual(late, CHOSEN_INDICATORS.filter((c) => c.yearType === 'Annual (end of Sept)' || c.yearType === 'Calendar Year').map((c) => c.id).sort());
  });
  it('leaves the historical years reading every period ending in their year', () => {
    assert.equal(frameworkFor(2011).blockCPeriodEnds, undefined);
  });
});
