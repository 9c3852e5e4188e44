import { NotFoundError } from '../../domain/errors.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import type { Framework } from '../../frameworks/types.ts';
import type { DistributionRow } from '../../judgement/assess.ts';
import { assessAll, compareWithPublished, distribution } from '../../judgement/assess.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { assessmentRow } from '../../judgement/report.ts';
import { syntheticIds } from '../../judgement/provenance.ts';
import { toCsv } from '../../render/csv.ts';
import { boundaryNotes } from '../../domain/boundary-changes.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

const pct = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

export interface AssessReport {
  readonly framework: Framework['id'];
  readonly year: number;
  /** One row per LA (report.ts, assessmentRow), each saying whether synthetic data lies behind it and which datasets. */
  readonly results: readonly Record<string, string | number | boolean | null>[];
  readonly distribution: readonly DistributionRow[];
  /** The synthetic datasets behind any LA's figures: the run's distribution is then Kingsway's from synthetic data. */
  readonly syntheticDatasets: readonly string[];
  readonly publishedSource: string | null;
  /** How the LA changes of the years the assessment looks back over are treated (src/domain/boundary-changes.ts). */
  readonly boundaryChanges: readonly string[];
}

export async function runAssess(repo: EvidenceRepository, options: { year: number; las?: readonly string[]; vintage?: string; format: 'table' | 'summary' | 'json' | 'csv'; settings?: FrameworkSettings }, io: Io): Promise<AssessReport> {
  const framework = frameworkWith(options.year, options.settings);
  const all = await repo.localAuthorities();
  const only = options.las?.map((code) => findLa(all, { code }).code as LaCode);
  const input = await loadAssessInput(repo, framework, options.vintage);
  // "0 LAs" with exit 0 once hid a store whose LA list had been replaced: an assessment of nobody is not a result.
  if (input.run.laCodes.length === 0) throw new NotFoundError(`no local authorities of ${framework.year} are stored, so there is nothing to assess: import the LA lists first (kingsway import)`);
  const results = assessAll(input, only);
  const rows = results.map(assessmentRow);
  const compared = compareWithPublished(distribution(results), only ? null : framework.published, framework);
  // The one answer to "is any of this synthetic?" (provenance.ts), gathered over the LAs shown.
  const synthetic = [...new Set(results.flatMap((r) => syntheticIds(r.provenance)))].sort();
  const report: AssessReport = { framework: framework.id, year: framework.year, results: rows, distribution: compared, syntheticDatasets: synthetic, publishedSource: only ? null : (framework.published?.source ?? null), boundaryChanges: boundaryNotes(framework.year) };
  if (options.format === 'json') {
    // The datasets as a list of { id, kind, role } in JSON; the CSV's flat "id (kind); …" is for spreadsheets.
    io.out(JSON.stringify({ ...report, results: rows.map((row, n) => ({ ...row, datasets: results[n]!.provenance.datasets })) }, null, 2));
    return report;
  }
  if (options.format === 'csv') {
    io.out(toCsv(rows));
    return report;
  }
  io.out(`${framework.title}: ${results.length} LA${results.length === 1 ? '' : 's'} at ${framework.profileDate}`);
  if (synthetic.length > 0) io.out(`Includes data that is not real: ${synthetic.join(', ')}`);
  if (options.format === 'table') {
    io.out('');
    io.out(
      formatTable([
        ['LA', 'name', 'grade', 'derived', 'final', 'change', 'limiting rules', 'direction', 'note', 'data'],
        ...rows.map((r) => [
          String(r['la_code']),
          String(r['la_name']),
          r['grade'] === null ? '-' : String(r['grade']),
          r['derived'] === null ? '-' : String(r['derived']),
          r['final'] === null ? '-' : String(r['final']),
          r['change'] === null || r['change'] === 0 ? '' : `${Number(r['change']) > 0 ? '+' : ''}${r['change']}`,
          String(r['limiting_rules'] || ''),
          String(r['direction'] ?? ''),
          r['status'] === 'final' ? '' : r['reason'] ? `${r['status']}${r['status'] === 'withheld' && r['judged_by'] ? ` by ${r['judged_by']} at ${r['judged_at']}` : ''}: ${r['reason']}` : String(r['status']),
          r['synthetic'] ? (r['synthetic_basis'] === 'comparators' ? 'SYNTHETIC comparators' : 'SYNTHETIC') : '',
        ]),
      ]),
    );
  }
  io.out('');
  io.out(`Distribution${report.publishedSource ? ` beside the published one (${report.publishedSource})` : ''}`);
  io.out(
    formatTable([
      ['outcome', synthetic.length > 0 ? 'Kingsway, from synthetic data' : 'Kingsway', 'share', report.publishedSource ? `Ofsted, published ${framework.year}` : 'published', 'share'],
      ...compared.map((d) => [d.outcome, String(d.run), pct(d.runShare), d.published === null ? '-' : String(d.published), pct(d.publishedShare)]),
    ]),
  );
  if (report.boundaryChanges.length > 0) {
    io.out('');
    io.out('Changes to LAs in the years this assessment looks back over, and how each is treated:');
    for (const note of report.boundaryChanges) io.out(`  ${note}`);
  }
  const failed = results.filter((r) => r.status === 'not-assessed').length;
  if (failed > 0) io.err(`${failed} LA${failed === 1 ? '' : 's'} could not be assessed; ${options.format === 'table' ? 'the reasons are in the table' : `\`kingsway assess --year ${framework.year}\` gives each reason`}`);
  return report;
}
