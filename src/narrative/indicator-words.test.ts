import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from '../domain/local-authority.ts';
import { parsePeriod } from '../domain/period.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { buildProfile } from '../profile/profile.ts';
import { laInspection, profileWith } from '../../test/support/profiles.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { periodWords, provisionalSentence, standingOf, trendSentence } from './comparisons.ts';
import { indicatorStatements } from './indicator-statements.ts';
import { ucraStatements } from './inspection-statements.ts';
import { slacFound } from './summary.ts';

describe('periods in words: never a source label in prose', () => {
  it('names an academic or financial year by the year it ends, and drops the qualifier', () => {
    assert.equal(periodWords(parsePeriod('2010/11')!), '2011');
    assert.equal(periodWords(parsePeriod('2010-11 (prov)')!), '2011');
    assert.equal(periodWords(parsePeriod('2011 (prov)')!), '2011');
    assert.equal(periodWords(parsePeriod('2008-10')!), '2008 to 2010');
  });
});

describe('trend words depend on where the figure stands', () => {
  it('reads the standing through the verdicts: any worse is poor, better and none worse is good', () => {
    assert.deepEqual([standingOf('worse', 'better'), standingOf('better', 'in-line'), standingOf('in-line', null)], ['poor', 'good', 'in-line']);
  });
  it('says a good position that has not moved is maintained', () => {
    assert.equal(trendSentence('stable', 'good', 'level', 'the last two years'), 'This position has been maintained over the last two years.');
  });
  it('never says a poor position is maintained: a level has not improved, a gap is not narrowing', () => {
    assert.equal(trendSentence('stable', 'poor', 'level', 'the last two years'), 'It has not improved over the last two years.');
    assert.equal(trendSentence('stable', 'poor', 'gap', 'the last two years'), 'It is not narrowing.');
    assert.equal(trendSentence('stable', 'in-line', 'gap', 'the last two years'), 'It has changed little over the last two years.');
  });
  it('says a movement as it is, whatever the standing', () => {
    assert.equal(trendSentence('narrowing', 'poor', 'gap', 'the last two years'), 'It has narrowed over the last two years.');
  });
});

describe('provisional figures, after the last final position', () => {
  it('says what they show: a rise, a fall, the same position, or where they now stand', () => {
    assert.equal(provisionalSentence('2011', 'improving', 'poor', null), 'Provisional figures for 2011 show some improvement.');
    assert.equal(provisionalSentence('2011', 'declining', 'good', 'below the averages nationally and for similar areas'), 'Provisional figures for 2011 show a fall: they are below the averages nationally and for similar areas.');
    assert.equal(provisionalSentence('2011', 'stable', 'good', null), 'Provisional figures for 2011 indicate that this position has been maintained.');
    assert.equal(provisionalSentence('2011', 'stable', 'poor', null), 'Provisional figures for 2011 show no improvement.');
  });
  it('states the final 2010 position of a Key Stage 2 figure whose 2011 figure is provisional, then its fall, with no period label', () => {
    const batch = stockport2011();
    const values = (batch.indicatorValues ?? []).map((v) => {
      if (v.indicator !== 'NI 73' || v.period.original !== '2010/11') return v;
      const value = v.area.kind === 'la' ? { kind: 'number' as const, value: 71 } : v.value;
      return { ...v, period: parsePeriod('2010/11 (prov)')!, value };
    });
    const profile = buildProfile(runOver({ ...batch, indicatorValues: values }), '356' as LaCode);
    const ks2 = indicatorStatements(profile, new Set(), 5).find((s) => s.sentence.id === 'c:ni-73')!;
    assert.equal(ks2.sentence.text, 'The attainment of 11-year-olds in English and mathematics at Key Stage 2 was above the averages nationally and for similar areas in 2010. It has improved over the last three years. Provisional figures for 2011 show a fall: they are below the averages nationally and for similar areas.');
    assert.deepEqual(ks2.sentence.evidence.map((e) => e.block === 'C' && e.period), ['2009/10', '2010/11 (prov)']);
  });
});

