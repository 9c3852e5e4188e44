import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { IndicatorDefinition, IndicatorValue } from '../../domain/indicator.ts';
import type { Judgement } from '../../domain/judgement.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import type { OutcomeCount } from '../../domain/outcome-count.ts';
import type { Ownership, Provider, ProviderInspection, ProviderType } from '../../domain/provider.ts';
import { parsePeriod } from '../../domain/period.ts';
import { frameworkFor } from '../../frameworks/index.ts';
import type { BlockARow } from '../../profile/block-a.ts';
import { blockC, indexIndicators } from '../../profile/block-c.ts';
import { indexEvidence } from '../../profile/evidence.ts';
import type { LaProfile, ProfileRun } from '../../profile/profile.ts';
import { buildProfile, profileRun } from '../../profile/profile.ts';
import { FIXTURE_LAS } from '../../../test/support/las.ts';
import { derive } from '../derive.ts';
import type { Derivation } from '../derive.ts';
import type { Change } from './changes.ts';
import { applyChanges, blockOf, candidateSettings, changeText, countWords, decimalsOf, movable, nextJudgement, settingsChange, sizeOf, thirdGradeWord } from './changes.ts';
import { applyToEvidence } from './evidence.ts';

/**
 * The changes of a what-if applied to a profile (changes.ts), checked against what the engine gives from evidence
 * changed the same way: settings judged again (named, and supplied counts), an indicator's figure moved (the row is
 * what blockC gives on the values with that figure changed, rank included), an LA inspection's finding or judgement;
 * the words each change is listed in; and that applying changes never touches what it is given.
 */
const fw2011 = frameworkFor(2011);
const STOCKPORT = '356' as LaCode;
const CODES = ['356', '358', '861', '822'] as const;
const las = FIXTURE_LAS.filter((la) => (CODES as readonly string[]).includes(la.code));
const neighbours = new Map<LaCode, readonly LaCode[]>([[STOCKPORT, ['358', '861'] as LaCode[]]]);

type Setting = readonly [urn: string, judgement: Judgement, date: string];

function settingsOf(la: string, type: ProviderType, ownership: Ownership, list: readonly Setting[], openedOn: string | null = null) {
  const providers: Provider[] = list.map(([urn]) => ({ urn, name: `Setting ${urn}`, type, la: la as LaCode, ownership, openedOn, closedOn: null, predecessorUrn: null }));
  const inspections: ProviderInspection[] = list.map(([urn, overall, date]) => ({ urn, date, kind: 'full', overall, sub: {} }));
  return { providers, inspections };
}

const PRIMARY: readonly Setting[] = [
  ['P1', 'good', '2008-05-01'],
  ['P2', 'good', '2007-03-01'],
  ['P3', 'good', '2009-01-10'],
  ['P4', 'satisfactory', '2006-02-01'],
  ['P6', 'satisfactory', '2007-09-01'],
  ['P5', 'inadequate', '2007-09-01'],
  ['P7', 'outstanding', '2006-01-01'],
];
const HOMES: readonly Setting[] = [
  ['H1', 'adequate', '2010-01-01'],
  ['H2', 'good', '2009-01-01'],
  ['H3', 'good', '2010-06-01'],
];
const FOSTERING: readonly Setting[] = [['F1', 'good', '2009-05-01']];
const counts = (j: Judgement, count: number): OutcomeCount => ({ area: { kind: 'la', code: STOCKPORT }, providerType: 'childminder', asAt: fw2011.profileDate, judgement: j, count, basis: 'aggregate' });
const CHILDMINDERS: readonly OutcomeCount[] = [counts('outstanding', 1), counts('good', 2), counts('satisfactory', 1), counts('inadequate', 3)];

