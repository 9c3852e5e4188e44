import type { LetterEdit } from '../domain/letter-edit.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { Addressee } from '../domain/addressee.ts';
import type { Dataset } from '../domain/dataset.ts';
import type { EvidenceSource, EvidenceSourceQuery } from '../domain/evidence-source.ts';
import type { Area, IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { NeighbourSet } from '../domain/neighbours.ts';
import type { OutcomeCount } from '../domain/outcome-count.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';

/** One hex of an ODI HexJSON layout (odd-r offset coordinates), keyed by GSS code. */
export interface Hex {
  readonly layout: string;
  readonly gss: string;
  readonly name: string;
  readonly q: number;
  readonly r: number;
}

export interface SourceFile {
  /** Path as the user gave it, or relative to the data folder. */
  readonly path: string;
  readonly sha256: string;
  readonly rows: number;
}

/**
 * Everything one import writes: a dataset and its validated facts. It is written whole or not at all, and it
 * replaces whatever the same dataset had before, so that importing the same file twice leaves the store as it was.
 */
export interface ImportBatch {
  readonly dataset: Dataset;
  readonly files: readonly SourceFile[];
  readonly localAuthorities?: readonly LocalAuthority[];
  readonly neighbourSets?: readonly NeighbourSet[];
  readonly providers?: readonly Provider[];
  readonly providerInspections?: readonly ProviderInspection[];
  readonly laInspections?: readonly LaInspection[];
  readonly indicators?: readonly IndicatorDefinition[];
  readonly indicatorValues?: readonly IndicatorValue[];
  readonly outcomeCounts?: readonly OutcomeCount[];
  readonly addressees?: readonly Addressee[];
  readonly hexes?: readonly Hex[];
}

export type ImportOutcome =
  | { readonly status: 'unchanged'; readonly dataset: string }
  | { readonly status: 'written'; readonly dataset: string; readonly counts: Readonly<Record<string, number>>; readonly replaced: boolean };

export interface StoredDataset extends Dataset {
  readonly contentSha256: string;
  readonly files: readonly SourceFile[];
  readonly rowCount: number;
}

export interface ProviderQuery {
  readonly la?: LaCode;
}

export interface IndicatorValueQuery {
  readonly indicator?: string;
  readonly area?: Area;
  readonly areaKind?: Area['kind'];
}

/** Counts of what is stored about one LA, for `kingsway show la`. */
export interface LaEvidenceSummary {
  readonly providersByType: Readonly<Record<string, number>>;
  readonly providerInspections: number;
  readonly laInspections: number;
  /** Values for the LA itself. */
  readonly indicatorValues: number;
  readonly indicatorsWithValues: number;
  /** Similar-areas figures supplied for this LA by a bundle, rather than computed from its neighbours. */
  readonly suppliedComparatorValues: number;
  readonly outcomeCounts: number;
  readonly addresseeYears: readonly number[];
  readonly datasets: readonly string[];
}

/**
 * What the core reads. Adapters implement it (SQLite, PostgreSQL: kysely-store.ts holds what they share) and the core never sees SQL.
 * Every method returns domain values, checked against their vocabularies on the way out.
 */
export interface EvidenceRepository {
  datasets(): Promise<StoredDataset[]>;
  localAuthorities(): Promise<LocalAuthority[]>;
  localAuthority(code: LaCode): Promise<LocalAuthority | undefined>;
  neighbourVintages(): Promise<string[]>;
  neighbours(la: LaCode, vintage: string): Promise<NeighbourSet | undefined>;
  providers(query?: ProviderQuery): Promise<Provider[]>;
  providerInspections(query?: ProviderQuery): Promise<ProviderInspection[]>;
  laInspections(la?: LaCode): Promise<LaInspection[]>;
  indicators(): Promise<IndicatorDefinition[]>;
  indicatorValues(query?: IndicatorValueQuery): Promise<IndicatorValue[]>;
  outcomeCounts(la?: LaCode): Promise<OutcomeCount[]>;
  addressee(la: LaCode, year: number): Promise<Addressee | undefined>;
  hexes(layout?: string): Promise<Hex[]>;
  laEvidenceSummary(la: LaCode): Promise<LaEvidenceSummary>;
  /**
   * Which dataset each piece of the evidence a run reads came from, grouped by table, area, part and dataset in the
   * store (a few thousand rows, not one per fact): what the judgement's provenance is worked out from.
   */
  evidenceDatasets(query: EvidenceSourceQuery): Promise<EvidenceSource[]>;
  /** Every inspector judgement recorded for the year, oldest first (history included; see currentJudgements). */
  inspectorJudgements(year: number, la?: LaCode): Promise<InspectorJudgement[]>;
  /** An LA's letter edits for the year, in the order they were made (reverts included; see applyEdits). */
  letterEdits(la: LaCode, year: number): Promise<LetterEdit[]>;
}

/** What importers write through. Separate from reading so that the core can be handed a read-only store. */
export interface EvidenceWriter {
  /** Writes the batch in one transaction, replacing its dataset; throws ImportRejectedError on conflicts. */
  replaceDataset(batch: ImportBatch): Promise<ImportOutcome>;
  /** The hash a dataset was last imported with, to skip identical re-imports. */
  datasetHash(id: string): Promise<string | undefined>;
}

/** Where inspector judgements are recorded: appended, never updated or deleted. */
export interface JudgementWriter {
  recordJudgement(judgement: InspectorJudgement): Promise<void>;
  /** A batch of an inspector's edits, recorded together in one transaction or not at all; their ids, in order. */
  recordLetterEdits(edits: readonly Omit<LetterEdit, 'id'>[]): Promise<number[]>;
}

export interface Store extends EvidenceRepository, EvidenceWriter, JudgementWriter {
  close(): Promise<void>;
  /**
   * A number that changes whenever another connection (another process: the CLI, a second server) has committed a
   * change since this one last asked: what a long-running server's caches follow (issue 14).
   */
  externalVersion(): Promise<number>;
  /** A consistent snapshot of everything stored, written to a new file that `kingsway restore` can read back. */
  backup(target: string): Promise<{ readonly pages: number }>;
  /** A hash of every stored row (people's work included): equal fingerprints, equal stores, whichever the database. */
  fingerprint(): Promise<string>;
}
