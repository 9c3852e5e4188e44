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
import { summarySentences } from './summary.ts';

function assessed(folder: string, year: number, la: string, previousGrade?: 1 | 2 | 3 | 4): Extract<Assessment, { status: 'assessed' }> {
  const read = readBundle({ dir: seedFixture(folder), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const previous = new Map<LaCode, InspectorJudgement>();
  if (previousGrade) previous.set(la as LaCode, { la: la as LaCode, year: year - 1, decision: { kind: 'grade', grade: previousGrade }, rationale: 'published', author: 'Ofsted', recordedAt: `${year - 1}-12-09T00:00:00Z`, derivedAtTheTime: null });
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
        'The large majority of provision for children and young people is good or better.',
        'A recent unannounced inspection of contact, referral and assessment arrangements for children in need and children who may be in need of protection found two areas of strength.',
        'There were no areas for priority action.',
      ],
    );
    assert.deepEqual(s[4]!.evidence, [{ block: 'B', kind: 'ucra', endDate: '2011-05-11' }]);
    assert.ok(s[2]!.evidence.some((e) => e.block === 'A' && e.group === 'special'));
  });

  it('stoke-on-trent-2011: "perform adequately", the same as in 2010, "the majority of provision", the full safeguarding inspection', () => {
    const texts = summarySentences(assessed('stoke-on-trent-2011-assessment', 2011, '861', 2), frameworkFor(2011)).map((x) => x.text);
    assert.equal(texts[0], "Children's services in Stoke-on-Trent City Council perform adequately.");
    assert.equal(texts[1], 'This performance has been sustained from 2010 to 2011.');
    assert.equal(texts[2], 'The majority of provision for children and young people is good or better.');
    assert.ok(texts.includes('A recent full inspection of safeguarding and services for looked after children found services to be adequate, with good capacity to improve.'));
  });

  it('trafford-2009: "perform well" and "a majority … is good or better", with no direction without a 2008 grade', () => {
    const texts = summarySentences(assessed('trafford-2009-rating', 2009, '358'), frameworkFor(2009)).map((x) => x.text);
    assert.deepEqual(texts, ["Children's services in Trafford Metropolitan Borough Council perform well.", 'The majority of provision for children and young people is good or better.']);
  });
});
