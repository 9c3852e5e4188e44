import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { LaCode } from '../src/domain/local-authority.ts';
import { frameworkFor } from '../src/frameworks/index.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { derive } from '../src/judgement/derive.ts';
import type { Change } from '../src/judgement/what-if/changes.ts';
import { applyToEvidence } from '../src/judgement/what-if/evidence.ts';
import type { Scenario, WhatIf } from '../src/judgement/what-if/search.ts';
import { whatIf } from '../src/judgement/what-if/search.ts';
import { loadProfileRun } from '../src/application/load-evidence.ts';
import type { ProfileRun } from '../src/profile/profile.ts';
import { buildProfile } from '../src/profile/profile.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { scratchStore } from './support/store.ts';

/**
 * The what-if of every seed fixture, tested against recomputation: each scenario's changes are made to the evidence
 * itself (a new inspection of each setting it names, the LA's figure replaced among the indicator's values, the LA's
 * inspection changed), the profile is built again from that evidence and the grade derived again, and the grade and
 * its whole trace must be the what-if's. Then, one fact fewer: the same scenario with one setting fewer, or one
 * indicator fewer, must not move the grade, or the what-if did not find the smallest change.
 */
const seeds = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };

const gradeAfter = (run: ProfileRun, la: LaCode, changes: readonly Change[]) => {
  const d = derive(buildProfile(applyToEvidence(run, la, changes), la), run.framework);
  assert.ok(d.ok, d.ok ? '' : d.reason);
  return d;
};

/** The scenario less one unit of its change: a setting fewer from its last group, or its last indicator dropped. */
function lessOne(s: Scenario): Change[] | null {
  const last = s.changes.at(-1)!;
  if (last.kind === 'settings-judged') {
    if (last.count === 1) return s.changes.slice(0, -1);
    return [...s.changes.slice(0, -1), { ...last, count: last.count - 1, settings: last.settings.slice(0, -1) }];
  }
  if (last.kind === 'indicator-moves' && s.changes.length > 1) return s.changes.slice(0, -1);
  return null;
}

for (const folder of readdirSync(seeds)) {
  describe(`the what-if of the ${folder} fixture`, () => {
    const file = JSON.parse(readFileSync(join(seeds, folder, 'facts.json'), 'utf8')) as { la: LaCode; year: number };
    const framework = frameworkFor(file.year);
    let run: ProfileRun;
    let result: Extract<WhatIf, { ok: true }>;

    before(async () => {
      const read = readBundle({ dir: join(seeds, folder), context });
      assert.ok(read.ok);
      const store = await scratchStore();
      await store.replaceDataset(FIXTURE_LA_BATCH);
      await store.replaceDataset(read.batch);
      run = await loadProfileRun(store, framework);
      await store.close();
      const r = whatIf(run, buildProfile(run, file.la));
      assert.ok(r.ok, r.ok ? '' : r.reason);
      result = r;
    });

    it('starts from the grade the engine derives, and says where it stands against each boundary', () => {
      const d = derive(buildProfile(run, file.la), framework);
      assert.ok(d.ok);
      assert.equal(result.grade, d.derived);
      assert.ok(result.position, 'a position');
      assert.equal(result.position.boundaries.length, 3);
      for (const b of result.position.boundaries) assert.ok(Math.abs(result.position.value - b.at - b.distance) < 1e-12);
    });

    it('finds a change in each direction the scale allows', () => {
      if (result.grade < 4) assert.ok(result.up.length > 0, `nothing raises ${folder}: ${result.notes.join(' ')}`);
      if (result.grade > 1) assert.ok(result.down.length > 0, `nothing lowers ${folder}: ${result.notes.join(' ')}`);
    });

    it('gives, for every scenario, the grade and trace that the changed evidence gives', () => {
      for (const s of [...result.up, ...result.down]) {
        const d = gradeAfter(run, file.la, s.changes);
        assert.equal(d.derived, s.grade, s.text);
        assert.deepEqual(d.trace, s.trace, s.text);
        assert.ok(s.direction === 'up' ? s.grade > result.grade : s.grade < result.grade, s.text);
      }
    });

    it('finds the smallest change of each kind: one setting or indicator fewer does not move the grade', () => {
      for (const s of [...result.up, ...result.down]) {
        const fewer = lessOne(s);
        if (fewer === null || fewer.length === 0) continue;
        assert.equal(gradeAfter(run, file.la, fewer).derived, result.grade, `${s.text} (less one)`);
      }
    });

    it('ranks scenarios by size within each direction', () => {
      for (const list of [result.up, result.down]) for (let i = 1; i < list.length; i++) assert.ok(list[i - 1]!.size <= list[i]!.size);
    });
  });
}
