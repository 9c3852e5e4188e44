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
  /** The evidence as loaded, which the index was built from. */
  readonly evidence: Evidence;
  /** Provider inspections that arrived after loading (profile.ts, withProviderInspection), oldest first. */
  readonly arrivals: readonly ProviderInspection[];
  readonly providerByUrn: ReadonlyMap<string, Provider>;
  /** An LA's providers of one type, by `${la}|${type}`. */
  readonly providersByLaType: ReadonlyMap<string, readonly Provider[]>;
  /** Supplied outcome counts by `${area kind}|${area code}|${as at}`. */
  readonly outcomeCountsByArea: ReadonlyMap<string, readonly OutcomeCount[]>;
  /** Each provider's inspections, oldest first. */
  readonly inspectionsByUrn: ReadonlyMap<string, readonly ProviderInspection[]>;
}

/** Groups items into lists by a key, keeping their order. */
function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  // Items often arrive in runs of one key (the store reads inspections by URN; the bundle reader groups them by
  // provider): the run's list is kept at hand rather than looked up again for each item.
  let runKey: K | undefined;
  let run: T[] | undefined;
  for (const item of items) {
    const k = key(item);
    if (run !== undefined && k === runKey) {
      run.push(item);
      continue;
    }
    runKey = k;
    run = out.get(k);
    if (run) run.push(item);
    else out.set(k, (run = [item]));
  }
  return out;
}

/**
 * The indexes read only the providers, inspections and outcome counts, never the year's LAs or neighbours, so they are
 * kept with those arrays and shared by every index built over them (issue 14): a server profiling 14 years over one set
 * of evidence reads (application/shared-reads.ts) built the same 18 MB of maps once per year, 240 MB in all on the demo
 * store. Keyed by the arrays themselves, which the core never changes: new evidence is a new array, with indexes of its
 * own, and an array no longer read is forgotten with them. Memoisation only: each index is what building it gives.
 */
const PROVIDER_BY_URN = new WeakMap<readonly Provider[], Map<string, Provider>>();
const PROVIDERS_BY_LA_TYPE = new WeakMap<readonly Provider[], Map<string, Provider[]>>();
const INSPECTIONS_BY_URN = new WeakMap<readonly ProviderInspection[], Map<string, ProviderInspection[]>>();
const OUTCOME_COUNTS_BY_AREA = new WeakMap<readonly OutcomeCount[], Map<string, OutcomeCount[]>>();

function kept<K extends object, V>(memo: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let hit = memo.get(key);
  if (hit === undefined) memo.set(key, (hit = make(key)));
  return hit;
}

function byUrnOldestFirst(inspections: readonly ProviderInspection[]): Map<string, ProviderInspection[]> {
  const byUrn = groupBy(inspections, (i) => i.urn);
  // Most histories arrive in date order (the store reads them so): sort only those that do not.
  for (const list of byUrn.values()) {
    for (let i = 1; i < list.length; i++) {
      if (list[i - 1]!.date > list[i]!.date) {
        list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        break;
      }
    }
  }
  return byUrn;
}

/**
 * Indexes the evidence. Each index is built on first use, so that work which needs only some of them (Block A's
 * national counts need only the inspections by URN) does not pay for the others, and kept with the arrays it is built
 * from (above).
 */
export function indexEvidence(evidence: Evidence): EvidenceIndex {
  let providerByUrn: Map<string, Provider> | undefined;
  let providersByLaType: Map<string, Provider[]> | undefined;
  let inspectionsByUrn: Map<string, ProviderInspection[]> | undefined;
  let outcomeCountsByArea: Map<string, OutcomeCount[]> | undefined;
  return {
    evidence,
    arrivals: [],
    get providerByUrn() {
      return (providerByUrn ??= kept(PROVIDER_BY_URN, evidence.providers, (providers) => new Map(providers.map((p) => [p.urn, p]))));
    },
    get providersByLaType() {
      return (providersByLaType ??= kept(PROVIDERS_BY_LA_TYPE, evidence.providers, (providers) => groupBy(providers, (p) => `${p.la}|${p.type}`)));
    },
    get inspectionsByUrn() {
      return (inspectionsByUrn ??= kept(INSPECTIONS_BY_URN, evidence.inspections, byUrnOldestFirst));
    },
    get outcomeCountsByArea() {
      return (outcomeCountsByArea ??= kept(OUTCOME_COUNTS_BY_AREA, evidence.outcomeCounts, (counts) => groupBy(counts, (c) => `${c.area.kind}|${c.area.code}|${c.asAt}`)));
    },
  };
}
