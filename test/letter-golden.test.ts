import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { CliStore } from './support/cli.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';

/**
 * The rendered letter for each seed fixture, compared byte for byte with its golden file in test/golden/.
 * The letter is deterministic (its date is the framework year's, never the clock), so any difference is a change
 * in the wording or the evidence: look at it, and if it is right, run with UPDATE_GOLDEN=1 to accept it.
 */
describe('letters rendered from the seed fixtures (golden files)', () => {
  // Each fixture in a store of its own: they define the same indicators, which one dataset may own.
  const stores: CliStore[] = [];
  after(() => stores.forEach((s) => s.cleanup()));

  for (const c of SEED_LETTERS) {
    it(`${c.folder} renders as its golden Markdown and HTML`, async () => {
      const cli = await seedLetterStore(c);
      stores.push(cli);
      const run = cli.kingsway('letter', '--la', c.la, '--year', String(c.year));
      assert.equal(run.status, 0, run.stderr);
      const golden = fileURLToPath(new URL(`./golden/${c.folder}.md`, import.meta.url));
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, run.stdout);
      assert.equal(run.stdout, readFileSync(golden, 'utf8'));
      const html = cli.kingsway('letter', '--la', c.la, '--year', String(c.year), '--format', 'html');
      assert.equal(html.status, 0, html.stderr);
      const goldenHtml = golden.replace(/\.md$/, '.html');
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(goldenHtml, html.stdout);
      assert.equal(html.stdout, readFileSync(goldenHtml, 'utf8'));
    });
  }
});
