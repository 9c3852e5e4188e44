import type { AssessmentGrade } from '../domain/grade.ts';
import { ASSESSMENT_GRADES } from '../domain/grade.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import { assessmentYearDate, existsOn } from '../domain/local-authority.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { Framework, PublishedOutcomes } from '../frameworks/types.ts';
import type { LaProfile, ProfileRun } from '../profile/profile.ts';
import { buildProfile } from '../profile/profile.ts';
import type { Derivation } from './derive.ts';
import { NO_PROVENANCE } from './provenance.ts';
import type { Provenance } from './provenance.ts';
import { derive } from './derive.ts';

/**
 * One LA's assessment for a year: the derived grade, the inspector's decision if one is recorded, the grade that
 * stands (the inspector's where there is one) and the direction of travel against last year's final grade.
 * Assessing every LA gives one of these per LA, including those that could not be assessed and why.
 */
export type Direction = 'improved' | 'sustained' | 'declined';

export interface DirectionOfTravel {
  readonly direction: Direction;
  readonly previousYear: number;
  readonly previousGrade: AssessmentGrade;
  /**
   * What the year before's grade was: an inspector's final grade (2006-2011), or, for today's indicator years,
   * Kingsway's own indicator assessment of the year before, which is never an inspector's and is always said to be
   * Kingsway's wherever the direction is shown.
   */
  readonly basis: 'inspector-judgement' | 'kingsway-indicator-assessment';
  /** "This performance has been sustained from 2010 to 2011." (stockport-2011) */
  readonly text: string;
  /** For a table's cell: "sustained since 2010"; "improved since Kingsway's indicator assessment of 2024". */
  readonly short: string;
}

export type Assessment =
  | {
      readonly status: 'assessed';
      readonly la: LocalAuthority;
      readonly profile: LaProfile;
      readonly derivation: Extract<Derivation, { ok: true }>;
      readonly derived: AssessmentGrade;
      readonly judgement: InspectorJudgement | null;
      /** The grade that stands: the inspector's final grade, or the derived one awaiting judgement. */
      readonly grade: AssessmentGrade;
      readonly final: boolean;
      /** Final minus derived: 0 when they agree or no judgement is recorded. */
      readonly change: number;
      readonly direction: DirectionOfTravel | null;
      /** Which datasets lie behind the figures, and whether any is synthetic (provenance.ts). */
      readonly provenance: Provenance;
    }
  | {
      readonly status: 'withheld';
      readonly la: LocalAuthority;
      readonly derived: AssessmentGrade | null;
      readonly judgement: InspectorJudgement;
      readonly reason: string;
      readonly provenance: Provenance;
    }
  | { readonly status: 'not-assessed'; readonly la: LocalAuthority; readonly reason: string; readonly judgement: InspectorJudgement | null; readonly provenance: Provenance };

export function directionOfTravel(previous: InspectorJudgement | undefined, grade: AssessmentGrade, year: number): DirectionOfTravel | null {
  if (!previous || previous.decision.kind !== 'grade') return null;
  const before = previous.decision.grade;
  const direction: Direction = grade > before ? 'improved' : grade < before ? 'declined' : 'sustained';
  const text = direction === 'sustained' ? `This performance has been sustained from ${previous.year} to ${year}.` : `Performance has ${direction} since ${previous.year}, from grade ${before} to grade ${grade}.`;
  return { direction, previousYear: previous.year, previousGrade: before, basis: 'inspector-judgement', text, short: `${direction} since ${previous.year}` };
}

/**
 * Today's indicator years have no inspector's grade of the year before to travel from (no inspector judges them), so
 * their direction is read against Kingsway's own indicator assessment of the year before, by the same method, and
 * says so: "Against Kingsway's indicator assessment of 2024 (not an inspector's judgement): improved from 2 to 3."
 * `null` where the LA had no grade that year (it did not exist, or could not be assessed).
 */
export function directionAgainstIndicators(previous: AssessInput['previousDerived'], la: LaCode, grade: AssessmentGrade): DirectionOfTravel | null {
  const before = previous?.grades.get(la);
  if (!previous || before === undefined) return null;
  const direction: Direction = grade > before ? 'improved' : grade < before ? 'declined' : 'sustained';
  const against = `Kingsway's indicator assessment of ${previous.year}`;
  const moved = direction === 'sustained' ? `sustained at ${grade}` : `${direction} from ${before} to ${grade}`;
  return { direction, previousYear: previous.year, previousGrade: before, basis: 'kingsway-indicator-assessment', text: `Against ${against} (not an inspector's judgement): ${moved}.`, short: `${direction} since ${against}` };
}

