import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { blockB, findingWords, recurringFindings, sameFinding } from './block-b.ts';

const la = '356' as LaCode;
const inspection = (kind: LaInspection['kind'], endDate: string, extra: Partial<LaInspection> = {}): LaInspection => ({
  la,
  kind,
  startDate: null,
  endDate,
  publishedOn: null,
  overall: null,
  judgements: {},
  strengthsCount: null,
  developmentCount: null,
  priorityActionCount: null,
  findings: [],
  sourceRef: null,
  ...extra,
});

describe('Block B', () => {
  const all = [
    inspection('ucra', '2009-05-01', { priorityActionCount: 1 }),
    inspection('ucra', '2010-06-01', { priorityActionCount: 0 }),
    inspection('ucra', '2011-09-30', { priorityActionCount: 2 }),
    inspection('slac', '2010-02-01', { judgements: { safeguarding: 'adequate' } }),
    inspection('scr-evaluation', '2010-06-01', { overall: 'inadequate' }),
    inspection('scr-evaluation', '2010-12-01', { overall: 'adequate' }),
    inspection('scr-evaluation', '2011-03-01', { overall: 'good' }),
    { ...inspection('ucra', '2011-01-01'), la: '358' as LaCode },
  ];
  const entries = new Map(blockB(all, la, frameworkFor(2011)).map((e) => [e.kind, e]));

  it('takes the latest of each kind on or before the profile date, and the one before it', () => {
    assert.equal(entries.get('ucra')?.latest?.endDate, '2010-06-01', 'the September 2011 inspection is after the profile date');
    assert.equal(entries.get('ucra')?.previous?.endDate, '2009-05-01');
    assert.equal(entries.get('slac')?.latest?.judgements.safeguarding, 'adequate');
  });
  it('reads serious case review evaluations as the set in the twelve months to the profile date', () => {
    assert.deepEqual(entries.get('scr-evaluation')?.inWindow.map((i) => i.overall), ['adequate', 'good']);
  });
  it('gives an entry with nothing for a kind the LA has not had', () => {
    assert.deepEqual(entries.get('private-fostering'), { kind: 'private-fostering', latest: null, previous: null, inWindow: [] });
  });
  it('reads only the kinds the framework names: the APA reads the joint area review', () => {
    assert.deepEqual(blockB(all, la, frameworkFor(2006)).map((e) => e.kind), ['jar']);
  });
});

describe('Block B: findings that recur from the previous inspection, by normalised word overlap', () => {
  it('finds a finding again in other words: "Timeliness of initial assessments" in "The timeliness of initial assessments is not consistently good"', () => {
    assert.equal(sameFinding('Timeliness of initial assessments.', 'The timeliness of initial assessments is not consistently good.'), true);
  });
  it('meets plurals and verb forms: "Recording of decisions" and "The recording of decisions on referrals is inconsistent"', () => {
    assert.deepEqual([...findingWords('Decisions are recorded')], ['decision', 'record']);
    assert.equal(sameFinding('Recording of decisions.', 'The recording of decisions on referrals is inconsistent.'), true);
  });
  it('does not match findings that share one word of several: "Management oversight of referrals" and "Timeliness of referrals"', () => {
    assert.equal(sameFinding('Management oversight of referrals.', 'Timeliness of referrals.'), false);
  });
  it('does not match findings about different things, nor an empty one', () => {
    assert.equal(sameFinding('Supervision of social workers is not regular.', 'Recording of decisions.'), false);
    assert.equal(sameFinding('', 'Recording of decisions.'), false);
  });
  it('gives the latest inspection\'s areas for development and priority action found before, in its order, and none without a previous inspection', () => {
    const previous = inspection('ucra', '2010-03-10', { findings: [{ kind: 'area-for-development', text: 'The recording of decisions on referrals is inconsistent.' }, { kind: 'strength', text: 'Timeliness of initial assessments.' }] });
    const latest = inspection('ucra', '2011-04-06', {
      findings: [
        { kind: 'area-for-development', text: 'Timeliness of initial assessments.' },
        { kind: 'area-for-development', text: 'Recording of decisions.' },
        { kind: 'strength', text: 'Recording of decisions.' },
      ],
    });
    assert.deepEqual(recurringFindings(latest, previous).map((f) => f.text), ['Recording of decisions.']);
    assert.deepEqual(recurringFindings(latest, null), []);
  });
});
