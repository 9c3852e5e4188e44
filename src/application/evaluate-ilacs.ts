import type { LaInspection } from '../domain/la-inspection.ts';
import type { LocalAuthority } from '../domain/local-authority.ts';
import { assessmentBefore } from '../evaluation/before-inspection.ts';
import { crossCheckOutcome } from '../evaluation/ilacs-crosscheck.ts';
import type { CrossCheckOutcome } from '../evaluation/ilacs-crosscheck.ts';
import { evaluateIlacs } from '../evaluation/ilacs.ts';
import type { IlacsEvaluation } from '../evaluation/ilacs.ts';
import { INDICATOR_YEARS } from '../frameworks/indicators/definition.ts';
import { readOfstedLaOutcomesFrom } from '../ingest/sources/ofsted-la-outcomes.ts';
import type { AssessInput } from '../judgement/assess.ts';
import type { Progress } from './calibrate.ts';

/**
 * The test against inspectors as one use case (issues 13 and 14), for the command line (`kingsway evaluate ilacs`) and
 * the web (/evaluation/ilacs, and each LA page's "how far to trust this grade") alike: every indicator year's evidence,
 * however the caller holds it (loaded from the store, or the site's cached years), then each ILACS inspection set
 * beside Kingsway's assessment as before it began (src/evaluation/before-inspection.ts) and the baselines.
 */
export async function evaluateAgainstInspectors(inputOf: (year: number) => Promise<AssessInput>, inspections: readonly LaInspection[], progress?: Progress): Promise<IlacsEvaluation> {
  const byYear = new Map<number, AssessInput>();
  for (const [n, year] of INDICATOR_YEARS.entries()) {
    progress?.progress('indicator years', n, INDICATOR_YEARS.length);
    byYear.set(year, await inputOf(year));
  }
  progress?.progress('indicator years', INDICATOR_YEARS.length, INDICATOR_YEARS.length);
  progress?.endProgress();
  return evaluateIlacs(
    inspections,
    (inspection, year) => {
      const input = byYear.get(year);
      return input ? assessmentBefore(input, inspection) : undefined;
    },
    INDICATOR_YEARS,
  );
}

/** The scraped ILACS history against Ofsted's own outcomes table in a data folder (`null`: none, and it says so). */
export function crossCheckScrapedHistory(dataDir: string | null, inspections: readonly LaInspection[], las: readonly LocalAuthority[]): CrossCheckOutcome {
  return crossCheckOutcome(dataDir === null ? null : readOfstedLaOutcomesFrom(dataDir), inspections, las);
}
