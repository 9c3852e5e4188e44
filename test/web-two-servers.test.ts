import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';
import { openSpec } from './support/store.ts';
import { overHttp } from './support/web-as.ts';
import { postForm, signedInAs } from './support/web-session.ts';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** `kingsway serve` in a process of its own on the store `db`, on a free port; its address once it listens. */
function serve(db: string): Promise<{ base: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [main, '--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KINGSWAY_DATA: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/running at (http:\/\/\S+)/);
      if (m) resolve({ base: m[1]!.replace('localhost', '127.0.0.1'), child });
    });
    child.stderr!.resume();
    child.on('exit', (code) => reject(new Error(`kingsway serve exited ${code} before listening: ${out}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });

/**
 * Several servers, one database (issue 14): an edit made through one `kingsway serve` shows on another serving the
 * same store, and a judgement recorded from the CLI on both, each at its next request, with no restart. On SQLite
 * (the default run) and on PostgreSQL (npm run test:postgres), where this is what several people working at once
 * look like. Nothing is published, so an inspector signed in makes the edit and reads the working letter (issue 15),
 * once the letter is in draft; a session is the store's, so it holds on either server.
 */
test('two servers on one store see each other\'s edits, and the CLI\'s judgements, without a restart', async () => {
  const s = await cliStore(seedFixture('stockport-2011-assessment'));
  const servers = await Promise.all([serve(s.db), serve(s.db)]);
  try {
    const [a, b] = servers.map((server) => server.base) as [string, string];
    // An analyst and an inspector, signed in on server a through its sign-in form, as a browser would
    // (support/web-session.ts); Stockport's 2011 put in draft with the process's forms, as they would.
    const store = await openSpec(s.db);
    const [analyst, inspector] = await Promise.all([signedInAs(overHttp(a), store, 'analyst'), signedInAs(overHttp(a), store, 'inspector')]).finally(() => store.close());
    for (const [move, by] of [['release-profile', analyst], ['start-draft', inspector]] as const) {
      const moved = await postForm(overHttp(a), '/2011/la/356/process/move', { move }, by);
      assert.equal(moved.statusCode, 303, `${move}: ${moved.body}`);
    }
    const page = async (base: string, path: string) => (await fetch(`${base}${path}`, { headers: inspector.headers })).text();
    const words = 'Five of the six special schools maintained by the council are good or better, as both servers now say.';
    assert.doesNotMatch(await page(b, '/2011/la/356/letter'), new RegExp(words));
    // The letter's form on server a, with its CSRF token and the cookies holding the secret and the session.
    const saved = await postForm(overHttp(a), '/2011/la/356/letter/edits', { action: 'reword', target: 'a:special', text: words }, inspector);
    assert.equal(saved.statusCode, 303, saved.body);
    assert.match(await page(a, '/2011/la/356/letter'), new RegExp(words), 'the server the edit was made on');
    assert.match(await page(b, '/2011/la/356/letter'), new RegExp(words), 'the other server');
    assert.match(await page(b, '/2011/la/356/letter'), new RegExp(`<td class="govuk-table__cell">${inspector.name}</td>`), 'by the inspector signed in');
    // Nothing of it is published: the public is shown neither.
    assert.equal((await fetch(`${b}/2011/la/356/letter`)).status, 404);

    const rationale = 'Moderated from the command line while two servers ran.';
    const judged = s.kingsway('judge', '--year', '2011', '--la', '356', '--grade', '1', '--by', 'A Moderator', '--rationale', rationale);
    assert.equal(judged.status, 0, judged.stderr);
    for (const base of [a, b]) assert.match(await page(base, '/2011/la/356'), new RegExp(rationale), base);
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    s.cleanup();
  }
});
