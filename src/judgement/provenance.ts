import type { Dataset, DatasetKind } from '../domain/dataset.ts';
import type { EvidenceSource, EvidenceSourceQuery, EvidenceTable } from '../domain/evidence-source.ts';
import type { LaCode } from '../domain/local-authority.ts';

/**
 * Which datasets lie behind each LA's assessment, and whether any of them is synthetic: the one answer every page,
 * download, API response, letter and command reads (issue 11), so that nothing built from `kingsway generate`'s data
 * is shown without saying so.
 *
 * An LA's figures rest on two kinds of evidence:
 * - its own: Block A's settings, their inspections and supplied outcome counts for the LA; Block B's inspections of
 *   the LA; Block C's values for the LA of the indicators the framework reads; and the addressee of its letter;
 * - its comparators: similar areas (the neighbours' evidence, or a figure supplied for the LA) and England (a supplied
 *   figure, or every LA's settings pooled), and the ranks, which read every LA's value of an indicator.
 * So an LA whose own evidence is all real is still partly synthetic when its comparators read synthetic rows.
 *
 * The comparators are counted generously: both the supplied figure and the evidence it could have been computed from
 * (the store's rows are grouped without dates, so which one a given period used is not known here). The answer may
 * call a figure partly synthetic that did not, in the end, read the synthetic rows; it never calls one real that did.
 */

/** Where the synthetic data lies: nowhere; in the LA's own evidence; or only in the comparators it is set against. */
export type SyntheticBasis = 'none' | 'own' | 'comparators';
/** `wholly`: every dataset behind the figures is synthetic; `partly`: some are; `none`: none is. */
export type SyntheticExtent = 'none' | 'partly' | 'wholly';
/** What a dataset supplied: the LA's own evidence, its comparators, or both. */
export type DatasetRole = 'own' | 'comparators' | 'own-and-comparators';

export interface ProvenanceDataset {
  readonly id: string;
  readonly kind: DatasetKind;
  readonly role: DatasetRole;
}

export interface ProvenanceSummary {
  /** True when any dataset behind the figures, own or comparator, is synthetic. */
  readonly synthetic: boolean;
  readonly extent: SyntheticExtent;
  readonly basis: SyntheticBasis;
  /** In id order. */
  readonly datasets: readonly ProvenanceDataset[];
}

/** The parts of the profile (and the letter's addressee) each have their own answer, for the tables' captions. */
export const PROVENANCE_PARTS = ['blockA', 'blockB', 'blockC', 'addressee'] as const;
export type ProvenancePart = (typeof PROVENANCE_PARTS)[number];

/** The whole (the assessment and its letter), each part, and each Block C indicator (the indicator page). */
export interface Provenance extends ProvenanceSummary {
  readonly parts: Readonly<Record<ProvenancePart, ProvenanceSummary>>;
  readonly indicators: Readonly<Record<string, ProvenanceSummary>>;
}

export interface ProvenanceInput {
  /** What the framework reads: only those tables and parts count. */
  readonly reads: EvidenceSourceQuery;
  /** The LAs of the run: England's pooled figures and the ranks are made of theirs. */
  readonly las: readonly LaCode[];
  /** Each LA's statistical neighbours in the run's vintage (similar areas). */
  readonly neighbours: ReadonlyMap<LaCode, readonly LaCode[]>;
  readonly sources: readonly EvidenceSource[];
  readonly datasets: readonly Pick<Dataset, 'id' | 'kind'>[];
}

/** No dataset behind it: what an LA with no evidence at all has, and what an input built by hand assumes. */
export const NO_PROVENANCE: Provenance = (() => {
  const none: ProvenanceSummary = { synthetic: false, extent: 'none', basis: 'none', datasets: [] };
  return { ...none, parts: { blockA: none, blockB: none, blockC: none, addressee: none }, indicators: {} };
})();

