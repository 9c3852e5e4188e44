import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { parseCsv } from './csv.ts';
import { decodeFile } from './decode.ts';
import { parseDate, parseNumber } from './values.ts';

describe('parseCsv', () => {
  it('keeps the line each row starts on, across quoted newlines and blank lines', () => {
    const parsed = parseCsv('f.csv', 'a,b\n1,"two\nlines"\n\n3,4\n');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.table.rows.map((r) => r.line), [2, 5]);
    assert.deepEqual(parsed.table.rows.at(0)?.fields, ['1', 'two\nlines']);
  });
  it('reads commas as the delimiter even when a short file has quoted fields full of pipes', () => {
    const parsed = parseCsv('f.csv', 'la,address,postcode\n861,"Floor 2, Civic Centre | Glebe Street | Stoke-on-Trent",ST4 1RU\n');
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(parsed.table.rows.at(0)?.fields, ['861', 'Floor 2, Civic Centre | Glebe Street | Stoke-on-Trent', 'ST4 1RU']);
  });
  it('reads a file without quotes line by line, with the same checks: CRLF, blank lines, a byte-order mark, line numbers', () => {
    const parsed = parseCsv('f.csv', '\uFEFFa,b\r\n1,2\r\n\r\n3,4\r\n');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.table.header, ['a', 'b']);
    assert.deepEqual(parsed.table.rows.map((r) => [r.line, r.fields]), [[2, ['1', '2']], [4, ['3', '4']]]);
    const bad = parseCsv('f.csv', 'a,b\n1,2,3\n4,5\n6\n');
    assert.ok(!bad.ok);
    assert.deepEqual(bad.rejections.map((r) => [r.line, r.value, r.reason]), [
      [2, '1,2,3', 'the row has 3 fields but the header has 2'],
      [4, '6', 'the row has 1 field but the header has 2: the file looks truncated'],
    ]);
  });
  it('refuses a quote left open, as a truncated file leaves it', () => {
    const parsed = parseCsv('f.csv', 'a,b\n1,"cut');
    assert.ok(!parsed.ok);
    assert.match(parsed.rejections[0]!.reason, /never closed/);
  });
  it('refuses a short last row as truncation, naming its line', () => {
    const parsed = parseCsv('f.csv', 'a,b,c\n1,2,3\n4,5');
    assert.ok(!parsed.ok);
    assert.equal(parsed.rejections[0]!.line, 3);
    assert.match(parsed.rejections[0]!.reason, /2 fields but the header has 3: the file looks truncated/);
  });
  it('refuses an empty file', () => {
    const parsed = parseCsv('f.csv', '  \n');
    assert.ok(!parsed.ok);
    assert.match(parsed.rejections[0]!.reason, /empty/);
  });
});

describe('decodeFile', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('drops a UTF-8 byte-order mark', () => {
    const d = decodeFile('f', new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('a,b')]));
    assert.deepEqual(d, { ok: true, text: 'a,b' });
  });
  it('finds the line and column of the first byte that is not UTF-8', () => {
    const d = decodeFile('f', new Uint8Array([...bytes('a,b\nx,caf'), 0xe9, ...bytes('\n')]));
    assert.ok(!d.ok);
    assert.equal(d.rejection.line, 2);
    assert.equal(d.rejection.column, '6');
    assert.equal(d.rejection.value, 'bytes E9 0A');
  });
  it('reads windows-1252 when declared', () => {
    const d = decodeFile('f', new Uint8Array([...bytes('caf'), 0xe9]), 'windows-1252');
    assert.deepEqual(d, { ok: true, text: 'café' });
  });
  it('refuses UTF-16 unless declared', () => {
    const d = decodeFile('f', new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    assert.ok(!d.ok);
    assert.match(d.rejection.reason, /UTF-16/);
  });
  it('reads gzip, and refuses a truncated gzip stream', () => {
    const gz = gzipSync(bytes('a,b\n1,2\n'.repeat(50)));
    assert.ok(decodeFile('f.gz', gz).ok);
    const cut = decodeFile('f.gz', gz.subarray(0, gz.length - 10));
    assert.ok(!cut.ok);
    assert.match(cut.rejection.reason, /gzip stream is damaged or truncated/);
  });
  it('refuses a gzip stream that expands past the limit (a "zip bomb")', () => {
    const bomb = gzipSync(new Uint8Array(1_000_000));
    const d = decodeFile('f.gz', bomb, 'utf-8', 1024 * 1024 / 4);
    assert.ok(!d.ok);
    assert.match(d.rejection.reason, /expands to more than the 0.25 MB a file may be/);
  });
  it('reads UTF-16LE when declared, and says so when bytes declared UTF-16LE are not', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('a,b\n1,2\n', 'utf16le')]);
    assert.deepEqual(decodeFile('f', utf16, 'utf-16le'), { ok: true, text: 'a,b\n1,2\n' });
    assert.deepEqual(decodeFile('f', Buffer.from('a,b\n1,2\n', 'utf16le'), 'utf-16le'), { ok: true, text: 'a,b\n1,2\n' });
    const utf8 = decodeFile('f', bytes('a,b\ncafé,2\n'), 'utf-16le');
    assert.ok(!utf8.ok);
    assert.match(utf8.rejection.reason, /declares utf-16le, but the bytes are not UTF-16LE .*: they read as UTF-8/);
    const latin1 = decodeFile('f', new Uint8Array([...bytes('a,b\ncaf'), 0xe9, 0x0a]), 'utf-16le');
    assert.ok(!latin1.ok);
    assert.match(latin1.rejection.reason, /they read as a single-byte encoding such as windows-1252/);
  });
});

describe('scalar values', () => {
  it('reads ISO and UK dates and refuses impossible ones', () => {
    assert.equal(parseDate('2011-11-08'), '2011-11-08');
    assert.equal(parseDate('08/11/2011'), '2011-11-08');
    assert.equal(parseDate('9/5/25'), '2025-05-09');
    for (const bad of ['2011-02-29', '31/04/2010', '2011-13-01', '1850-01-01', 'yesterday', '11/2011']) assert.equal(parseDate(bad), undefined, bad);
    assert.equal(parseDate('2012-02-29'), '2012-02-29');
  });
  it('reads numbers as published and refuses the rest', () => {
    assert.equal(parseNumber('12.13'), 12.13);
    assert.equal(parseNumber('1,234'), 1234);
    assert.equal(parseNumber('-3'), -3);
    assert.equal(parseNumber('45%'), 45);
    for (const bad of ['', '-', 'x', '1.2.3', 'NaN', 'Infinity']) assert.equal(parseNumber(bad), undefined, bad);
  });
});