export interface AssessInput {
  readonly run: ProfileRun;
  /** The inspector judgements in force this year, by LA (currentJudgements). */
  readonly judgements: ReadonlyMap<LaCode, InspectorJudgement>;
  /** Last year's, for the direction of travel. */
  readonly previous: ReadonlyMap<LaCode, InspectorJudgement>;
  /**
   * Today's indicator years: the grades Kingsway derived for the indicator year before, by the same method
   * (load-evidence.ts), which their direction of travel is read against (`directionAgainstIndicators`). Absent for
   * the historical years, whose direction is read from last year's inspector judgements, and for the first
   * indicator year.
   */
  readonly previousDerived?: { readonly year: number; readonly grades: ReadonlyMap<LaCode, AssessmentGrade> };
  /**
   * Which datasets lie behind each LA's figures, as the loader reads them (load-evidence.ts, loadProvenance).
   * Absent only from inputs built by hand (tests, benchmarks), which then name no dataset behind any LA.
   */
  readonly provenance?: ReadonlyMap<LaCode, Provenance>;
}

export function assessOne(input: AssessInput, la: LocalAuthority): Assessment {
  const judgement = input.judgements.get(la.code) ?? null;
  const provenance = input.provenance?.get(la.code) ?? NO_PROVENANCE;
  let derivation: Derivation;
  let profile: LaProfile;
  try {
    profile = buildProfile(input.run, la.code);
    derivation = derive(profile, input.run.framework);
  } catch (error) {
    // A fault in one LA's evidence must not stop the national run: it is reported against that LA.
    return { status: 'not-assessed', la, reason: `${(error as Error).name}: ${(error as Error).message}`, judgement, provenance };
  }
  if (judgement?.decision.kind === 'withheld') {
    return { status: 'withheld', la, derived: derivation.ok ? derivation.derived : null, judgement, reason: judgement.rationale, provenance };
  }
  if (!derivation.ok) {
    return { status: 'not-assessed', la, reason: derivation.reason, judgement, provenance };
  }
  const grade = judgement?.decision.kind === 'grade' ? judgement.decision.grade : derivation.derived;
  return {
    status: 'assessed',
    la,
    profile,
    derivation,
    derived: derivation.derived,
    judgement,
    grade,
    final: judgement !== null,
    change: grade - derivation.derived,
    direction: input.run.framework.official ? directionOfTravel(input.previous.get(la.code), grade, input.run.framework.year) : directionAgainstIndicators(input.previousDerived, la.code, grade),
    provenance,
  };
}

/** Every LA that existed in the run's year (or those asked for), in code order; never throws for one LA's fault. */
export function assessAll(input: AssessInput, only?: readonly LaCode[]): Assessment[] {
  return lasAssessed(input, only).map((la) => assessOne(input, la));
}

/**
 * The LAs assessAll assesses, in its order: for a caller that keeps less of each assessment than assessAll returns
 * (the web site, issue 14), so that it can assess them one at a time and let each go before the next.
 */
export function lasAssessed(input: AssessInput, only?: readonly LaCode[]): LocalAuthority[] {
  const wanted = only ? new Set(only) : null;
  const on = assessmentYearDate(input.run.framework.year);
  return input.run.evidence.evidence.las.filter((la) => existsOn(la, on) && (!wanted || wanted.has(la.code))).sort((a, b) => a.code.localeCompare(b.code));
}

export interface Distribution {
  readonly las: number;
  readonly grades: Readonly<Record<AssessmentGrade, number>>;
  readonly withheld: number;
  readonly notAssessed: number;
}

export function distribution(results: readonly Assessment[]): Distribution {
  const grades = { 4: 0, 3: 0, 2: 0, 1: 0 } as Record<AssessmentGrade, number>;
  let withheld = 0;
  let notAssessed = 0;
  for (const r of results) {
    if (r.status === 'assessed') grades[r.grade]++;
    else if (r.status === 'withheld') withheld++;
    else notAssessed++;
  }
  return { las: results.length, grades, withheld, notAssessed };
}

export interface DistributionRow {
  readonly outcome: string;
  readonly run: number;
  readonly runShare: number;
  readonly published: number | null;
  readonly publishedShare: number | null;
}

/** The run's distribution beside the published one, as shares of LAs, grade by grade. */
export function compareWithPublished(run: Distribution, published: PublishedOutcomes | null, framework: Framework): DistributionRow[] {
  const label = (g: AssessmentGrade) => `${g} ${framework.scale.find((s) => s.grade === g)?.label ?? ''}`.trim();
  const row = (outcome: string, n: number, p: number | null): DistributionRow => ({
    outcome,
    run: n,
    runShare: run.las === 0 ? 0 : n / run.las,
    published: p,
    publishedShare: p === null || !published ? null : p / published.las,
  });
  return [
    ...ASSESSMENT_GRADES.map((g) => row(label(g), run.grades[g], published?.grades[g] ?? null)),
    row('withheld', run.withheld, published?.withheld ?? null),
    row('not assessed', run.notAssessed, published ? 0 : null),
  ];
}
