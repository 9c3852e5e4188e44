import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from './errors.ts';
import { checkUserText, TEXT_LIMITS, userTextProblem } from './user-text.ts';

test('user text: a name holding a newline, an ANSI escape or a bidi override is refused, naming the character', () => {
  assert.match(userTextProblem('A Inspector\n2011-10-20\tforged', 'name')!, /U\+000A at position 12/);
  assert.match(userTextProblem('\u001b[31mred', 'name')!, /U\+001B/);
  assert.match(userTextProblem('abc\u202Efed', 'name')!, /U\+202E/);
  assert.match(userTextProblem('nul\u0000', 'sentence')!, /U\+0000/);
});

test('user text: a 500 KB name and a 1 MB sentence are refused with the limit', () => {
  assert.match(userTextProblem('x'.repeat(500_000), 'name')!, /500,000 characters long; the most allowed is 120/);
  assert.match(userTextProblem('x'.repeat(1_000_000), 'sentence')!, /the most allowed is 2,000/);
  assert.equal(userTextProblem('x'.repeat(TEXT_LIMITS.sentence), 'sentence'), null);
});

test('user text: ordinary names with accents, apostrophes and hyphens are accepted and trimmed', () => {
  assert.equal(checkUserText("  Siân O'Connor-Smith ", 'name', '--by'), "Siân O'Connor-Smith");
  assert.throws(() => checkUserText('   ', 'name', '--by'), (e: unknown) => e instanceof UsageError && e.message === '--by is empty');
});
