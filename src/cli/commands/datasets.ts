import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

export async function runDatasets(repo: EvidenceRepository, options: { json: boolean }, io: Io): Promise<void> {
  const datasets = await repo.datasets();
  if (options.json) {
    io.out(JSON.stringify(datasets, null, 2));
    return;
  }
  if (datasets.length === 0) {
    io.out('no datasets stored: run `kingsway import`');
    return;
  }
  io.out(formatTable([
    ['id', 'kind', 'rows', 'title', 'licence'],
    ...datasets.map((d) => [d.id, d.kind === 'synthetic' ? 'SYNTHETIC' : 'real', d.rowCount.toLocaleString('en-GB'), d.title, d.licence]),
  ]));
}
