import assert from 'node:assert/strict';
import { demoAccounts, takeYearToPublication } from '../../src/application/demo-process.ts';
import type { Store } from '../../src/store/repository.ts';

/**
 * A year's assessed LAs taken through the whole process and published, as `kingsway demo` publishes 2011 (its demo
 * accounts make the moves), for tests of what the public sees (issue 15: nothing unpublished reaches it).
 */
export async function publishYear(store: Store, year: number): Promise<void> {
  const { actors } = await demoAccounts(store, '2026-01-01T00:00:00.000Z');
  const result = await takeYearToPublication(store, year, actors);
  assert.deepEqual(result.refused, [], `publishing ${year}`);
}