const def = (id: string, polarity: IndicatorDefinition['polarity'], unit = '%'): IndicatorDefinition => ({ id, name: `indicator ${id}`, unit, polarity, ecmOutcome: 'enjoying-and-achieving', topic: null, description: null, source: 'test' });
const X = def('X', 'higher-is-better');
const Y = def('Y', 'lower-is-better', 'Rate per 10,000 children');
const value = (indicator: string, kind: 'la' | 'england', code: string, period: string, v: number): IndicatorValue => ({ indicator, area: { kind, code }, period: parsePeriod(period)!, value: { kind: 'number', value: v }, original: String(v) });
/** Two periods of X and Y for each LA and England. */
const FIGURES: Record<string, { X: [number, number]; Y: [number, number] }> = {
  '356': { X: [58, 60], Y: [20, 18] },
  '358': { X: [57, 62], Y: [15, 16] },
  '861': { X: [59, 65], Y: [25, 19] },
  '822': { X: [50, 55], Y: [30, 17.5] },
  '970': { X: [59, 60], Y: [18, 18] },
};
function indicatorValues(replace?: { indicator: 'X' | 'Y'; to: number }): IndicatorValue[] {
  return Object.entries(FIGURES).flatMap(([code, f]) =>
    (['X', 'Y'] as const).flatMap((id) =>
      (['2009/10', '2010/11'] as const).map((period, k) => {
        const v = replace && code === STOCKPORT && id === replace.indicator && k === 1 ? replace.to : f[id][k]!;
        return value(id, code === '970' ? 'england' : 'la', code, period, v);
      }),
    ),
  );
}

const ucra = (la: string, endDate: string, priorityActions: number): LaInspection => ({
  la: la as LaCode,
  kind: 'ucra',
  startDate: null,
  endDate,
  publishedOn: null,
  overall: null,
  judgements: {},
  strengthsCount: 1,
  developmentCount: 0,
  priorityActionCount: priorityActions,
  findings: [{ kind: 'strength', text: 'a strength' }, ...Array.from({ length: priorityActions }, (_, i) => ({ kind: 'area-for-priority-action' as const, text: `priority action ${i + 1}` }))],
  sourceRef: null,
});
const slac = (la: string, judgements: LaInspection['judgements']): LaInspection => ({ ...ucra(la, '2010-11-01', 0), kind: 'slac', strengthsCount: null, developmentCount: null, priorityActionCount: null, findings: [], judgements });

function run2011(laInspections: readonly LaInspection[] = []): ProfileRun {
  const parts = [settingsOf(STOCKPORT, 'primary-school', 'maintained', PRIMARY), settingsOf(STOCKPORT, 'childrens-home', 'la-run', HOMES), settingsOf(STOCKPORT, 'fostering-agency', 'la-run', FOSTERING), settingsOf('358', 'primary-school', 'maintained', [['Q1', 'good', '2009-01-01']])];
  return profileRun(
    fw2011,
    indexEvidence({ las, neighbours, providers: parts.flatMap((p) => p.providers), inspections: parts.flatMap((p) => p.inspections), outcomeCounts: CHILDMINDERS }),
    indexIndicators([X, Y], indicatorValues()),
    laInspections,
    null,
  );
}

const rowOf = (profile: LaProfile, group: string): BlockARow => {
  const row = profile.blockA.find((r) => r.group.id === group);
  assert.ok(row, group);
  return row;
};
const ok = (d: Derivation) => {
  assert.ok(d.ok, d.ok ? '' : d.reason);
  return d;
};
const firedIds = (d: Derivation) => ok(d).fired.map((f) => f.rule.id);

