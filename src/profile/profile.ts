import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Framework } from '../frameworks/types.ts';
import type { BlockAContext, BlockARow } from './block-a.ts';
import { blockA, blockAContext } from './block-a.ts';
import type { BlockAShareRow } from './block-a-shares.ts';
import { blockAShares } from './block-a-shares.ts';
import type { BlockBEntry, BlockBSuccession } from './block-b.ts';
import { blockB, blockBSuccession } from './block-b.ts';
import type { BlockCRow, IndicatorIndex } from './block-c.ts';
import { blockC } from './block-c.ts';
import type { EvidenceIndex } from './evidence.ts';
import { overlay } from './overlay.ts';
import type { ProviderInspection } from '../domain/provider.ts';

/**
 * An LA's performance profile for a framework year: Blocks A, B and C, computed by pure functions from evidence
 * indexed once per run. Every figure carries where it came from (its basis or comparator source).
 */
export interface LaProfile {
  readonly la: LocalAuthority;
  readonly framework: Pick<Framework, 'id' | 'year' | 'title' | 'profileDate' | 'previousProfileDate' | 'similarAreas'>;
  /** The neighbour set used for similar areas, and its vintage. */
  readonly neighbours: { readonly vintage: string | null; readonly codes: readonly LaCode[] };
  readonly blockA: readonly BlockARow[];
  /** Block A's rows that are shares of children (today's early years, from LAIT); empty for the historical years. */
  readonly blockAShares: readonly BlockAShareRow[];
  readonly blockB: readonly BlockBEntry[];
  /**
   * Where Block B reads inspections that succeed one another (the SIF, then ILACS), the latest of any of them at the
   * profile date and the one before it, with what changed (block-b.ts); `null` for the historical years.
   */
  readonly blockBSuccession: BlockBSuccession | null;
  readonly blockC: readonly BlockCRow[];
}

/** Everything one run profiles from, indexed; build it once and profile as many LAs as needed. */
export interface ProfileRun {
  readonly framework: Framework;
  readonly evidence: EvidenceIndex;
  readonly indicators: IndicatorIndex;
  readonly laInspections: readonly LaInspection[];
  readonly vintage: string | null;
  readonly blockA: BlockAContext;
  /** Every LA of the run, for ranks: one list, so that each period's sorted values are computed once per run. */
  readonly laCodes: readonly LaCode[];
}

export function profileRun(framework: Framework, evidence: EvidenceIndex, indicators: IndicatorIndex, laInspections: readonly LaInspection[], vintage: string | null): ProfileRun {
  return { framework, evidence, indicators, laInspections, vintage, blockA: blockAContext(evidence, framework.blockA), laCodes: evidence.evidence.las.map((l) => l.code) };
}

/**
 * The run after one new provider inspection arrives: the index shares everything but that provider's history, and
 * the memos keep all they can (block-a.ts, BlockAContext.after), so re-profiling the LA costs about one LA's work.
 * The loaded evidence is not copied (180,000 inspections take longer to copy than the update is allowed): the
 * arrival is listed in the index's `arrivals`. Pure: the run it is given is unchanged.
 */
export function withProviderInspection(run: ProfileRun, inspection: ProviderInspection): ProfileRun {
  const provider = run.evidence.providerByUrn.get(inspection.urn);
  if (!provider) throw new NotFoundError(`no provider with URN ${inspection.urn} in this run: a new inspection must be of a known setting`);
  const history = [...(run.evidence.inspectionsByUrn.get(inspection.urn) ?? []), inspection].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const base = run.evidence;
  // Delegates to the indexes of the run it came from (built on first use there), with this provider's history replaced.
  const evidence: EvidenceIndex = {
    evidence: base.evidence,
    arrivals: [...base.arrivals, inspection],
    inspectionsByUrn: overlay(base.inspectionsByUrn, inspection.urn, history),
    get providerByUrn() {
      return base.providerByUrn;
    },
    get providersByLaType() {
      return base.providersByLaType;
    },
    get outcomeCountsByArea() {
      return base.outcomeCountsByArea;
    },
  };
  return { ...run, evidence, blockA: run.blockA.after(evidence, { la: provider.la, providerType: provider.type }) };
}

/**
 * An LA's profile again after provider inspections arrived: only Block A reads them, so Blocks B and C are kept.
 * Gives what buildProfile gives on the new run (tested in incremental.test.ts).
 */
export function reprofileAfterArrivals(previous: LaProfile, run: ProfileRun): LaProfile {
  return { ...previous, blockA: blockA(run.evidence, previous.la.code, run.framework, run.blockA) };
}

export function buildProfile(run: ProfileRun, code: LaCode): LaProfile {
  const la = run.evidence.evidence.las.find((l) => l.code === code);
  if (!la) throw new NotFoundError(`LA ${code} is not among the ${run.evidence.evidence.las.length} LAs of ${run.framework.year}`);
  const neighbours = run.evidence.evidence.neighbours.get(code) ?? [];
  const { id, year, title, profileDate, previousProfileDate, similarAreas } = run.framework;
  const entries = blockB(run.laInspections, code, run.framework);
  return {
    la,
    framework: { id, year, title, profileDate, previousProfileDate, similarAreas },
    neighbours: { vintage: run.vintage, codes: neighbours },
    blockA: blockA(run.evidence, code, run.framework, run.blockA),
    blockAShares: blockAShares(run.indicators, code, neighbours, run.framework),
    blockB: entries,
    blockBSuccession: blockBSuccession(entries),
    blockC: blockC(run.indicators, code, neighbours, run.laCodes, run.framework),
  };
}
