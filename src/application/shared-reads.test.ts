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
