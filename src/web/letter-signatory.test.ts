import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webFixtureStore } from '../../test/support/web.ts';
import { signedInAs } from '../../test/support/web-session.ts';
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

    // The working letter, as Ofsted's staff read it (issue 15), is written with this deployment's sender and signatory.
    const set = buildServer(store, { logStream: { write: () => {} }, letter: { sender: ['Kingsway', 'Test deployment'], signatory: { name: 'A Lead', title: 'Head of assessment' } } });
    const inspector = await signedInAs(set.app, store, 'inspector');
    const page = (await set.app.inject({ method: 'GET', url: '/2011/la/356/letter', headers: inspector.headers })).body;
    assert.match(page, /A Lead<br>Head of assessment/);
    assert.match(page, /Test deployment/);
    // The public reads the letter as it was published, signed as it was then: a deployment's settings change no
    // published letter.
    const published = (await set.app.inject({ method: 'GET', url: '/2011/la/356/letter' })).body;
    assert.match(published, /id="published-version"/);
    assert.doesNotMatch(published, /A Lead|Test deployment/);
    assert.match(published, /Assessment lead, Kingsway/);
    await set.app.close();
  } finally {
    await store.close();
  }
});