class Sets {
  readonly own = new Set<string>();
  readonly comparators = new Set<string>();
  addOwn(ids: Iterable<string> | undefined): void {
    if (ids) for (const id of ids) this.own.add(id);
  }
  addComparators(ids: Iterable<string> | undefined): void {
    if (ids) for (const id of ids) this.comparators.add(id);
  }
  merge(other: Sets): void {
    this.addOwn(other.own);
    this.addComparators(other.comparators);
  }
}

/** For each LA of the run, the datasets behind its figures and whether any is synthetic. Pure. */
export function provenanceByLa(input: ProvenanceInput): Map<LaCode, Provenance> {
  // A dataset not in the list cannot be vouched for as real, so it counts as synthetic (the store's foreign keys
  // mean it does not happen).
  const kinds = new Map(input.datasets.map((d) => [d.id, d.kind]));
  const kindOf = (id: string): DatasetKind => kinds.get(id) ?? 'synthetic';

  const byKey = new Map<string, Set<string>>();
  const key = (table: EvidenceTable, areaKind: string, code: string, part: string) => `${table}|${areaKind}|${code}|${part}`;
  const add = (k: string, dataset: string) => {
    const set = byKey.get(k);
    if (set) set.add(dataset);
    else byKey.set(k, new Set([dataset]));
  };
  for (const s of input.sources) {
    add(key(s.table, s.area.kind, s.area.code, s.part), s.dataset);
    // England has one figure whatever code the source gave it.
    if (s.area.kind === 'england') add(key(s.table, 'england', '*', s.part), s.dataset);
  }
  const get = (table: EvidenceTable, areaKind: string, code: string, part: string) => byKey.get(key(table, areaKind, code, part));

  const { providerTypes, laInspectionKinds, indicators, addresseeYear } = input.reads;
  const ownBlockA = (la: LaCode, type: string): string[] => [
    ...(get('providers', 'la', la, type) ?? []),
    ...(get('provider_inspections', 'la', la, type) ?? []),
    ...(get('outcome_counts', 'la', la, type) ?? []),
  ];
  // England's pooled settings and every LA's values (the ranks) are the same for every LA: gathered once.
  const nationalA = new Map(providerTypes.map((t) => [t, new Set(input.las.flatMap((la) => ownBlockA(la, t)))]));
  const nationalC = new Map(indicators.map((i) => [i, new Set(input.las.flatMap((la) => [...(get('indicator_values', 'la', la, i) ?? [])]))]));

  // Most LAs' indicators rest on the same few datasets, in the same roles: one summary for each such answer, shared,
  // rather than one for each LA and indicator (issue 14: 78,000 of them on the demo store, kept by the web site for
  // 14 years). The answer depends on the two sets alone.
  const summaries = new Map<string, ProvenanceSummary>();
  const summary = (sets: Sets): ProvenanceSummary => {
    const key = `${[...sets.own].sort().join('\n')}\t${[...sets.comparators].sort().join('\n')}`;
    let kept = summaries.get(key);
    if (!kept) summaries.set(key, (kept = summaryOf(sets)));
    return kept;
  };
  const summaryOf = (sets: Sets): ProvenanceSummary => {
    const ids = [...new Set([...sets.own, ...sets.comparators])].sort();
    const datasets = ids.map((id): ProvenanceDataset => ({ id, kind: kindOf(id), role: sets.own.has(id) ? (sets.comparators.has(id) ? 'own-and-comparators' : 'own') : 'comparators' }));
    const synthetic = datasets.filter((d) => d.kind === 'synthetic');
    const basis: SyntheticBasis = [...sets.own].some((id) => kindOf(id) === 'synthetic') ? 'own' : synthetic.length > 0 ? 'comparators' : 'none';
    const extent: SyntheticExtent = synthetic.length === 0 ? 'none' : synthetic.length === datasets.length ? 'wholly' : 'partly';
    return { synthetic: synthetic.length > 0, extent, basis, datasets };
  };

  const out = new Map<LaCode, Provenance>();
  for (const la of input.las) {
    const neighbours = input.neighbours.get(la) ?? [];
    const blockA = new Sets();
    for (const type of providerTypes) {
      blockA.addOwn(ownBlockA(la, type));
      blockA.addComparators(get('outcome_counts', 'similar-areas', la, type));
      for (const n of neighbours) blockA.addComparators(ownBlockA(n, type));
      blockA.addComparators(get('outcome_counts', 'england', '*', type));
      blockA.addComparators(nationalA.get(type));
    }
    const blockB = new Sets();
    for (const kind of laInspectionKinds) blockB.addOwn(get('la_inspections', 'la', la, kind));
    const blockC = new Sets();
    const perIndicator: Record<string, ProvenanceSummary> = {};
    for (const indicator of indicators) {
      const one = new Sets();
      one.addOwn(get('indicator_values', 'la', la, indicator));
      one.addComparators(get('indicator_values', 'similar-areas', la, indicator));
      for (const n of neighbours) one.addComparators(get('indicator_values', 'la', n, indicator));
      one.addComparators(get('indicator_values', 'england', '*', indicator));
      one.addComparators(nationalC.get(indicator));
      blockC.merge(one);
      perIndicator[indicator] = summary(one);
    }
    const addressee = new Sets();
    addressee.addOwn(get('addressees', 'la', la, String(addresseeYear)));
    const whole = new Sets();
    for (const part of [blockA, blockB, blockC, addressee]) whole.merge(part);
    out.set(la, { ...summary(whole), parts: { blockA: summary(blockA), blockB: summary(blockB), blockC: summary(blockC), addressee: summary(addressee) }, indicators: perIndicator });
  }
  return out;
}

