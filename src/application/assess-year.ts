import { boundaryNotes } from '../domain/boundary-changes.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Framework } from '../frameworks/types.ts';
import { assessAll, compareWithPublished, distribution } from '../judgement/assess.ts';
import type { AssessInput, Assessment, DistributionRow } from '../judgement/assess.ts';
import { syntheticIds } from '../judgement/provenance.ts';
import type { ProvenanceDataset } from '../judgement/provenance.ts';
import { assessmentRow } from '../judgement/report.ts';
import type { EvidenceRepository } from '../store/repository.ts';
import { loadAssessInput } from './load-evidence.ts';
import type { LoadedAssessInput } from './load-evidence.ts';

/** A year's assessment as a report: what `kingsway assess` prints (as a table, CSV or JSON) and returns. */
export interface AssessReport {
  readonly framework: Framework['id'];
  readonly year: number;
  /** One row per LA (report.ts, assessmentRow), each saying whether synthetic data lies behind it and which datasets. */
  readonly results: readonly Record<string, string | number | boolean | null>[];
  readonly distribution: readonly DistributionRow[];
  /** The synthetic datasets behind any LA's figures: the run's distribution is then Kingsway's from synthetic data. */
  readonly syntheticDatasets: readonly string[];
  /** `null` when only some LAs were assessed: a part is not set beside the published whole. */
  readonly publishedSource: string | null;
  /** How the LA changes of the years the assessment looks back over are treated (src/domain/boundary-changes.ts). */
  readonly boundaryChanges: readonly string[];
}

/** A year assessed: the evidence it read, one result per LA (assessed, withheld, or not assessed and why), the report. */
export interface YearAssessment {
  readonly framework: Framework;
  readonly input: LoadedAssessInput;
  readonly results: readonly Assessment[];
  readonly report: AssessReport;
}

/**
 * No LA of the year is stored. "0 LAs" with exit 0 once hid a store whose LA list had been replaced: an assessment of
 * nobody is not a result. A NotFoundError, so a caller that does not know it still reports missing data.
 */
export class NothingToAssessError extends NotFoundError {
  readonly year: number;
  constructor(year: number) {
    super(`no local authorities of ${year} are stored, so there is nothing to assess: import the LA lists first`);
    this.year = year;
  }
}

export interface AssessmentRecord {
  readonly [column: string]: string | number | boolean | null | readonly ProvenanceDataset[];
  readonly datasets: readonly ProvenanceDataset[];
}

/**
 * One LA's flat row as data, for JSON: the datasets behind it as a list of { id, kind, role }, where the CSV's row
 * flattens them into "id (kind); …" for spreadsheets. `kingsway assess --json` and the API's assessment list both
 * give this.
 */
export function assessmentRecord(a: Assessment): AssessmentRecord {
  return { ...assessmentRow(a), datasets: a.provenance.datasets };
}

/**
 * The report of a year's results: the rows, the distribution beside the published one (unless only some LAs were
 * assessed), the synthetic datasets behind any of them, and the boundary notes. Pure, so a caller that holds the
 * results already (the site's cached year) makes the same report.
 */
export function yearReport(framework: Framework, results: readonly Assessment[], options: { partial?: boolean } = {}): AssessReport {
  const partial = options.partial === true;
  return {
    framework: framework.id,
    year: framework.year,
    results: results.map(assessmentRow),
    distribution: compareWithPublished(distribution(results), partial ? null : framework.published, framework),
    // The one answer to "is any of this synthetic?" (provenance.ts), gathered over the LAs assessed.
    syntheticDatasets: [...new Set(results.flatMap((r) => syntheticIds(r.provenance)))].sort(),
    publishedSource: partial ? null : (framework.published?.source ?? null),
    boundaryChanges: boundaryNotes(framework.year),
  };
}

/**
 * The "assess a year" use case (issue 14): the year's evidence loaded (load-evidence.ts), every LA of the year (or
 * those asked for) assessed, one result each, a fault in one LA's evidence reported against it and stopping nothing
 * else (assess.ts, assessOne), and the report. The framework is the caller's: a command line applies an analyst's
 * settings to the year's, the site uses the year's as registered.
 *
 * A year with no LA stored throws NothingToAssessError, unless `allowEmpty` (the site shows every framework year, and
 * one not imported yet is an empty page, not a failure).
 */
export async function assessYear(
  repo: EvidenceRepository,
  framework: Framework,
  options: { readonly las?: readonly LaCode[]; readonly vintage?: string; readonly previousDerived?: AssessInput['previousDerived']; readonly allowEmpty?: boolean } = {},
): Promise<YearAssessment> {
  const input = await loadAssessInput(repo, framework, options.vintage, options.previousDerived ? { previousDerived: options.previousDerived } : {});
  if (input.run.laCodes.length === 0 && options.allowEmpty !== true) throw new NothingToAssessError(framework.year);
  const results = assessAll(input, options.las);
  return { framework, input, results, report: yearReport(framework, results, { partial: options.las !== undefined }) };
}
