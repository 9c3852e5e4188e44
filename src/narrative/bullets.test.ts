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
    assert.ok(text(b.strengths).includes('All three pupil referral units are good or better: two are outstanding and one is good.'));
    assert.ok(text(b.areas).includes('Of the five colleges and other post-16 providers, two are outstanding, one is good and two are satisfactory.'));
  });
  it('puts the secondary schools among the areas for improvement: "a third are still no better than satisfactory"', () => {
    const secondary = b.areas.find((x) => x.theme === 'secondary')?.sentences.find((s) => s.id === 'a:secondary');
    assert.match(secondary?.text ?? '', /^Of the 13 secondary schools, a third are no better than satisfactory/);
  });
  it('says "both" of two, and one judgement once', () => {
    assert.ok(text(b.strengths).includes("Both children's homes run by the local authority are good."));
  });
  it('orders bullets by theme as the letters do, each sentence with its evidence', () => {
    assert.deepEqual(b.strengths.map((x) => x.theme).slice(0, 2), ['under-fives', 'primary']);
    for (const bullet of [...b.strengths, ...b.areas]) for (const s of bullet.sentences) assert.ok(s.evidence.length > 0, s.id);
  });
  it('reads the agencies as single settings', () => {
    assert.ok(text(b.strengths).includes('The local authority fostering agency is outstanding.'));
  });
});
