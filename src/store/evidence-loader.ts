import { assessmentYearDate, existsOn } from '../domain/local-authority.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { Framework } from '../frameworks/types.ts';
import type { AssessInput } from '../judgement/assess.ts';
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

/** Everything an assessment of one year reads: the indexed evidence and this year's and last year's judgements. */
export async function loadAssessInput(repo: EvidenceRepository, framework: Framework, vintage?: string): Promise<AssessInput> {
  const run = await loadProfileRun(repo, framework, vintage === undefined ? {} : { vintage });
  const previousYear = framework.year - 1;
  return {
    run,
    judgements: currentJudgements(await repo.inspectorJudgements(framework.year)),
    previous: currentJudgements(await repo.inspectorJudgements(previousYear)),
  };
}
