import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { assessAll } from '../judgement/assess.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { runOver } from '../../test/support/stockport-run.ts';
import { inspectionSentences, ratingSentences, summarySentences } from './summary.ts';

function assessed(folder: string, year: number, la: string, previousGrade?: 1 | 2 | 3 | 4): Extract<Assessment, { status: 'assessed' }> {
  const read = readBundle({ dir: seedFixture(folder), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const previous = new Map<LaCode, InspectorJudgement>();
  if (previousGrade) previous.set(la as LaCode, { la: la as LaCode, year: year - 1, decision: { kind: 'grade', grade: previousGrade }, rationale: 'published', author: 'Ofsted', stage: 'final', authorId: null, recordedAt: `${year - 1}-12-09T00:00:00Z`, derivedAtTheTime: null });
  const [a] = assessAll({ run: runOver(read.batch, { year }), judgements: new Map(), previous }, [la as LaCode]);
  assert.ok(a?.status === 'assessed');
  return a;
}

describe('the summary paragraph, from each seed fixture', () => {
  it('stockport-2011: "perform well", "sustained from 2010 to 2011", "the large majority of provision", the unannounced inspection', () => {
    const s = summarySentences(assessed('stockport-2011-assessment', 2011, '356', 3), frameworkFor(2011));
    assert.deepEqual(
      s.map((x) => x.text),
      [
        "Children's services in Stockport Metropolitan Borough Council perform well.",
        'This performance has been sustained from 2010 to 2011.',
        'The large majority of provision for children and young people is good or better and helps children and young people to stay safe and enjoy their learning.',
        'The strengths and areas for further improvement have not changed significantly since last year.',
      ],
    );
    assert.ok(s[2]!.evidence.some((e) => e.block === 'A' && e.group === 'special'));
    const inspections = inspectionSentences(assessed('stockport-2011-assessment', 2011, '356', 3));
    assert.deepEqual(
      inspections.map((x) => x.text),
      [
        'A recent unannounced inspection of contact, referral and assessment arrangements for children in need and children who may be in need of protection, in May 2011, found two areas of strength (clear strengths in preventative work and clear strengths in multi-agency work).',
        'There were no areas for priority action.',
      ],
    );
    assert.deepEqual(inspections[1]!.evidence, [{ block: 'B', kind: 'ucra', endDate: '2011-05-11' }]);
  });

  it('stoke-on-trent-2011: "perform adequately", the same as in 2010, "the majority of provision", the full safeguarding inspection', () => {
    const a = assessed('stoke-on-trent-2011-assessment', 2011, '861', 2);
    const texts = [...summarySentences(a, frameworkFor(2011)), ...inspectionSentences(a)].map((x) => x.text);
    assert.equal(texts[0], "Children's services in Stoke-on-Trent City Council perform adequately.");
    assert.equal(texts[1], 'This performance has been sustained from 2010 to 2011.');
    assert.equal(texts[2], 'The majority of provision for children and young people is good or better and helps children and young people to stay safe and enjoy their learning.');
    assert.ok(texts.includes('A recent full inspection of safeguarding and services for looked after children, in July 2011, found services to be adequate, with good capacity to improve.'));
    assert.ok(texts.includes('It judged outcomes for young people leaving care inadequate.'));
  });

  it('trafford-2009: "perform well" and "a majority … is good or better", with no direction without a 2008 grade', () => {
    const a = assessed('trafford-2009-rating', 2009, '358');
    const texts = summarySentences(a, frameworkFor(2009)).map((x) => x.text);
    assert.deepEqual(texts, ["Children's services in Trafford Metropolitan Borough Council perform well.", 'The majority of provision for children and young people is good or better.']);
    assert.deepEqual(
      ratingSentences(a).map((x) => x.text),
      [
        'Judgements on staying safe are good or better in all settings except private fostering, and on enjoying and achieving are good or better in all settings except the pupil referral unit.',
        'The large majority of indicators in the National Indicator Set are in line with or above the performance of similar areas.',
        'Under staying safe, performance is above or in line with similar areas apart from the length of placements of looked after children.',
      ],
    );
  });
});
