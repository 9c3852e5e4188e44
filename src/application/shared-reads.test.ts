import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EvidenceRepository } from '../store/repository.ts';
import { sharedReads } from './shared-reads.ts';

/** A repository that counts each read it is asked for. */
function counting(): { repo: EvidenceRepository; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const repo = new Proxy({} as EvidenceRepository, {
    get: (_target, name: string) => async () => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return [];
    },
  });
  return { repo, calls };
}

test('the evidence every year reads is read once and shared; what people record is read each time', async () => {
  const { repo, calls } = counting();
  const shared = sharedReads(repo);
  for (let year = 0; year < 3; year++) {
    await shared.providers();
    await shared.providerInspections();
    await shared.indicatorValues({ indicator: 'ReReferral' });
    await shared.inspectorJudgements(2011);
    await shared.letterEdits('356' as never, 2011);
  }
  await shared.indicatorValues({ indicator: 'PrevRegCPR' });
  assert.equal(calls.get('providers'), 1);
  assert.equal(calls.get('providerInspections'), 1);
  assert.equal(calls.get('indicatorValues'), 2);
  assert.equal(calls.get('inspectorJudgements'), 3);
  assert.equal(calls.get('letterEdits'), 3);
  // The same array is handed to every year.
  assert.equal(await shared.providers(), await shared.providers());
});

test('a failed read is not kept', async () => {
  let n = 0;
  const repo = { providers: async () => (n++ === 0 ? Promise.reject(new Error('busy')) : []) } as unknown as EvidenceRepository;
  const shared = sharedReads(repo);
  await assert.rejects(shared.providers());
  assert.deepEqual(await shared.providers(), []);
});

test('the evidence kept keeps one copy of each repeated value, and reads as it was read', async () => {
  // As a store makes them: each row its own strings and objects.
  const fresh = (s: string) => [...s].join('');
  const inspection = (urn: string, date: string) => ({ urn: fresh(urn), date: fresh(date), kind: fresh('full'), overall: fresh('good'), sub: { 'staying-safe': fresh('good') } });
  const inspections = [inspection('100', '2010-01-01'), inspection('100', '2011-01-01'), inspection('200', '2011-01-01'), Object.freeze(inspection('300', '2011-01-01'))];
  const period = () => ({ original: fresh('2010-11'), kind: fresh('split-year'), key: fresh('2010-11'), startYear: 2010, endYear: 2011, qualifier: null });
  const value = (code: string, v: number | null) => ({ indicator: fresh('NI 1'), area: { kind: fresh('la'), code: fresh(code) }, period: period(), value: v === null ? { kind: 'symbol', symbol: fresh('x') } : { kind: 'number', value: v }, original: fresh(v === null ? 'x' : String(v)) });
  const values = [value('356', 1.5), value('357', null), value('356', null)];
  const before = JSON.stringify([inspections, values]);
  const repo = { providerInspections: async () => inspections, indicatorValues: async () => values } as unknown as EvidenceRepository;
  const shared = sharedReads(repo);
  const [i, v] = [await shared.providerInspections(), await shared.indicatorValues({ indicator: 'NI 1' })];
  assert.equal(JSON.stringify([i, v]), before);
  assert.equal(i[1]!.sub, i[2]!.sub);
  assert.equal(i[0]!.sub, i[1]!.sub);
  assert.notEqual(i[3]!.sub, i[0]!.sub, 'a frozen row is left as it was');
  assert.equal(v[0]!.period, v[1]!.period);
  assert.equal(v[0]!.area, v[2]!.area);
  assert.notEqual(v[0]!.area, v[1]!.area);
  assert.equal(v[1]!.value, v[2]!.value);
});
