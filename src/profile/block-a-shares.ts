import { ENGLAND_AREA_CODE } from '../domain/area-codes.ts';
import type { IndicatorValue } from '../domain/indicator.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Period } from '../domain/period.ts';
import type { BlockAShareGroup, Framework } from '../frameworks/types.ts';
import type { Figure, IndicatorIndex } from './block-c.ts';
import { areaKey } from './block-c.ts';

/**
 * Block A's rows that are shares of children, not tallies of settings: today's early years, from LAIT's share of
 * funded two-year-olds (and three- and four-year-olds) whose early education is with a good or outstanding provider
 * (src/frameworks/indicators/block-a-groups.ts). LAIT publishes the share, not the settings or the children behind it,
 * so a row has no counts of outstanding, good and inadequate, and none is made up: it has the LA's share, similar areas'
 * (the neighbours' shares combined as Block C combines them), England's, last year's and the change. The judgement bands
 * the share by the framework's Block A cut-offs, as a group's share good or better is (src/judgement/derive.ts).
 */
export interface BlockAShareRow {
  readonly group: BlockAShareGroup;
  /** The period read: the latest ending in the framework's year or before ("2024": the census of January 2024). */
  readonly period: Period | null;
  /** The LA's figure as published (a symbol where LAIT has none), and its share, 0 to 1, where it is a number. */
  readonly figure: Figure;
  readonly share: number | null;
  readonly similarAreas: { readonly share: number; readonly method: 'mean' | 'median'; readonly contributors: readonly LaCode[] } | { readonly share: number; readonly method: 'supplied' } | null;
  readonly england: number | null;
  /** The period before the one read, and the LA's share then. */
  readonly lastYear: { readonly period: Period; readonly share: number | null } | null;
  /** Change in the share since last year, in percentage points (one decimal); `null` if either year has none. */
  readonly change: number | null;
}

const shareOf = (v: IndicatorValue | undefined): number | null => (v?.value.kind === 'number' ? v.value.value / 100 : null);
const figureOf = (v: IndicatorValue | undefined): Figure => (v === undefined ? { kind: 'none' } : v.value);

function combine(values: readonly number[], method: 'mean' | 'median'): number {
  if (method === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function blockAShares(index: IndicatorIndex, la: LaCode, neighbours: readonly LaCode[], framework: Pick<Framework, 'year' | 'similarAreas' | 'blockAShares'>): BlockAShareRow[] {
  return (framework.blockAShares ?? []).map((group) => {
    const periods = [...(index.byIndicator.get(group.indicator)?.values() ?? [])].filter((p) => p.period.endYear !== null && p.period.endYear <= framework.year).sort((a, b) => a.period.endYear! - b.period.endYear!);
    const current = periods.at(-1);
    if (!current) return { group, period: null, figure: { kind: 'none' }, share: null, similarAreas: null, england: null, lastYear: null, change: null };
    const own = current.byArea.get(areaKey('la', la));
    const share = shareOf(own);
    const contributing = neighbours.flatMap((code) => {
      const s = shareOf(current.byArea.get(areaKey('la', code)));
      return s === null ? [] : [{ code, s }];
    });
    const supplied = shareOf(current.byArea.get(areaKey('similar-areas', la)));
    const similarAreas: BlockAShareRow['similarAreas'] =
      contributing.length > 0 ? { share: combine(contributing.map((c) => c.s), framework.similarAreas), method: framework.similarAreas, contributors: contributing.map((c) => c.code) } : supplied !== null ? { share: supplied, method: 'supplied' } : null;
    const before = periods.find((p) => p.period.endYear === current.period.endYear! - 1);
    const lastYear = before ? { period: before.period, share: shareOf(before.byArea.get(areaKey('la', la))) } : null;
    const change = share === null || !lastYear || lastYear.share === null ? null : Math.round((share - lastYear.share) * 1000) / 10;
    return { group, period: current.period, figure: figureOf(own), share, similarAreas, england: shareOf(current.byArea.get(areaKey('england', ENGLAND_AREA_CODE))), lastYear, change };
  });
}
