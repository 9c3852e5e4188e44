import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { isGoodOrBetter, judgementRank } from '../src/domain/judgement.ts';
import type { Judgement } from '../src/domain/judgement.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { frameworkFor } from '../src/frameworks/index.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import type { Assessment } from '../src/judgement/assess.ts';
import { assessAll } from '../src/judgement/assess.ts';
import type { BlockCRow, Comparison } from '../src/profile/block-c.ts';
import { loadAssessInput } from '../src/application/load-evidence.ts';
import type { ImportBatch } from '../src/store/repository.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { scratchStore } from './support/store.ts';

/**
 * Each seed letter, reconstructed as an evidence bundle, assessed end to end through the store: the grade the letter
 * gives, and every fact it states that the profile and the judgement carry (facts.json). The Stockport 2011
 * comparisons over several periods are asserted in src/profile/block-c.test.ts; its counts in seed-fixtures.test.ts.
 */
const seeds = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };

interface Fact {
  readonly id: string;
  readonly kind: string;
  readonly quote: string;
  readonly expect: Record<string, unknown>;
}

const WORDS: Readonly<Record<string, readonly [number, number]>> = { 'very large majority': [0.8, 0.96], 'large majority': [0.65, 0.79], majority: [0.51, 0.64] };

/** A letter's word for a comparison matches the verdict (through polarity) or the plain relation. */
const says = (c: Comparison | null | undefined, word: unknown) => c !== null && c !== undefined && (c.verdict === word || c.relation === word);