describe('settings judged again', () => {
  const run = run2011();
  const profile = buildProfile(run, STOCKPORT);
  const primary = rowOf(profile, 'primary');

  it('names those below good longest since inspected for a rise, and the good (not the outstanding) for a fall', () => {
    assert.deepEqual(candidateSettings(primary, 'up').map((s) => s.urn), ['P4', 'P5', 'P6'], 'oldest first, then by URN on the same day');
    assert.deepEqual(candidateSettings(primary, 'down').map((s) => s.urn), ['P2', 'P1', 'P3']);
    assert.equal(movable(primary, 'up'), 3);
    assert.equal(movable(primary, 'down'), 3);
  });

  it('named settings, up: the named settings are good at the profile date, the tallies and shares counted again', () => {
    const change = settingsChange(primary, 'up', 2, fw2011.profileDate);
    assert.deepEqual(change.settings.map((s) => [s.urn, s.from, s.inspectedOn]), [['P4', 'satisfactory', '2006-02-01'], ['P5', 'inadequate', '2007-09-01']]);
    assert.equal(change.to, 'good');
    assert.equal(change.asAt, primary.asAt);
    const after = applyChanges(run, profile, [change]);
    const row = rowOf(after, 'primary');
    assert.deepEqual(row.la.tally, { inspected: 7, outstanding: 1, good: 5, satisfactory: 1, inadequate: 0 });
    assert.equal(row.la.shares.goodOrBetter, 6 / 7);
    assert.equal(row.la.shares.satisfactory, 1 / 7);
    assert.equal(row.la.shares.inadequate, 0);
    for (const urn of ['P4', 'P5']) {
      const s = row.settings.find((x) => x.urn === urn)!;
      assert.equal(s.judgement, 'good', urn);
      assert.equal(s.inspectedOn, fw2011.profileDate, urn);
    }
    assert.equal(row.settings.find((x) => x.urn === 'P6')!.judgement, 'satisfactory');
    // The other groups are untouched, and so is the profile given.
    for (const r of after.blockA) if (r.group.id !== 'primary') assert.equal(r, rowOf(profile, r.group.id));
    assert.deepEqual(primary.la.tally, { inspected: 7, outstanding: 1, good: 3, satisfactory: 2, inadequate: 1 });
  });

  it('named settings: the same tallies as the evidence changed the same way gives', () => {
    for (const [direction, n] of [['up', 1], ['up', 3], ['down', 2]] as const) {
      const change = settingsChange(primary, direction, n, fw2011.profileDate);
      const viaProfile = rowOf(applyChanges(run, profile, [change]), 'primary');
      const viaEvidence = rowOf(buildProfile(applyToEvidence(run, STOCKPORT, [change]), STOCKPORT), 'primary');
      assert.deepEqual(viaProfile.la, viaEvidence.la, `${direction} ${n}`);
      assert.deepEqual(viaProfile.settings.map((s) => [s.urn, s.judgement]).sort(), viaEvidence.settings.map((s) => [s.urn, s.judgement]).sort(), `${direction} ${n}`);
    }
  });

  it('named settings, down: the good longest since inspected take the third grade of their group’s own scale', () => {
    const change = settingsChange(primary, 'down', 2, fw2011.profileDate);
    assert.equal(change.to, 'satisfactory');
    assert.deepEqual(change.settings.map((s) => s.urn), ['P2', 'P1']);
    const row = rowOf(applyChanges(run, profile, [change]), 'primary');
    assert.deepEqual(row.la.tally, { inspected: 7, outstanding: 1, good: 1, satisfactory: 4, inadequate: 1 });
    assert.equal(row.settings.find((s) => s.urn === 'P7')!.judgement, 'outstanding');
    // Children's homes are judged adequate, not satisfactory: the word their group uses.
    const homes = rowOf(profile, 'la-homes');
    const toAdequate = settingsChange(homes, 'down', 1, fw2011.profileDate);
    assert.equal(toAdequate.to, 'adequate');
    assert.equal(rowOf(applyChanges(run, profile, [toAdequate]), 'la-homes').settings.find((s) => s.urn === 'H2')!.judgement, 'adequate');
  });

  it('the third grade where a group has none: social care adequate, then requires improvement from April 2015; education satisfactory to August 2012', () => {
    const fostering = rowOf(profile, 'fostering');
    assert.equal(thirdGradeWord(fostering, '2011-08-31'), 'adequate');
    assert.equal(thirdGradeWord(fostering, '2015-03-31'), 'adequate');
    assert.equal(thirdGradeWord(fostering, '2015-04-01'), 'requires-improvement');
    const secondary = rowOf(profile, 'secondary');
    if (secondary.settings.every((x) => x.judgement !== 'satisfactory' && x.judgement !== 'requires-improvement')) {
      assert.equal(thirdGradeWord(secondary, '2012-08-31'), 'satisfactory');
      assert.equal(thirdGradeWord(secondary, '2012-09-01'), 'requires-improvement');
    }
    assert.equal(thirdGradeWord(rowOf(profile, 'la-homes'), '2024-08-31'), 'adequate', 'a group’s own word first');
  });

  it('supplied counts, up: no setting named, the satisfactory taken before the inadequate', () => {
    const minders = rowOf(profile, 'childminders');
    assert.equal(minders.la.basis, 'aggregate');
    assert.deepEqual(minders.la.tally, { inspected: 7, outstanding: 1, good: 2, satisfactory: 1, inadequate: 3 });
    assert.equal(movable(minders, 'up'), 4);
    assert.equal(movable(minders, 'down'), 2, 'the good, not the outstanding');
    const one = settingsChange(minders, 'up', 1, fw2011.profileDate);
    assert.deepEqual(one.settings, []);
    assert.deepEqual(rowOf(applyChanges(run, profile, [one]), 'childminders').la.tally, { inspected: 7, outstanding: 1, good: 3, satisfactory: 0, inadequate: 3 });
    const three = rowOf(applyChanges(run, profile, [settingsChange(minders, 'up', 3, fw2011.profileDate)]), 'childminders');
    assert.deepEqual(three.la.tally, { inspected: 7, outstanding: 1, good: 5, satisfactory: 0, inadequate: 1 });
    assert.deepEqual(three.la.shares, { outstanding: 1 / 7, goodOrBetter: 6 / 7, satisfactory: 0, inadequate: 1 / 7 });
    assert.equal(three.la.basis, 'aggregate');
    // The evidence's counts changed the same way give the same tally.
    const viaEvidence = rowOf(buildProfile(applyToEvidence(run, STOCKPORT, [settingsChange(minders, 'up', 3, fw2011.profileDate)]), STOCKPORT), 'childminders');
    assert.deepEqual(viaEvidence.la.tally, three.la.tally);
  });

  it('supplied counts, down: the good become the third grade', () => {
    const minders = rowOf(profile, 'childminders');
    const change = settingsChange(minders, 'down', 2, fw2011.profileDate);
    assert.equal(change.to, 'satisfactory');
    const row = rowOf(applyChanges(run, profile, [change]), 'childminders');
    assert.deepEqual(row.la.tally, { inspected: 7, outstanding: 1, good: 0, satisfactory: 3, inadequate: 3 });
    assert.equal(row.la.shares.goodOrBetter, 1 / 7);
  });

  it('several groups at once each change their own row', () => {
    const changes = [settingsChange(primary, 'up', 1, fw2011.profileDate), settingsChange(rowOf(profile, 'childminders'), 'up', 2, fw2011.profileDate)];
    const after = applyChanges(run, profile, changes);
    assert.equal(rowOf(after, 'primary').la.tally.good, 4);
    assert.equal(rowOf(after, 'childminders').la.tally.good, 4);
    assert.equal(sizeOf(changes), 3);
    assert.deepEqual(changes.map(blockOf), ['A', 'A']);
  });
});

