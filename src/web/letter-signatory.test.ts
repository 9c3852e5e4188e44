import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixtureStore } from '../../test/support/web.ts';
import { buildServer } from './server.ts';

test("the site's letters are signed by the deployment's role, not a seed letter's official, and say they are not from Ofsted", async () => {
  const store = await webFixtureStore();
  try {
    const byDefault = buildServer(store, { logStream: { write: () => {} } });
    const md = (await byDefault.app.inject({ method: 'GET', url: '/2011/la/356/letter.md' })).body;
    assert.match(md, /Yours sincerely\n\nAssessment lead, Kingsway\n$/);
    assert.match(md, /> Written by Kingsway, .* It is not a letter from Ofsted\./);
    assert.doesNotMatch(md, /Winstanley|Aviation House/);
    await byDefault.app.close();

    const set = buildServer(store, { logStream: { write: () => {} }, letter: { sender: ['Kingsway', 'Test deployment'], signatory: { name: 'A Lead', title: 'Head of assessment' } } });
    const page = (await set.app.inject({ method: 'GET', url: '/2011/la/356/letter' })).body;
    assert.match(page, /A Lead<br>Head of assessment/);
    assert.match(page, /Test deployment/);
    await set.app.close();
  } finally {
    await store.close();
  }
});
