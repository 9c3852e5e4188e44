import { UsageError } from '../../domain/errors.ts';
import { checkUserText } from '../../domain/user-text.ts';
import { isAssessmentGrade } from '../../domain/grade.ts';
import type { InspectorJudgement } from '../../domain/inspector-judgement.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { assessOne } from '../../judgement/assess.ts';
import type { Store } from '../../store/repository.ts';
import type { Io } from '../io.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import { findLa } from './show-la.ts';

/**
 * Records an inspector's decision: a final grade or a withheld outcome, with rationale and author. It is appended
 * beside the derived grade, never over it; the derived grade at the time is stored with it.
 */
export async function runJudge(
  store: Store,
  options: { la?: string; name?: string; year: number; grade?: number; withhold?: boolean; rationale: string; by: string; at: string; vintage?: string; settings?: FrameworkSettings },
  io: Io,
): Promise<InspectorJudgement> {
  const framework = frameworkWith(options.year, options.settings);
  if (options.withhold === true && options.grade !== undefined) throw new UsageError('give either --grade or --withhold, not both');
  if (options.withhold !== true && options.grade === undefined) throw new UsageError('give --grade 1-4, or --withhold with the reason as --rationale');
  if (options.grade !== undefined && !isAssessmentGrade(options.grade)) throw new UsageError(`--grade ${options.grade} is not on the four-point scale (1-4)`);
  if (options.rationale.trim() === '') throw new UsageError('--rationale must say why');
  if (options.by.trim() === '') throw new UsageError('--by must name who judged');
  // Names and rationales are printed in tables and CSV: no control characters, no text of unbounded length.
  const rationale = checkUserText(options.rationale, 'rationale', '--rationale');
  const author = checkUserText(options.by, 'name', '--by');
  const la = findLa(await store.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const assessment = assessOne(await loadAssessInput(store, framework, options.vintage), la);
  const derivedAtTheTime = assessment.status === 'assessed' ? assessment.derived : assessment.status === 'withheld' ? assessment.derived : null;
  const judgement: InspectorJudgement = {
    la: la.code,
    year: framework.year,
    decision: options.withhold === true ? { kind: 'withheld' } : { kind: 'grade', grade: options.grade as 1 | 2 | 3 | 4 },
    rationale,
    author,
    recordedAt: options.at,
    derivedAtTheTime,
  };
  await store.recordJudgement(judgement);
  const what = judgement.decision.kind === 'grade' ? `final grade ${judgement.decision.grade}` : 'outcome withheld';
  const derived = derivedAtTheTime === null ? 'no derived grade' : `derived grade ${derivedAtTheTime}`;
  io.out(`Recorded for ${la.name} (${la.code}) ${framework.year}: ${what} by ${judgement.author} (${derived}, kept).`);
  return judgement;
}
