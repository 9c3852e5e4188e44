import Papa from 'papaparse';
import type { LaCode } from '../../domain/local-authority.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import type { Framework } from '../../frameworks/types.ts';
import type { DistributionRow } from '../../judgement/assess.ts';
import { assessAll, compareWithPublished, distribution } from '../../judgement/assess.ts';
import { loadAssessInput } from '../../store/evidence-loader.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { assessmentRow } from '../../judgement/report.ts';
import { boundaryNotes } from '../../domain/boundary-changes.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

const pct = (share: number | null) => (share === null ? '-' : `${(share * 100).toFixed(1)}%`);

export interface AssessReport {
  readonly framework: Framework['id'];
  readonly year: number;
  readonly results: readonly Record<string, string | number | null>[];
  readonly distribution: readonly DistributionRow[];
  readonly publishedSource: string | null;
  /** How the LA changes of the years the assessment looks back over are treated (src/domain/boundary-changes.ts). */
  readonly boundaryChanges: readonly string[];
}

export async function runAssess(repo: EvidenceRepository, options: { year: number; las?: readonly string[]; vintage?: string; format: 'table' | 'summary' | 'json' | 'csv'; settings?: FrameworkSettings }, io: Io): Promise<AssessReport> {
  const framework = frameworkWith(options.year, options.settings);
  const all = await repo.localAuthorities();
  const only = options.las?.map((code) => findLa(all, { code }).code as LaCode);
  const input = await loadAssessInput(repo, framework, options.vintage);
  const results = assessAll(input, only);
  const rows = results.map(assessmentRow);
  const compared = compareWithPublished(distribution(results), only ? null : framework.published, framework);
  const report: AssessReport = { framework: framework.id, year: framework.year, results: rows, distribution: compared, publishedSource: only ? null : (framework.published?.source ?? null), boundaryChanges: boundaryNotes(framework.year) };
  if (options.format === 'json') {
    io.out(JSON.stringify(report, null, 2));
    return report;
  }
  if (options.format === 'csv') {
    io.out(Papa.unparse(rows, { newline: '\n' }));
    return report;
  }
  // Kingsway's indicator assessment of today's data reads only LAIT measures and ILACS inspections, which the
  // synthetic generator never writes; a historical year may read any synthetic dataset stored.
  const synthetic = framework.official ? (await repo.datasets()).filter((d) => d.kind === 'synthetic') : [];
  io.out(`${framework.title}: ${results.length} LA${results.length === 1 ? '' : 's'} at ${framework.profileDate}`);
  if (synthetic.length > 0) io.out(`Includes data that is not real: ${synthetic.map((d) => d.id).join(', ')}`);
  if (options.format === 'table') {
    io.out('');
    io.out(
      formatTable([
        ['LA', 'name', 'grade', 'derived', 'final', 'change', 'limiting rules', 'direction', 'note'],
        ...rows.map((r) => [
          String(r['la_code']),
          String(r['la_name']),
          r['grade'] === null ? '-' : String(r['grade']),
          r['derived'] === null ? '-' : String(r['derived']),
          r['final'] === null ? '-' : String(r['final']),
          r['change'] === null || r['change'] === 0 ? '' : `${Number(r['change']) > 0 ? '+' : ''}${r['change']}`,
          String(r['limiting_rules'] || ''),
          String(r['direction'] ?? ''),
          r['status'] === 'final' ? '' : r['reason'] ? `${r['status']}: ${r['reason']}` : String(r['status']),
        ]),
      ]),
    );
  }
  io.out('');
  io.out(`Distribution${report.publishedSource ? ` beside the published one (${report.publishedSource})` : ''}`);
  io.out(
    formatTable([
      ['outcome', 'this run', 'share', 'published', 'share'],
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
