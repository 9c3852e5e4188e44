import assert from 'node:assert/strict';
import { cliStore, seedFixture } from './cli.ts';
import type { CliStore } from './cli.ts';

/**
 * The seed letters' fixtures, each in a store of its own (they define the same indicators, which one dataset may
 * own), with last year's published grade recorded as a final judgement where the letter reads its direction from it.
 */
export const SEED_LETTERS = [
  { folder: 'stockport-2011-assessment', la: '356', year: 2011, previous: 3 },
  { folder: 'stoke-on-trent-2011-assessment', la: '861', year: 2011, previous: 2 },
  { folder: 'trafford-2009-rating', la: '358', year: 2009, previous: null },
  { folder: 'stockport-2006-apa', la: '356', year: 2006, previous: null },
] as const;
export type SeedLetter = (typeof SEED_LETTERS)[number];

export async function seedLetterStore(c: SeedLetter): Promise<CliStore> {
  const cli = await cliStore(seedFixture(c.folder));
  if (c.previous !== null) {
    const judged = cli.kingsway('judge', '--la', c.la, '--year', String(c.year - 1), '--grade', String(c.previous), '--rationale', 'Published outcome of the year before', '--by', 'Ofsted (published)');
    assert.equal(judged.status, 0, judged.stderr);
  }
  return cli;
}
