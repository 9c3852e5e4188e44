import type { FrameworkSettings } from '../../frameworks/settings.ts';
import { loadAssessInput } from '../../application/load-evidence.ts';
import type { WhatIfReport } from '../../application/what-if.ts';
import { PLAUSIBLE_STEP_TEXT, whatIfJson, whatIfOfLa, whatIfRow, whatIfScenarioRows, whatIfsOfYear } from '../../application/what-if.ts';
import { syntheticNote } from '../../judgement/provenance.ts';
import type { Scenario } from '../../judgement/what-if/search.ts';
import { toCsv } from '../../render/csv.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { frameworkWith } from '../framework-options.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

/**
 * `kingsway what-if`: what would move an LA's grade (application/what-if.ts), as text, or as the JSON the API gives;
 * as CSV, one row per change found; with `--all`, every LA of the year, one row each (its grade, how far it is from
 * the boundary above and below, and its smallest change each way), as a table or CSV.
 */
export interface WhatIfOptions {
  readonly la?: string;
  readonly name?: string;
  readonly all: boolean;
  readonly year: number;
  readonly vintage?: string;
  readonly format: 'text' | 'json' | 'csv';
  readonly settings?: FrameworkSettings;
}

export async function runWhatIf(repo: EvidenceRepository, options: WhatIfOptions, io: Io): Promise<WhatIfReport[]> {
  const framework = frameworkWith(options.year, options.settings);
  const input = await loadAssessInput(repo, framework, options.vintage);
  if (options.all) {
    const reports = whatIfsOfYear(input);
    if (options.format === 'json') io.out(JSON.stringify(reports.map(whatIfJson), null, 2));
    else if (options.format === 'csv') io.out(toCsv(reports.map(whatIfRow)).trimEnd());
    else for (const line of tableLines(reports)) io.out(line);
    return reports;
  }
  const la = findLa(input.run.evidence.evidence.las, { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const report = whatIfOfLa(input, la);
  if (options.format === 'json') io.out(JSON.stringify(whatIfJson(report), null, 2));
  else if (options.format === 'csv') io.out(toCsv(whatIfScenarioRows(report)).trimEnd());
  else for (const line of whatIfLines(report)) io.out(line);
  return [report];
}

const POSITION_WORDS = { blend: 'the blend of Blocks A and C', 'calibrated-score': 'the calibrated score', 'outcome-mean': 'the mean of the five outcome grades' } as const;

export function whatIfLines(report: WhatIfReport): string[] {
  const r = report.result;
  const lines = [`What would move the grade: ${report.la.name} (${report.la.code}), ${report.framework.title}`];
  const note = syntheticNote(report.provenance);
  if (note) lines.push(`SYNTHETIC DATA: ${note}`);
  if (!report.framework.official) lines.push("Kingsway's own application of the 2011 method to published data: not an Ofsted judgement.");
  lines.push('');
  if (!r.ok) return [...lines, `No what-if: ${r.reason}`];
  lines.push(`Derived grade ${r.grade}: ${r.gradeLabel}.${report.finalGrade !== null ? ` (The inspector's final grade is ${report.finalGrade}; a change in the evidence moves the derived grade, and the inspector judges again.)` : ''}`);
  if (r.position) {
    lines.push(`It stands at ${r.position.value.toFixed(2)} on ${POSITION_WORDS[r.position.kind]}, which gives ${r.position.provisional} before any limiting rule:`);
    for (const b of [...r.position.boundaries].reverse()) lines.push(`  boundary between ${b.below} and ${b.below + 1} at ${b.at.toFixed(2)}: ${Math.abs(b.distance).toFixed(2)} ${b.distance >= 0 ? 'above' : 'below'}${b.distance === 0 ? ` (exactly at it reads ${b.atBoundaryReads === 'upper' ? b.below + 1 : b.below})` : ''}`);
  }
  for (const f of r.binding) lines.push(`Limited: ${f.rule.title} (${f.before} → ${f.after})`);
  for (const [title, list] of [['To raise the grade', r.up], ['To lower the grade', r.down]] as const) {
    lines.push('', `${title}, smallest first:`);
    if (list.length === 0) lines.push('  none found');
    list.forEach((s, n) => lines.push(...scenarioLines(s, n + 1)));
  }
  if (r.notes.length > 0) lines.push('', ...r.notes);
  lines.push('', PLAUSIBLE_STEP_TEXT, 'Every grade here is derived again by the engine from the changed evidence; none is estimated.');
  return lines;
}

function scenarioLines(s: Scenario, n: number): string[] {
  const unit = s.blocks.length > 1 ? 'changes' : s.block === 'A' ? (s.size === 1 ? 'setting' : 'settings') : s.block === 'C' ? (s.size === 1 ? 'indicator' : 'changes') : s.size === 1 ? 'finding' : 'findings';
  return [
    `  ${n}. [Block ${s.blocks.join(' then ')}, ${s.size} ${unit}] ${s.text}`,
    ...(s.details.length > 1 || s.changes.some((c) => c.kind === 'settings-judged' && c.settings.length > 0) ? s.details.map((d) => `       - ${d}`) : []),
    ...s.effects.map((e) => `       ${e}`),
    `       the new grade's trace: ${s.trace.filter((t) => t.step !== 'framework').map((t) => t.text).join(' | ')}`,
  ];
}

function tableLines(reports: readonly WhatIfReport[]): string[] {
  const first = reports[0];
  const lines: string[] = [];
  if (first) lines.push(`What would move each grade: ${first.framework.title}, ${reports.length} LAs`);
  const synthetic = reports.filter((r) => r.provenance.synthetic).length;
  if (synthetic > 0) lines.push(`SYNTHETIC DATA: ${synthetic} of ${reports.length} LAs' figures are built wholly or partly from synthetic data (the csv columns say which).`);
  lines.push('', 'code  LA                          grade  to up  to down  smallest up (size)  smallest down (size)');
  for (const report of reports) {
    const row = whatIfRow(report);
    if (!report.result.ok) {
      lines.push(`${report.la.code}   ${report.la.name.padEnd(28).slice(0, 28)}  –      no what-if: ${report.result.reason}`);
      continue;
    }
    const fmt = (v: unknown) => (v === null ? '–' : String(v));
    const kind = (s: Scenario | undefined) => (s ? `Block ${s.block} (${s.size})` : '–');
    lines.push(`${report.la.code}   ${report.la.name.padEnd(28).slice(0, 28)}  ${String(row['grade']).padEnd(5)}  ${fmt(row['to_boundary_above']).padEnd(5)}  ${fmt(row['to_boundary_below']).padEnd(7)}  ${kind(report.result.up[0]).padEnd(18)}  ${kind(report.result.down[0])}`);
  }
  return lines;
}
