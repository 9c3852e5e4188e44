import { assessmentYearDate, existsOn } from '../domain/local-authority.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { previousIndicatorFramework } from '../frameworks/indicators/definition.ts';
import type { IndicatorDefinition } from '../domain/indicator.ts';
import type { Framework } from '../frameworks/types.ts';
import { derive } from '../judgement/derive.ts';
import type { AssessInput } from '../judgement/assess.ts';
import type { EvidenceSourceQuery } from '../domain/evidence-source.ts';
import { provenanceByLa } from '../judgement/provenance.ts';
import type { Provenance } from '../judgement/provenance.ts';
import { indexIndicators } from '../profile/block-c.ts';
import { blockADates } from '../profile/block-a.ts';
import { indexEvidence } from '../profile/evidence.ts';
import { buildProfile, profileRun } from '../profile/profile.ts';
import type { ProfileRun } from '../profile/profile.ts';
import type { EvidenceRepository } from '../store/repository.ts';

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
  // Block A's shares of children (today's early years) are indicators too: loaded with no outcome, so Block C, which
  // reads only indicators under an outcome, does not read them as well.
  const shares = new Set((framework.blockAShares ?? []).map((g) => g.indicator));
  const indicators = allIndicators.flatMap((i): IndicatorDefinition[] => {
    const outcome = chosen ? (chosen[i.id] ?? null) : i.ecmOutcome;
    if (outcome !== null && framework.blockCOutcomes.includes(outcome)) return [{ ...i, ecmOutcome: outcome }];
    return shares.has(i.id) ? [{ ...i, ecmOutcome: null }] : [];
  });
  const values = (await Promise.all(indicators.map((i) => repo.indicatorValues({ indicator: i.id })))).flat();
  const evidence = indexEvidence({ las, neighbours, providers, inspections, outcomeCounts });
  return profileRun(framework, evidence, indexIndicators(indicators, values), laInspections, vintage);
}

/**
 * What a run reads, and so what its provenance counts: Block A's provider types (and which of them it can count),
 * Block B's inspection kinds, the indicators loaded for Block C (only those the framework reads) and the year's
 * addressees.
 */
export function runReads(run: ProfileRun): EvidenceSourceQuery {
  const f = run.framework;
  // Block A counts no setting opened after its latest date, and today's groups none off the register (block-a.ts).
  const providersOpen = { to: blockADates(f).current, registeredOnly: f.blockA.some((g) => g.registered === true) };
  return { providerTypes: [...new Set(f.blockA.flatMap((g) => g.providerTypes))], providersOpen, laInspectionKinds: f.blockB, indicators: [...run.indicators.definitions.keys()], addresseeYear: f.year };
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
export async function loadAssessInput(repo: EvidenceRepository, framework: Framework, vintage?: string, options: { previousDerived?: AssessInput['previousDerived'] } = {}): Promise<LoadedAssessInput> {
  const run = await loadProfileRun(repo, framework, vintage === undefined ? {} : { vintage });
  const previousYear = framework.year - 1;
  // Today's years travel from Kingsway's own grade of the year before (assess.ts, directionAgainstIndicators); a
  // caller that has it already (the web app's previous year) passes it in.
  const before = previousIndicatorFramework(framework);
  const previousDerived = options.previousDerived ?? (before ? await derivedGrades(repo, run, before, vintage) : undefined);
  return {
    run,
    provenance: await loadProvenance(repo, run),
    judgements: currentJudgements(await repo.inspectorJudgements(framework.year)),
    previous: currentJudgements(await repo.inspectorJudgements(previousYear)),
    ...(previousDerived ? { previousDerived } : {}),
  };
}

/**
 * Each LA's derived grade under `before` (an earlier year, by the same method), from the evidence `run` has loaded:
 * only the LAs of its year and their neighbours in its vintage are read again. Where the two years read other
 * indicators, its own run is loaded. An LA that cannot be assessed that year has no grade.
 */
async function derivedGrades(repo: EvidenceRepository, run: ProfileRun, before: Framework, vintage: string | undefined): Promise<NonNullable<AssessInput['previousDerived']>> {
  const same = JSON.stringify([run.framework.blockCIndicators, run.framework.blockCOutcomes]) === JSON.stringify([before.blockCIndicators, before.blockCOutcomes]) && JSON.stringify([run.framework.blockA, run.framework.blockAShares]) === JSON.stringify([before.blockA, before.blockAShares]);
  let previousRun: ProfileRun;
  if (same) {
    const las = (await repo.localAuthorities()).filter((la) => existsOn(la, assessmentYearDate(before.year)));
    const stored = await repo.neighbourVintages();
    const v = vintage ?? (before.neighbourVintage && stored.includes(before.neighbourVintage) ? before.neighbourVintage : (stored[0] ?? null));
    const neighbours = new Map<LaCode, readonly LaCode[]>();
    if (v !== null) {
      for (const la of las) {
        const set = await repo.neighbours(la.code, v);
        if (set) neighbours.set(la.code, set.neighbours.map((n) => n.code));
      }
    }
    const { providers, inspections, outcomeCounts } = run.evidence.evidence;
    previousRun = profileRun(before, indexEvidence({ las, neighbours, providers, inspections, outcomeCounts }), run.indicators, run.laInspections, v);
  } else {
    previousRun = await loadProfileRun(repo, before, vintage === undefined ? {} : { vintage });
  }
  const grades = new Map<LaCode, AssessmentGrade>();
  for (const code of previousRun.laCodes) {
    try {
      const d = derive(buildProfile(previousRun, code), before);
      if (d.ok) grades.set(code, d.derived);
    } catch {
      // As assessOne does: a fault in one LA's evidence gives it no grade that year, and stops nothing else.
    }
  }
  return { year: before.year, grades };
}
