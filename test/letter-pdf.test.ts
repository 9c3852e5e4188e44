import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';
import type { CliStore } from './support/cli.ts';

/**
 * The PDF letter, printed by the Debian chromium package (scripts/install.sh installs it). A PDF carries its creation
 * time, so it is not a golden file: the test checks it is an A4 PDF of the letter's length; the HTML it prints is
 * checked byte for byte in letter-golden.test.ts. Its pages were looked at by hand (rendered to PNG).
 */
describe('kingsway letter --format pdf', () => {
  let cli: CliStore;
  before(async () => {
    cli = await cliStore(seedFixture('stockport-2011-assessment'));
  });
  after(() => cli.cleanup());

  it('writes an A4 PDF of the Stockport 2011 letter', () => {
    const out = join(cli.dir, 'letters');
    const run = cli.kingsway('letter', '--la', '356', '--year', '2011', '--format', 'pdf', '-o', out);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /wrote .*356-2011\.pdf/);
    const pdf = readFileSync(join(out, '356-2011.pdf')).toString('latin1');
    assert.ok(pdf.startsWith('%PDF-'));
    const pages = pdf.match(/\/Type \/Page\b/g)?.length ?? 0;
    assert.ok(pages >= 2 && pages <= 4, `${pages} pages`);
    assert.match(pdf, /\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/, 'A4');
  });

  it('says what to install when there is no Chromium', () => {
    const missing = cliWithoutChromium(cli);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /PDF needs Chromium, and there is none at "\/nowhere\/chromium": install the Debian package/);
  });
});

function cliWithoutChromium(cli: CliStore) {
  const previous = process.env['KINGSWAY_CHROMIUM'];
  process.env['KINGSWAY_CHROMIUM'] = '/nowhere/chromium';
  try {
    return cli.kingsway('letter', '--la', '356', '--year', '2011', '--format', 'pdf', '-o', join(cli.dir, 'none'));
  } finally {
    if (previous === undefined) delete process.env['KINGSWAY_CHROMIUM'];
    else process.env['KINGSWAY_CHROMIUM'] = previous;
  }
}
