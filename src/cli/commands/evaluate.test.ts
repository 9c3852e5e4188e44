import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { crossCheckOutcome } from '../../evaluation/ilacs-crosscheck.ts';
import { evaluateIlacs } from '../../evaluation/ilacs.ts';
import { crossCheckLines, evaluationJson, evaluationLines } from './evaluate.ts';

const inspections = [
  { kind: 'sif', la: '356' as LaCode, startDate: null, endDate: '2015-02-01', overall: 'good', judgements: {} },
  { kind: 'ilacs', la: '356' as LaCode, startDate: '2019-05-01', endDate: '2019-05-10', overall: 'outstanding', judgements: { 'impact-of-leaders': 'good' } },
] as unknown as LaInspection[];
const assessed = { status: 'assessed', derivation: { ok: true, provisional: 4, derived: 4 } } as unknown as Assessment;
const evaluation = evaluateIlacs(inspections, () => assessed, [2018], { resamples: 50 });

test("the ILACS evaluation names inspectors' judgements in Ofsted's words, never by a numbering of its own", () => {
  const lines = evaluationLines(evaluation).join('\n');
  // Ofsted numbers its scale 1 outstanding … 4 inadequate: "1 Inadequate" or "4 Outstanding" would reverse it.
  assert.doesNotMatch(lines, /\d (Inadequate|Requires improvement|Good|Outstanding)/);
  assert.match(lines, /Kingsway \\ ILACS\s+Inadequate\s+Requires improvement to be good\s+Good\s+Outstanding\s+total/);
  assert.match(lines, /4 Performs excellently\s+0\s+0\s+0\s+1\s+1/);
  // The JSON's matrices name their rows and columns the same way.
  const json = evaluationJson(evaluation, { ok: false, reason: 'none' });
  assert.deepEqual(json.tuning.predictors[0]!.agreement.columns, ['inadequate', 'requires-improvement', 'good', 'outstanding']);
});

test('the ILACS evaluation prints one row per predictor, on the same inspections, with the interval and recall by grade', () => {
  const lines = evaluationLines(evaluation);
  // The inspection ended in 2019: the tuning set's table, the second.
  const header = lines.findIndex((l, i) => l.startsWith('predictor') && i > lines.findIndex((t) => t.startsWith('Tuning set')));
  assert.match(lines[header]!, /^predictor\s+n\s+kappa\s+95% interval\s+exact\s+within one\s+recall: inadequate\s+recall: requires improvement\s+recall: good\s+recall: outstanding\s+precision: inadequate$/);
  assert.deepEqual(lines.slice(header + 1, header + 5).map((l) => l.split(/\s{2,}/).slice(0, 2)), [['Kingsway (calibrated)', '1'], ['2011 cut-offs, unfitted', '1'], ['Carry-forward', '1'], ['Always good', '1']]);
  // Carry-forward reads the single inspection framework's good: one grade below the inspectors' outstanding.
  assert.match(lines[header + 3]!, /^Carry-forward\s+1\s+0\.000\s+0\.000 to 0\.000\s+0\.0%\s+100\.0%\s+-\s+-\s+-\s+0\.0%\s+-$/);
  assert.match(lines.join('\n'), /Nothing fitted has read an inspection ending in 2023 or later/);
});

test('the cross-check prints its counts and every disagreement, or why it did not run', () => {
  const las = [{ code: '356', gss: 'E08000007', name: 'Stockport', openedOn: null, closedOn: null }] as unknown as LocalAuthority[];
  const outcome = { line: 2, name: 'Stockport', region: 'North West', gss: 'E08000007', inspectionDate: '2019-05-01', overall: 'good', judgements: { 'impact-of-leaders': 'good' } } as const;
  const read = { ok: true, file: { path: 'ofsted-la-outcomes/t.csv', sha256: 'ab'.repeat(32), rows: 1 }, outcomes: [outcome] } as const;
  const lines = crossCheckLines(crossCheckOutcome(read, inspections, las)).join('\n');
  assert.match(lines, /1 LAs; 1 matched to a scraped inspection; 0 agree on everything/);
  assert.match(lines, /1\s+overall effectiveness disagrees/);
  assert.match(lines, /Stockport\s+356\s+2019-05-01\s+overall effectiveness\s+Good\s+Outstanding/);
  assert.match(crossCheckLines(crossCheckOutcome(null, inspections, las)).join('\n'), /not run: no published data folder/);
});
