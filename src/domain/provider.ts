import type { Judgement } from './judgement.ts';
import type { LaCode } from './local-authority.ts';
import { vocabulary } from './vocabulary.ts';

/**
 * Every kind of setting or service the seed letters count, as a controlled vocabulary. The Block A provider
 * types of the 2009-2011 profile (framework.md §3) plus the finer kinds the seeds name: Stoke-on-Trent 2011
 * separates independent special schools, special school sixth forms, the general FE college, the sixth form
 * college and independent specialist colleges; Stockport 2011 separates LA-run from commissioned children's homes
 * (that distinction is the provider's `ownership`, not its type).
 */
export const PROVIDER_TYPES = [
  'childminder',
  'childcare-non-domestic',
  'childrens-centre',
  'nursery-school',
  'primary-school',
  'secondary-school',
  'all-through-school',
  'special-school',
  'independent-special-school',
  'pupil-referral-unit',
  'school-sixth-form',
  'special-school-sixth-form',
  'sixth-form-college',
  'general-fe-college',
  'independent-specialist-college',
  'work-based-learning',
  'childrens-home',
  'secure-childrens-home',
  'residential-special-school',
  'fostering-agency',
  'adoption-agency',
  // The other kinds of social care setting Ofsted registers and inspects, as its provider-level files of 2015-2025 name
  // them (src/ingest/sources/ofsted-providers.ts): agencies that support adoptive families, residential family
  // centres, the boarding of boarding schools and of further education colleges, holiday schemes for disabled children,
  // secure training centres, and (registered from 2023) supported accommodation for 16- and 17-year-olds.
  'adoption-support-agency',
  'residential-family-centre',
  'boarding-school',
  'fe-college-residential',
  'residential-holiday-scheme',
  'secure-training-centre',
  'supported-accommodation',
] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const PROVIDER_TYPE_LABEL: Readonly<Record<ProviderType, string>> = {
  childminder: 'Childminders',
  'childcare-non-domestic': 'Childcare on non-domestic premises',
  'childrens-centre': "Children's centres",
  'nursery-school': 'Nursery schools',
  'primary-school': 'Primary schools',
  'secondary-school': 'Secondary schools',
  'all-through-school': 'All-through schools',
  'special-school': 'Special schools',
  'independent-special-school': 'Independent special schools',
  'pupil-referral-unit': 'Pupil referral units',
  'school-sixth-form': 'School sixth forms',
  'special-school-sixth-form': 'Special school sixth forms',
  'sixth-form-college': 'Sixth form colleges',
  'general-fe-college': 'General further education and tertiary colleges',
  'independent-specialist-college': 'Independent specialist colleges',
  'work-based-learning': 'Work-based learning providers',
  'childrens-home': "Children's homes",
  'secure-childrens-home': "Secure children's homes",
  'residential-special-school': 'Residential special schools',
  'fostering-agency': 'Fostering agencies',
  'adoption-agency': 'Adoption agencies',
  'adoption-support-agency': 'Adoption support agencies',
  'residential-family-centre': 'Residential family centres',
  'boarding-school': 'Boarding schools',
  'fe-college-residential': 'Further education colleges with residential accommodation',
  'residential-holiday-scheme': 'Residential holiday schemes for disabled children',
  'secure-training-centre': 'Secure training centres',
  'supported-accommodation': 'Supported accommodation',
};

/**
 * Who runs the setting: the seeds separate LA-run from commissioned homes, maintained schools from academies.
 * `other-public`: another public body, neither the LA nor a private or voluntary provider: Ofsted's provider files'
 * sector "Health authority" (children's homes and residential schools run by the NHS) and "Public sector" (Cafcass).
 */
