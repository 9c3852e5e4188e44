import type { Ownership, ProviderType } from '../domain/provider.ts';

/**
 * The national shape of the synthetic dataset, held in one place so that each figure can be checked and corrected.
 * Figures are for England around August 2011 (the 2011 profile date) and are APPROXIMATE: they are set from the
 * publications named, as remembered, rounded, and not copied from any table. Where a figure is our assumption it says
 * so. Earlier years use the same shape (the generator scales nothing by year except the children's centres, which
 * Ofsted inspected only from 2010, and academy conversions, which began in September 2010).
 *
 * Sources (all Open Government Licence):
 * [RCP] Ofsted, "Registered childcare providers and places in England", quarterly official statistics, 2011.
 * [SPC] DfE, "Schools, pupils and their characteristics", January 2011 (SFR 12/2011).
 * [MSI] Ofsted, "Maintained school inspections and outcomes", official statistics 2010/11; and the Annual Report of
 *       Her Majesty's Chief Inspector 2010/11 (HC 1633, November 2011).
 * [CSC] Ofsted, "Children's social care providers and places", and "Inspections of children's social care", 2011.
 * [SSC] DfE, "Number of Sure Start children's centres", April 2010.
 * [FE]  The Data Service / Ofsted further education inspection outcomes 2010/11.
 */

/** Shares of the latest overall effectiveness: outstanding, good, satisfactory (or adequate), inadequate. */
export type GradeShares = readonly [number, number, number, number];

export interface ProviderTypeFigures {
  readonly type: ProviderType;
  /** Providers in England at the profile date. */
  readonly national: number;
  readonly source: string;
  readonly ownership: Ownership;
  /** Latest-inspection outcomes nationally. */
  readonly grades: GradeShares;
  /** Years between full inspections (min, max). */
  readonly cycle: readonly [number, number];
  /** First date the type was inspected under the frameworks of the period. */
  readonly inspectedFrom: string;
  /** Whether inspections give the staying safe and enjoying and achieving sub-judgements the 2009 profile read. */
  readonly subJudgements: boolean;
  /** Social care inspections say "adequate" where education says "satisfactory". */
  readonly scale: 'education' | 'social-care';
  /** Children's homes: a full and an interim inspection each year [CSC]. */
  readonly interimEachYear?: boolean;
  /** Share of the providers inspected by the profile date where not all are (children's centres, new in 2010). */
  readonly inspectedShare?: number;
}

