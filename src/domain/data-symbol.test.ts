import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDataSymbol } from './data-symbol.ts';

test('a data symbol is read from GSS and legacy spellings, and nothing else', () => {
  assert.equal(parseDataSymbol('x'), 'x');
  assert.equal(parseDataSymbol(' - '), 'x');
  assert.equal(parseDataSymbol('SUPP'), 'c');
  assert.equal(parseDataSymbol('12.5'), undefined);
  // Names an object has through its prototype are not symbols.
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) assert.equal(parseDataSymbol(name), undefined, name);
});