export const OWNERSHIPS = ['la-run', 'commissioned', 'maintained', 'academy', 'private-voluntary', 'other-public'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export interface Provider {
  /** Ofsted's unique reference number; a school that becomes an academy gets a new one (`predecessorUrn`). */
  readonly urn: string;
  readonly name: string;
  readonly type: ProviderType;
  readonly la: LaCode;
  readonly ownership: Ownership;
  readonly openedOn: string | null;
  readonly closedOn: string | null;
  readonly predecessorUrn: string | null;
}

/** Named sub-judgements the framework reads besides overall effectiveness (trafford-2009: staying safe, enjoying and achieving). */
export const SUB_JUDGEMENTS = [
  'being-healthy',
  'staying-safe',
  'enjoying-and-achieving',
  'positive-contribution',
  'economic-wellbeing',
  'leadership-and-management',
  'capacity-to-improve',
  'quality-of-care',
] as const;
export type SubJudgementName = (typeof SUB_JUDGEMENTS)[number];

/**
 * Kinds of provider inspection. A full inspection judges overall effectiveness; an interim (social care) or
 * monitoring visit may not (stockport-2011: "the other an interim, unannounced inspection").
 */
export const INSPECTION_KINDS = ['full', 'interim', 'monitoring', 'registration', 'short'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

export interface ProviderInspection {
  readonly urn: string;
  /** ISO date of the inspection (its last day where a range is given). */
  readonly date: string;
  readonly kind: InspectionKind;
  /** `null` where the visit made no overall judgement (monitoring, some interim inspections). */
  readonly overall: Judgement | null;
  readonly sub: Readonly<Partial<Record<SubJudgementName, Judgement>>>;
}

/** Spellings of provider types seen in Ofsted management information and the seeds. */
export const parseProviderType = vocabulary<ProviderType>(PROVIDER_TYPES, {
  'childminders': 'childminder',
  'registered childminder': 'childminder',
  'childcare on non domestic premises': 'childcare-non-domestic',
  'non domestic childcare': 'childcare-non-domestic',
  'registered day care': 'childcare-non-domestic',
  'day nursery': 'childcare-non-domestic',
  'nursery': 'childcare-non-domestic',
  "children's centre": 'childrens-centre',
  'sure start childrens centre': 'childrens-centre',
  'nursery school': 'nursery-school',
  'primary': 'primary-school',
  'primary school': 'primary-school',
  'secondary': 'secondary-school',
  'secondary school': 'secondary-school',
  'all through': 'all-through-school',
  'special': 'special-school',
  'special school': 'special-school',
  'non maintained special school': 'independent-special-school',
  'independent special school': 'independent-special-school',
  'pru': 'pupil-referral-unit',
  'pupil referral unit': 'pupil-referral-unit',
  'sixth form': 'school-sixth-form',
  'school sixth form': 'school-sixth-form',
  'sixth form college': 'sixth-form-college',
  'general fe college': 'general-fe-college',
  'general further education college': 'general-fe-college',
  'general further education and tertiary college': 'general-fe-college',
  'independent specialist college': 'independent-specialist-college',
  'work based learning': 'work-based-learning',
  "children's home": 'childrens-home',
  'childrens home': 'childrens-home',
  "secure children's home": 'secure-childrens-home',
  'residential special school': 'residential-special-school',
  'fostering agency': 'fostering-agency',
  'local authority fostering agency': 'fostering-agency',
  'independent fostering agency': 'fostering-agency',
  'adoption agency': 'adoption-agency',
  'local authority adoption agency': 'adoption-agency',
  'voluntary adoption agency': 'adoption-agency',
  'adoption support agency': 'adoption-support-agency',
  'residential family centre': 'residential-family-centre',
  'boarding school': 'boarding-school',
  'further education college with residential accommodation': 'fe-college-residential',
  'residential holiday scheme for disabled children': 'residential-holiday-scheme',
  'secure training centre': 'secure-training-centre',
});

export const parseOwnership = vocabulary<Ownership>(OWNERSHIPS, {
  'la run': 'la-run',
  'local authority': 'la-run',
  'local authority run': 'la-run',
  la: 'la-run',
  commissioned: 'commissioned',
  private: 'private-voluntary',
  voluntary: 'private-voluntary',
  'private or voluntary': 'private-voluntary',
  'private voluntary independent': 'private-voluntary',
  pvi: 'private-voluntary',
  community: 'maintained',
  'voluntary aided': 'maintained',
  'voluntary controlled': 'maintained',
  foundation: 'maintained',
  'la maintained': 'maintained',
  'academy converter': 'academy',
  'academy sponsor led': 'academy',
  'free school': 'academy',
  'health authority': 'other-public',
  'public sector': 'other-public',
});

export const parseSubJudgementName = vocabulary<SubJudgementName>(SUB_JUDGEMENTS, {
  'be healthy': 'being-healthy',
  'stay safe': 'staying-safe',
  'enjoy and achieve': 'enjoying-and-achieving',
  'making a positive contribution': 'positive-contribution',
  'achieving economic well being': 'economic-wellbeing',
  'achieving economic wellbeing': 'economic-wellbeing',
  'leadership and management': 'leadership-and-management',
  'capacity for sustained improvement': 'capacity-to-improve',
  'capacity to improve': 'capacity-to-improve',
});

export const parseInspectionKind = vocabulary<InspectionKind>(INSPECTION_KINDS, {
  'full inspection': 'full',
  'section 5': 'full',
  'interim inspection': 'interim',
  'section 8': 'monitoring',
  'monitoring visit': 'monitoring',
  'registration visit': 'registration',
});
