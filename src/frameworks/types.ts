import type { Calibration } from '../calibration/model.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import type { EcmOutcome } from '../domain/indicator.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { LaInspectionKind, LaJudgementName } from '../domain/la-inspection.ts';
import type { Ownership, ProviderType } from '../domain/provider.ts';

/**
 * A framework year as data: what the assessment of that year counted and how it worded its scale. Each year's
 * definition inherits the previous one and states only what changed (see `define.ts`), so an analyst can read, in
 * one place, how 2011 differs from 2010. Sources are cited beside each value; "[reconstruction]" marks the project's
 * working model where no primary text was found (shared/docs/framework.md).
 */
/** The historical years, and Kingsway's application of the 2011 method to one year of today's data (issue 6). */
export type FrameworkId = 'apa-2006' | 'rating-2009' | 'assessment-2010' | 'assessment-2011' | `indicators-${number}`;

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
  /**
   * Count only settings whose registration is on record (`openedOn` set): today's groups read Ofsted's register as its
   * files of 31 March give it (src/frameworks/indicators/block-a-groups.ts). The 2006-2011 evidence, synthetic or in a
   * bundle, leaves most settings' opening unset ("before our records") and its records end in 2011, so an unset closing
   * there does not mean the setting is open today.
   */
  readonly registered?: true;
}

/**
 * A row of Block A that is a share of children, not a tally of settings: today's early years, from LAIT (the share of
 * funded two-year-olds, or three- and four-year-olds, whose early education is with a good or outstanding provider).
 * Banded by the Block A cut-offs as a group's share good or better is (src/profile/block-a-shares.ts).
 */
export interface BlockAShareGroup {
  readonly id: string;
  readonly label: string;
  /** The indicator (LAIT's id) giving the share, in per cent. */
  readonly indicator: string;
  readonly why: string;
}

/**
 * Fixed cut-offs (the profile "used fixed cut-off points rather than quartiles": CAA consultation summary, Oct 2008).
 * The values are [reconstruction]: the ADCS's examples (20 January 2010) fix only that 60% good or better read as
 * green and 40% as red.
 */
export interface CutOffs {
  /** Share good or better at or above which a Block A group is banded 4, 3 and 2; below the last it is 1. */
  readonly blockA: { readonly 4: number; readonly 3: number; readonly 2: number };
  /** Net share of indicators better than comparators (better minus worse, over those compared) for bands 4, 3, 2. */
  readonly blockC: { readonly 4: number; readonly 3: number; readonly 2: number };
  /** "More weight has been given to … Blocks A and B" (2010-2011 letters): the weight of Block A in the blend. */
  readonly blockAWeight: number;
  /**
   * A group of fewer settings than this counts in proportion (one fostering agency weighs a fifth of a group of five
   * or more), so that a single setting cannot weigh as much as hundreds of childminders. [reconstruction]
   */
  readonly fullWeightAt: number;
}

/** When a limiting rule fires: a condition on the profile, read by the judgement engine. */
export type RuleCondition =
  | { readonly kind: 'priority-actions'; readonly atLeast: number }
  | { readonly kind: 'la-judgement'; readonly inspection: LaInspectionKind; readonly judgement: LaJudgementName; readonly is: Judgement }
  | { readonly kind: 'la-overall'; readonly inspection: LaInspectionKind; readonly is: Judgement }
  /**
   * The judgement in force at the profile date: the latest inspection of Block B's succession (the SIF, then ILACS;
   * src/profile/block-b.ts) is of this kind and has this overall effectiveness, with no later one of the succession.
   */
  | { readonly kind: 'current-overall'; readonly inspection: LaInspectionKind; readonly is: Judgement }
  | { readonly kind: 'outcome-band'; readonly outcomes: readonly EcmOutcome[]; readonly atMost: AssessmentGrade };

export type RuleEffect = { readonly kind: 'cap'; readonly grade: AssessmentGrade } | { readonly kind: 'lower'; readonly by: number };

/** A limiting rule as data, with its source. One per file in frameworks/rules/, its test beside it. */
export interface LimitingRule {
  readonly id: string;
  readonly title: string;
  /** The published source, or the reasoning where it is our reconstruction. */
  readonly source: string;
  readonly reconstruction: boolean;
  readonly when: RuleCondition;
  readonly effect: RuleEffect;
}

/** The national outcome Ofsted published for a year, to set a run's distribution beside (framework.md §5). */
export interface PublishedOutcomes {
  readonly las: number;
  readonly grades: Readonly<Record<AssessmentGrade, number>>;
  readonly withheld: number;
  readonly source: string;
}

/**
 * How the grade is reached. `apa-outcomes`: the 2005-2008 APA graded each ECM outcome and management, and the overall
 * contribution followed from them. `profile-blocks`: from 2009 one grade from the performance profile's blocks.
 */