describe('gaps for low-income families that all fail to narrow are one statement', () => {
  const profileWithGaps = (values: Record<string, number>) => {
    const batch = stockport2011();
    const indicatorValues = (batch.indicatorValues ?? []).map((v) => {
      const key = `${v.indicator}@${v.period.original}`;
      return v.area.kind === 'la' && key in values ? { ...v, value: { kind: 'number' as const, value: values[key]! } } : v;
    });
    return buildProfile(runOver({ ...batch, indicatorValues }), '356' as LaCode);
  };
  it('says three wide gaps that have not moved once, youngest first, "not narrowing" and never "maintained"', () => {
    const gaps = indicatorStatements(profileWithGaps({ 'NI 82@2010': 22.0, 'NI 81@2010': 28.5, 'NI 102b@2010/11': 34.5 }), new Set(), 5).filter((s) => s.theme === 'gaps');
    assert.deepEqual(gaps.map((s) => s.sentence.text), ['The gaps between young people from low-income families and others at GCSE, in level 2 qualifications at 19 and in level 3 qualifications at 19 are wider than the averages nationally and for similar areas and are not narrowing.']);
    assert.deepEqual(gaps[0]!.sentence.evidence.map((e) => e.block === 'C' && e.indicator), ['NI 102b', 'NI 82', 'NI 81']);
  });
  it('keeps a gap that moves in its own sentence (the seed fixture: one widening, two narrowing)', () => {
    const gaps = indicatorStatements(profileWithGaps({}), new Set(), 5).filter((s) => s.theme === 'gaps');
    assert.deepEqual(gaps.map((s) => s.sentence.id), ['c:ni-81', 'c:ni-82', 'c:ni-102b']);
  });
});

describe('a safeguarding and looked after children inspection: every judgement it made', () => {
  it('says the two judgements once where they agree, as stoke-on-trent-2011 does', () => {
    assert.equal(slacFound({ overall: 'adequate', judgements: { safeguarding: 'adequate', 'safeguarding-capacity': 'good', 'looked-after-children': 'adequate', 'looked-after-children-capacity': 'good' } }), 'services to be adequate, with good capacity to improve');
  });
  it('says each where they differ, and each capacity where those differ', () => {
    assert.equal(slacFound({ overall: null, judgements: { safeguarding: 'adequate', 'safeguarding-capacity': 'good', 'looked-after-children': 'good', 'looked-after-children-capacity': 'good' } }), 'safeguarding services to be adequate and services for looked after children to be good, each with good capacity to improve');
    assert.equal(
      slacFound({ overall: null, judgements: { safeguarding: 'adequate', 'safeguarding-capacity': 'good', 'looked-after-children': 'good', 'looked-after-children-capacity': 'adequate' } }),
      'safeguarding services to be adequate, with good capacity to improve, and services for looked after children to be good, with adequate capacity to improve',
    );
  });
  it('says the one it has, or the overall effectiveness where it has neither', () => {
    assert.equal(slacFound({ overall: null, judgements: { 'looked-after-children': 'good' } }), 'services for looked after children to be good');
    assert.equal(slacFound({ overall: 'good', judgements: {} }), 'services to be good');
    assert.equal(slacFound({ overall: null, judgements: {} }), null);
  });
});

describe("the unannounced inspection's areas for development, among the areas for further improvement", () => {
  const framework = frameworkFor(2011);
  const previous = laInspection('ucra', '2010-03-10', { findings: [{ kind: 'area-for-development', text: 'The recording of decisions on referrals is inconsistent.' }] });
  const latest = laInspection('ucra', '2011-04-06', {
    findings: [
      { kind: 'strength', text: 'Preventative work.' },
      { kind: 'area-for-development', text: 'Timeliness of initial assessments.' },
      { kind: 'area-for-development', text: 'Management oversight of referrals.' },
      { kind: 'area-for-development', text: 'Use of the CAF.' },
      { kind: 'area-for-development', text: 'Recording of decisions.' },
    ],
  });
  it('gives two examples in the inspectors\' words and says the one found before remains from it', () => {
    const [s] = ucraStatements(profileWith(framework, { laInspections: [previous, latest] }));
    assert.equal(s?.kind, 'area');
    assert.equal(s?.sentence.text, "The unannounced inspection in April 2011 identified four areas for development, among them 'timeliness of initial assessments' and 'management oversight of referrals'. 'Recording of decisions' remains from the previous unannounced inspection, in March 2010.");
  });
  it('says nothing remains without a previous inspection, and nothing of an inspection before last year\'s letter', () => {
    assert.doesNotMatch(ucraStatements(profileWith(framework, { laInspections: [latest] }))[0]!.sentence.text, /remain/);
    assert.deepEqual(ucraStatements(profileWith(framework, { laInspections: [previous] })), []);
  });
});
