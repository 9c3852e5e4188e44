/**
 * The LA-level assessment scale of 2006-2011: 4 is best. Labels as the seeds word them
 * (shared/seeds/stockport-2011-assessment.txt, trafford-2009-rating.txt, stockport-2006-apa.txt).
 * The wording and descriptors belong to each framework year (a later issue); the grade itself is a domain noun.
 */
export const ASSESSMENT_GRADES = [4, 3, 2, 1] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];

export function isAssessmentGrade(value: number): value is AssessmentGrade {
  return value === 1 || value === 2 || value === 3 || value === 4;
}
