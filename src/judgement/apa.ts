import type { AssessmentGrade } from '../domain/grade.ts';
import type { EcmOutcome } from '../domain/indicator.ts';
import { JUDGEMENT_LABEL, judgementRank } from '../domain/judgement.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { LaJudgementName } from '../domain/la-inspection.ts';
import type { Framework } from '../frameworks/types.ts';
import type { LaProfile } from '../profile/profile.ts';
import type { OutcomeBand } from './bands.ts';

/**
 * The 2006 annual performance assessment graded areas, not one profile (stockport-2006-apa.txt): each of the five
 * Every Child Matters outcomes, the council's management of its services, and from them the contribution of its
 * children's services, its capacity to improve and the contribution of its social care services.
 *
 * [reconstruction] How each was reached is not published. The letter says its "judgements reflect the outcomes of
 * the joint area review (JAR) and the updated self-assessment": so an area takes the JAR's judgement where a JAR
 * current at the profile date graded it, and otherwise the band of its indicators against similar areas and England
 * (the same net-share cut-offs as Block C). The overall contribution is the rounded mean of the five outcomes;
 * capacity to improve follows the management grade (the letter treats them in one section); social care follows
 * staying safe, the outcome CSCI's social care judgement spoke to.
 */
export type ApaAreaId =
  | EcmOutcome
  | 'service-management'
  | 'children-services'
  | 'capacity-to-improve'
  | 'social-care';

export interface GradedArea {
  readonly id: ApaAreaId;
  readonly label: string;
  readonly grade: AssessmentGrade;
  /** Where the grade came from, in words. */
  readonly basis: string;
}

export const APA_AREA_LABEL: Readonly<Record<ApaAreaId, string>> = {
  'children-services': "The contribution of the local authority's children's services in maintaining and improving outcomes for children and young people",
  'capacity-to-improve': "The council's overall capacity to improve its services for children and young people",
  'social-care': "The contribution of the local authority's social care services in maintaining and improving outcomes for children and young people",
  'being-healthy': 'Being healthy',
  'staying-safe': 'Staying safe',
  'enjoying-and-achieving': 'Enjoying and achieving',
  'positive-contribution': 'Making a positive contribution',
  'economic-wellbeing': 'Achieving economic well-being',
  'service-management': "The council's management of its services for children and young people, including its capacity to improve them further",
};

/** Ofsted's inspection scale (1 outstanding) onto the assessment scale (4 best). */
export function gradeOfJudgement(judgement: Judgement): AssessmentGrade {
  return (5 - judgementRank(judgement)) as AssessmentGrade;
}

const roundedMean = (grades: readonly AssessmentGrade[]): AssessmentGrade =>
  Math.min(4, Math.max(1, Math.round(grades.reduce((s, g) => s + g, 0) / grades.length))) as AssessmentGrade;

export type ApaGrading = { readonly ok: true; readonly areas: readonly GradedArea[]; readonly overall: AssessmentGrade } | { readonly ok: false; readonly reason: string };

export function gradeApaAreas(profile: LaProfile, framework: Framework, outcomes: readonly OutcomeBand[]): ApaGrading {
  const jar = profile.blockB.find((b) => b.kind === 'jar')?.latest ?? null;
  const fromJar = (name: LaJudgementName): GradedArea['basis'] | null => {
    const j = jar?.judgements[name];
    return j ? `joint area review ending ${jar!.endDate}: ${JUDGEMENT_LABEL[j]}` : null;
  };
  const areas: GradedArea[] = [];
  const missing: string[] = [];
  for (const outcome of framework.blockCOutcomes) {
    const judged = jar?.judgements[outcome];
    const band = outcomes.find((o) => o.outcome === outcome);
    if (judged) areas.push({ id: outcome, label: APA_AREA_LABEL[outcome], grade: gradeOfJudgement(judged), basis: fromJar(outcome)! });
    else if (band) areas.push({ id: outcome, label: APA_AREA_LABEL[outcome], grade: band.band, basis: `indicators: ${band.better} better, ${band.inLine} in line, ${band.worse} worse than comparators` });
    else missing.push(APA_AREA_LABEL[outcome]);
  }
  if (missing.length > 0) {
    return { ok: false, reason: `no joint area review judgement and no compared indicators for ${missing.join(', ')} (${profile.la.name}, ${profile.la.code})` };
  }
  const overall = roundedMean(areas.map((a) => a.grade));
  const management = jar?.judgements['service-management'];
  const managementArea: GradedArea = management
    ? { id: 'service-management', label: APA_AREA_LABEL['service-management'], grade: gradeOfJudgement(management), basis: fromJar('service-management')! }
    : { id: 'service-management', label: APA_AREA_LABEL['service-management'], grade: overall, basis: 'no joint area review judgement: the overall contribution [reconstruction]' };
  const safe = areas.find((a) => a.id === 'staying-safe')!;
  return {
    ok: true,
    overall,
    areas: [
      { id: 'children-services', label: APA_AREA_LABEL['children-services'], grade: overall, basis: `the rounded mean of the five outcome grades (${areas.map((a) => a.grade).join(', ')}) [reconstruction]` },
      { id: 'capacity-to-improve', label: APA_AREA_LABEL['capacity-to-improve'], grade: managementArea.grade, basis: 'follows management and capacity to improve [reconstruction]' },
      { id: 'social-care', label: APA_AREA_LABEL['social-care'], grade: safe.grade, basis: 'follows staying safe [reconstruction]' },
      ...areas,
      managementArea,
    ],
  };
}
