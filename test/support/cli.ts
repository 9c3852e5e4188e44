import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIXTURE_LA_BATCH } from './las.ts';
import { dbOf, openStore, tempDir } from './store.ts';

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/** A seed-letter fixture folder (test/fixtures/seeds/NAME/). */
export const seedFixture = (name: string): string => fileURLToPath(new URL(`../fixtures/seeds/${name}/`, import.meta.url));

export interface CliStore {
  readonly dir: string;
  readonly db: string;
  /** Runs `kingsway --db <db> ...args` as a user would, in a child process, without the published data. */
  readonly kingsway: (...args: string[]) => SpawnSyncReturns<string>;
  readonly cleanup: () => void;
}

/**
 * A temporary store holding the fixture LAs and, if given, imported bundles, for tests that drive the CLI. Imports
 * through the CLI itself, and fails the test if a bundle is refused.
 */
export async function cliStore(...bundles: string[]): Promise<CliStore> {
  const tmp = tempDir();
  const db = dbOf(tmp.dir);
  const store = await openStore(tmp.dir);
  await store.replaceDataset(FIXTURE_LA_BATCH);
  await store.close();
  const kingsway = (...args: string[]) => spawnSync(process.execPath, [main, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, KINGSWAY_DATA: '' } });
  for (const bundle of bundles) {
    const imported = kingsway('import', '--no-data', '--bundle', bundle);
    assert.equal(imported.status, 0, imported.stdout + imported.stderr);
  }
  return { dir: tmp.dir, db, kingsway, cleanup: tmp.cleanup };
}
