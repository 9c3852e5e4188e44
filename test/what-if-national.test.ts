import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadProfileRun } from '../src/application/load-evidence.ts';
import { judgementRank } from '../src/domain/judgement.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { frameworkFor } from '../src/frameworks/index.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { writeBundle } from '../src/ingest/bundle/write.ts';
import { defaultDataDir } from '../src/ingest/data-dir.ts';
import { PUBLISHED_SOURCES } from '../src/ingest/shared-data.ts';
import { derive } from '../src/judgement/derive.ts';
import type { Change } from '../src/judgement/what-if/changes.ts';
import { applyChanges } from '../src/judgement/what-if/changes.ts';
import { applyToEvidence } from '../src/judgement/what-if/evidence.ts';
import type { Scenario, WhatIf } from '../src/judgement/what-if/search.ts';
import { whatIf } from '../src/judgement/what-if/search.ts';
import { plausibleStep } from '../src/judgement/what-if/steps.ts';
import type { CountedSetting } from '../src/profile/block-a.ts';
import type { LaProfile, ProfileRun } from '../src/profile/profile.ts';
import { buildProfile } from '../src/profile/profile.ts';
import { generateNationalBundle } from '../src/synth/generate.ts';
import { scratchStore, tempDir } from './support/store.ts';

/**
 * The what-if of every LA of the synthetic national 2011 run (seed 1), generated from the published LA codes and
 * neighbours as test/support/national-letters.ts does, for 2011 only: every LA's what-if is an answer or a reason,
 * never a throw; directions are right; every indicator moved stays within its plausible step; every setting named is
 * a setting of that LA and group with the judgement stated; and scenarios recomputed from the changed evidence give
 * their grades (at most three per LA, to keep the file near half a minute: the search of every LA takes ~5-10 s,
 * loading ~15 s, and each recomputation from evidence ~40 ms). Skipped, and said so, where there is no data folder.
 */
const data = defaultDataDir(process.env);
const noData = data === undefined || !existsSync(data) ? `no published data folder (${data ?? 'data/published'}; KINGSWAY_DATA names another): the national what-if needs the published LA codes and neighbours` : false;
const framework = frameworkFor(2011);
const RECOMPUTED_PER_LA = 3;

interface Answer {
  readonly code: LaCode;
  readonly profile: LaProfile;
  readonly result: WhatIf | null;
  readonly error: unknown;
}

