import { assessmentYearDate, existsOn } from '../domain/local-authority.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { Framework } from '../frameworks/types.ts';
import type { AssessInput } from '../judgement/assess.ts';
import type { EvidenceSourceQuery } from '../domain/evidence-source.ts';
import { provenanceByLa } from '../judgement/provenance.ts';
import type { Provenance } from '../judgement/provenance.ts';
import { indexIndicators } from '../profile/block-c.ts';
import { indexEvidence } from '../profile/evidence.ts';
import { profileRun } from '../profile/profile.ts';
import type { ProfileRun } from '../profile/profile.ts';
import type { EvidenceRepository } from './repository.ts';

/**
 * Reads what a profiling run needs from the repository and indexes it: the LAs of the framework's year, their
 * neighbours in the chosen vintage (default: the earliest stored, standing in for the 2007 sets, which were not found),
 * providers, inspections, outcome counts, LA-level inspections and indicators. The core never sees the store.
 */
export async function loadProfileRun(repo: EvidenceRepository, framework: Framework, options: { vintage?: string } = {}): Promise<ProfileRun> {
  const las = (await repo.localAuthorities()).filter((la) => existsOn(la, assessmentYearDate(framework.year)));
  const stored = await repo.neighbourVintages();
  // The framework's own vintage where it names one and it is stored; otherwise the earliest stored.
  const vintage = options.vintage ?? (framework.neighbourVintage && stored.includes(framework.neighbourVintage) ? framework.neighbourVintage : (stored[0] ?? null));
  const neighbours = new Map<LaCode, readonly LaCode[]>();
  if (vintage !== null) {
    for (const la of las) {
      const set = await repo.neighbours(la.code, vintage);
      if (set) neighbours.set(la.code, set.neighbours.map((n) => n.code));
    }
  }
  const [providers, inspections, outcomeCounts, laInspections, allIndicators] = await Promise.all([
    repo.providers(),
    repo.providerInspections(),
    repo.outcomeCounts(),
    repo.laInspections(),
    repo.indicators(),
  ]);
  // Only the indicators the framework's Block C reads: a historical year need not load LAIT's 641,070 values. A
  // framework that chooses its own indicators says which outcome each counts under.
  const chosen = framework.blockCIndicators;
  const indicators = allIndicators.flatMap((i) => {
    const outcome = chosen ? (chosen[i.id] ?? null) : i.ecmOutcome;
    return outcome !== null && framework.blockCOutcomes.includes(outcome) ? [{ ...i, ecmOutcome: outcome }] : [];
  });
  const values = (await Promise.all(indicators.map((i) => repo.indicatorValues({ indicator: i.id })))).flat();
  const evidence = indexEvidence({ las, neighbours, providers, inspections, outcomeCounts });
  return profileRun(framework, evidence, indexIndicators(indicators, values), laInspections, vintage);
}

/**
 * What a run reads, and so what its provenance counts: Block A's provider types (none in the indicator frameworks),
 * Block B's inspection kinds, the indicators loaded for Block C (only those the framework reads) and the year's
 * addressees.
 */
export function runReads(run: ProfileRun): EvidenceSourceQuery {
  const f = run.framework;
  return { providerTypes: [...new Set(f.blockA.flatMap((g) => g.providerTypes))], laInspectionKinds: f.blockB, indicators: [...run.indicators.definitions.keys()], addresseeYear: f.year };
}

/** For each LA of the run, which datasets lie behind its figures (src/judgement/provenance.ts). */
export async function loadProvenance(repo: EvidenceRepository, run: ProfileRun): Promise<ReadonlyMap<LaCode, Provenance>> {
  const reads = runReads(run);
  const [sources, datasets] = await Promise.all([repo.evidenceDatasets(reads), repo.datasets()]);
  return provenanceByLa({ reads, las: run.laCodes, neighbours: run.evidence.evidence.neighbours, sources, datasets });
}

/** What a loaded assessment input always has: the provenance of every LA of the run. */
export type LoadedAssessInput = AssessInput & { readonly provenance: ReadonlyMap<LaCode, Provenance> };

/**
 * Everything an assessment of one year reads: the indexed evidence, this year's and last year's judgements, and which
 * datasets lie behind each LA's figures.
 */
export async function loadAssessInput(repo: EvidenceRepository, framework: Framework, vintage?: string): Promise<LoadedAssessInput> {
  const run = await loadProfileRun(repo, framework, vintage === undefined ? {} : { vintage });
  const previousYear = framework.year - 1;
  return {
    run,
    provenance: await loadProvenance(repo, run),
    judgements: currentJudgements(await repo.inspectorJudgements(framework.year)),
    previous: currentJudgements(await repo.inspectorJudgements(previousYear)),
  };
}
