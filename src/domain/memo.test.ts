import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { memoByString } from './memo.ts';

describe('memoByString', () => {
  it('answers as the reader does, reading each distinct string once, undefined answers included', () => {
    const calls: string[] = [];
    const read = memoByString((raw) => {
      calls.push(raw);
      return raw === 'x' ? undefined : raw.toUpperCase();
    });
    assert.deepEqual(['a', 'a', 'x', 'b', 'x', 'a', 'b'].map(read), ['A', 'A', undefined, 'B', undefined, 'A', 'B']);
    assert.deepEqual(calls, ['a', 'x', 'b']);
  });
  it('stops remembering past its limit, still answering correctly', () => {
    let calls = 0;
    const read = memoByString((raw) => (calls++, raw.length), 2);
    assert.deepEqual(['a', 'bb', 'ccc', 'ccc', 'a', 'ccc'].map(read), [1, 2, 3, 3, 1, 3]);
    assert.equal(calls, 4); // 'ccc' is read again once 'a' has displaced it as the last value
  });
});
