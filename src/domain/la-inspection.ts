import type { Judgement } from './judgement.ts';
import type { LaCode } from './local-authority.ts';
import { vocabulary } from './vocabulary.ts';

/**
 * Inspections of the LA itself (Block B of the profile, framework.md §3):
 * - `jar`: joint area review (2005-2008), followed up in the APA;
 * - `slac`: safeguarding and looked after children (three-yearly from 2009), with judgements for safeguarding
 *   and for looked after children, each with capacity to improve;
 * - `ucra`: the annual unannounced inspection of contact, referral and assessment, which finds areas of strength,
 *   areas for development and areas for priority action (no overall grade);
 * - `fostering`, `adoption`: the LA's own agencies as inspected services;
 * - `private-fostering`: the LA's private fostering arrangements (trafford-2009: "private fostering is inadequate");
 * - `scr-evaluation`: Ofsted's evaluation of a serious case review (trafford-2009: "judged adequate");
 * - `sif`: the single inspection framework (November 2013 to 2017), ILACS's predecessor, whose reports the ILACS
 *   history also holds;
 * - `ilacs`: inspection of local authority children's services (2018 on).
 */
export const LA_INSPECTION_KINDS = [
  'jar',
  'slac',
  'ucra',
  'fostering',
  'adoption',
  'private-fostering',
  'scr-evaluation',
  'sif',
  'ilacs',
] as const;
export type LaInspectionKind = (typeof LA_INSPECTION_KINDS)[number];

export const LA_INSPECTION_LABEL: Readonly<Record<LaInspectionKind, string>> = {
  jar: 'Joint area review',
  slac: 'Inspection of safeguarding and looked after children services',
  ucra: 'Unannounced inspection of contact, referral and assessment arrangements',
  fostering: 'Inspection of the fostering service',
  adoption: 'Inspection of the adoption service',
  'private-fostering': 'Inspection of private fostering arrangements',
  'scr-evaluation': 'Evaluation of a serious case review',
  sif: 'Inspection of services for children in need of help and protection, children looked after and care leavers',
  ilacs: "Inspection of local authority children's services",
};

/** Named judgements an LA-level inspection may give besides (or instead of) an overall one. */
export const LA_JUDGEMENT_NAMES = [
  'safeguarding',
  'safeguarding-capacity',
  'looked-after-children',
  'looked-after-children-capacity',
  'impact-of-leaders',
  'help-and-protection',
  'in-care',
  'care-leavers',
  'being-healthy',
  'staying-safe',
  'enjoying-and-achieving',
  'positive-contribution',
  'economic-wellbeing',
  'service-management',
] as const;
export type LaJudgementName = (typeof LA_JUDGEMENT_NAMES)[number];

export const FINDING_KINDS = ['strength', 'area-for-development', 'area-for-priority-action', 'recommendation'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface LaInspectionFinding {
  readonly kind: FindingKind;
  readonly text: string;
}

export interface LaInspection {
  readonly la: LaCode;
  readonly kind: LaInspectionKind;
  readonly startDate: string | null;
  /** ISO date the inspection ended; with `la` and `kind` it identifies the inspection. */
  readonly endDate: string;
  readonly publishedOn: string | null;
  readonly overall: Judgement | null;
  readonly judgements: Readonly<Partial<Record<LaJudgementName, Judgement>>>;
  /** Counts as published; where only counts are known there are no texts. `null` = not reported. */
  readonly strengthsCount: number | null;
  readonly developmentCount: number | null;
  readonly priorityActionCount: number | null;
  readonly findings: readonly LaInspectionFinding[];
  /** Where the record came from (a report link, a file name). */
  readonly sourceRef: string | null;
}

export const parseLaInspectionKind = vocabulary<LaInspectionKind>(LA_INSPECTION_KINDS, {
  'joint area review': 'jar',
  'safeguarding and looked after children': 'slac',
  'safeguarding and looked after children services': 'slac',
  'unannounced inspection': 'ucra',
  'unannounced inspection of contact referral and assessment': 'ucra',
  'contact referral and assessment': 'ucra',
  'fostering service': 'fostering',
  'adoption service': 'adoption',
  'private fostering': 'private-fostering',
  'serious case review': 'scr-evaluation',
  scr: 'scr-evaluation',
  "inspection of local authority children's services": 'ilacs',
  'single inspection framework': 'sif',
});

export const parseLaJudgementName = vocabulary<LaJudgementName>(LA_JUDGEMENT_NAMES, {
  'overall effectiveness of safeguarding': 'safeguarding',
  'safeguarding capacity to improve': 'safeguarding-capacity',
  lac: 'looked-after-children',
  'looked after children capacity to improve': 'looked-after-children-capacity',
  'impact of leaders on social work practice with children and families': 'impact-of-leaders',
  'experiences and progress of children who need help and protection': 'help-and-protection',
  'experiences and progress of children in care': 'in-care',
  'experiences and progress of care leavers': 'care-leavers',
});

export const parseFindingKind = vocabulary<FindingKind>(FINDING_KINDS, {
  'area of strength': 'strength',
  strengths: 'strength',
  'area for development': 'area-for-development',
  'areas for development': 'area-for-development',
  'area for priority action': 'area-for-priority-action',
  'areas for priority action': 'area-for-priority-action',
  'priority action': 'area-for-priority-action',
});