describe('an indicator moving', () => {
  const run = run2011();
  const profile = buildProfile(run, STOCKPORT);
  const move = (indicator: 'X' | 'Y', to: number): Change => ({ kind: 'indicator-moves', indicator, name: `indicator ${indicator}`, unit: indicator === 'X' ? '%' : 'Rate per 10,000 children', period: '2010/11', from: FIGURES[STOCKPORT]![indicator][1], to, step: 5, published: String(to) });
  /** What blockC gives on the values with the LA's 2010/11 figure replaced. */
  const expected = (indicator: 'X' | 'Y', to: number) => blockC(indexIndicators([X, Y], indicatorValues({ indicator, to })), STOCKPORT, neighbours.get(STOCKPORT)!, run.laCodes, fw2011).find((r) => r.indicator.id === indicator)!;
  const rowAfter = (change: Change, indicator: string) => applyChanges(run, profile, [change]).blockC.find((r) => r.indicator.id === indicator)!;

  for (const [indicator, to] of [['X', 63], ['X', 56], ['X', 60.4], ['Y', 16.5], ['Y', 19.5], ['Y', 18]] as const) {
    it(`${indicator} to ${to}: the row is the one blockC gives on the changed values`, () => {
      assert.deepEqual(rowAfter(move(indicator, to), indicator), expected(indicator, to));
    });
  }

  it('ranks the new figure among the other LAs’ figures, not against the LA’s own old one', () => {
    // X (higher is better), others 62, 65, 55: at 56 two LAs are better (rank 3 of 4); the old 60 would make it 4 of 5.
    assert.deepEqual(rowAfter(move('X', 56), 'X').rank, { rank: 3, of: 4, quartile: 3 });
    assert.deepEqual(rowAfter(move('X', 63), 'X').rank, { rank: 2, of: 4, quartile: 2 });
    // Y (lower is better), others 16, 19, 17.5: at 19.5 all three are better (rank 4 of 4), the old 18 not among them.
    assert.deepEqual(rowAfter(move('Y', 19.5), 'Y').rank, { rank: 4, of: 4, quartile: 4 });
    assert.deepEqual(rowAfter(move('Y', 16.5), 'Y').rank, { rank: 2, of: 4, quartile: 2 });
    assert.deepEqual(rowAfter(move('Y', 15), 'Y').rank, { rank: 1, of: 4, quartile: 1 });
  });

  it('compares the new figure with similar areas and England, and reads its trend again', () => {
    const row = rowAfter(move('X', 63), 'X');
    // Similar areas: the mean of 62 and 65 (63.5), in line; England 60, 3 points below: better.
    assert.equal(row.latest!.similarAreas!.comparator, 63.5);
    assert.equal(row.latest!.similarAreas!.verdict, 'in-line');
    assert.equal(row.latest!.england!.verdict, 'better');
    assert.equal(row.trend!.word, 'improving');
    assert.equal(rowAfter(move('X', 58.5), 'X').trend!.word, 'stable');
  });

  it('leaves every other row as it was', () => {
    const after = applyChanges(run, profile, [move('X', 63)]);
    assert.equal(after.blockC.find((r) => r.indicator.id === 'Y'), profile.blockC.find((r) => r.indicator.id === 'Y'));
    assert.deepEqual(profile.blockC.find((r) => r.indicator.id === 'X')!.latest!.la, { kind: 'number', value: 60 }, 'the profile given keeps its figure');
  });
});

