import type { Assessment } from './assess.ts';

/**
 * An assessment for people to read: one flat row per LA (the command line's table and CSV, the web page's table and
 * download), and the trace in words (kingsway explain, the LA page).
 */
/** One flat row per LA, for the tables and the CSV downloads. */
export function assessmentRow(a: Assessment): Record<string, string | number | null> {
  const base = { la_code: a.la.code, la_name: a.la.name, region: a.la.region };
  switch (a.status) {
    case 'assessed':
      return {
        ...base,
        status: a.final ? 'final' : 'derived, awaiting inspector judgement',
        grade: a.grade,
        derived: a.derived,
        provisional: a.derivation.provisional,
        final: a.judgement?.decision.kind === 'grade' ? a.judgement.decision.grade : null,
        change: a.change,
        limiting_rules: a.derivation.fired.map((f) => `${f.rule.id} (${f.before}→${f.after})`).join('; '),
        direction: a.direction ? `${a.direction.direction} since ${a.direction.previousYear}` : null,
        reason: null,
      };
    case 'withheld':
      return { ...base, status: 'withheld', grade: null, derived: a.derived, provisional: null, final: null, change: null, limiting_rules: '', direction: null, reason: a.reason };
    case 'not-assessed':
      return { ...base, status: 'not assessed', grade: null, derived: null, provisional: null, final: null, change: null, limiting_rules: '', direction: null, reason: a.reason };
  }
}

/** The trace in words: how the evidence became the derived grade, then the inspector's decision beside it. */
export function explainLines(a: Assessment, frameworkTitle: string, official = true): string[] {
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
  } else if (official) {
    lines.push(`No inspector judgement recorded: the derived grade ${a.derived} awaits one (kingsway judge).`);
  } else {
    lines.push(`Kingsway's own assessment of published data: no inspector judgement applies, and the grade ${a.derived} is the one derived.`);
  }
  lines.push(a.direction ? a.direction.text : 'Direction of travel: no final grade recorded for the year before.');
  return lines;
}

