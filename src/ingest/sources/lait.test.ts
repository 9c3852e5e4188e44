import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '../../../test/support/store.ts';
import { readLait } from './lait.ts';

/**
 * LAIT's reader on a small file shaped like bds_long.csv.gz: what it reads, and every refusal with its file, line,
 * column, value and reason. The reader reads each distinct spelling once and shares what it read between rows, so the
 * rows here repeat spellings on purpose, the good between the bad.
 */
let tmp: ReturnType<typeof tempDir>;
before(() => (tmp = tempDir()));
after(() => tmp.cleanup());

const DICTIONARY = [
  'Measure_short,Measure,Topic,Polarity,y_axis_name,Description,Data Owner (DO) /Supplier and Contact Details',
  'RTA,Road deaths,Health,Low,Rate,"Killed, injured","DfT\nstats"',
  'KS2,Key stage 2,Education,High,%,,',
  'SPEND,Spend,Finance,-,£,,',
  'KS2,Key stage 2 again,Education,High,%,,',
].join('\n');
const HEADER = 'Short Desc,Data item,Years,LA and Regions,Values,LA Number,Region';
const GOOD = [
  'RTA,"Killed, seriously injured",2014-16,Barnet,12.13,302,Outer London',
  'RTA,,2014-16,Barnet 2,-,303,Outer London',
  'KS2,,2016/17,England," 1,234 ",970,NA',
  'KS2,,2016/17,NE,45%,980,NA',
  'SPEND,,2016-17 (OT),Barnet,c,302,x',
  'SPEND,,0,Barnet,7.0000000000000007E-2,302,x',
  ' RTA ,,2018 (Rev),Barnet, 5 , 302 ,x',
];

function lait(rows: readonly string[]) {
  writeFileSync(join(tmp.dir, 'bds_long.csv.gz'), gzipSync(Buffer.from(`${HEADER}\n${rows.join('\n')}\n`)));
  writeFileSync(join(tmp.dir, 'dictionary.csv'), `${DICTIONARY}\n`);
  return readLait({
    valuesPath: join(tmp.dir, 'bds_long.csv.gz'),
    dictionaryPath: join(tmp.dir, 'dictionary.csv'),
    display: { values: 'bds_long.csv.gz', dictionary: 'dictionary.csv' },
    knownLas: new Set(['302', '303']),
  });
}

describe('readLait', () => {
  it('reads numbers, symbols and every period spelling, sharing what repeats', () => {
    const read = lait(GOOD);
    assert.ok(read.ok);
    const values = read.batch.indicatorValues ?? [];
    assert.deepEqual(
      values.map((v) => [v.indicator, v.area.kind, v.area.code, v.period.key, v.period.qualifier, v.value.kind === 'number' ? v.value.value : v.value.symbol, v.original]),
      [
        ['RTA', 'la', '302', '2014-2016', null, 12.13, '12.13'],
        ['RTA', 'la', '303', '2014-2016', null, 'x', '-'],
        ['KS2', 'england', '970', '2016-17', null, 1234, ' 1,234 '],
        ['KS2', 'region', '980', '2016-17', null, 45, '45%'],
        ['SPEND', 'la', '302', '2016-17', 'outturn', 'c', 'c'],
        ['SPEND', 'la', '302', 'unspecified', null, 0.07, '7.0000000000000007E-2'],
        ['RTA', 'la', '302', '2018', 'revised', 5, ' 5 '],
      ],
    );
    assert.equal(values[0]!.period, values[1]!.period, 'one Period object per spelling');
    assert.equal(values[0]!.area, values[6]!.area, 'one Area object per code, however it is spaced');
    assert.deepEqual(read.batch.indicators?.map((i) => [i.id, i.polarity, i.source]), [
      ['KS2', 'higher-is-better', 'DfE LAIT'],
      ['RTA', 'lower-is-better', 'DfE LAIT; data owner: DfT'],
      ['SPEND', 'no-polarity', 'DfE LAIT'],
    ]);
    assert.deepEqual(read.batch.files.map((f) => [f.path, f.rows]), [['dictionary.csv', 4], ['bds_long.csv.gz', 7]]);
    assert.deepEqual(read.notes, [
      'data dictionary lists 1 measures twice (the first definition is used): KS2',
      '2 values are not published ("-" read as the GSS symbol x; the original is kept)',
      '1 values have the period "0" (no year given); kept as an unspecified period',
    ]);
  });

  it('refuses each bad cell with its line, column, value and reason, and reads nothing', () => {
    const read = lait([
      ...GOOD.slice(0, 3),
      'NOPE,,2016,Barnet,1,302,x',
      'RTA,,2016/18,Barnet,1,302,x',
      'RTA,,2016, 999 ,1, 999 ,x',
      ...GOOD.slice(3),
      'RTA,,2016,Barnet,1.2.3,302,x',
      'NOPE,,2016,Barnet,1,302,x',
      // A name every object has is no region code: it was once read as one, through the prototype.
      'RTA,,2016,Barnet,1,constructor,x',
    ]);
    assert.equal(read.ok, false);
    const at = (line: number, column: string, value: string, reason: string) => ({ file: 'bds_long.csv.gz', line, column, value, reason });
    assert.deepEqual(read.ok ? [] : read.rejections, [
      at(5, '1 (Short Desc)', 'NOPE', 'this measure is not in the LAIT data dictionary, so its polarity is unknown'),
      at(6, '3 (Years)', '2016/18', 'not a period LAIT uses (e.g. 2016, 2016/17, 2016-17 (OT), 2014-16, 2018 (Rev))'),
      at(7, '6 (LA Number)', '999', "not a known LA code, nor LAIT's England (970) or a region (980-990)"),
      at(12, '5 (Values)', '1.2.3', 'expected a number or a data symbol (x, c, z, low, or LAIT\'s "-")'),
      at(13, '1 (Short Desc)', 'NOPE', 'this measure is not in the LAIT data dictionary, so its polarity is unknown'),
      at(14, '6 (LA Number)', 'constructor', "not a known LA code, nor LAIT's England (970) or a region (980-990)"),
    ]);
  });
});