describe('LA inspections', () => {
  const inspections = [ucra(STOCKPORT, '2011-03-01', 2), slac(STOCKPORT, { safeguarding: 'inadequate', 'looked-after-children': 'good' }), ucra('358', '2011-04-01', 0), slac('358', { safeguarding: 'inadequate' })];
  const run = run2011(inspections);
  const profile = buildProfile(run, STOCKPORT);
  const base = ok(derive(profile, fw2011));
  const resolved: Change = { kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 2 };
  const safeguardingUp: Change = { kind: 'la-judgement', inspection: 'slac', endDate: '2010-11-01', judgement: 'safeguarding', from: 'inadequate', to: nextJudgement('inadequate', 'up', 'slac')! };

  it('the hand-made LA is held down by both rules', () => {
    assert.deepEqual(firedIds(base), ['priority-action-caps-at-poorly', 'inadequate-safeguarding-caps-at-poorly']);
    assert.equal(base.derived, 1);
  });

  it('priority actions resolved: the rule no longer fires, the other findings stay', () => {
    const after = applyChanges(run, profile, [resolved]);
    const latest = after.blockB.find((b) => b.kind === 'ucra')!.latest!;
    assert.equal(latest.priorityActionCount, 0);
    assert.deepEqual(latest.findings, [{ kind: 'strength', text: 'a strength' }]);
    assert.deepEqual(firedIds(derive(after, fw2011)), ['inadequate-safeguarding-caps-at-poorly']);
  });

  it('a judgement one grade better: safeguarding adequate, and the safeguarding rule no longer fires', () => {
    assert.equal(safeguardingUp.kind === 'la-judgement' && safeguardingUp.to, 'adequate');
    const after = applyChanges(run, profile, [safeguardingUp]);
    const latest = after.blockB.find((b) => b.kind === 'slac')!.latest!;
    assert.deepEqual(latest.judgements, { safeguarding: 'adequate', 'looked-after-children': 'good' });
    assert.deepEqual(firedIds(derive(after, fw2011)), ['priority-action-caps-at-poorly']);
    const both = ok(derive(applyChanges(run, profile, [resolved, safeguardingUp]), fw2011));
    assert.deepEqual(both.fired, []);
    assert.equal(both.derived, both.provisional);
  });

  it('changes only the LA’s own inspections', () => {
    const after = applyChanges(run, profile, [resolved, safeguardingUp]);
    assert.equal(after.la.code, STOCKPORT);
    const other = buildProfile(run, '358' as LaCode);
    assert.deepEqual(applyChanges(run, other, []).blockB, other.blockB);
    assert.equal(run.laInspections.find((i) => i.la === ('358' as LaCode) && i.kind === 'slac')!.judgements.safeguarding, 'inadequate');
  });

  it('an area for priority action found: the rule fires on an LA that had none', () => {
    const other = buildProfile(run, '358' as LaCode);
    assert.ok(!firedIds(derive(other, fw2011)).includes('priority-action-caps-at-poorly'));
    const after = applyChanges(run, other, [{ kind: 'priority-action-found', inspection: 'ucra', endDate: '2011-04-01' }]);
    const latest = after.blockB.find((b) => b.kind === 'ucra')!.latest!;
    assert.equal(latest.priorityActionCount, 1);
    assert.equal(latest.findings.filter((f) => f.kind === 'area-for-priority-action').length, 1);
    assert.ok(firedIds(derive(after, fw2011)).includes('priority-action-caps-at-poorly'));
  });

  it('one grade up or down, in the word of each kind of inspection', () => {
    const cases: [Judgement, 'up' | 'down', LaInspection['kind'], Judgement | null][] = [
      ['inadequate', 'up', 'slac', 'adequate'],
      ['good', 'down', 'slac', 'adequate'],
      ['adequate', 'up', 'slac', 'good'],
      ['adequate', 'down', 'slac', 'inadequate'],
      ['good', 'up', 'slac', 'outstanding'],
      ['outstanding', 'up', 'slac', null],
      ['inadequate', 'down', 'slac', null],
      ['good', 'down', 'jar', 'adequate'],
      ['inadequate', 'up', 'jar', 'adequate'],
      ['good', 'down', 'ilacs', 'requires-improvement'],
      ['inadequate', 'up', 'ilacs', 'requires-improvement'],
      ['requires-improvement', 'up', 'ilacs', 'good'],
      ['requires-improvement', 'down', 'ilacs', 'inadequate'],
      ['outstanding', 'down', 'ilacs', 'good'],
      ['outstanding', 'up', 'ilacs', null],
      ['good', 'down', 'sif', 'requires-improvement'],
      ['inadequate', 'up', 'sif', 'requires-improvement'],
      ['satisfactory', 'up', 'fostering', 'good'],
      ['satisfactory', 'down', 'fostering', 'inadequate'],
    ];
    for (const [from, direction, kind, to] of cases) assert.equal(nextJudgement(from, direction, kind), to, `${kind} ${from} ${direction}`);
  });

  it('today’s years: the ILACS overall effectiveness one grade better lifts the ILACS rule, and the succession follows', () => {
    const fw = frameworkFor(2024);
    const homes = settingsOf(STOCKPORT, 'childrens-home', 'private-voluntary', [['C1', 'good', '2023-06-01']], '2015-01-01');
    const ilacs: LaInspection = { ...slac(STOCKPORT, {}), kind: 'ilacs', endDate: '2023-05-01', overall: 'inadequate' };
    const run = profileRun(fw, indexEvidence({ las, neighbours, providers: homes.providers, inspections: homes.inspections, outcomeCounts: [] }), indexIndicators([], []), [ilacs], null);
    const profile = buildProfile(run, STOCKPORT);
    assert.ok(firedIds(derive(profile, fw)).includes('ilacs-inadequate-caps-at-poorly'));
    const to = nextJudgement('inadequate', 'up', 'ilacs')!;
    const after = applyChanges(run, profile, [{ kind: 'la-judgement', inspection: 'ilacs', endDate: '2023-05-01', judgement: 'overall', from: 'inadequate', to }]);
    assert.equal(after.blockB.find((b) => b.kind === 'ilacs')!.latest!.overall, 'requires-improvement');
    assert.equal(after.blockBSuccession!.latest!.overall, 'requires-improvement');
    assert.ok(!firedIds(derive(after, fw)).includes('ilacs-inadequate-caps-at-poorly'));
  });
});

