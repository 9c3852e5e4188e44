import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LetterDraft } from '../src/narrative/letter.ts';
import { seedFixture } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';

/**
 * An inspector edits the Stockport 2011 letter from the command line and from an edit file; then the evidence changes
 * (the sixth special school is reinspected and found good) and the letter is written again: the untouched sentences
 * follow the evidence, the edited ones are kept, and the edit on the special schools is flagged for review.
 */
describe('kingsway letter edit: edits kept over a regenerated letter', () => {
  const stockport = SEED_LETTERS[0];
  let cli: CliStore;
  const edit = (...args: string[]) => cli.kingsway('letter', 'edit', '--la', '356', '--year', '2011', '--by', 'A Inspector', ...args);
  const letter = (...args: string[]) => cli.kingsway('letter', '--la', '356', '--year', '2011', ...args);
  const json = () => JSON.parse(letter('--format', 'json').stdout) as LetterDraft & { reviews: { edit: number; target: string; reason: string }[] };
  const sentences = (l: LetterDraft) => l.sections.flatMap((s) => s.blocks.flatMap((b) => b.sentences));
  before(async () => {
    cli = await seedLetterStore(stockport);
  });
  after(() => cli.cleanup());

  it('records a rewording, an addition, a move and a file of edits, each checked against the letter', () => {
    assert.equal(edit('--reword', 'a:special', '--text', 'Five of the six special schools maintained by the local authority are good or better. The sixth school is satisfactory.').status, 0);
    assert.equal(edit('--add-after', 'a:special', '--text', 'It is making satisfactory progress in demonstrating better capacity for sustained improvement.').status, 0);
    assert.equal(edit('--move', 'strengths:specialist', '--after', 'strengths:under-fives').status, 0);
    const file = join(cli.dir, 'edits.json');
    writeFileSync(file, JSON.stringify([{ op: 'remove', target: 'c:ni-117' }, { op: 'reword', target: 'a:primary', text: 'As was the case last year, the very large majority of primary schools are good or better.' }]));
    const fromFile = edit('--file', file);
    assert.equal(fromFile.status, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /recorded edit 4 .*remove c:ni-117\nrecorded edit 5 .*reword a:primary/);

    const l = json();
    assert.deepEqual(l.reviews, []);
    assert.deepEqual(l.sections.find((s) => s.id === 'strengths')!.blocks.map((b) => b.id).slice(0, 2), ['strengths:under-fives', 'strengths:specialist']);
    assert.equal(sentences(l).find((s) => s.id === 'c:ni-117'), undefined);
    assert.equal(sentences(l).find((s) => s.id === 'added:2')?.edit?.kind, 'added');
    assert.match(letter().stdout, /- Five of the six special schools maintained by the local authority are good or better\. The sixth school is satisfactory\. It is making satisfactory progress/);
    assert.doesNotMatch(letter('--no-edits').stdout, /maintained by the local authority are good/);
  });

  it('refuses an edit naming nothing in the letter, or a bad edit file, and records none of it', () => {
    const bad = edit('--reword', 'c:ni-999', '--text', 'x');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /the target "c:ni-999" is not in the letter/);
    const file = join(cli.dir, 'bad.json');
    writeFileSync(file, JSON.stringify([{ op: 'remove', target: 'a:pru' }, { op: 'reword', target: 'a:pru' }]));
    const badFile = edit('--file', file);
    assert.equal(badFile.status, 2);
    assert.match(badFile.stderr, /bad\.json: \[1\]\.text: /);
    assert.match(cli.kingsway('letter', 'edits', '--la', '356', '--year', '2011').stdout, /^5\t/m);
    assert.doesNotMatch(cli.kingsway('letter', 'edits', '--la', '356', '--year', '2011').stdout, /^6\t/m);
  });

  it('after the evidence changes, keeps the edits, updates the rest, and flags the edit whose evidence changed', () => {
    // The sixth special school is reinspected and found good: re-import the fixture with that inspection added.
    const changed = join(cli.dir, 'changed');
    cpSync(seedFixture(stockport.folder), changed, { recursive: true });
    const inspections = join(changed, 'provider-inspections.csv');
    writeFileSync(inspections, `${readFileSync(inspections, 'utf8').trimEnd()}\n8356005,2011-06-01,full,good,,good,good,,,,,\n`);
    // The manifest states each file's row count, and the import checks it.
    const manifest = JSON.parse(readFileSync(join(changed, 'manifest.json'), 'utf8')) as { files: { path: string; rows: number }[] };
    manifest.files.find((f) => f.path === 'provider-inspections.csv')!.rows++;
    writeFileSync(join(changed, 'manifest.json'), JSON.stringify(manifest));
    const imported = cli.kingsway('import', '--no-data', '--bundle', changed);
    assert.equal(imported.status, 0, imported.stderr);

    const l = json();
    const special = sentences(l).find((s) => s.id === 'a:special')!;
    assert.equal(special.text, 'Five of the six special schools maintained by the local authority are good or better. The sixth school is satisfactory.', 'the edited words are kept');
    assert.match(special.edit?.review ?? '', /now reads "All six special schools are good or better: two are outstanding and four are good\. This is an improvement on 2010/);
    assert.deepEqual(l.reviews.map((r) => r.target), ['a:special']);
    assert.equal(sentences(l).find((s) => s.id === 'a:primary')?.edit?.review, null, 'the primary schools did not change');
    const listed = cli.kingsway('letter', 'edits', '--la', '356', '--year', '2011');
    assert.match(listed.stdout, /1 needs review:\n {2}edit 1 \(a:special\): the evidence has changed/);
    const md = letter();
    assert.match(md.stderr, /1 of the inspectors' edits to this letter need review/);
  });

  it('withdraws an edit by reverting it, keeping the history', () => {
    assert.equal(edit('--revert', '4').status, 0);
    assert.ok(sentences(json()).some((s) => s.id === 'c:ni-117'), 'the removed sentence is back');
    assert.match(cli.kingsway('letter', 'edits', '--la', '356', '--year', '2011').stdout, /remove c:ni-117 \(reverted by edit 6\)/);
  });

  it("refers back to last year's letter only for what that letter, as sent, said", () => {
    const gap = () => sentences(json()).find((s) => s.id === 'c:ni-102b')!.text;
    assert.match(gap(), /^However, as reported in last year's assessment, the gap in attainment between 16-year-olds eligible for free school meals/);
    // The 2010 letter, as the inspector sent it, left that statement out: the 2011 letter no longer refers back to it.
    const removed = cli.kingsway('letter', 'edit', '--la', '356', '--year', '2010', '--by', 'A Inspector', '--remove', 'c:ni-102b');
    assert.equal(removed.status, 0, removed.stderr);
    assert.match(gap(), /^However, the gap in attainment between 16-year-olds/);
  });
});