for (const folder of readdirSync(seeds)) {
  describe(`the ${folder} letter, assessed from its fixture`, () => {
    const file = JSON.parse(readFileSync(join(seeds, folder, 'facts.json'), 'utf8')) as { la: LaCode; year: number; facts: Fact[] };
    const read = readBundle({ dir: join(seeds, folder), context });
    assert.ok(read.ok);
    const batch: ImportBatch = read.batch;
    const framework = frameworkFor(file.year);
    let assessment: Assessment;
    const assessed = () => {
      assert.equal(assessment.status, 'assessed', JSON.stringify(assessment.status === 'not-assessed' ? assessment.reason : ''));
      return assessment as Extract<Assessment, { status: 'assessed' }>;
    };
    const row = (id: string): BlockCRow => {
      const found = assessed().profile.blockC.find((r) => r.indicator.id === id);
      assert.ok(found, `indicator ${id} is in Block C`);
      return found;
    };

    before(async () => {
      const store = await scratchStore();
      await store.replaceDataset(FIXTURE_LA_BATCH);
      await store.replaceDataset(batch);
      const direction = file.facts.find((f) => f.kind === 'direction');
      if (direction) {
        // Last year's final grade, as published: what the direction of travel is read against.
        await store.recordJudgement({ la: file.la, year: file.year - 1, decision: { kind: 'grade', grade: direction.expect['previousGrade'] as 1 | 2 | 3 | 4 }, rationale: 'Published outcome of the year before', author: 'Ofsted (published)', stage: 'final', authorId: null, recordedAt: `${file.year - 1}-12-09T00:00:00Z`, derivedAtTheTime: null });
      }
      [assessment] = assessAll(await loadAssessInput(store, framework), [file.la]) as [Assessment];
      await store.close();
    });

    for (const fact of file.facts) {
      const e = fact.expect;
      switch (fact.kind) {
        case 'grade':
          it(`derives the letter's grade ${e['grade']}`, () => assert.equal(assessed().derived, e['grade'], assessed().derivation.trace.map((t) => `${t.text}\n  ${t.evidence.join('\n  ')}`).join('\n')));
          break;
        case 'apa-areas':
          it('grades each area of the 2006 APA as the letter does', () => {
            assert.deepEqual(Object.fromEntries(assessed().derivation.areas.map((a) => [a.id, a.grade])), e);
          });
          break;
        case 'direction':
          it(`says the direction of travel: "${fact.quote}"`, () => {
            assert.equal(assessed().direction?.direction, e['direction']);
            assert.equal(assessed().direction?.previousGrade, e['previousGrade']);
          });
          break;
        case 'la-judgement':
          it(`carries the LA-level inspection: "${fact.quote}"`, () => {
            const entry = assessed().profile.blockB.find((b) => b.kind === e['laInspection']);
            assert.ok(entry?.latest, `a ${e['laInspection']} inspection is in Block B`);
            if (e['overall']) assert.equal(entry.latest.overall, e['overall']);
            if (e['inWindow'] !== undefined) assert.equal(entry.inWindow.length, e['inWindow']);
            if (e['priorityActionCount'] !== undefined) assert.equal(entry.latest.priorityActionCount, e['priorityActionCount']);
            if (e['endMonth']) assert.equal(entry.latest.endDate.slice(0, 7), e['endMonth']);
            for (const [name, judgement] of Object.entries((e['judgements'] as Record<string, string> | undefined) ?? {})) assert.equal(entry.latest.judgements[name as never], judgement, name);
          });
          break;
        case 'sub-judgement':
          it(`reads the sub-judgement across settings: "${fact.quote}"`, () => {
            const exceptions = (e['exceptions'] as Record<string, Judgement> | undefined) ?? {};
            let read = 0;
            for (const r of assessed().profile.blockA) {
              const sub = r.subJudgements.find((s) => s.name === e['subJudgement']);
              assert.ok(sub, `${r.group.id} reads ${e['subJudgement']}`);
              read += sub.tally.inspected;
              for (const setting of r.settings) {
                const j = setting.sub[e['subJudgement'] as 'staying-safe'];
                if (!j) continue;
                const type = batch.providers?.find((p) => p.urn === setting.urn)?.type ?? '';
                if (exceptions[type]) assert.equal(j, exceptions[type], setting.name);
                else assert.ok(isGoodOrBetter(j), `${setting.name}: ${j}`);
              }
            }
            assert.ok(read > 0);
          });
          break;
        case 'block-a-comparison':
          it(`compares settings with similar areas and England: "${fact.quote}"`, () => {
            for (const id of e['groups'] as string[]) {
              const r = assessed().profile.blockA.find((g) => g.group.id === id);
              assert.ok(r?.similarAreas && r.england, `${id} has both comparators`);
              const cmp = (la: number | null, other: number | null, word: unknown) => (word === 'above' ? la! > other! : la! < other!);
              for (const key of ['goodOrBetter', 'inadequate'] as const) {
                assert.ok(cmp(r.la.shares[key], r.similarAreas.shares[key], e[key]), `${id} ${key} ${e[key]} similar areas`);
                assert.ok(cmp(r.la.shares[key], r.england.shares[key], e[key]), `${id} ${key} ${e[key]} England`);
              }
            }
          });
          break;
        case 'indicator-share':
          it(`counts the indicators against similar areas: "${fact.quote}"`, () => {
            const compared = assessed().profile.blockC.map((r) => r.latest?.similarAreas?.verdict).filter((v) => v !== null && v !== undefined);
            const share = compared.filter((v) => v !== 'worse').length / compared.length;
            const [low, high] = WORDS[e['notWorse'] as string]!;
            assert.ok(share >= low && share <= high, `${compared.length} compared, ${(share * 100).toFixed(0)}% not worse`);
          });
          break;
        case 'comparison':
          // Stockport 2011's multi-period comparisons are asserted in block-c.test.ts.
          if (e['periods'] || e['period'] || e['years']) break;
          it(`compares ${e['indicator']}: "${fact.quote}"`, () => {
            const r = row(e['indicator'] as string);
            const latest = r.latest!;
            if (e['vsSimilarAreas']) assert.ok(says(latest.similarAreas, e['vsSimilarAreas']), `vs similar areas: ${JSON.stringify(latest.similarAreas)}`);
            if (e['vsEngland']) assert.ok(says(latest.england, e['vsEngland']), `vs England: ${JSON.stringify(latest.england)}`);
            const value = latest.la.kind === 'number' ? latest.la.value : null;
            if (e['laValue'] !== undefined) assert.equal(value, e['laValue']);
            if (e['similarAreasValue'] !== undefined) assert.equal(latest.similarAreas?.comparator, e['similarAreasValue']);
            if (e['englandValue'] !== undefined) assert.equal(latest.england?.comparator, e['englandValue']);
            if (e['laValueBetween']) {
              const [low, high] = e['laValueBetween'] as [number, number];
              assert.ok(value !== null && value >= low && value <= high, String(value));
            }
            if (e['trend']) assert.equal(r.trend?.word, e['trend']);
            if (e['trendNot']) assert.notEqual(r.trend?.word, e['trendNot']);
            if (e['latestSymbol']) {
              const last = r.series.at(-1)!;
              assert.deepEqual(last.la, { kind: 'symbol', symbol: e['latestSymbol'] });
            }
            for (const period of (e['periodsBelowSimilarAreas'] as string[] | undefined) ?? []) {
              const p = r.series.find((s) => s.period.original === period);
              assert.equal(p?.similarAreas?.verdict, 'worse', period);
            }
            if (e['fasterThanEngland']) {
              const first = r.series[0]!;
              const change = (f: typeof first, of: 'la' | 'england') => (of === 'la' ? (f.la.kind === 'number' ? f.la.value : NaN) : f.england!.comparator);
              assert.ok(change(latest, 'la') - change(first, 'la') > change(latest, 'england') - change(first, 'england'));
            }
            if (e['othersInOutcome']) {
              const others = assessed().profile.blockC.filter((o) => o.indicator.ecmOutcome === e['othersInOutcome'] && o.indicator.id !== e['indicator']);
              assert.ok(others.length > 0);
              for (const o of others) assert.notEqual(o.latest?.similarAreas?.verdict, 'worse', o.indicator.id);
            }
          });
          break;
        case 'improved':
          it(`shows the improvement: "${fact.quote}"`, () => {
            const r = assessed().profile.blockA.find((g) => g.group.providerTypes.includes(e['providerType'] as never) && g.settings.length > 0)!;
            const urn = r.settings[0]!.urn;
            const history = (batch.providerInspections ?? []).filter((i) => i.urn === urn).sort((a, b) => a.date.localeCompare(b.date));
            assert.deepEqual([history.at(-2)?.overall, history.at(-1)?.overall], [e['from'], e['to']]);
            assert.equal(r.settings[0]!.judgement, e['to']);
          });
          break;
        case 'aggregate-none':
        case 'aggregate-share':
          it(`counts the aggregates: "${fact.quote}"`, () => {
            const types = (e['providerTypes'] as string[] | undefined) ?? [e['providerType'] as string];
            const rows = (batch.outcomeCounts ?? []).filter((c) => c.area.kind === 'la' && types.includes(c.providerType) && c.asAt === e['asAt']);
            assert.ok(rows.length > 0);
            const of = rows.filter((c) => c.judgement === e['judgement']).reduce((s, c) => s + c.count, 0);
            if (fact.kind === 'aggregate-none') assert.equal(of, 0);
            else assert.ok(of / rows.reduce((s, c) => s + c.count, 0) > (e['above'] as number));
          });
          break;
        case 'proportion':
          if (!e['improvedSince']) break;
          it(`shows the share improved: "${fact.quote}"`, () => {
            const r = assessed().profile.blockA.find((g) => g.group.providerTypes.includes(e['providerType'] as never))!;
            assert.ok(r.goodOrBetterChange !== null && r.goodOrBetterChange > 0, String(r.goodOrBetterChange));
            assert.ok(judgementRank('good') === 2);
          });
          break;
      }
    }
  });
}
