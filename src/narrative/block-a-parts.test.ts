import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Judgement } from '../domain/judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Ownership, ProviderType } from '../domain/provider.ts';
import type { BlockAGroup } from '../frameworks/types.ts';
import type { BlockARow, CountedSetting } from '../profile/block-a.ts';
import { shares, tally } from '../profile/block-a.ts';
import { buildProfile } from '../profile/profile.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { runOver, stockport2011 } from '../../test/support/stockport-run.ts';
import { groupParts, noLongerInadequate, settingsMoved, unseenAcademies } from './block-a-parts.ts';
import { bullets, changeToSay } from './bullets.ts';
import { fractionWords } from './proportions.ts';
import { headlineShare } from './summary.ts';
import { proportionBand } from './proportions.ts';

const SECONDARY: BlockAGroup = { id: 'secondary', label: 'Secondary schools', providerTypes: ['secondary-school', 'all-through-school'] };

function setting(urn: string, judgement: Judgement, extra: { type?: ProviderType; ownership?: Ownership; via?: string; predecessor?: string } = {}): CountedSetting {
  return { urn, name: urn, type: extra.type ?? 'secondary-school', ownership: extra.ownership ?? 'maintained', judgement, inspectedOn: '2011-01-01', viaPredecessor: extra.via ?? null, predecessorUrn: extra.predecessor ?? extra.via ?? null, sub: {} };
}

/** A provider-level row from its settings now and last year. */
function row(group: BlockAGroup, now: CountedSetting[], before: CountedSetting[] = []): BlockARow {
  const t = tally(now.map((s) => s.judgement));
  const last = tally(before.map((s) => s.judgement));
  const change = t.inspected && last.inspected ? Math.round((shares(t).goodOrBetter! - shares(last).goodOrBetter!) * 1000) / 10 : null;
  return { group, asAt: '2011-08-31', la: { tally: t, shares: shares(t), basis: 'provider-level' }, settings: now, subJudgements: [], similarAreas: null, england: null, lastYear: { tally: last, shares: shares(last), basis: 'provider-level' }, lastYearSettings: before, goodOrBetterChange: change };
}

const many = (prefix: string, n: number, j: Judgement, extra: Parameters<typeof setting>[2] = {}) => Array.from({ length: n }, (_, i) => setting(`${prefix}${i}`, j, extra));

describe('the parts of a Block A group a letter speaks of apart (item 1)', () => {
  it('counts the LA-maintained secondary schools apart from academies, as stoke-on-trent-2011 does ("almost half of the local authority secondary schools")', () => {
    const r = row(SECONDARY, [...many('m', 7, 'good'), ...many('s', 6, 'satisfactory'), setting('a1', 'good', { ownership: 'academy' }), setting('a2', 'satisfactory', { ownership: 'academy' })]);
    const parts = groupParts(r, 'secondary schools');
    assert.deepEqual(parts.map((p) => [p.kind, p.label, p.row.la.tally.inspected]), [['maintained', 'secondary schools maintained by the local authority', 13], ['academies', 'academies', 2]]);
    assert.equal(parts[0]!.row.similarAreas, null, "a part is not compared with the whole group's comparators");
  });
  it('leaves a school that has become an academy out of last year\'s count of the LA\'s own schools (like for like)', () => {
    const r = row(SECONDARY, [setting('m1', 'good'), setting('new', 'satisfactory', { ownership: 'academy', via: 'old' })], [setting('m1', 'good'), setting('old', 'satisfactory')]);
    const own = groupParts(r, 'secondary schools')[0]!;
    assert.deepEqual(own.row.lastYearSettings.map((s) => s.urn), ['m1']);
  });
  it('reads special school sixth forms apart from school sixth forms', () => {
    const sixth: BlockAGroup = { id: 'sixth-forms', label: 'School sixth forms', providerTypes: ['school-sixth-form', 'special-school-sixth-form'] };
    const r = row(sixth, [...many('s', 2, 'satisfactory', { type: 'school-sixth-form' }), ...many('p', 2, 'outstanding', { type: 'special-school-sixth-form' })]);
    assert.deepEqual(groupParts(r, 'school sixth forms').map((p) => [p.id, p.row.la.tally.inspected]), [['a:sixth-forms', 2], ['a:sixth-forms:special', 2]]);
  });
  it('names the academies not inspected since they converted, read through their predecessors', () => {
    const r = row(SECONDARY, [setting('a1', 'good', { ownership: 'academy' }), setting('a2', 'satisfactory', { ownership: 'academy', via: 'p2' })]);
    assert.deepEqual(unseenAcademies(r).map((s) => s.urn), ['a2']);
  });
});

describe('settings no longer inadequate (item 7)', () => {
  it('finds a school inadequate last year and satisfactory now, by its URN or through the school an academy replaced', () => {
    const r = row(SECONDARY, [setting('m1', 'satisfactory'), setting('a1', 'good', { ownership: 'academy', predecessor: 'p1' }), setting('m2', 'inadequate')], [setting('m1', 'inadequate'), setting('p1', 'inadequate'), setting('m2', 'inadequate')]);
    assert.deepEqual(noLongerInadequate(r).map((s) => s.urn), ['m1', 'a1']);
  });
  it('does not count an academy still read through its inadequate predecessor', () => {
    const r = row(SECONDARY, [setting('a1', 'inadequate', { ownership: 'academy', via: 'p1' })], [setting('p1', 'inadequate')]);
    assert.deepEqual(noLongerInadequate(r), []);
  });
});

