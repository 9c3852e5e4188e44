import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CliStore } from './support/cli.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';
import { printable } from '../src/cli/io.ts';

const main = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));

/** Names and texts typed at the command line are untrusted: none may forge output, and a closed pipe is no crash. */
describe('CLI: untrusted names and texts', () => {
  let cli: CliStore;
  const edit = (by: string, ...args: string[]) => cli.kingsway('letter', 'edit', '--la', '356', '--year', '2011', '--by', by, ...args);
  before(async () => {
    cli = await seedLetterStore(SEED_LETTERS[0]);
  });
  after(() => cli.cleanup());

  it('CLI: a name holding a newline, an ANSI escape or a bidi override is refused, so it cannot forge rows in letter edits', () => {
    for (const [by, code] of [
      ['A Inspector\n99\t2011-10-20T10:00:00Z\tChief Inspector\treword everything', '000A'],
      ['\u001b[2J\u001b[31mA Inspector', '001B'],
      ['A \u202eInspector', '202E'],
    ] as const) {
      const run = edit(by, '--remove', 'c:ni-117');
      assert.equal(run.status, 2, run.stdout + run.stderr);
      assert.match(run.stderr, new RegExp(`the name of who made the edit contains the control character U\\+${code}`));
    }
    const listing = cli.kingsway('letter', 'edits', '--la', '356', '--year', '2011');
    assert.match(listing.stdout, /^no edits to the 2011 letter/);
  });

  it('CLI: a 500 KB name and a 1 MB sentence are refused with the limit', () => {
    const long = edit('x'.repeat(500_000).slice(0, 100_000), '--remove', 'c:ni-117');
    assert.equal(long.status, 2);
    assert.match(long.stderr, /the name of who made the edit is 100,000 characters long; the most allowed is 120/);
    const sentence = edit('A Inspector', '--reword', 'a:special', '--text', 'y'.repeat(100_000));
    assert.equal(sentence.status, 2);
    assert.match(sentence.stderr, /the new sentence is 100,000 characters long; the most allowed is 2,000/);
    const judge = cli.kingsway('judge', '--la', '356', '--year', '2011', '--grade', '3', '--rationale', 'Agreed', '--by', 'A\u001b[31m');
    assert.equal(judge.status, 2);
    assert.match(judge.stderr, /--by contains the control character U\+001B/);
  });

  it('CLI: letter edits piped into head ends quietly, without an EPIPE stack trace', () => {
    // More than a pipe's 64 KB buffer, so that the writer is still writing when head has gone.
    const file = join(cli.dir, 'many.json');
    writeFileSync(file, JSON.stringify(Array.from({ length: 60 }, (_, i) => ({ op: 'add', after: 'a:special', text: `Added sentence ${i} ${'word '.repeat(380)}.` }))));
    assert.equal(edit('A Inspector', '--file', file).status, 0);
    const db = cli.db;
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${main}" --db "${db}" letter edits --la 356 --year 2011 | head -c 1`], { encoding: 'utf8' });
    assert.equal(run.status, 0);
    assert.doesNotMatch(run.stderr, /EPIPE|Error|at /);
  });

  it('CLI: text stored before the checks is printed with its control characters escaped', () => {
    assert.equal(printable('A\nB\t\u001b[31m\u202e'), 'A\\nB\\t\\u001b[31m\\u202e');
  });
});
