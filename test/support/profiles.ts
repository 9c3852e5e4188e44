import type { LaInspection } from '../../src/domain/la-inspection.ts';
import type { Framework } from '../../src/frameworks/types.ts';
import type { BlockARow } from '../../src/profile/block-a.ts';
import type { BlockBEntry } from '../../src/profile/block-b.ts';
import { blockBSuccession } from '../../src/profile/block-b.ts';
import type { BlockCRow, Comparison } from '../../src/profile/block-c.ts';
import type { LaProfile } from '../../src/profile/profile.ts';
import { parsePeriod } from '../../src/domain/period.ts';
import { FIXTURE_LAS } from './las.ts';

/**
 * Hand-made profiles for the judgement tests: Block A groups all at one share good or better, Block B inspections as
 * given, and Block C indicators with given verdicts. Enough to put a provisional grade where a test wants it.
 */
export function profileWith(framework: Framework, options: { goodOrBetter?: number; laInspections?: LaInspection[]; verdicts?: { outcome: BlockCRow['indicator']['ecmOutcome']; verdict: 'better' | 'in-line' | 'worse' }[] }): LaProfile {
  const share = options.goodOrBetter ?? 0.8;
  const blockA: BlockARow[] = framework.blockA.map((group) => {
    const la = { tally: { inspected: 10, outstanding: 0, good: Math.round(share * 10), satisfactory: 10 - Math.round(share * 10), inadequate: 0 }, shares: { outstanding: 0, goodOrBetter: share, satisfactory: 1 - share, inadequate: 0 }, basis: 'provider-level' as const };
    return { group, asAt: framework.profileDate, la, settings: [], subJudgements: [], similarAreas: null, england: null, lastYear: la, lastYearSettings: [], goodOrBetterChange: 0 };
  });
  const blockB: BlockBEntry[] = framework.blockB.map((kind) => {
    const mine = (options.laInspections ?? []).filter((i) => i.kind === kind && i.endDate <= framework.profileDate).sort((a, b) => a.endDate.localeCompare(b.endDate));
    return { kind, latest: mine.at(-1) ?? null, previous: mine.at(-2) ?? null, inWindow: [] };
  });
  const comparison = (verdict: 'better' | 'in-line' | 'worse'): Comparison => ({ comparator: 50, source: 'published', difference: verdict === 'better' ? 5 : verdict === 'worse' ? -5 : 0, position: 'equal', relation: verdict === 'in-line' ? 'in-line' : verdict === 'better' ? 'above' : 'below', verdict });
  const blockC: BlockCRow[] = (options.verdicts ?? []).map((v, n) => {
    const figures = { period: parsePeriod('2010/11')!, la: { kind: 'number' as const, value: 50 }, similarAreas: comparison(v.verdict), england: comparison(v.verdict) };
    return { indicator: { id: `T ${n}`, name: `test ${n}`, unit: '%', polarity: 'higher-is-better', ecmOutcome: v.outcome, topic: null, description: null, source: 'test' }, series: [figures], latest: figures, rank: null, trend: null, twoYearTrend: null, provisional: null };
  });
  const { id, year, title, profileDate, previousProfileDate, similarAreas } = framework;
  return { la: FIXTURE_LAS[0]!, framework: { id, year, title, profileDate, previousProfileDate, similarAreas }, neighbours: { vintage: null, codes: [] }, blockA, blockAShares: [], blockB, blockBSuccession: blockBSuccession(blockB), blockC };
}

export function laInspection(kind: LaInspection['kind'], endDate: string, extra: Partial<LaInspection> = {}): LaInspection {
  return { la: FIXTURE_LAS[0]!.code, kind, startDate: null, endDate, publishedOn: null, overall: null, judgements: {}, strengthsCount: null, developmentCount: null, priorityActionCount: null, findings: [], sourceRef: null, ...extra };
}
