import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliStore, seedFixture } from './support/cli.ts';
import { readZipEntry } from './support/zip.ts';
import type { CliStore } from './support/cli.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';
import type { LetterDraft } from '../src/narrative/letter.ts';

/**
 * The PDF and DOCX letters. Both carry their creation time, so neither is a golden file: the tests check their shape
 * (an A4 PDF of the letter's length; a Word document with real headings, lists, tables and the letter's sentences).
 * The PDF prints the HTML that letter-golden.test.ts checks byte for byte. The PDF's pages were looked at by hand
 * (rendered to PNG).
 */
describe('kingsway letter --format pdf and docx', () => {
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

  it('writes a Word document with headings, bullets, the two tables and the letter’s sentences', () => {
    const out = join(cli.dir, 'letters');
    const run = cli.kingsway('letter', '--la', '356', '--year', '2011', '--format', 'docx', '-o', out);
    assert.equal(run.status, 0, run.stderr);
    const xml = readZipEntry(readFileSync(join(out, '356-2011.docx')), 'word/document.xml');
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'ListParagraph']) assert.ok(xml.includes(`<w:pStyle w:val="${style}"/>`), style);
    assert.equal(xml.match(/<w:tbl>/g)?.length, 2);
    const text = xml.replace(/<[^>]+>/g, '').replaceAll('&apos;', "'");
    assert.ok(text.includes('Five of the six special schools are good or better. The sixth is satisfactory.'));
    assert.ok(text.includes('Performs well (3)'));
    assert.ok(text.includes('This performance has been sustained') === false, 'no direction without a 2010 grade recorded');
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

describe('kingsway letters', () => {
  let cli: CliStore;
  before(async () => {
    cli = await cliStore(seedFixture('stockport-2011-assessment'));
  });
  after(() => cli.cleanup());

  it('writes every assessed LA’s letter in each format, and lists the LAs without one and why', () => {
    const out = join(cli.dir, 'all');
    const run = cli.kingsway('letters', '--year', '2011', '--format', 'md,html,docx', '-o', out);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^1 letter for 2011 written to .* \(md, html, docx\)$/m);
    assert.match(run.stdout, /no letter for 358 Trafford: not assessed: no inspected settings and no compared indicators/);
    for (const ext of ['md', 'html', 'docx']) assert.ok(readFileSync(join(out, `356-2011.${ext}`)).length > 1000, ext);
  });

  it('refuses an unknown format, naming it', () => {
    const run = cli.kingsway('letters', '--year', '2011', '--format', 'html,odt', '-o', join(cli.dir, 'x'));
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--format "odt" is not one of md, html, pdf, docx/);
  });
});

describe('each seed letter in all four formats', () => {
  const stores: CliStore[] = [];
  after(() => stores.forEach((s) => s.cleanup()));

  for (const seed of SEED_LETTERS) {
    it(`writes the ${seed.folder} letter as Markdown, HTML, a Word document and an A4 PDF`, async () => {
      const cli = await seedLetterStore(seed);
      stores.push(cli);
      const out = join(cli.dir, 'letters');
      const file = (ext: string) => join(out, `${seed.la}-${seed.year}.${ext}`);
      for (const format of ['md', 'html', 'docx', 'pdf']) {
        const run = cli.kingsway('letter', '--la', seed.la, '--year', String(seed.year), '--format', format, '-o', out);
        assert.equal(run.status, 0, `${format}: ${run.stderr}`);
      }
      const grade = JSON.parse(cli.kingsway('letter', '--la', seed.la, '--year', String(seed.year), '--format', 'json').stdout) as LetterDraft;
      const first = grade.sections[0]!.blocks[0]!.sentences[0]!.text;
      assert.ok(readFileSync(file('md'), 'utf8').includes(first));
      assert.ok(readFileSync(file('html'), 'utf8').includes(first.replaceAll("'", '&#39;')));
      const text = readZipEntry(readFileSync(file('docx')), 'word/document.xml').replace(/<[^>]+>/g, '').replaceAll('&apos;', "'");
      assert.ok(text.includes(first), `the Word document says "${first}"`);
      for (const section of grade.sections) if (section.heading) assert.ok(text.includes(section.heading), section.heading);
      const pdf = readFileSync(file('pdf')).toString('latin1');
      assert.ok(pdf.startsWith('%PDF-'));
      assert.match(pdf, /\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/, 'A4');
    });
  }
});
