import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { Framework } from '../frameworks/types.ts';
import type { BlockAContext, BlockARow } from './block-a.ts';
import { blockA, blockAContext } from './block-a.ts';
import type { BlockBEntry } from './block-b.ts';
import { blockB } from './block-b.ts';
import type { BlockCRow, IndicatorIndex } from './block-c.ts';
import { blockC } from './block-c.ts';
import type { EvidenceIndex } from './evidence.ts';

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
  readonly blockB: readonly BlockBEntry[];
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
}

export function profileRun(framework: Framework, evidence: EvidenceIndex, indicators: IndicatorIndex, laInspections: readonly LaInspection[], vintage: string | null): ProfileRun {
  return { framework, evidence, indicators, laInspections, vintage, blockA: blockAContext(evidence) };
}

export function buildProfile(run: ProfileRun, code: LaCode): LaProfile {
  const la = run.evidence.evidence.las.find((l) => l.code === code);
  if (!la) throw new NotFoundError(`LA ${code} is not among the ${run.evidence.evidence.las.length} LAs of ${run.framework.year}`);
  const neighbours = run.evidence.evidence.neighbours.get(code) ?? [];
  const { id, year, title, profileDate, previousProfileDate, similarAreas } = run.framework;
  return {
    la,
    framework: { id, year, title, profileDate, previousProfileDate, similarAreas },
    neighbours: { vintage: run.vintage, codes: neighbours },
    blockA: blockA(run.evidence, code, run.framework, run.blockA),
    blockB: blockB(run.laInspections, code, run.framework),
    blockC: blockC(run.indicators, code, neighbours, run.evidence.evidence.las.map((l) => l.code), run.framework),
  };
}
