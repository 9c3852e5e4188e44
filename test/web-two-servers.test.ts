import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';

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
 * look like.
 */
test('two servers on one store see each other\'s edits, and the CLI\'s judgements, without a restart', async () => {
  const s = await cliStore(seedFixture('stockport-2011-assessment'));
  const servers = await Promise.all([serve(s.db), serve(s.db)]);
  try {
    const [a, b] = servers.map((server) => server.base) as [string, string];
    const words = 'Five of the six special schools maintained by the council are good or better, as both servers now say.';
    assert.doesNotMatch(await (await fetch(`${b}/2011/la/356/letter`)).text(), new RegExp(words));
    // As a browser would: the letter's form on server a, with its CSRF token and the cookie holding the secret.
    const form = await fetch(`${a}/2011/la/356/letter?edit=a%3Aspecial`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const saved = await fetch(`${a}/2011/la/356/letter/edits`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({ _csrf: csrf, action: 'reword', target: 'a:special', text: words, by: 'A Inspector' }).toString(),
    });
    assert.equal(saved.status, 303, await saved.text());
    assert.match(await (await fetch(`${a}/2011/la/356/letter`)).text(), new RegExp(words), 'the server the edit was made on');
    assert.match(await (await fetch(`${b}/2011/la/356/letter`)).text(), new RegExp(words), 'the other server');

    const rationale = 'Moderated from the command line while two servers ran.';
    const judged = s.kingsway('judge', '--year', '2011', '--la', '356', '--grade', '1', '--by', 'A Moderator', '--rationale', rationale);
    assert.equal(judged.status, 0, judged.stderr);
    for (const base of [a, b]) assert.match(await (await fetch(`${base}/2011/la/356`)).text(), new RegExp(rationale), base);
  } finally {
    await Promise.all(servers.map((server) => stop(server.child)));
    s.cleanup();
  }
});
