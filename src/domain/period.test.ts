import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePeriod } from './period.ts';

describe('parsePeriod reads every spelling LAIT uses', () => {
  const cases: ReadonlyArray<[string, string, string, number | null, number | null, string | null]> = [
    // original, kind, key, start, end, qualifier
    ['2016', 'year', '2016', 2016, 2016, null],
    ['2016/17', 'split-year', '2016-17', 2016, 2017, null],
    ['2016-17', 'split-year', '2016-17', 2016, 2017, null],
    ['2016-17 (OT)', 'split-year', '2016-17', 2016, 2017, 'outturn'],
    ['2014-16', 'multi-year', '2014-2016', 2014, 2016, null],
    ['2013/14-15/16', 'multi-year', '2013-14 to 2015-16', 2013, 2016, null],
    ['2018 (Rev)', 'year', '2018', 2018, 2018, 'revised'],
    ['2020 (Final)', 'year', '2020', 2020, 2020, 'final'],
    ['2025 (prov)', 'year', '2025', 2025, 2025, 'provisional'],
    ['1999-00', 'split-year', '1999-00', 1999, 2000, null],
    ['0', 'unspecified', 'unspecified', null, null, null],
  ];
  for (const [original, kind, key, start, end, qualifier] of cases) {
    it(`"${original}"`, () => {
      const p = parsePeriod(original);
      assert.deepEqual(p, { original, kind, key, startYear: start, endYear: end, qualifier });
    });
  }
  it('refuses text that is no period', () => {
    for (const bad of ['', 'last year', '2016/18x', '2016 (maybe)', '1066', '2017-15', '16/17']) assert.equal(parsePeriod(bad), undefined, bad);
  });
});
