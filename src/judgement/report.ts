import type { Assessment } from './assess.ts';
import { provenanceColumns, syntheticNote } from './provenance.ts';

/**
 * An assessment for people to read: one flat row per LA (the command line's table and CSV, the web page's table and
 * download), and the trace in words (kingsway explain, the LA page).
 */
/** Who decided an LA's outcome and when (an inspector's final grade or withholding), or nothing where none is recorded. */
function decidedBy(a: Assessment): { judged_by: string | null; judged_at: string | null } {
  return a.judgement ? { judged_by: a.judgement.author, judged_at: a.judgement.recordedAt } : { judged_by: null, judged_at: null };
}

/**
 * One flat row per LA, for the tables and the CSV downloads. The last columns say whether any of the data behind the
 * row is synthetic and which datasets it came from (provenance.ts), so that no download loses the label.
 */
export function assessmentRow(a: Assessment): Record<string, string | number | boolean | null> {
  const base = { la_code: a.la.code, la_name: a.la.name, region: a.la.region };
  const tail = { ...decidedBy(a), ...provenanceColumns(a.provenance) };
  return { ...flatRow(a, base), ...tail };
}

function flatRow(a: Assessment, base: { la_code: string; la_name: string; region: string }): Record<string, string | number | null> {
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
        direction: a.direction ? a.direction.short : null,
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
  const note = syntheticNote(a.provenance);
  if (note) lines.push(`SYNTHETIC DATA: ${note}`);
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
  lines.push(a.direction ? a.direction.text : official ? 'Direction of travel: no final grade recorded for the year before.' : "Direction of travel: no indicator assessment by Kingsway of the year before to set this one against.");
  return lines;
}

