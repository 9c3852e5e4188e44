import type { AssessmentGrade } from '../domain/grade.ts';
import type { EcmOutcome } from '../domain/indicator.ts';
import type { LaInspectionKind } from '../domain/la-inspection.ts';
import type { Ownership, ProviderType } from '../domain/provider.ts';

/**
 * A framework year as data: what the assessment of that year counted and how it worded its scale. Each year's
 * definition inherits the previous one and states only what changed (see `define.ts`), so an analyst can read, in
 * one place, how 2011 differs from 2010. Sources are cited beside each value; "[reconstruction]" marks the project's
 * working model where no primary text was found (shared/docs/framework.md).
 */
export type FrameworkId = 'apa-2006' | 'rating-2009' | 'assessment-2010' | 'assessment-2011';

export interface ScaleLevel {
  readonly grade: AssessmentGrade;
  /** "Performs well" (2009-2011); "Good" capacity wording in the APA. */
  readonly label: string;
  /** "An organisation that exceeds minimum requirements". */
  readonly descriptor: string;
  /** The APA's second column: capacity to improve ("Excellent / outstanding", "Good"…); absent from 2009. */
  readonly capacityDescriptor?: string;
}

/** A row of Block A: one kind of setting, optionally one ownership (LA-run vs commissioned children's homes). */
export interface BlockAGroup {
  readonly id: string;
  readonly label: string;
  readonly providerTypes: readonly ProviderType[];
  readonly ownership?: Ownership;
}

export interface Framework {
  readonly id: FrameworkId;
  readonly year: number;
  readonly title: string;
  /** The framework this one inherits from, and what it changed: shown with every trace. */
  readonly inherits: FrameworkId | null;
  readonly changes: readonly string[];
  /** "rating" in 2009, "assessment" in 2010-2011, "annual performance assessment" in 2006. */
  readonly outcomeNoun: string;
  readonly scale: readonly ScaleLevel[];
  /** The date the profile counts latest inspections at: the profile was released to LAs in August. */
  readonly profileDate: string;
  /** The date of the year before, for "change since last year". */
  readonly previousProfileDate: string;
  readonly blockA: readonly BlockAGroup[];
  /** Sub-judgements read from provider inspections (trafford-2009: staying safe, enjoying and achieving). */
  readonly subJudgements: readonly ('staying-safe' | 'enjoying-and-achieving')[];
  readonly blockB: readonly LaInspectionKind[];
  /** ECM outcomes Block C groups indicators by. */
  readonly blockCOutcomes: readonly EcmOutcome[];
  /** How the similar-areas figure is made from the neighbours' values (LAIT: mean; DfE's CSC dashboard: median). */
  readonly similarAreas: 'mean' | 'median';
  /**
   * Within this many percentage points (or the same relative share of the comparator for rates) a value is
   * "in line with" the comparator. [reconstruction]
   */
  readonly inLineTolerance: { readonly points: number; readonly relative: number };
  /** The letter's standard paragraphs of the year, verbatim from the seeds. */
  readonly paragraphs: Readonly<Record<string, string>>;
}