describe('decimalsOf', () => {
  it('counts the decimals as published, at most three; from the number where the original has none', () => {
    const cases: [string, number, number][] = [
      ['12.13', 12.13, 2],
      ['12.10', 12.1, 2],
      ['12', 12, 0],
      [' 7.5 ', 7.5, 1],
      ['0.123456', 0.123456, 3],
      ['1,234.5', 1234.5, 1],
      ['-3.25', -3.25, 2],
      ['x', 4.25, 2],
      ['', 10, 0],
      ['', 0.1 + 0.2, 3],
      ['12.', 12, 0],
    ];
    for (const [original, v, decimals] of cases) assert.equal(decimalsOf(original, v), decimals, JSON.stringify(original));
  });
});

describe('changes in words', () => {
  const run = run2011();
  const profile = buildProfile(run, STOCKPORT);
  const primary = rowOf(profile, 'primary');
  const minders = rowOf(profile, 'childminders');

  it('numbers to ten in words', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 152].map(countWords), ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', '11', '152']);
  });

  it('settings judged good, naming the settings with their judgement and date', () => {
    assert.equal(
      changeText(settingsChange(primary, 'up', 2, fw2011.profileDate)),
      'two more of its primary schools judged good at reinspection (Setting P4, satisfactory on 2006-02-01; Setting P5, inadequate on 2007-09-01)',
    );
    assert.equal(changeText(settingsChange(minders, 'up', 3, fw2011.profileDate)), 'three more of its childminders judged good at reinspection');
    assert.equal(changeText({ ...settingsChange(minders, 'up', 3, fw2011.profileDate), count: 10 }), 'ten more of its childminders judged good at reinspection');
    assert.equal(changeText({ ...settingsChange(minders, 'up', 3, fw2011.profileDate), count: 11 }), '11 more of its childminders judged good at reinspection');
    assert.equal(
      changeText(settingsChange(rowOf(profile, 'la-homes'), 'up', 1, fw2011.profileDate)),
      "one more of its children's homes run by the local authority judged good at reinspection (Setting H1, adequate on 2010-01-01)",
    );
  });

  it('settings judged below good', () => {
    assert.equal(changeText(settingsChange(primary, 'down', 1, fw2011.profileDate)), 'one of its primary schools now good judged satisfactory at reinspection (Setting P2, good on 2007-03-01)');
    assert.equal(changeText(settingsChange(minders, 'down', 2, fw2011.profileDate)), 'two of its childminders now good judged satisfactory at reinspection');
  });

  it('names three settings, then says how many more', () => {
    const named = { ...settingsChange(primary, 'up', 3, fw2011.profileDate), count: 5, settings: ['P4', 'P5', 'P6', 'P8', 'P9'].map((urn) => ({ urn, name: `Setting ${urn}`, from: 'satisfactory' as const, inspectedOn: '2006-02-01' })) };
    assert.match(changeText(named), /^five more of its primary schools judged good at reinspection \(Setting P4, satisfactory on 2006-02-01; Setting P5, satisfactory on 2006-02-01; Setting P6, satisfactory on 2006-02-01; and (two|2) more\)$/);
  });

  it('names three settings, then says how many more in words', () => {
    const named = { ...settingsChange(primary, 'up', 3, fw2011.profileDate), count: 5, settings: ['P4', 'P5', 'P6', 'P8', 'P9'].map((urn) => ({ urn, name: `Setting ${urn}`, from: 'satisfactory' as const, inspectedOn: '2006-02-01' })) };
    assert.match(changeText(named), /; and two more\)$/);
  });

  it('an indicator moving, with its unit, the period and the plausible step', () => {
    const change: Change = { kind: 'indicator-moves', indicator: 'NI 75', name: 'Achievement of 5 or more A*-C grades', unit: '%', period: '2010/11', from: 52.5, to: 55, step: 5.5, published: '55.0' };
    assert.equal(changeText(change), 'Achievement of 5 or more A*-C grades (NI 75) at 55.0% rather than 52.5% in 2010/11 (a step of 2.5; a plausible step is up to 5.5)');
    const rate: Change = { kind: 'indicator-moves', indicator: 'NI 62', name: 'Placements', unit: 'Rate per 10,000 children', period: '2010-11', from: 40.1, to: 38.9, step: 1.7000000000000028, published: '38.9' };
    assert.equal(changeText(rate), 'Placements (NI 62) at 38.9 rather than 40.1 in 2010-11 (a step of 1.2; a plausible step is up to 1.7)');
  });

  it('an area for priority action found, and a judgement one grade better or worse', () => {
    assert.equal(changeText({ kind: 'priority-action-found', inspection: 'ucra', endDate: '2011-03-01' }), 'an area for priority action found by the unannounced inspection of contact, referral and assessment arrangements ending 2011-03-01');
    assert.equal(
      changeText({ kind: 'la-judgement', inspection: 'slac', endDate: '2010-11-01', judgement: 'looked-after-children-capacity', from: 'adequate', to: 'good' }),
      'looked after children capacity judged good rather than adequate (inspection of safeguarding and looked after children services ending 2010-11-01)',
    );
    assert.equal(
      changeText({ kind: 'la-judgement', inspection: 'ilacs', endDate: '2023-05-01', judgement: 'overall', from: 'good', to: 'requires-improvement' }),
      "overall effectiveness judged requires improvement to be good rather than good (inspection of local authority children's services ending 2023-05-01)",
    );
  });

  it('areas for priority action resolved', () => {
    assert.match(changeText({ kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 2 }), /areas for priority action of the unannounced inspection of contact, referral and assessment arrangements ending 2011-03-01 resolved$/);
  });

  it('areas for priority action resolved, counted in words', () => {
    assert.equal(changeText({ kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 2 }), 'the two areas for priority action of the unannounced inspection of contact, referral and assessment arrangements ending 2011-03-01 resolved');
    assert.doesNotMatch(changeText({ kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 1 }), /\b1\b/);
  });
});