export const PROVIDER_FIGURES: readonly ProviderTypeFigures[] = [
  { type: 'childminder', national: 57_000, source: '[RCP] about 57,000 childminders on the Early Years Register, 2011', ownership: 'private-voluntary', grades: [0.09, 0.57, 0.31, 0.03], cycle: [3, 4], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'childcare-non-domestic', national: 27_000, source: '[RCP] about 27,000 providers of childcare on non-domestic premises', ownership: 'private-voluntary', grades: [0.12, 0.62, 0.24, 0.02], cycle: [3, 4], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'childrens-centre', national: 3_600, source: "[SSC] 3,631 Sure Start children's centres, April 2010", ownership: 'la-run', grades: [0.08, 0.55, 0.34, 0.03], cycle: [5, 5], inspectedFrom: '2010-04-01', subJudgements: false, scale: 'education', inspectedShare: 0.35 },
  { type: 'nursery-school', national: 420, source: '[SPC] 418 maintained nursery schools', ownership: 'maintained', grades: [0.45, 0.46, 0.08, 0.01], cycle: [3, 5], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'primary-school', national: 16_900, source: '[SPC] 16,884 maintained primary schools', ownership: 'maintained', grades: [0.17, 0.52, 0.28, 0.03], cycle: [3, 5], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'secondary-school', national: 3_200, source: '[SPC] about 3,200 secondary schools including academies', ownership: 'maintained', grades: [0.2, 0.4, 0.33, 0.07], cycle: [3, 5], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'school-sixth-form', national: 1_800, source: 'assumption: about 55% of secondary schools have a sixth form, judged with the school [MSI]', ownership: 'maintained', grades: [0.17, 0.5, 0.3, 0.03], cycle: [3, 5], inspectedFrom: '2005-09-01', subJudgements: false, scale: 'education' },
  { type: 'special-school', national: 980, source: '[SPC] about 980 maintained special schools', ownership: 'maintained', grades: [0.35, 0.47, 0.15, 0.03], cycle: [3, 5], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'independent-special-school', national: 280, source: '[SPC] about 70 non-maintained and 200 independent special schools (approximate)', ownership: 'private-voluntary', grades: [0.2, 0.5, 0.25, 0.05], cycle: [3, 4], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'pupil-referral-unit', national: 420, source: '[SPC] about 420 pupil referral units', ownership: 'maintained', grades: [0.15, 0.45, 0.33, 0.07], cycle: [3, 4], inspectedFrom: '2005-09-01', subJudgements: true, scale: 'education' },
  { type: 'general-fe-college', national: 230, source: '[FE] about 230 general further education and tertiary colleges', ownership: 'private-voluntary', grades: [0.2, 0.48, 0.27, 0.05], cycle: [4, 6], inspectedFrom: '2005-09-01', subJudgements: false, scale: 'education' },
  { type: 'sixth-form-college', national: 94, source: '[FE] 94 sixth form colleges', ownership: 'private-voluntary', grades: [0.25, 0.5, 0.22, 0.03], cycle: [4, 6], inspectedFrom: '2005-09-01', subJudgements: false, scale: 'education' },
  { type: 'independent-specialist-college', national: 60, source: '[FE] about 60 independent specialist colleges (approximate)', ownership: 'private-voluntary', grades: [0.15, 0.45, 0.35, 0.05], cycle: [4, 5], inspectedFrom: '2005-09-01', subJudgements: false, scale: 'education' },
  { type: 'childrens-home', national: 1_900, source: "[CSC] about 1,900 children's homes; about a fifth run by LAs (ownership split below)", ownership: 'commissioned', grades: [0.2, 0.55, 0.22, 0.03], cycle: [1, 1], inspectedFrom: '2005-04-01', subJudgements: true, scale: 'social-care', interimEachYear: true },
];

/** Share of children's homes run by the LA rather than commissioned from others [CSC], approximate. */
export const LA_RUN_HOME_SHARE = 0.22;

/** Every LA has exactly one fostering and one adoption agency of its own [CSC]. */
export const LA_AGENCIES: readonly ProviderTypeFigures[] = [
  { type: 'fostering-agency', national: 0, source: '[CSC] one LA fostering service per LA', ownership: 'la-run', grades: [0.15, 0.6, 0.22, 0.03], cycle: [3, 3], inspectedFrom: '2005-04-01', subJudgements: true, scale: 'social-care' },
  { type: 'adoption-agency', national: 0, source: '[CSC] one LA adoption agency per LA', ownership: 'la-run', grades: [0.2, 0.6, 0.17, 0.03], cycle: [3, 3], inspectedFrom: '2005-04-01', subJudgements: true, scale: 'social-care' },
];

/**
 * Secondary schools converting to academies between September 2010 and the 2011 profile date: about 1,100 academies
 * were open by September 2011, most of them converter secondaries [SPC 2012]; we take 15% of secondaries
 * (assumption), with the predecessor school closed the day before and the academy not yet inspected.
 */
export const ACADEMY_CONVERSION_SHARE = 0.15;
export const ACADEMIES_FROM = '2010-09-01';

/**
 * How strongly outcomes follow the LA (the latent quality shared across its settings) and the provider itself
 * (persistence from one inspection to the next). Assumptions, chosen so that LAs differ visibly and similar areas
 * resemble one another, without every setting in a weak LA being weak.
 */
export const LA_EFFECT = 0.4;
export const NEIGHBOUR_EFFECT = 0.5;
export const PERSISTENCE = 0.8;
/** Outcomes improved over the period [MSI]: the latent score rises this much a year (in standard deviations). */
export const ANNUAL_IMPROVEMENT = 0.04;

/** The date the profile counts latest inspections at: published to LAs in August (framework.md §3). */
export const profileDate = (year: number): string => `${year}-08-31`;

/** The first date inspection histories start. */
export const HISTORY_FROM = '2005-04-01';
