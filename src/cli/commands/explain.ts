import type { Assessment } from '../../judgement/assess.ts';
import { assessOne } from '../../judgement/assess.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import type { Io } from '../io.ts';
import { loadAssessInput } from '../../store/evidence-loader.ts';
import { findLa } from './show-la.ts';

/** The trace in words: how the evidence became the derived grade, then the inspector's decision beside it. */
export function explainLines(a: Assessment, frameworkTitle: string): string[] {
  const lines = [`${a.la.name} (${a.la.code}): ${frameworkTitle}`];
  lines.push('');
  if (a.status === 'not-assessed') {
    lines.push(`Not assessed: ${a.reason}`);
    return lines;
  }
  if (a.status === 'withheld') {
    lines.push(`Outcome withheld by ${a.judgement.author} at ${a.judgement.recordedAt}: ${a.reason}`);
    if (a.derived !== null) lines.push(`The derived grade would have been ${a.derived}.`);
    return lines;
  }
  a.derivation.trace.forEach((step, n) => {
    lines.push(`${n + 1}. ${step.text}`);
    for (const e of step.evidence) lines.push(`     ${e}`);
  });
  lines.push('');
  if (a.judgement?.decision.kind === 'grade') {
    const j = a.judgement;
    const agree = a.change === 0 ? 'agreeing with the derived grade' : `changing the derived grade ${a.derived} by ${a.change > 0 ? '+' : ''}${a.change}`;
    lines.push(`Final grade ${a.grade}, judged by ${j.author} at ${j.recordedAt}, ${agree}: ${j.rationale}`);
    if (j.derivedAtTheTime !== null && j.derivedAtTheTime !== a.derived) lines.push(`Note: when this judgement was made the derived grade was ${j.derivedAtTheTime}; the evidence has changed since.`);
  } else {
    lines.push(`No inspector judgement recorded: the derived grade ${a.derived} awaits one (kingsway judge).`);
  }
  lines.push(a.direction ? a.direction.text : 'Direction of travel: no final grade recorded for the year before.');
  return lines;
}

export async function runExplain(repo: EvidenceRepository, options: { la?: string; name?: string; year: number; vintage?: string; json: boolean; settings?: FrameworkSettings }, io: Io): Promise<Assessment> {
  const framework = frameworkWith(options.year, options.settings);
  const la = findLa(await repo.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const input = await loadAssessInput(repo, framework, options.vintage);
  const assessment = assessOne(input, la);
  if (options.json) {
    const { profile: _omitted, ...rest } = assessment as Assessment & { profile?: unknown };
    io.out(JSON.stringify(rest, null, 2));
  } else {
    for (const line of explainLines(assessment, framework.title)) io.out(line);
  }
  return assessment;
}