describe('applyChanges never changes what it is given', () => {
  /** Freezes plain objects and arrays all the way down, and the values held in maps. */
  function deepFreeze(value: unknown, seen = new Set<unknown>()): void {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) {
      for (const [k, v] of value) (deepFreeze(k, seen), deepFreeze(v, seen));
      return;
    }
    Object.freeze(value);
    for (const key of Object.getOwnPropertyNames(value)) {
      const d = Object.getOwnPropertyDescriptor(value, key)!;
      if ('value' in d) deepFreeze(d.value, seen);
    }
  }
  /** A run's data, maps as lists, for comparison before and after. */
  const snapshot = (x: unknown): string => JSON.stringify(x, (_, v: unknown) => (v instanceof Map ? [...v.entries()] : typeof v === 'function' ? undefined : v));

  it('with every kind of change made, to a frozen profile, frozen changes and a frozen run', () => {
    const inspections = [ucra(STOCKPORT, '2011-03-01', 2), slac(STOCKPORT, { safeguarding: 'inadequate', 'looked-after-children': 'good' })];
    const run = run2011(inspections);
    const profile = buildProfile(run, STOCKPORT);
    const changes: Change[] = [
      settingsChange(rowOf(profile, 'primary'), 'up', 2, fw2011.profileDate),
      settingsChange(rowOf(profile, 'childminders'), 'up', 3, fw2011.profileDate),
      settingsChange(rowOf(profile, 'la-homes'), 'down', 1, fw2011.profileDate),
      { kind: 'indicator-moves', indicator: 'X', name: 'indicator X', unit: '%', period: '2010/11', from: 60, to: 57, step: 5, published: '57' },
      { kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 2 },
      { kind: 'priority-action-found', inspection: 'ucra', endDate: '2011-03-01' },
      { kind: 'la-judgement', inspection: 'slac', endDate: '2010-11-01', judgement: 'safeguarding', from: 'inadequate', to: 'adequate' },
    ];
    const before = { profile: snapshot(profile), changes: snapshot(changes), indicators: snapshot(run.indicators.byIndicator), inspections: snapshot(run.laInspections), evidence: snapshot(run.evidence.evidence) };
    deepFreeze(profile);
    deepFreeze(changes);
    deepFreeze(run.laInspections);
    deepFreeze(run.evidence.evidence);
    deepFreeze(run.indicators.byIndicator);
    const after = applyChanges(run, profile, changes);
    assert.notEqual(after, profile);
    assert.equal(rowOf(after, 'primary').la.tally.good, 5);
    // And each change alone, and in reverse order.
    for (const c of changes) applyChanges(run, profile, [c]);
    applyChanges(run, profile, [...changes].reverse());
    assert.deepEqual(
      { profile: snapshot(profile), changes: snapshot(changes), indicators: snapshot(run.indicators.byIndicator), inspections: snapshot(run.laInspections), evidence: snapshot(run.evidence.evidence) },
      before,
    );
  });

  it('gives the same profile for the same changes, however often asked', () => {
    const run = run2011([ucra(STOCKPORT, '2011-03-01', 1)]);
    const profile = buildProfile(run, STOCKPORT);
    const changes: Change[] = [settingsChange(rowOf(profile, 'primary'), 'up', 1, fw2011.profileDate), { kind: 'priority-actions-resolved', inspection: 'ucra', endDate: '2011-03-01', count: 1 }];
    const first = snapshot(applyChanges(run, profile, changes));
    assert.equal(snapshot(applyChanges(run, profile, changes)), first);
    assert.equal(snapshot(buildProfile(run, STOCKPORT)), snapshot(profile));
  });
});
