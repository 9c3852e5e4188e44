import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { formatTable, processIo } from './io.ts';

describe('progress without a terminal', () => {
  it('prints plain lines, at most one per tenth, and no control characters', () => {
    const err = new PassThrough();
    let text = '';
    err.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const io = processIo(new PassThrough() as unknown as NodeJS.WriteStream, err as unknown as NodeJS.WriteStream);
    for (let done = 0; done <= 1000; done += 1) io.progress('LAIT values', done, 1000);
    const lines = text.split('\n').filter((line) => line !== '');
    assert.equal(lines.length, 11);
    assert.equal(lines[0], '  LAIT values: 0 of 1,000 (0%)');
    assert.equal(lines.at(-1), '  LAIT values: 1,000 of 1,000 (100%)');
    assert.ok(!/\x1b/.test(text));
  });
});

describe('formatTable', () => {
  it('pads columns to the widest cell', () => {
    assert.equal(formatTable([['code', 'name'], ['356', 'Stockport']]), 'code  name\n356   Stockport');
  });
});
