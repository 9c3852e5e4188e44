import type { Assessment } from '../../judgement/assess.ts';
import { assessOne } from '../../judgement/assess.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import type { Io } from '../io.ts';
import { explainLines } from '../../judgement/report.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import { findLa } from './show-la.ts';

export async function runExplain(repo: EvidenceRepository, options: { la?: string; name?: string; year: number; vintage?: string; json: boolean; settings?: FrameworkSettings }, io: Io): Promise<Assessment> {
  const framework = frameworkWith(options.year, options.settings);
  const la = findLa(await repo.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const input = await loadAssessInput(repo, framework, options.vintage);
  const assessment = assessOne(input, la);
  if (options.json) {
    const { profile: _omitted, ...rest } = assessment as Assessment & { profile?: unknown };
    io.out(JSON.stringify(rest, null, 2));
  } else {
    for (const line of explainLines(assessment, framework.title, framework.official)) io.out(line);
  }
  return assessment;
}
