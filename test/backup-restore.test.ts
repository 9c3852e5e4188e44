import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';
import { fingerprint } from './support/store.ts';

/**
 * `kingsway backup` and `kingsway restore` (issue 14) as a user runs them: a round trip gives a store with the same
 * fingerprint (every row of every table); a backup never writes over a file, and a restore refuses a file that is not
 * a Kingsway database and leaves the store as it was.
 */
test('a backup restored gives a store with the same fingerprint', async () => {
  const s = await cliStore(seedFixture('stockport-2011-assessment'));
  try {
    const judge = (grade: string) => s.kingsway('judge', '--year', '2011', '--la', '356', '--grade', grade, '--by', 'A Moderator', '--rationale', 'Moderated: the profile and the inspectors agree.');
    const judged = judge('3');
    assert.equal(judged.status, 0, judged.stderr);
    const backup = join(s.dir, 'backup.db');
    const made = s.kingsway('backup', backup);
    assert.equal(made.status, 0, made.stderr);
    assert.match(made.stdout, /backed up .* \(\d+ pages\)/);
    const before = await fingerprint(s.db);
    assert.equal(await fingerprint(backup), before);
    // The store changes after the backup; the restore brings it back.
    assert.equal(judge('2').status, 0);
    assert.notEqual(await fingerprint(s.db), before);
    const restored = s.kingsway('restore', backup);
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /restored .* datasets\)/);
    assert.equal(await fingerprint(s.db), before);
  } finally {
    s.cleanup();
  }
});

test('a backup is never written over a file, and a restore refuses what is not a Kingsway database', async () => {
  const s = await cliStore(seedFixture('stockport-2011-assessment'));
  try {
    const existing = join(s.dir, 'existing.db');
    writeFileSync(existing, 'keep me');
    const over = s.kingsway('backup', existing);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /exists: a backup is written to a new file/);
    const before = await fingerprint(s.db);
    const wrong = s.kingsway('restore', existing);
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /is not a Kingsway database/);
    assert.equal(await fingerprint(s.db), before);
    const missing = s.kingsway('restore', join(s.dir, 'no-such.db'));
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /no backup/);
    assert.ok(!existsSync(join(s.dir, '.kingsway.db.restoring')));
    const itself = s.kingsway('restore', s.db);
    assert.equal(itself.status, 2);
  } finally {
    s.cleanup();
  }
});