export type GradingMethod = 'apa-outcomes' | 'profile-blocks';

/** The fixed parts of the year's letter (shared/docs/framework.md §8), as the seeds show them. */
export interface LetterStyle {
  /** The date the letters went out (ISO). */
  readonly date: string;
  /**
   * What every letter of the year says first about where it comes from: Kingsway, not Ofsted. (The seed letters'
   * Ofsted office block and signatories are not framework data: the sender and signatory are the deployment's,
   * src/narrative/letter-settings.ts.)
   */
  readonly notice: string;
  /** The heading under the salutation: "Annual children's services assessment". */
  readonly heading: string;
  /** The title of the grade section; `{council}` is replaced by the council's formal name. */
  readonly gradeSection: string;
  /** The label of the grade line: "Children's services assessment". */
  readonly gradeLabel: string;
  /**
   * How the evidence is written up after the grade: the 2006 APA's summary and a section per ECM outcome and on
   * management; the 2009 rating's paragraphs with no headings (trafford-2009); the 2010-2011 summary with
   * "Strengths" and "Areas for further improvement" bullets (stockport-2011).
   */
  readonly body: 'apa-sections' | 'paragraphs' | 'bullets';
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
  readonly method: GradingMethod;
  /** Ofsted's published distribution for the year, or `null` where none was found for it. */
  readonly published: PublishedOutcomes | null;
  readonly scale: readonly ScaleLevel[];
  /**
   * Where the scale's words come from, in words for a reader: shown with the scale wherever a page explains the grades
   * (src/web/years-explained.ts). "(reconstruction)" marks what is Kingsway's rather than a source's.
   */
  readonly scaleSource: string;
  /** The date the profile counts latest inspections at: the profile was released to LAs in August. */
  readonly profileDate: string;
  /** The date of the year before, for "change since last year". */
  readonly previousProfileDate: string;
  /**
   * Where Block A counts settings at other dates than the profile's: today's years read the provider file in force at
   * the profile date, which is as at 31 March (Ofsted publishes it in the summer), and last year's file before it.
   * Absent: Block A is counted at `profileDate` and `previousProfileDate`.
   */
  readonly blockAAsAt?: { readonly current: string; readonly previous: string; readonly why: string };
  readonly blockA: readonly BlockAGroup[];
  /** Block A's rows that are shares of children rather than tallies of settings (today's early years). */
  readonly blockAShares?: readonly BlockAShareGroup[];
  /** Sub-judgements read from provider inspections (trafford-2009: staying safe, enjoying and achieving). */
  readonly subJudgements: readonly ('staying-safe' | 'enjoying-and-achieving')[];
  readonly blockB: readonly LaInspectionKind[];
  /** ECM outcomes Block C groups indicators by. */
  readonly blockCOutcomes: readonly EcmOutcome[];
  /**
   * Where the framework chooses its own indicators (today's data: LAIT has no ECM outcomes), each chosen indicator and
   * the outcome it counts under; the others are not read. Absent: every indicator with an ECM outcome is read.
   */
  readonly blockCIndicators?: Readonly<Record<string, EcmOutcome>>;
  /**
   * Where the framework says (today's data), the day ("09-30") of a period's last calendar year on which each chosen
   * indicator's periods end; Block C then reads only periods that have ended by the profile date. Absent, or for an
   * indicator not named: every period ending in the framework's year or before.
   */
  readonly blockCPeriodEnds?: Readonly<Record<string, string>>;
  /** The statistical-neighbour vintage in force for the year, where the framework says (today's data). */
  readonly neighbourVintage?: string;
  /** False for Kingsway's own application of the method to today's data: never an official judgement. */
  readonly official: boolean;
  /** How the similar-areas figure is made from the neighbours' values (LAIT: mean; DfE's CSC dashboard: median). */
  readonly similarAreas: 'mean' | 'median';
  /**
   * Within this many percentage points (or the same relative share of the comparator for rates) a value is
   * "in line with" the comparator. [reconstruction]
   */
  readonly inLineTolerance: { readonly points: number; readonly relative: number };
  readonly cutOffs: CutOffs;
  /**
   * Where present (today's indicator years, issue 13), the provisional grade is the calibrated method's, fitted on
   * inspectors' judgements (src/calibration/); the cut-offs above still give the 2011 method's grade beside it.
   */
  readonly calibration?: Calibration;
  /** Applied in order after the provisional grade; each that fires is recorded in the trace. */
  readonly limitingRules: readonly LimitingRule[];
  /** The letter's standard paragraphs of the year, verbatim from the seeds. */
  readonly paragraphs: Readonly<Record<string, string>>;
  readonly letter: LetterStyle;
}