describe('the what-if of every LA of the synthetic national 2011 run', { skip: noData }, () => {
  let run: ProfileRun;
  const answers: Answer[] = [];
  const timing: string[] = [];
  let t = performance.now();
  const lap = (what: string) => {
    timing.push(`${what} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
  };

  before(async () => {
    t = performance.now();
    const tmp = tempDir('kingsway-what-if-');
    const store = await scratchStore();
    try {
      for (const source of PUBLISHED_SOURCES) {
        if (!['la-codes', 'neighbours-2021', 'neighbours-2025'].includes(source.name)) continue;
        const read = source.read(data!, { las: await store.localAuthorities() });
        assert.ok(read.ok, `${source.name} rejected: ${read.ok ? '' : JSON.stringify(read.rejections.slice(0, 3))}`);
        await store.replaceDataset(read.batch);
      }
      const las = await store.localAuthorities();
      const vintage = (await store.neighbourVintages())[0]!;
      const neighbours = new Map<LaCode, LaCode[]>();
      for (const la of las) {
        const set = await store.neighbours(la.code, vintage);
        if (set) neighbours.set(la.code, set.neighbours.map((n) => n.code));
      }
      const generated = generateNationalBundle({ year: 2011, seed: 1, las, neighbours });
      const dir = join(tmp.dir, 'synthetic-2011');
      writeBundle(dir, generated.dataset, generated.rows);
      const read = readBundle({ dir, context: { las: new Map(las.map((la) => [la.code as string, la])), storedIndicators: new Set((await store.indicators()).map((i) => i.id)) } });
      assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections.slice(0, 3)));
      await store.replaceDataset(read.batch);
      run = await loadProfileRun(store, framework);
    } finally {
      await store.close();
      tmp.cleanup();
    }
    lap('loading');
    for (const code of run.laCodes) {
      const profile = buildProfile(run, code);
      try {
        answers.push({ code, profile, result: whatIf(run, profile), error: null });
      } catch (error) {
        answers.push({ code, profile, result: null, error });
      }
    }
    lap(`what-if of ${answers.length} LAs`);
  });

  after(() => console.log(`what-if national 2011: ${timing.join('; ')}`));

  const oks = () => answers.flatMap((a) => (a.result?.ok ? [{ ...a, result: a.result }] : []));
  const scenariosOf = (r: Extract<WhatIf, { ok: true }>) => [...r.up, ...r.down];

  it('gives every LA an answer or a reason, and never throws', () => {
    assert.ok(answers.length >= 150, `${answers.length} LAs`);
    const thrown = answers.filter((a) => a.error !== null);
    assert.deepEqual(thrown.map((a) => `${a.code}: ${String(a.error)}`), []);
    for (const a of answers) if (a.result && !a.result.ok) assert.ok(a.result.reason.length > 0, a.code);
    assert.ok(oks().length >= 140, `${oks().length} LAs with an answer`);
    // Every grade below the top has a way up or says why not; every grade above the bottom a way down or says why not.
    for (const { code, result } of oks()) {
      if (result.grade < 4) assert.ok(result.up.length > 0 || result.notes.length > 0, code);
      if (result.grade > 1) assert.ok(result.down.length > 0 || result.notes.length > 0, code);
      if (result.grade === 4) assert.deepEqual(result.up, [], code);
      if (result.grade === 1) assert.deepEqual(result.down, [], code);
    }
  });

  it('starts from the grade derive gives, and each direction moves it the right way', () => {
    let n = 0;
    for (const { code, profile, result } of oks()) {
      const d = derive(profile, framework);
      assert.ok(d.ok);
      assert.equal(result.grade, d.derived, code);
      for (const s of result.up) (assert.ok(s.direction === 'up' && s.grade > result.grade, `${code}: ${s.text}`), n++);
      for (const s of result.down) (assert.ok(s.direction === 'down' && s.grade < result.grade, `${code}: ${s.text}`), n++);
      for (const list of [result.up, result.down]) for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.size <= list[i]!.size, `${code}: sorted by size`);
    }
    assert.ok(n > 300, `${n} scenarios`);
  });

  it('gives each scenario the grade derive gives from the changed profile', () => {
    for (const { code, profile, result } of oks()) {
      for (const s of scenariosOf(result)) {
        const d = derive(applyChanges(run, profile, s.changes), framework);
        assert.ok(d.ok && d.derived === s.grade, `${code}: ${s.text}`);
      }
    }
  });

  it(`gives each scenario the grade derive gives from the changed evidence (at most ${RECOMPUTED_PER_LA} each LA)`, () => {
    let n = 0;
    const started = performance.now();
    for (const { code, result } of oks()) {
      for (const s of pick(result)) {
        const d = derive(buildProfile(applyToEvidence(run, code, s.changes), code), framework);
        assert.ok(d.ok, d.ok ? '' : d.reason);
        assert.equal(d.derived, s.grade, `${code}: ${s.text}`);
        assert.deepEqual(d.trace, s.trace, `${code}: ${s.text}`);
        n++;
      }
    }
    timing.push(`${n} scenarios recomputed from evidence ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(n > 250, `${n} recomputed`);
  });

  it('names only real settings of the LA and the group, each with the judgement it has', () => {
    let named = 0;
    for (const { code, profile, result } of oks()) {
      for (const s of scenariosOf(result)) {
        for (const c of s.changes) {
          if (c.kind !== 'settings-judged') continue;
          const row = profile.blockA.find((r) => r.group.id === c.group);
          assert.ok(row, `${code}: group ${c.group}`);
          assert.equal(c.label, row.group.label);
          assert.equal(c.asAt, row.asAt);
          assert.ok(c.count > 0 && c.count <= row.la.tally.inspected, `${code} ${c.group}: ${c.count} of ${row.la.tally.inspected}`);
          if (row.settings.length > 0) assert.equal(c.settings.length, c.count, `${code} ${c.group}: every setting named`);
          assert.equal(new Set(c.settings.map((x) => x.urn)).size, c.settings.length, `${code} ${c.group}: no setting twice`);
          assert.ok(s.direction === 'up' ? c.to === 'good' : judgementRank(c.to) === 3, `${code} ${c.group}: to ${c.to}`);
          for (const x of c.settings) {
            const counted: CountedSetting | undefined = row.settings.find((y) => y.urn === x.urn);
            assert.ok(counted, `${code} ${c.group}: ${x.urn} is counted in the group`);
            assert.equal(x.from, counted.judgement, `${code} ${x.urn}`);
            assert.equal(x.inspectedOn, counted.inspectedOn, `${code} ${x.urn}`);
            assert.equal(x.name, counted.name, `${code} ${x.urn}`);
            const provider = run.evidence.providerByUrn.get(x.urn);
            assert.ok(provider, x.urn);
            assert.equal(provider.la, code, `${x.urn} is ${code}'s`);
            assert.ok(row.group.providerTypes.includes(provider.type) && (row.group.ownership === undefined || provider.ownership === row.group.ownership), `${x.urn} is of ${c.group}`);
            assert.ok(s.direction === 'up' ? judgementRank(x.from) >= 3 : x.from === 'good', `${code} ${x.urn}: ${x.from} ${s.direction}`);
            named++;
          }
        }
      }
    }
    assert.ok(named > 100, `${named} settings named`);
  });

  it('moves each indicator the better way for a rise and the worse for a fall, from its latest figure, naming its plausible step', () => {
    let moved = 0;
    for (const { code, profile, result } of oks()) {
      for (const s of scenariosOf(result)) {
        for (const c of s.changes) {
          if (c.kind !== 'indicator-moves') continue;
          const row = profile.blockC.find((r) => r.indicator.id === c.indicator);
          assert.ok(row?.latest && row.latest.la.kind === 'number', `${code} ${c.indicator}`);
          assert.equal(c.period, row.latest.period.original);
          assert.equal(c.from, row.latest.la.value);
          assert.equal(c.step, plausibleStep(run, row), `${code} ${c.indicator}`);
          assert.notEqual(c.to, c.from);
          // Better for a rise, worse for a fall (a rule is lifted only on the way up, so its moves are better too).
          const better = (row.indicator.polarity === 'higher-is-better') === (c.to > c.from);
          assert.equal(better, s.direction === 'up', `${code} ${c.indicator}: ${c.from} → ${c.to} for ${s.direction}`);
          moved++;
        }
      }
    }
    assert.ok(moved > 100, `${moved} indicators moved`);
  });

  it(
    'moves no indicator further than its plausible step',
    () => {
      const far: string[] = [];
      for (const { code, result } of oks()) for (const s of scenariosOf(result)) for (const c of s.changes) if (c.kind === 'indicator-moves' && Math.abs(c.to - c.from) > c.step + 1e-9) far.push(`${code} ${c.indicator}: ${c.from} → ${c.to}, step ${c.step}`);
      assert.equal(far.length, 0, `${far.length} indicator moves further than their step, e.g.\n${far.slice(0, 5).join('\n')}`);
    },
  );

  it('without a lifted rule, lists no scenario bigger than it needs: one unit fewer does not move the grade', () => {
    for (const { code, profile, result } of oks()) {
      for (const s of scenariosOf(result)) {
        if (s.lifted.length > 0) continue;
        const fewer = lessOne(s);
        if (fewer === null || fewer.length === 0) continue;
        const d = derive(applyChanges(run, profile, fewer), framework);
        assert.ok(d.ok && d.derived === result.grade, `${code}: ${s.text} (less one gives ${d.ok ? d.derived : d.reason})`);
      }
    }
  });

  it(
    'with a lifted rule, lists no scenario bigger than it needs either',
    () => {
      const padded: string[] = [];
      for (const { code, profile, result } of oks()) {
        for (const s of scenariosOf(result)) {
          if (s.lifted.length === 0) continue;
          const fewer = lessOne(s);
          if (fewer === null || fewer.length === 0) continue;
          const d = derive(applyChanges(run, profile, fewer), framework);
          if (d.ok && d.derived !== result.grade) padded.push(`${code}: ${s.text}`);
        }
      }
      assert.equal(padded.length, 0, `${padded.length} scenarios with a change not needed, e.g.\n${padded.slice(0, 5).join('\n')}`);
    },
  );
});

/** The scenarios of an LA recomputed from evidence: the first each way, and the one with the most changes. */
function pick(result: Extract<WhatIf, { ok: true }>): Scenario[] {
  const all = [...result.up, ...result.down];
  const chosen = new Set<Scenario>([result.up[0], result.down[0]].filter((s): s is Scenario => s !== undefined));
  const rest = all.filter((s) => !chosen.has(s)).sort((a, b) => b.changes.length - a.changes.length || b.size - a.size);
  for (const s of rest) {
    if (chosen.size >= RECOMPUTED_PER_LA) break;
    chosen.add(s);
  }
  return [...chosen];
}

/** The scenario less one unit of its last change: a setting fewer from its last group, or its last change dropped. */
function lessOne(s: Scenario): Change[] | null {
  const last = s.changes.at(-1)!;
  if (last.kind === 'settings-judged' && last.count > 1) return [...s.changes.slice(0, -1), { ...last, count: last.count - 1, settings: last.settings.slice(0, -1) }];
  return s.changes.length > 1 ? s.changes.slice(0, -1) : null;
}
