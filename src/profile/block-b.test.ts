import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { blockB, blockBSuccession, changeWords, findingWords, recurringFindings, sameFinding } from './block-b.ts';

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

describe("Block B's succession: the single inspection framework, then ILACS, as one history", () => {
  const history = [
    inspection('sif', '2015-10-20', { publishedOn: '2015-10-20', overall: 'requires-improvement' }),
    inspection('ilacs', '2019-01-25', { startDate: '2019-01-14', overall: 'good' }),
    inspection('ilacs', '2022-12-09', { startDate: '2022-11-28', overall: 'inadequate' }),
    inspection('ilacs', '2025-03-21', { startDate: '2025-03-17', overall: 'inadequate' }),
  ];
  const at = (year: number) => blockBSuccession(blockB(history, la, frameworkFor(year)))!;

  it('reads both kinds in the indicator years, and the entries keep each kind apart', () => {
    assert.deepEqual(frameworkFor(2025).blockB, ['ilacs', 'sif']);
    const entries = blockB(history, la, frameworkFor(2024));
    assert.equal(entries.find((e) => e.kind === 'ilacs')?.latest?.endDate, '2022-12-09');
    assert.equal(entries.find((e) => e.kind === 'ilacs')?.previous?.endDate, '2019-01-25');
    assert.equal(entries.find((e) => e.kind === 'sif')?.latest?.endDate, '2015-10-20');
  });
  it("before the first ILACS, the SIF is the judgement in force, with nothing before it", () => {
    const s = at(2017);
    assert.deepEqual([s.latest?.kind, s.latest?.endDate, s.previous, s.change], ['sif', '2015-10-20', null, null]);
  });
  it("an LA's first ILACS follows its SIF: improved from requires improvement to good", () => {
    const s = at(2019);
    assert.deepEqual([s.latest?.kind, s.previous?.kind], ['ilacs', 'sif']);
    assert.deepEqual(s.change, { direction: 'improved', from: 'requires-improvement', to: 'good' });
    assert.equal(changeWords(s.change!), 'improved from requires improvement to good');
  });
  it('then ILACS follows ILACS: declined from good to inadequate, then stayed inadequate', () => {
    assert.deepEqual([at(2023).previous?.endDate, at(2023).change?.direction], ['2019-01-25', 'declined']);
    assert.equal(changeWords(at(2023).change!), 'declined from good to inadequate');
    assert.deepEqual([at(2025).latest?.endDate, at(2025).previous?.endDate], ['2025-03-21', '2022-12-09']);
    assert.equal(changeWords(at(2025).change!), 'stayed inadequate');
  });
  it('says no change where either inspection has no overall grade (no SIF in the scraped data has one)', () => {
    const s = blockBSuccession(blockB([inspection('sif', '2015-10-20'), inspection('ilacs', '2019-01-25', { overall: 'good' })], la, frameworkFor(2019)))!;
    assert.equal(s.previous?.kind, 'sif');
    assert.equal(s.change, null);
  });
  it('is empty for an LA with neither, and absent from a framework that does not read both kinds', () => {
    assert.deepEqual(blockBSuccession(blockB([], la, frameworkFor(2025))), { kinds: ['sif', 'ilacs'], latest: null, previous: null, change: null });
    assert.equal(blockBSuccession(blockB(history, la, frameworkFor(2011))), null);
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
