import { NotFoundError, UsageError } from '../../domain/errors.ts';
import { JUDGEMENT_LABEL } from '../../domain/judgement.ts';
import { LA_INSPECTION_LABEL } from '../../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { isLaCode } from '../../domain/local-authority.ts';
import { PROVIDER_TYPE_LABEL } from '../../domain/provider.ts';
import type { ProviderType } from '../../domain/provider.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

const fold = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Finds an LA by code ("356") or by name ("Stockport", case and punctuation ignored), naming close matches if none. */
export function findLa(all: readonly LocalAuthority[], query: { code?: string; name?: string }): LocalAuthority {
  if (query.code !== undefined) {
    if (!isLaCode(query.code)) throw new UsageError(`LA code ${JSON.stringify(query.code)} is not a three-digit DfE code such as 356`);
    const la = all.find((l) => l.code === query.code);
    if (!la) throw new NotFoundError(`no LA with code ${query.code} is stored${all.length === 0 ? ': run `kingsway import` first' : ''}`);
    return la;
  }
  if (query.name !== undefined) {
    const wanted = fold(query.name);
    const exact = all.filter((l) => fold(l.name) === wanted || fold(l.formalName) === wanted);
    if (exact.length === 1) return exact[0]!;
    const partial = all.filter((l) => fold(l.name).includes(wanted));
    if (partial.length === 1) return partial[0]!;
    const candidates = (exact.length > 1 ? exact : partial).map((l) => `${l.code} ${l.name}`);
    throw new NotFoundError(
      candidates.length > 1 ? `${JSON.stringify(query.name)} matches several LAs: ${candidates.join('; ')}` : `no LA named ${JSON.stringify(query.name)} is stored`,
    );
  }
  throw new UsageError('give an LA code (kingsway show la 356) or --name');
}

export async function runShowLa(repo: EvidenceRepository, options: { code?: string; name?: string; vintage?: string; json: boolean }, io: Io): Promise<void> {
  const las = await repo.localAuthorities();
  const la = findLa(las, options);
  const vintages = await repo.neighbourVintages();
  const vintage = options.vintage ?? vintages.at(0);
  if (options.vintage !== undefined && !vintages.includes(options.vintage)) {
    throw new UsageError(`--vintage ${options.vintage}: stored neighbour vintages are ${vintages.join(', ') || 'none'}`);
  }
  const set = vintage === undefined ? undefined : await repo.neighbours(la.code, vintage);
  const all = new Map(las.map((l) => [l.code, l]));
  const summary = await repo.laEvidenceSummary(la.code);
  const laInspections = await repo.laInspections(la.code);
  const datasets = new Map((await repo.datasets()).map((d) => [d.id, d]));
  const synthetic = summary.datasets.filter((id) => datasets.get(id)?.kind === 'synthetic');

  if (options.json) {
    io.out(JSON.stringify({ la, neighbours: set ?? null, summary, laInspections, syntheticDatasets: synthetic }, null, 2));
    return;
  }
  io.out(`${la.name} (${la.code})`);
  io.out(formatTable([
    ['Formal name', la.formalName],
    ['GSS code', la.gss],
    ['Type', la.type],
    ['Region', la.region],
    ['Existed', `${la.openedOn ?? 'before 2006'} to ${la.closedOn ?? 'today'}`],
    ...(la.note ? [['Note', la.note]] : []),
  ]));
  io.out('');
  if (set) {
    io.out(`Statistical neighbours (${vintage}${vintages.length > 1 ? `; also stored: ${vintages.filter((v) => v !== vintage).join(', ')}` : ''})`);
    io.out(formatTable([['rank', 'code', 'name', 'closeness'], ...set.neighbours.map((n) => [String(n.rank), n.code, all.get(n.code as LaCode)?.name ?? '?', n.band ?? '-'])]));
  } else {
    io.out('Statistical neighbours: none stored for this LA');
  }
  io.out('');
  const providerLines = Object.entries(summary.providersByType).map(([type, n]) => [PROVIDER_TYPE_LABEL[type as ProviderType] ?? type, String(n)]);
  io.out(providerLines.length === 0 ? 'Providers: none stored' : 'Providers:');
  if (providerLines.length > 0) io.out(formatTable(providerLines));
  io.out(`Provider inspections (provider-level): ${summary.providerInspections}`);
  io.out(`Outcome counts (aggregate, supplied by a bundle): ${summary.outcomeCounts}`);
  io.out(`Indicator values for the LA: ${summary.indicatorValues} (${summary.indicatorsWithValues} indicators)`);
  if (summary.suppliedComparatorValues > 0) io.out(`Similar-areas figures supplied by a bundle (supplied comparator): ${summary.suppliedComparatorValues}`);
  io.out(`Addressee years: ${summary.addresseeYears.join(', ') || 'none'}`);
  io.out(`LA-level inspections: ${laInspections.length}`);
  for (const i of laInspections.slice(-12)) {
    const judgements = Object.entries(i.judgements).map(([k, v]) => `${k} ${JUDGEMENT_LABEL[v]}`).join(', ');
    const counts = i.priorityActionCount !== null ? `; ${i.priorityActionCount} area(s) for priority action` : '';
    io.out(`  ${i.endDate}  ${LA_INSPECTION_LABEL[i.kind]}: ${i.overall ? JUDGEMENT_LABEL[i.overall] : 'no overall judgement'}${judgements ? ` (${judgements})` : ''}${counts}`);
  }
  if (laInspections.length > 12) io.out(`  (${laInspections.length - 12} earlier not shown; use --json)`);
  io.out('');
  io.out(`Datasets: ${summary.datasets.join(', ') || 'none'}`);
  if (synthetic.length > 0) io.out(`SYNTHETIC data included: ${synthetic.join(', ')} (not real inspection outcomes)`);
}
