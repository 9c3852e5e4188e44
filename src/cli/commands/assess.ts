import { NotFoundError } from '../../domain/errors.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { assessmentRecord, assessYear, NothingToAssessError } from '../../application/assess-year.ts';
import type { AssessReport, YearAssessment } from '../../application/assess-year.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { toCsv } from '../../render/csv.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

export type { AssessReport };

const pct = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

/**
 * `kingsway assess`: the year assessed by src/application/assess-year.ts, printed as a table, the distribution alone,
 * CSV or JSON. The LAs asked for are found here, so that a code not stored is named as the command line names it.
 */
export async function runAssess(repo: EvidenceRepository, options: { year: number; las?: readonly string[]; vintage?: string; format: 'table' | 'summary' | 'json' | 'csv'; settings?: FrameworkSettings }, io: Io): Promise<AssessReport> {
  const framework = frameworkWith(options.year, options.settings);
  const all = await repo.localAuthorities();
  const only = options.las?.map((code) => findLa(all, { code }).code as LaCode);
  let assessed: YearAssessment;
  try {
    assessed = await assessYear(repo, framework, { ...(only ? { las: only } : {}), ...(options.vintage ? { vintage: options.vintage } : {}) });
  } catch (error) {
    if (error instanceof NothingToAssessError) throw new NotFoundError(`${error.message} (kingsway import)`);
    throw error;
  }
  const { results, report } = assessed;
  const rows = report.results;
  const synthetic = report.syntheticDatasets;
  if (options.format === 'json') {
    io.out(JSON.stringify({ ...report, results: results.map(assessmentRecord) }, null, 2));
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
      ...report.distribution.map((d) => [d.outcome, String(d.run), pct(d.runShare), d.published === null ? '-' : String(d.published), pct(d.publishedShare)]),
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
