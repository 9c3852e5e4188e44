import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparedWith, overTheLast, trendWords } from './comparisons.ts';
import { capitalise, countWords, judgementCounts, listWords, ordinalWords } from './counts.ts';
import { PROPORTION_WORDS, fractionWords, proportionBand, proportionOf } from './proportions.ts';

/** The letters' vocabulary, each expectation a phrase from a seed letter (shared/seeds/) or framework.md §7. */
describe('words for proportions (framework.md §7)', () => {
  it('covers every whole percentage from 0 to 100 exactly once', () => {
    for (let p = 0; p <= 100; p++) assert.equal(PROPORTION_WORDS.filter((b) => p >= b.from && p <= b.to).length, 1, `${p}%`);
  });
  it('reads the seeds’ proportions as they word them', () => {
    assert.equal(proportionOf(0.86), 'the very large majority of'); // stockport-2011: primary schools
    assert.equal(proportionOf(0.73), 'the large majority of'); // stockport-2011: childminders
    assert.equal(proportionOf(0.6), 'the majority of'); // stoke-on-trent-2011: "The majority of provision"
    assert.equal(proportionOf(1), 'all of');
    assert.equal(proportionOf(0), 'none of');
    assert.equal(proportionOf(0.5), 'half of');
    assert.equal(proportionOf(0.1), 'a few of');
  });
  it('keeps "all" and "none" for exactly all and none', () => {
    assert.equal(proportionBand(199 / 200).words, 'almost all');
    assert.equal(proportionBand(1 / 400).words, 'very few');
  });
  it('refuses a share outside 0 to 1, naming it', () => {
    assert.throws(() => proportionBand(1.2), /between 0 and 1, not 1.2/);
    assert.throws(() => proportionBand(Number.NaN), /not NaN/);
  });
  it('prefers a simple fraction for a small group: four of thirteen is "a third" (stockport-2011)', () => {
    assert.equal(fractionWords(4, 13), 'a third');
    assert.equal(fractionWords(1, 2), 'half');
    assert.equal(fractionWords(5, 13), null);
    assert.throws(() => fractionWords(7, 6), /7 of 6 is not a count of a group/);
  });
});

describe('counts in words', () => {
  it('writes small counts in words and larger ones in figures', () => {
    assert.equal(`${capitalise(countWords(5))} of the ${countWords(6)} special schools`, 'Five of the six special schools');
    assert.equal(`Of the ${countWords(22)} children's homes`, "Of the 22 children's homes");
    assert.equal(`The ${ordinalWords(6)} school is satisfactory`, 'The sixth school is satisfactory');
  });
  it('counts a group’s judgements as stockport-2011 does for its post-16 providers', () => {
    assert.equal(judgementCounts({ inspected: 5, outstanding: 2, good: 1, satisfactory: 2, inadequate: 0 }), 'two are outstanding, one is good and two are satisfactory');
    assert.equal(judgementCounts({ inspected: 3, outstanding: 2, good: 1, satisfactory: 0, inadequate: 0 }), 'two are outstanding and one is good');
    assert.equal(judgementCounts({ inspected: 2, outstanding: 0, good: 1, satisfactory: 1, inadequate: 0 }, 'adequate'), 'one is good and one is adequate');
  });
  it('joins lists with "and"', () => {
    assert.deepEqual([listWords([]), listWords(['a']), listWords(['a', 'b']), listWords(['a', 'b', 'c'])], ['', 'a', 'a and b', 'a, b and c']);
  });
});

describe('comparisons and trends', () => {
  it('phrases the LA against similar areas and England as stockport-2011 does', () => {
    assert.equal(comparedWith('in-line', 'above'), 'in line with similar areas and above the national average');
    assert.equal(comparedWith('in-line', 'in-line'), 'in line with the averages nationally and for similar areas');
    assert.equal(comparedWith('above', 'above', 'gap'), 'wider than the averages nationally and for similar areas');
    assert.equal(comparedWith('below', 'above', 'gap'), 'narrower than similar areas but wider than the national average');
    assert.equal(comparedWith(null, 'above'), 'above the national average');
    assert.equal(comparedWith(null, null), null);
  });
  it('puts trends as the letters do', () => {
    assert.equal(trendWords('narrowing', overTheLast(2)), 'has narrowed over the last two years');
    assert.equal(trendWords('widening', overTheLast(2)), 'has widened over the last two years');
    assert.equal(trendWords('stable'), 'has been maintained');
    assert.equal(`For ${overTheLast(5)}`, 'For the last five years');
  });
});
