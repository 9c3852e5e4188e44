import { test } from 'node:test';
import assert from 'node:assert/strict';
import Papa from 'papaparse';
import { toCsv } from './csv.ts';

const cell = (csv: string, row: number, column: string) => (Papa.parse<Record<string, string>>(csv, { header: true }).data[row] ?? {})[column];

test('CSV formula injection: a text value starting with =, +, -, @, tab or CR is written with an apostrophe before it', () => {
  const csv = toCsv([
    { v: '=HYPERLINK("http://example.invalid","click")' },
    { v: '+1+2' },
    { v: '-2+3' },
    { v: '@SUM(A1)' },
    { v: '\tx' },
    { v: '\rx' },
  ]);
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => cell(csv, i, 'v')), ["'=HYPERLINK(\"http://example.invalid\",\"click\")", "'+1+2", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx"]);
});

test('CSV formula injection: numbers, signed numeric strings and ordinary text are written as they are', () => {
  const csv = toCsv([{ a: -3.5, b: '-3.5', c: '+2', d: 'Stockport', e: 'a=b', f: null }]);
  assert.equal(csv, 'a,b,c,d,e,f\n-3.5,-3.5,+2,Stockport,a=b,');
});

test('CSV columns are the keys of every row, in the order first seen', () => {
  assert.equal(toCsv([{ a: 1 }, { b: 2 }]), 'a,b\n1,\n,2');
});
