import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServer } from '../src/web/server.ts';
import { cliStore, seedFixture } from './support/cli.ts';
import { openSpec } from './support/store.ts';
import { staffGet } from './support/web-as.ts';

/**
 * A running server follows the store (issue 14): a judgement recorded from the command line, by another process on
 * the same database, shows at the next request, without a restart; and a request with nothing changed elsewhere
 * keeps what the server has assessed. Nothing of the store is published, so the page is read as Ofsted's staff (an
 * analyst signed in), who see every LA-year as it stands (issue 15); the public is shown none of it.
 */
test('a judgement recorded from the CLI shows on a running server without a restart', async () => {
  const s = await cliStore(seedFixture('stockport-2011-assessment'));
  const store = await openSpec(s.db);
  const { app, data } = buildServer(store);
  try {
    const staff = await staffGet(app, store);
    const first = await staff('/2011/la/356');
    assert.equal(first.statusCode, 200);
    const rationale = 'Moderated from the command line while the server ran.';
    assert.doesNotMatch(first.body, new RegExp(rationale));
    const versionBefore = data.version;
    const again = await staff('/2011/la/356');
    assert.equal(again.statusCode, 200);
    assert.equal(data.version, versionBefore, 'nothing changed elsewhere: the assessed years are kept');
    const judged = s.kingsway('judge', '--year', '2011', '--la', '356', '--grade', '1', '--by', 'A Moderator', '--rationale', rationale);
    assert.equal(judged.status, 0, judged.stderr);
    const after = await staff('/2011/la/356');
    assert.equal(after.statusCode, 200);
    assert.match(after.body, new RegExp(rationale));
    assert.ok(data.version > versionBefore);
    const seen = await app.inject({ url: '/2011/la/356' });
    assert.equal(seen.statusCode, 404);
    assert.doesNotMatch(seen.body, new RegExp(rationale));
  } finally {
    await app.close();
    await store.close().catch(() => undefined);
    s.cleanup();
  }
});