/** The synthetic datasets behind the figures, by id. */
export const syntheticIds = (p: ProvenanceSummary): string[] => p.datasets.filter((d) => d.kind === 'synthetic').map((d) => d.id);

/** The words of the tag shown beside a figure ("Synthetic data"), or `null` where nothing behind it is synthetic. */
export function syntheticLabel(p: ProvenanceSummary): string | null {
  return p.extent === 'wholly' ? 'Synthetic data' : p.extent === 'partly' ? 'Partly synthetic data' : null;
}

/** A sentence saying what is synthetic and where, or `null` where nothing is. */
export function syntheticNote(p: ProvenanceSummary): string | null {
  const ids = syntheticIds(p).join(', ');
  switch (p.basis) {
    case 'none':
      return null;
    case 'own':
      return p.extent === 'wholly' ? `Built from synthetic data (${ids}), not real inspection outcomes or indicators.` : `Built partly from synthetic data (${ids}), not real inspection outcomes or indicators.`;
    case 'comparators': {
      const comparators = `the comparators it is set against (similar areas, England, ranks) are computed ${p.extent === 'wholly' ? '' : 'partly '}from synthetic data (${ids})`;
      // Its own evidence is all real here, or there is none of it.
      return p.datasets.some((d) => d.role !== 'comparators') ? `Its own evidence is real, but ${comparators}.` : `It has no evidence of its own, and ${comparators}.`;
    }
  }
}

/** The provenance as flat CSV columns: `synthetic` (true or false), where it lies, and the datasets as "id (kind)". */
export function provenanceColumns(p: ProvenanceSummary): { synthetic: boolean; synthetic_basis: SyntheticBasis; datasets: string } {
  return { synthetic: p.synthetic, synthetic_basis: p.basis, datasets: p.datasets.map((d) => `${d.id} (${d.kind})`).join('; ') };
}

/** The provenance as the API gives it beside a grade or a profile. */
export function provenanceJson(p: ProvenanceSummary): { synthetic: boolean; syntheticExtent: SyntheticExtent; syntheticBasis: SyntheticBasis; datasets: readonly ProvenanceDataset[] } {
  return { synthetic: p.synthetic, syntheticExtent: p.extent, syntheticBasis: p.basis, datasets: p.datasets };
}
