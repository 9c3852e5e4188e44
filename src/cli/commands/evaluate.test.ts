import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { evaluateIlacs } from '../../evaluation/ilacs.ts';
import { evaluationLines } from './evaluate.ts';

test("the ILACS evaluation names inspectors' judgements in Ofsted's words, never by a numbering of its own", () => {
  const inspection = { kind: 'ilacs', la: '356' as LaCode, startDate: '2019-05-01', endDate: '2019-05-10', overall: 'outstanding' } as unknown as LaInspection;
  const assessed = { status: 'assessed', derivation: { provisional: 4 } } as unknown as Assessment;
  const lines = evaluationLines(evaluateIlacs([inspection], () => assessed, [2018])).join('\n');
  // Ofsted numbers its scale 1 outstanding … 4 inadequate: "1 Inadequate" or "4 Outstanding" would reverse it.
  assert.doesNotMatch(lines, /\d (Inadequate|Requires improvement|Good|Outstanding)/);
  assert.match(lines, /Kingsway \\ ILACS\s+Inadequate\s+Requires improvement to be good\s+Good\s+Outstanding\s+total/);
  assert.match(lines, /4 Performs excellently\s+0\s+0\s+0\s+1\s+1/);
});
