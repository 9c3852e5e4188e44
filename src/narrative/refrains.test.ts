import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LetterSection } from './letter.ts';
import { limitRefrains } from './refrains.ts';

const section = (...blocks: string[][]): LetterSection => ({
  id: 'strengths',
  heading: 'Strengths',
  form: 'bullets',
  blocks: blocks.map((sentences, i) => ({ id: `b${i}`, sentences: sentences.map((text, j) => ({ id: `s${i}.${j}`, text, evidence: [{ block: 'C' as const, indicator: `ni-${i}${j}`, period: '2010/11' }] })) })),
});
const texts = (sections: readonly LetterSection[]) => sections.flatMap((s) => s.blocks.map((b) => b.sentences.map((x) => x.text)));
const statement = (what: string, trend = 'It has improved over the last four years.') => `For the last five years, up to 2011, ${what} has been above the averages nationally and for similar areas. ${trend}`;

describe('refrains said once for what shares them, and in other words once said twice', () => {
  it('says a trend shared by a run of statements in a bullet once, after the last: "Both have improved"', () => {
    const [b] = texts([...limitRefrains([section([statement('attainment'), statement('absence')])])]);
    assert.deepEqual(b, [
      'For the last five years, up to 2011, attainment has been above the averages nationally and for similar areas.',
      'Over the same period, absence has been above the averages nationally and for similar areas. Both have improved over the last four years.',
    ]);
  });

  it('says "Neither has improved" of two that have not, and "All three have" of three', () => {
    const not = 'It has not improved over the last four years.';
    assert.match(texts(limitRefrains([section([statement('a', not), statement('b', not)])]))[0]!.at(-1)!, /Neither has improved over the last four years\.$/);
    assert.match(texts(limitRefrains([section([statement('a'), statement('b'), statement('c')])]))[0]!.at(-1)!, /All three have improved over the last four years\.$/);
  });

  it('never merges a statement that goes against its bullet, nor statements of different years', () => {
    const against = `However, ${statement('the gap').charAt(0).toLowerCase()}${statement('the gap').slice(1)}`;
    const [b] = texts(limitRefrains([section([statement('attainment'), against])]));
    assert.match(b![0]!, /It has improved over the last four years\.$/);
    const [c] = texts(limitRefrains([section([statement('attainment'), statement('absence').replace('up to 2011', 'up to 2010')])]));
    assert.match(c![0]!, /It has improved over the last four years\.$/);
  });

  it('says a period opening or a trend sentence at most twice in the same words across a letter, then in others of the same meaning', () => {
    const all = texts(limitRefrains([section(...['a', 'b', 'c', 'd', 'e'].map((w) => [statement(w)]))])).flat().join(' ');
    const times = (s: string) => all.split(s).length - 1;
    assert.equal(times('For the last five years'), 2);
    assert.equal(times('From 2007 to 2011, '), 2);
    assert.equal(times('Between 2007 and 2011, '), 1);
    assert.equal(times('It has improved over the last four years.'), 2);
    assert.equal(times('It has also improved over the last four years.'), 2);
    assert.equal(times('This, too, has improved over the last four years.'), 1);
  });

  it('changes the words and never the evidence or the ids', () => {
    const before = [section([statement('attainment'), statement('absence')])];
    const after = limitRefrains(before);
    assert.deepEqual(after[0]!.blocks[0]!.sentences.map((s) => [s.id, s.evidence]), before[0]!.blocks[0]!.sentences.map((s) => [s.id, s.evidence]));
  });
});
