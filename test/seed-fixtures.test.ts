import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { judgementRank } from '../src/domain/judgement.ts';
import type { ImportBatch } from '../src/store/repository.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import { FIXTURE_LAS } from './support/las.ts';

/**
 * The seed letters reconstructed as evidence bundles (test/fixtures/seeds/). Each must import without a rejection,
 * and every count its facts.json states must follow from its rows: the latest overall judgement of each provider at
 * the date, counted. (The profile engine will assert the comparisons and trends; here the evidence is checked.)
 */
const seeds = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));
const context = { las: new Map(FIXTURE_LAS.map((la) => [la.code as string, la])), storedIndicators: new Set<string>() };

interface Fact {
  readonly id: string;
  readonly kind: string;
  readonly expect: Record<string, unknown>;
}

function latestAt(batch: ImportBatch, asAt: string, types: readonly string[], ownership?: string) {
  const providers = (batch.providers ?? []).filter((p) => types.includes(p.type) && (ownership === undefined || p.ownership === ownership));
  return providers.flatMap((p) => {
    const latest = (batch.providerInspections ?? []).filter((i) => i.urn === p.urn && i.date <= asAt && i.overall !== null).sort((a, b) => b.date.localeCompare(a.date))[0];
    return latest?.overall ? [latest.overall] : [];
  });
}

const tally = (judgements: readonly string[]) => ({
  inspected: judgements.length,
  outstanding: judgements.filter((j) => j === 'outstanding').length,
  good: judgements.filter((j) => j === 'good').length,
  goodOrBetter: judgements.filter((j) => judgementRank(j as never) <= 2).length,
  satisfactory: judgements.filter((j) => judgementRank(j as never) === 3).length,
  satisfactoryOrWorse: judgements.filter((j) => judgementRank(j as never) >= 3).length,
});

/** framework.md §7, for the proportions the letters put in words. */
const WORDS: ReadonlyArray<readonly [string, number, number]> = [
  ['very large majority', 0.8, 0.96],
  ['large majority', 0.65, 0.79],
  ['majority', 0.51, 0.64],
];

for (const folder of readdirSync(seeds)) {
  describe(`seed fixture ${folder}`, () => {
    const read = readBundle({ dir: join(seeds, folder), context });
    const facts = (JSON.parse(readFileSync(join(seeds, folder, 'facts.json'), 'utf8')) as { facts: Fact[] }).facts;

    it('imports without a rejection', () => {
      assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections.slice(0, 3)));
    });

    for (const fact of facts.filter((f) => f.kind === 'count' || (f.kind === 'proportion' && f.expect['basis'] === undefined))) {
      it(`states "${fact.id}" as the rows give it`, () => {
        assert.ok(read.ok);
        const e = fact.expect;
        const types = (e['providerTypes'] as string[] | undefined) ?? [e['providerType'] as string];
        let judgements: string[];
        if (e['inspectedBetween']) {
          const [from, to] = e['inspectedBetween'] as [string, string];
          judgements = (read.batch.providerInspections ?? [])
            .filter((i) => i.date >= from && i.date <= to && i.overall !== null && read.batch.providers?.find((p) => p.urn === i.urn && types.includes(p.type)))
            .map((i) => i.overall!);
        } else {
          judgements = latestAt(read.batch, e['asAt'] as string, types, e['ownership'] as string | undefined);
        }
        const counted = tally(judgements);
        for (const key of Object.keys(counted) as (keyof typeof counted)[]) {
          if (typeof e[key] === 'number') assert.equal(counted[key], e[key], `${key}: ${JSON.stringify(counted)}`);
        }
        if (typeof e['sameAsAt'] === 'string') assert.deepEqual(tally(latestAt(read.batch, e['sameAsAt'], types)), counted);
      });
    }

    for (const fact of facts.filter((f) => f.expect['basis'] === 'aggregate')) {
      it(`gives "${fact.id}" as aggregate counts in the stated proportion`, () => {
        assert.ok(read.ok);
        const e = fact.expect;
        const share = (asAt: string) => {
          const rows = (read.batch.outcomeCounts ?? []).filter((c) => c.providerType === e['providerType'] && c.asAt === asAt);
          const total = rows.reduce((s, c) => s + c.count, 0);
          return rows.filter((c) => judgementRank(c.judgement) <= 2).reduce((s, c) => s + c.count, 0) / total;
        };
        const [, low, high] = WORDS.find(([word]) => word === e['proportionWord'])!;
        for (const asAt of [e['asAt'], e['sameWordAsAt']].filter((d): d is string => typeof d === 'string')) {
          const s = share(asAt);
          assert.ok(s >= low && s <= high + 0.005, `${asAt}: ${(s * 100).toFixed(1)}% is not a ${e['proportionWord']}`);
        }
      });
    }
  });
}