describe('a change in the share good or better worth saying (item 8)', () => {
  const homes: BlockAGroup = { id: 'la-homes', label: "Children's homes run by the local authority", providerTypes: ['childrens-home'], ownership: 'la-run' };
  it('says a rise of under five points made by five new settings all good and none falling', () => {
    const before = [...many('h', 9, 'good'), setting('x', 'satisfactory')];
    const r = row(homes, [...before, ...many('n', 5, 'good')], before);
    assert.equal(r.goodOrBetterChange, 3.3);
    assert.deepEqual(settingsMoved(r), { up: 5, down: 0 });
    assert.equal(changeToSay(r), 3.3);
  });
  it('does not say the same rise where a setting fell below good', () => {
    const before = [...many('h', 8, 'good'), setting('x', 'satisfactory'), setting('z', 'satisfactory'), setting('y', 'good')];
    const r = row(homes, [...many('h', 8, 'good'), setting('x', 'satisfactory'), setting('z', 'satisfactory'), setting('y', 'satisfactory'), ...many('n', 10, 'good')], before);
    assert.deepEqual(settingsMoved(r), { up: 10, down: 1 });
    assert.ok(r.goodOrBetterChange! >= 3 && r.goodOrBetterChange! < 5, String(r.goodOrBetterChange));
    assert.equal(changeToSay(r), null);
  });
  it('does not say a few points among aggregate counts, which carry no settings (stockport-2011: "As in 2010" for childminders two points up)', () => {
    const r = { ...row(homes, []), la: { tally: { inspected: 100, outstanding: 0, good: 84, satisfactory: 16, inadequate: 0 }, shares: shares({ inspected: 100, outstanding: 0, good: 84, satisfactory: 16, inadequate: 0 }), basis: 'aggregate' as const }, lastYear: { tally: { inspected: 100, outstanding: 0, good: 80, satisfactory: 20, inadequate: 0 }, shares: shares({ inspected: 100, outstanding: 0, good: 80, satisfactory: 20, inadequate: 0 }), basis: 'aggregate' as const }, goodOrBetterChange: 4 };
    assert.equal(changeToSay(r), null);
  });
  it('always says five points or more', () => {
    const r = row(homes, many('h', 10, 'good'), [...many('h', 9, 'good'), setting('h9', 'satisfactory')]);
    assert.equal(changeToSay(r), 10);
  });
});

describe('the headline share of good or better provision (item 2)', () => {
  const rowsOf = (...groups: [number, number][]) => groups.map(([inspected, good]) => ({ la: { tally: { inspected, outstanding: 0, good } } }));
  it("gives each seed's word: Stockport 2011 the large majority, Stoke-on-Trent 2011 and Trafford 2009 the majority", () => {
    for (const [folder, year, la, word] of [['stockport-2011-assessment', 2011, '356', 'large majority'], ['stoke-on-trent-2011-assessment', 2011, '861', 'majority'], ['trafford-2009-rating', 2009, '358', 'majority']] as const) {
      const read = readBundle({ dir: seedFixture(folder), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
      assert.ok(read.ok);
      const batch = read.batch;
      assert.equal(proportionBand(headlineShare(buildProfile(runOver(batch, { year }), la as LaCode).blockA)!).words, word);
    }
  });
  it('weighs no kind of setting more than all the others together: 600 childminders half good beside 200 schools all good read 75%, not 62.5%', () => {
    assert.equal(headlineShare(rowsOf([600, 300], [200, 200])), 0.75);
  });
  it('counts every setting once where no kind outnumbers the rest', () => {
    assert.equal(headlineShare(rowsOf([100, 50], [100, 100], [50, 50])), 200 / 250);
  });
  it('reads a single kind of setting by its own share', () => {
    assert.equal(headlineShare(rowsOf([10, 7])), 0.7);
  });
});

describe('"almost half" (stoke-on-trent-2011, six of 13 secondary schools)', () => {
  it('is said of a share just under a half, and half within three points of it', () => {
    assert.equal(fractionWords(6, 13), 'almost half');
    assert.equal(fractionWords(7, 15), 'almost half');
    assert.equal(fractionWords(5, 10), 'half');
    assert.equal(fractionWords(4, 11), null);
  });
});

describe('specialist provision read as one (item 10), on the Stockport 2011 fixture', () => {
  const profile = buildProfile(runOver(stockport2011()), '356' as LaCode);
  const specialist = (p: typeof profile) => bullets(p);
  const withRows = (f: (r: BlockARow) => BlockARow) => ({ ...profile, blockA: profile.blockA.map(f) });
  const special = (r: BlockARow, now: CountedSetting[]) => (r.group.id === 'special' ? { ...row(r.group, now, r.lastYearSettings as CountedSetting[]), similarAreas: r.similarAreas, england: r.england } : r);
  it('keeps a group of special schools three quarters good, neither a strength nor an area alone, among the strengths', () => {
    const b = specialist(withRows((r) => special(r, [...many('g', 3, 'good', { type: 'special-school' }), setting('s', 'satisfactory', { type: 'special-school' })])));
    const texts = b.strengths.find((x) => x.theme === 'specialist')!.sentences.map((s) => s.text);
    assert.ok(texts.some((t) => t.startsWith('Three of the four special schools are good or better. The fourth is satisfactory.')), texts.join('\n'));
  });
  it('puts every specialist setting in one bullet, a kind that goes against the whole with "However"', () => {
    const b = specialist(withRows((r) => (r.group.id === 'pru' ? row(r.group, many('p', 3, 'satisfactory', { type: 'pupil-referral-unit' })) : r)));
    assert.equal(b.areas.find((x) => x.theme === 'specialist'), undefined);
    const texts = b.strengths.find((x) => x.theme === 'specialist')!.sentences.map((s) => s.text);
    assert.deepEqual(texts, ['Five of the six special schools are good or better. The sixth is satisfactory.', 'However, all three pupil referral units are satisfactory.']);
  });
});
