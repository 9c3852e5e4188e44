import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { OutcomeCount } from '../domain/outcome-count.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';

/**
 * The evidence a profile is computed from, as plain immutable arrays (read from the store by an adapter), and an
 * index over it built once, so that profiling every LA reads each inspection once rather than once per LA.
 */
export interface Evidence {
  readonly las: readonly LocalAuthority[];
  /** The statistical neighbours of each LA in the vintage chosen for the run. */
  readonly neighbours: ReadonlyMap<LaCode, readonly LaCode[]>;
  readonly providers: readonly Provider[];
  readonly inspections: readonly ProviderInspection[];
  readonly outcomeCounts: readonly OutcomeCount[];
}

export interface EvidenceIndex {
  readonly evidence: Evidence;
  readonly providersByLa: ReadonlyMap<LaCode, readonly Provider[]>;
  readonly providerByUrn: ReadonlyMap<string, Provider>;
  /** Each provider's inspections, oldest first. */
  readonly inspectionsByUrn: ReadonlyMap<string, readonly ProviderInspection[]>;
}

export function indexEvidence(evidence: Evidence): EvidenceIndex {
  const providersByLa = new Map<LaCode, Provider[]>();
  const providerByUrn = new Map<string, Provider>();
  for (const p of evidence.providers) {
    providerByUrn.set(p.urn, p);
    const list = providersByLa.get(p.la);
    if (list) list.push(p);
    else providersByLa.set(p.la, [p]);
  }
  const inspectionsByUrn = new Map<string, ProviderInspection[]>();
  for (const i of evidence.inspections) {
    const list = inspectionsByUrn.get(i.urn);
    if (list) list.push(i);
    else inspectionsByUrn.set(i.urn, [i]);
  }
  for (const list of inspectionsByUrn.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { evidence, providersByLa, providerByUrn, inspectionsByUrn };
}
