import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';

/**
 * The rendered letter for each 2009-2011 seed fixture, compared byte for byte with its golden file in test/golden/.
 * The letter is deterministic (its date is the framework year's, never the clock), so any difference is a change
 * in the wording or the evidence: look at it, and if it is right, run with UPDATE_GOLDEN=1 to accept it.
 */
const cases = [
  { folder: 'stockport-2011-assessment', la: '356', year: 2011, previous: 3 },
  { folder: 'stoke-on-trent-2011-assessment', la: '861', year: 2011, previous: 2 },
  { folder: 'trafford-2009-rating', la: '358', year: 2009, previous: null },
] as const;

describe('letters rendered from the seed fixtures (golden files)', () => {
  // Each fixture in a store of its own: they define the same indicators, which one dataset may own.
  const stores: CliStore[] = [];
  after(() => stores.forEach((s) => s.cleanup()));

  for (const c of cases) {
    it(`${c.folder} renders as its golden Markdown and HTML`, async () => {
      const cli = await cliStore(seedFixture(c.folder));
      stores.push(cli);
      if (c.previous !== null) {
        const judged = cli.kingsway('judge', '--la', c.la, '--year', String(c.year - 1), '--grade', String(c.previous), '--rationale', 'Published outcome of the year before', '--by', 'Ofsted (published)');
        assert.equal(judged.status, 0, judged.stderr);
      }
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

  it('refuses the 2006 letter for now, saying which years have letters', async () => {
    const cli = await cliStore();
    stores.push(cli);
    const run = cli.kingsway('letter', '--la', '356', '--year', '2006');
    assert.equal(run.status, 2);
    assert.match(run.stderr, /letters are available for 2009, 2010 and 2011/);
  });
});
