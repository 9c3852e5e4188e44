import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import { buildProfile } from '../profile/profile.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { bullets } from './bullets.ts';

describe('strengths and areas for further improvement, from the Stockport 2011 fixture', () => {
  const b = bullets(buildProfile(runOver(stockport2011()), '356' as LaCode));
  const text = (list: typeof b.strengths) => list.flatMap((x) => x.sentences.map((s) => s.text));

  it('counts the special schools as the letter does: five of six good or better, the sixth satisfactory', () => {
    assert.ok(text(b.strengths).includes('Five of the six special schools are good or better. The sixth is satisfactory.'), text(b.strengths).join('\n'));
  });
  it('gives the pupil referral units and the post-16 providers in counts of words', () => {
    assert.ok(text(b.strengths).includes('As in 2010, all three pupil referral units are good or better: two are outstanding and one is good.'), text(b.strengths).join('\n'));
    assert.match(text(b.areas).join('\n'), /^As in 2010, of the five colleges and other post-16 providers, two are outstanding, one is good and two are satisfactory\.$/m);
  });
  it('puts the secondary schools among the areas for improvement: "a third are still no better than satisfactory"', () => {
    const secondary = b.areas.find((x) => x.theme === 'secondary')?.sentences.find((s) => s.id === 'a:secondary');
    assert.match(secondary?.text ?? '', /^Of the 13 secondary schools, a third are still no better than satisfactory.* Last year none of them was outstanding; this year one is\.$/);
  });
  it('says "both" of two, and one judgement once', () => {
    assert.ok(text(b.strengths).includes("As in 2010, both children's homes run by the local authority are good."));
  });
  it('orders bullets by theme as the letters do, each sentence with its evidence', () => {
    assert.deepEqual(b.strengths.map((x) => x.theme).slice(0, 2), ['under-fives', 'primary']);
    for (const bullet of [...b.strengths, ...b.areas]) for (const s of bullet.sentences) assert.ok(s.evidence.length > 0, s.id);
  });
  it('reads the two agencies together where they share a judgement that has not changed', () => {
    const agencies = b.strengths.flatMap((x) => x.sentences).find((s) => s.id === 'a:fostering+adoption');
    assert.equal(agencies?.text, "As in 2010, the local authority's fostering and adoption agencies are both outstanding.");
    assert.deepEqual(agencies?.evidence.map((e) => e.block === 'A' && e.group), ['fostering', 'adoption']);
  });
  it('reads indicators together by theme: the gaps go to the areas, the one narrower than similar areas with "However"', () => {
    const gaps = b.areas.find((x) => x.theme === 'gaps')!.sentences;
    assert.deepEqual(gaps.map((s) => s.id), ['c:ni-81', 'c:ni-82', 'c:ni-102b']);
    assert.match(gaps[2]!.text, /^However, the gap in attainment between 16-year-olds eligible for free school meals/);
  });
});
