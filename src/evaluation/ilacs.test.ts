import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Assessment } from '../judgement/assess.ts';
import { evaluateIlacs } from './ilacs.ts';

const ilacs = (la: string, start: string, end: string, overall: LaInspection['overall']): LaInspection =>
  ({ la: la as LaCode, kind: 'ilacs', startDate: start, endDate: end, publishedOn: null, overall, judgements: {}, strengthsCount: null, developmentCount: null, priorityActionCount: null, findings: [], sourceRef: null }) as LaInspection;
const assessed = (provisional: number) => ({ status: 'assessed', derivation: { provisional } }) as unknown as Assessment;

describe('the evaluation against ILACS judgements', () => {
  const inspections = [
    ilacs('356', '2019-01-14', '2019-01-25', 'good'),
    ilacs('358', '2022-11-28', '2022-12-09', 'requires-improvement'),
    ilacs('861', '2023-03-06', '2023-03-17', 'inadequate'),
    ilacs('822', '2024-05-13', '2024-05-24', null),
    ilacs('928', '2021-06-07', '2021-06-18', 'good'),
  ];
  const grades: Record<string, Assessment> = { '356 2018': assessed(3), '358 2021': assessed(3), '861 2022': assessed(1) };
  const e = evaluateIlacs(inspections, (la, year) => grades[`${la} ${year}`], [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);

  it('reads the data of the year before each inspection began', () => {
    assert.deepEqual(e.cases.map((c) => [c.la, c.dataYear, c.predicted, c.inspectors]), [
      ['356', 2018, 3, 'good'],
      ['928', 2020, null, 'good'],
      ['358', 2021, 3, 'requires-improvement'],
      ['861', 2022, 1, 'inadequate'],
      ['822', 2023, null, null],
    ]);
  });

  it('keeps inspections ending before 2023 for tuning and reports those from 2023 on apart', () => {
    assert.deepEqual([e.tuning.n, e.reporting.n, e.all.n], [2, 1, 3]);
    assert.equal(e.tuning.exact, 0.5);
    assert.equal(e.reporting.exact, 1);
  });

  it('counts what it left out, by reason', () => {
    assert.deepEqual([...e.excluded], [
      ['the LA did not exist in 2020 (a boundary change)', 1],
      ['no overall effectiveness grade in the data', 1],
    ]);
  });
});
