import type { Area } from './indicator.ts';
import type { LaInspectionKind } from './la-inspection.ts';
import type { ProviderType } from './provider.ts';

/**
 * Which dataset each piece of evidence came from, grouped: one row per table, area, part and dataset, never one per
 * fact (the store aggregates them), so that "is anything behind this LA's grade synthetic?" costs a few thousand rows
 * rather than a read of every inspection. The judgement's provenance (src/judgement/provenance.ts) is worked out
 * from these rows.
 */
export const EVIDENCE_TABLES = ['providers', 'provider_inspections', 'la_inspections', 'indicator_values', 'outcome_counts', 'addressees'] as const;
export type EvidenceTable = (typeof EVIDENCE_TABLES)[number];

export interface EvidenceSource {
  readonly table: EvidenceTable;
  /**
   * What the rows are about. An LA (`la`) for providers, their inspections, LA inspections and addressees; for outcome
   * counts and indicator values also an England figure (`england`) or a similar-areas comparator supplied for one LA
   * (`similar-areas`, the LA's code).
   */
  readonly area: Area;
  /**
   * Which part of the table: the provider type (providers, provider_inspections, outcome_counts), the inspection kind
   * (la_inspections), the indicator id (indicator_values) or the year (addressees, as digits).
   */
  readonly part: string;
  readonly dataset: string;
}

/** What a run reads, so that the store groups only those rows: a table left empty here is not read at all. */
export interface EvidenceSourceQuery {
  /** Block A's provider types. */
  readonly providerTypes: readonly ProviderType[];
  /**
   * Which of those providers Block A can count: none opened after `to` (its latest date), and, where `registeredOnly`
   * (today's groups read the register), none without a recorded opening. So the synthetic settings of 2011 are not
   * behind today's figures, nor Ofsted's providers of 2015 on behind 2011's. Absent: every provider of those types.
   */
  readonly providersOpen?: { readonly to: string; readonly registeredOnly: boolean };
  /** Block B's inspection kinds. */
  readonly laInspectionKinds: readonly LaInspectionKind[];
  /** The indicators Block C reads. */
  readonly indicators: readonly string[];
  /** The year whose addressees the letter is written to. */
  readonly addresseeYear: number;
}
