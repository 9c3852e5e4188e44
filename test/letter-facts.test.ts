import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { LetterDraft } from '../src/narrative/letter.ts';
import type { EvidenceRef } from '../src/narrative/sentence.ts';
import { seedFixture } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';

/**
 * The issue's test of the letters: for each seed letter, the letter Kingsway writes from the seed's fixture states
 * each fact the seed states in its summary, strengths and areas for further improvement (for 2006: its summary and
 * its sections), each named, in the same section, and from the evidence the seed's fact rests on. The facts are in
 * each fixture's letter-facts.json: a quote from the seed, patterns the generated paragraph or bullet must match,
 * and evidence it must carry. What a seed says that the evidence cannot give is listed there too, with the reason,
 * and reported here as a to-do rather than left out silently.
 */
interface LetterFact {
  readonly id: string;
  readonly section: string;
  readonly quote: string;
  readonly says: readonly string[];
  readonly evidence?: readonly Partial<Record<string, unknown>>[];
  readonly note?: string;
}
interface LetterFacts {
  readonly letter: string;
  readonly gradeTable?: readonly number[];
  readonly facts: readonly LetterFact[];
  readonly notStated: readonly { readonly quote: string; readonly reason: string }[];
}

const carries = (refs: readonly EvidenceRef[], want: Partial<Record<string, unknown>>) => refs.some((r) => Object.entries(want).every(([k, v]) => (r as unknown as Record<string, unknown>)[k] === v));

for (const seed of SEED_LETTERS) {
  describe(`the ${seed.folder} letter, written from its fixture`, () => {
    const file = JSON.parse(readFileSync(join(seedFixture(seed.folder), 'letter-facts.json'), 'utf8')) as LetterFacts;
    let cli: CliStore;
    let letter: LetterDraft;
    before(async () => {
      cli = await seedLetterStore(seed);
      const run = cli.kingsway('letter', '--la', seed.la, '--year', String(seed.year), '--format', 'json');
      assert.equal(run.status, 0, run.stderr);
      letter = JSON.parse(run.stdout) as LetterDraft;
    });
    after(() => cli.cleanup());

    if (file.gradeTable) {
      it(`gives the seed's graded areas in its table: ${file.gradeTable.join(', ')}`, () => {
        assert.deepEqual(letter.gradeTable?.rows.map((r) => r.grade), file.gradeTable);
      });
    }

    for (const fact of file.facts) {
      it(`states "${fact.id}" in its ${fact.section}`, () => {
        const section = letter.sections.find((s) => s.id === fact.section);
        assert.ok(section, `the letter has a ${fact.section} section`);
        const blocks = section.blocks.map((b) => ({ text: b.sentences.map((s) => s.text).join(' '), evidence: b.sentences.flatMap((s) => s.evidence) }));
        const found = blocks.find((b) => fact.says.every((p) => new RegExp(p).test(b.text)));
        assert.ok(found, `no paragraph or bullet of the ${fact.section} says ${fact.says.map((p) => `/${p}/`).join(' and ')}\nthe seed: ${fact.quote}\nthe letter's ${fact.section}:\n${blocks.map((b) => `- ${b.text}`).join('\n')}`);
        for (const want of fact.evidence ?? []) assert.ok(carries(found.evidence, want), `the statement carries evidence ${JSON.stringify(want)}: it has ${JSON.stringify(found.evidence)}`);
      });
    }

    for (const gap of file.notStated) it.todo(`not stated, from the seed: "${gap.quote}" (${gap.reason})`);
  });
}
