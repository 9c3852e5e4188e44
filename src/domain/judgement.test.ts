import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isGoodOrBetter, judgementRank, parseJudgement } from './judgement.ts';
import { parseDataSymbol } from './data-symbol.ts';

describe('parseJudgement: one mapping from the spellings in real files', () => {
  it('reads words whatever their case and punctuation', () => {
    assert.equal(parseJudgement('Outstanding'), 'outstanding');
    assert.equal(parseJudgement(' GOOD '), 'good');
    assert.equal(parseJudgement('requires_improvement'), 'requires-improvement');
    assert.equal(parseJudgement('Requires improvement to be good'), 'requires-improvement');
    assert.equal(parseJudgement('Grade 4 - Inadequate'), 'inadequate');
  });
  it('reads a bare grade 3 by the regime of the file', () => {
    assert.equal(parseJudgement('3'), 'satisfactory');
    assert.equal(parseJudgement('3', 'social-care'), 'adequate');
    assert.equal(parseJudgement('3', 'ilacs'), 'requires-improvement');
    assert.equal(parseJudgement('1', 'ilacs'), 'outstanding');
  });
  it('refuses anything else', () => {
    for (const bad of ['', '5', '0', 'Excellentish', 'not_reported_post_reform', 'good-ish']) assert.equal(parseJudgement(bad), undefined, bad);
  });
  it('orders judgements on the overall-effectiveness scale (1 best)', () => {
    assert.equal(judgementRank('adequate'), judgementRank('satisfactory'));
    assert.ok(isGoodOrBetter('good') && isGoodOrBetter('outstanding'));
    assert.ok(!isGoodOrBetter('satisfactory') && !isGoodOrBetter('requires-improvement'));
  });
});

describe('parseDataSymbol', () => {
  it('reads the GSS symbols and the legacy markers as them', () => {
    assert.equal(parseDataSymbol('c'), 'c');
    assert.equal(parseDataSymbol('LOW'), 'low');
    assert.equal(parseDataSymbol('-'), 'x');
    assert.equal(parseDataSymbol('..'), 'x');
    assert.equal(parseDataSymbol('*'), 'c');
  });
  it('never reads a number or a word as a symbol', () => {
    for (const bad of ['0', '12', 'n/k', 'zero']) assert.equal(parseDataSymbol(bad), undefined, bad);
  });
});
