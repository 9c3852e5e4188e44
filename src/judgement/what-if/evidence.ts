import { UsageError } from '../../domain/errors.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import type { IndicatorValue } from '../../domain/indicator.ts';
import type { IndicatorIndex } from '../../profile/block-c.ts';
import { areaKey } from '../../profile/block-c.ts';
import { overlay } from '../../profile/overlay.ts';
import type { ProfileRun } from '../../profile/profile.ts';
import { profileRun, withProviderInspection } from '../../profile/profile.ts';
import { indexEvidence } from '../../profile/evidence.ts';
import type { OutcomeCount } from '../../domain/outcome-count.ts';
import { judgementRank } from '../../domain/judgement.ts';
import type { Change } from './changes.ts';
import { changedInspection } from './changes.ts';

/**
 * The changes of a what-if made to the evidence itself rather than to the profile: a new inspection of each setting
 * named, dated the day its group is counted at; the LA's figure replaced in the indicator's values; the LA's inspection changed in
 * the run's list. A profile built from the run this returns is what the evidence would give, so the tests build it
 * and derive its grade, which must be the what-if's (test/what-if-seeds.test.ts). Pure: the run given is unchanged.
 *
 * A Block A group counted from supplied totals (a bundle's outcome counts, no settings named) has its totals changed
 * instead: for a rise, the count below good falls (the satisfactory first, then the inadequate) and the count good rises
 * by as many; for a fall, the reverse. The run is then indexed again from the changed counts.
 */
export function applyToEvidence(run: ProfileRun, la: LaCode, changes: readonly Change[]): ProfileRun {
  let out = run;
  // Supplied counts first: changing them indexes the run again from the loaded evidence, which would drop the new
  // inspections made before it (withProviderInspection lists them as arrivals, beside the loaded evidence).
  const supplied = (c: Change) => c.kind === 'settings-judged' && c.settings.length === 0;
  for (const change of [...changes.filter(supplied), ...changes.filter((c) => !supplied(c))]) {
    switch (change.kind) {
      case 'settings-judged': {
        if (change.settings.length === 0) {
          out = withSuppliedCounts(out, la, change);
          break;
        }
        if (change.settings.length !== change.count) throw new UsageError(`the change to ${change.label} names ${change.settings.length} of its ${change.count} settings`);
        // Dated the day the group's settings are counted at (the profile date; 31 March for today's register).
        for (const s of change.settings) out = withProviderInspection(out, { urn: s.urn, date: change.asAt, kind: 'full', overall: change.to, sub: {} });
        break;
      }
      case 'indicator-moves':
        out = { ...out, indicators: withFigure(out.indicators, la, change.indicator, change.period, change.to) };
        break;
      default:
        out = { ...out, laInspections: out.laInspections.map((i) => (i.la === la && i.kind === change.inspection && i.endDate === change.endDate ? changedInspection(i, change) : i)) };
    }
  }
  return out;
}

function withSuppliedCounts(run: ProfileRun, la: LaCode, change: Extract<Change, { kind: 'settings-judged' }>): ProfileRun {
  const group = run.framework.blockA.find((g) => g.id === change.group);
  if (!group) throw new UsageError(`no Block A group ${change.group} in ${run.framework.id}`);
  const evidence = run.evidence.evidence;
  const mine = (c: OutcomeCount) => c.area.kind === 'la' && c.area.code === la && c.asAt === change.asAt && group.providerTypes.includes(c.providerType);
  const rows = evidence.outcomeCounts.filter(mine);
  if (rows.length === 0) throw new UsageError(`no supplied counts of ${change.label} for LA ${la} at ${change.asAt}`);
  const up = change.to === 'good';
  // Which rows give up settings, in order: for a rise the satisfactory, then the inadequate; for a fall the good.
  const order = (c: OutcomeCount) => (up ? (judgementRank(c.judgement) === 3 ? 0 : judgementRank(c.judgement) === 4 ? 1 : 9) : judgementRank(c.judgement) === 2 ? 0 : 9);
  let left = change.count;
  const taken = new Map<OutcomeCount, number>();
  for (const c of [...rows].sort((a, b) => order(a) - order(b))) {
    if (left === 0 || order(c) === 9) break;
    const k = Math.min(left, c.count);
    taken.set(c, k);
    left -= k;
  }
  if (left > 0) throw new UsageError(`${change.label} of LA ${la} has fewer than ${change.count} settings to move`);
  const receiver = rows.find((c) => c.judgement === change.to);
  const counts: OutcomeCount[] = evidence.outcomeCounts.map((c) => (taken.has(c) ? { ...c, count: c.count - taken.get(c)! } : c === receiver ? { ...c, count: c.count + change.count } : c));
  if (!receiver) counts.push({ ...rows[0]!, judgement: change.to, count: change.count });
  return profileRun(run.framework, indexEvidence({ ...evidence, outcomeCounts: counts }), run.indicators, run.laInspections, run.vintage);
}

function withFigure(index: IndicatorIndex, la: LaCode, indicator: string, period: string, to: number): IndicatorIndex {
  const periods = index.byIndicator.get(indicator);
  const entry = periods?.get(period);
  if (!periods || !entry) throw new UsageError(`no values of ${indicator} for ${period} to change`);
  const key = areaKey('la', la);
  const old = entry.byArea.get(key);
  const value: IndicatorValue = old ? { ...old, value: { kind: 'number', value: to }, original: String(to) } : { indicator, area: { kind: 'la', code: la }, period: entry.period, value: { kind: 'number', value: to }, original: String(to) };
  return { definitions: index.definitions, byIndicator: overlay(index.byIndicator, indicator, overlay(periods, period, { period: entry.period, byArea: overlay(entry.byArea, key, value) })) };
}
