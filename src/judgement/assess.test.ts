import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { indicatorsFramework } from '../frameworks/indicators/definition.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { assessAll, compareWithPublished, directionAgainstIndicators, directionOfTravel, distribution } from './assess.ts';

const STOCKPORT = '356' as LaCode;
const framework = frameworkFor(2011);
const run = runOver(stockport2011());

const judged = (la: LaCode, year: number, decision: InspectorJudgement['decision'], recordedAt = '2011-11-01T10:00:00Z'): InspectorJudgement => ({ la, year, decision, rationale: 'moderated', author: 'A Moderator', stage: 'final', authorId: null, recordedAt, derivedAtTheTime: 3 });

describe('assessing every LA of a year', () => {
  const none = new Map();
  const results = assessAll({ run, judgements: none, previous: none });

  it('returns one result per LA of the year, in code order, without stopping at those it cannot assess', () => {
    // Bedfordshire (820) closed in 2009: not an LA of 2011.
    assert.deepEqual(results.map((r) => r.la.code), ['356', '358', '822', '861']);
    assert.equal(results.find((r) => r.la.code === STOCKPORT)?.status, 'assessed');
    const trafford = results.find((r) => r.la.code === '358')!;
    assert.equal(trafford.status, 'not-assessed');
    assert.ok(trafford.status === 'not-assessed' && /no inspected settings and no compared indicators for Trafford \(358\)/.test(trafford.reason));
  });

  it('gives the derived grade as the standing grade until an inspector judges, and says it is not final', () => {
    const stockport = results[0]!;
    assert.ok(stockport.status === 'assessed');
    assert.equal(stockport.grade, 3);
    assert.equal(stockport.final, false);
    assert.equal(stockport.change, 0);
    assert.equal(stockport.direction, null);
  });

  it('keeps the derived grade beside a different final grade, and the change between them', () => {
    const [stockport] = assessAll({ run, judgements: new Map([[STOCKPORT, judged(STOCKPORT, 2011, { kind: 'grade', grade: 4 })]]), previous: none }, [STOCKPORT]);
    assert.ok(stockport?.status === 'assessed');
    assert.equal(stockport.derived, 3);
    assert.equal(stockport.grade, 4);
    assert.equal(stockport.final, true);
    assert.equal(stockport.change, 1);
  });

  it('withholds an outcome with the reason, keeping what the derived grade would have been', () => {
    const [stockport] = assessAll({ run, judgements: new Map([[STOCKPORT, { ...judged(STOCKPORT, 2011, { kind: 'withheld' }), rationale: 'inspection of safeguarding under way' }]]), previous: none }, [STOCKPORT]);
    assert.ok(stockport?.status === 'withheld');
    assert.equal(stockport.reason, 'inspection of safeguarding under way');
    assert.equal(stockport.derived, 3);
  });

  it('states the direction of travel against last year’s final grade, as the Stockport letter does', () => {
    const [stockport] = assessAll({ run, judgements: none, previous: new Map([[STOCKPORT, judged(STOCKPORT, 2010, { kind: 'grade', grade: 3 })]]) }, [STOCKPORT]);
    assert.ok(stockport?.status === 'assessed');
    assert.deepEqual(stockport.direction, { direction: 'sustained', previousYear: 2010, previousGrade: 3, basis: 'inspector-judgement', text: 'This performance has been sustained from 2010 to 2011.', short: 'sustained since 2010' });
  });

  it('counts the distribution and sets it beside the published one', () => {
    const d = distribution(results);
    assert.deepEqual(d, { las: 4, grades: { 4: 0, 3: 1, 2: 0, 1: 0 }, withheld: 0, notAssessed: 3 });
    const rows = compareWithPublished(d, framework.published, framework);
    assert.deepEqual(rows[0], { outcome: '4 Performs excellently', run: 0, runShare: 0, published: 28, publishedShare: 28 / 152 });
    assert.deepEqual(rows.find((r) => r.outcome === 'withheld'), { outcome: 'withheld', run: 0, runShare: 0, published: 5, publishedShare: 5 / 152 });
  });
});

describe('direction of travel', () => {
  const before = (grade: 1 | 2 | 3 | 4) => judged(STOCKPORT, 2010, { kind: 'grade', grade });
  it('improved, sustained, declined', () => {
    assert.equal(directionOfTravel(before(2), 3, 2011)?.direction, 'improved');
    assert.equal(directionOfTravel(before(3), 3, 2011)?.direction, 'sustained');
    assert.equal(directionOfTravel(before(4), 3, 2011)?.text, 'Performance has declined since 2010, from grade 4 to grade 3.');
  });
  it('has none without last year’s final grade, or when last year’s outcome was withheld', () => {
    assert.equal(directionOfTravel(undefined, 3, 2011), null);
    assert.equal(directionOfTravel(judged(STOCKPORT, 2010, { kind: 'withheld' }), 3, 2011), null);
  });
});

describe("direction of travel in today's indicator years: against Kingsway's own grade of the year before", () => {
  const before = { year: 2024, grades: new Map([[STOCKPORT, 2 as const]]) };
  it('improved, sustained, declined, each said to be against Kingsway\'s indicator assessment, not an inspector\'s', () => {
    const up = directionAgainstIndicators(before, STOCKPORT, 3)!;
    assert.deepEqual(up, {
      direction: 'improved',
      previousYear: 2024,
      previousGrade: 2,
      basis: 'kingsway-indicator-assessment',
      text: "Against Kingsway's indicator assessment of 2024 (not an inspector's judgement): improved from 2 to 3.",
      short: "improved since Kingsway's indicator assessment of 2024",
    });
    assert.equal(directionAgainstIndicators(before, STOCKPORT, 2)?.text, "Against Kingsway's indicator assessment of 2024 (not an inspector's judgement): sustained at 2.");
    assert.equal(directionAgainstIndicators(before, STOCKPORT, 1)?.direction, 'declined');
  });
  it('has none for an LA without a grade the year before, or without a year before', () => {
    assert.equal(directionAgainstIndicators(before, '358' as LaCode, 3), null);
    assert.equal(directionAgainstIndicators(undefined, STOCKPORT, 3), null);
  });
  it('is what an indicator year assesses with, and an inspector judgement of the year before is not read there', () => {
    const framework = indicatorsFramework(2025);
    const indicatorRun = { ...run, framework };
    const [stockport] = assessAll({ run: indicatorRun, judgements: new Map(), previous: new Map([[STOCKPORT, judged(STOCKPORT, 2024, { kind: 'grade', grade: 4 })]]), previousDerived: { year: 2024, grades: new Map([[STOCKPORT, 1 as const]]) } }, [STOCKPORT]);
    assert.ok(stockport?.status === 'assessed');
    assert.equal(stockport.direction?.basis, 'kingsway-indicator-assessment');
    assert.equal(stockport.direction?.previousGrade, 1);
  });
});

describe('inspector judgements in force', () => {
  it('are the latest record per LA; earlier ones stay in the history', () => {
    const first = judged(STOCKPORT, 2011, { kind: 'grade', grade: 2 }, '2011-10-01T09:00:00Z');
    const second = judged(STOCKPORT, 2011, { kind: 'grade', grade: 3 }, '2011-10-20T09:00:00Z');
    assert.equal(currentJudgements([second, first]).get(STOCKPORT), second);
    assert.equal(currentJudgements([first, second]).get(STOCKPORT), second);
  });
});
