import { InvalidFieldError, UsageError } from '../../domain/errors.ts';
import type { InspectorJudgement } from '../../domain/inspector-judgement.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { checkJudgement, recordJudgement } from '../../application/record-judgement.ts';
import type { JudgementField } from '../../application/record-judgement.ts';
import type { Store } from '../../store/repository.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

/** The flag that gives each field of a judgement, for the use case's errors (which name the field) in the flags' words. */
const FLAG: Readonly<Record<JudgementField, string>> = { la: '--la', grade: '--grade', withhold: '--withhold', rationale: '--rationale', author: '--by' };

async function withFlags<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidFieldError) throw new UsageError(`${FLAG[error.field as JudgementField]} ${error.problem}`);
    throw error;
  }
}

/**
 * `kingsway judge`: records an inspector's decision, a final grade or a withheld outcome, with rationale and author,
 * through src/application/record-judgement.ts (appended beside the derived grade, never over it), and says so.
 */
export async function runJudge(
  store: Store,
  options: { la?: string; name?: string; year: number; grade?: number; withhold?: boolean; rationale: string; by: string; at: string; vintage?: string; settings?: FrameworkSettings },
  io: Io,
): Promise<InspectorJudgement> {
  const framework = frameworkWith(options.year, options.settings);
  // --grade and --withhold are two flags for one choice: their combination is refused in their own words.
  if (options.withhold === true && options.grade !== undefined) throw new UsageError('give either --grade or --withhold, not both');
  if (options.withhold !== true && options.grade === undefined) throw new UsageError('give --grade 1-4, or --withhold with the reason as --rationale');
  const request = { ...(options.grade === undefined ? {} : { grade: options.grade }), ...(options.withhold === true ? { withhold: true } : {}), rationale: options.rationale, author: options.by };
  // Checked before the LA is looked up, so a bad flag is named whatever the LA; the use case checks again.
  await withFlags(() => checkJudgement(request));
  // By code or by name, with close matches named (show-la.ts); the use case takes the code.
  const la = findLa(await store.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const judgement = await withFlags(() => recordJudgement(store, framework, { ...request, la: la.code }, { at: options.at, ...(options.vintage === undefined ? {} : { vintage: options.vintage }) }));
  const what = judgement.decision.kind === 'grade' ? `final grade ${judgement.decision.grade}` : 'outcome withheld';
  const derived = judgement.derivedAtTheTime === null ? 'no derived grade' : `derived grade ${judgement.derivedAtTheTime}`;
  io.out(`Recorded for ${la.name} (${la.code}) ${framework.year}: ${what} by ${judgement.author} (${derived}, kept).`);
  return judgement;
}
