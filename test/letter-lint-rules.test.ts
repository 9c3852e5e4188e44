import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LetterSection } from '../src/narrative/letter.ts';
import { lintLetter } from '../src/narrative/lint/lint.ts';
import type { LintRule } from '../src/narrative/lint/lint.ts';
import { SEED_LENGTHS, sectionLength } from '../src/narrative/lint/length.ts';
import { SEED_LETTERS, seedLetterStore } from './support/seed-letters.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const noSeeds = existsSync(seeds) ? false : 'shared/seeds is absent';

/** A body of one bulleted section, a sentence a bullet: enough for the linter. */
const letterOf = (...bullets: string[]): { sections: LetterSection[] } => ({
  sections: [{ id: 'strengths', heading: 'Strengths', form: 'bullets', blocks: bullets.map((text, i) => ({ id: `strengths:${i}`, sentences: [{ id: `s${i}`, text, evidence: [] }] })) }],
});
const rules = (...bullets: string[]): LintRule[] => lintLetter(letterOf(...bullets)).map((f) => f.rule);

/**
 * A 2010-2011 seed letter's summary, strengths and areas as a letter body: the summary's paragraphs, then each "- "
 * bullet under "Strengths" and "Areas for further improvement" (a bullet broken across a page is joined again).
 */
export function seedBody(name: string): { sections: LetterSection[] } {
  const text = readFileSync(`${seeds}${name}.txt`, 'utf8');
  const lines = text.slice(text.search(/children's services assessment 2011\n/)).split('\n').slice(1);
  const parts: Record<'summary' | 'strengths' | 'areas', string[]> = { summary: [], strengths: [], areas: [] };
  let at: keyof typeof parts = 'summary';
  for (const raw of lines) {
    const line = raw.replace(/^#+\s*/, '').replace(/\*\*/g, '').replace(/\\\*/g, '*').trim();
    if (line.startsWith('This children')) break;
    if (line === 'Strengths') at = 'strengths';
    else if (line === 'Areas for further improvement') at = 'areas';
    else if (line === '' || line.startsWith('Children\'s services assessment\t') || /^[-\s]+$/.test(line)) continue;
    else if (line.startsWith('- ') || at === 'summary') parts[at].push(line.replace(/^- /, ''));
    else parts[at][parts[at].length - 1] += ` ${line}`;
  }
  return {
    sections: (['summary', 'strengths', 'areas'] as const).map((id) => ({
      id,
      heading: id === 'summary' ? null : id,
      form: id === 'summary' ? 'paragraphs' : 'bullets',
      blocks: parts[id].map((t, i) => ({ id: `${id}:${i}`, sentences: [{ id: `${id}-${i}`, text: t, evidence: [] }] })),
    })),
  };
}

describe('the letter linter', () => {
  it('finds a stock phrase said more than twice in a letter, and not one said twice', () => {
    const said = "As reported in last year's assessment, results are above the national average.";
    assert.deepEqual(rules(said, said), []);
    assert.deepEqual(rules(said, said, said), ['stock-phrase']);
    assert.deepEqual(rules('As in 2010, all are good.', 'As in 2010, one is good.', 'As in 2010, both are good.'), []);
  });

  it('finds a refrain: the same sentence, or the same opening before a comma, more than twice in a letter', () => {
    const trend = 'Results were above the national average in 2011. It has improved over the last four years.';
    assert.deepEqual(rules(trend, trend.replace('Results', 'Attainment')), []);
    assert.deepEqual(rules(trend, trend.replace('Results', 'Attainment'), trend.replace('Results', 'Absence')), ['refrain']);
    const opening = (what: string) => `For the last five years, up to 2011, ${what} has been above the national average.`;
    assert.deepEqual(rules(opening('attainment'), opening('absence'), opening('the gap')), ['refrain']);
    assert.deepEqual(rules('The fifth is satisfactory.', 'The fifth is satisfactory.', 'The fifth is satisfactory.'), []);
  });

  it('finds a bullet that opens with "However", with nothing before it to answer', () => {
    assert.deepEqual(rules('However, the gap was narrower than similar areas.'), ['lone-however']);
    assert.deepEqual(rules('Results were above the national average. However, the gap was wider.'), []);
  });

  it('finds counts, possessives and group nouns that do not agree', () => {
    assert.deepEqual(rules("The children' homes commissioned from others has improved from good to outstanding."), ['agreement', 'agreement']);
    assert.deepEqual(rules('Judgements on staying safe are good or better except one pupil referral units.'), ['agreement']);
    assert.deepEqual(rules('Of the five providers, two is outstanding and one are good.'), ['agreement', 'agreement']);
    assert.deepEqual(rules('Except 27 childcare on non-domestic premises.'), ['agreement']);
    assert.deepEqual(rules('Five of the six special schools are good or better. The sixth school is satisfactory.', "Of the 22 children's homes commissioned from other agencies or local authorities, 20 are good or better and the remaining two are satisfactory.", 'The eight school sixth forms are good.', 'Attainment at Key Stage 2 has improved.', 'Last year, none of the 13 schools maintained by the local authority was outstanding.'), []);
  });

  it('finds labels of the data in prose', () => {
    assert.deepEqual(rules('Results were above the national average in 2011 (prov).'), ['leaked-label']);
    assert.deepEqual(rules('Absence (OT) is below similar areas.'), ['leaked-label']);
    assert.deepEqual(rules('As c:ni-75 shows, results are above.'), ['leaked-label']);
    assert.deepEqual(rules('Results in 2010/11 were above the national average.', 'Placements (2009-10) were stable.'), ['leaked-label', 'leaked-label']);
    assert.deepEqual(rules('Results in 2011 were above the national average, as they were from 2008 to 2010.'), []);
  });

  it('finds a sentence over 45 words', () => {
    const words = (n: number) => `${Array.from({ length: n }, (_, i) => `w${i}`).join(' ')}.`;
    const long = words(46);
    assert.deepEqual(rules(long), ['sentence-length']);
    assert.deepEqual(rules(words(45)), []);
  });

  it('finds an empty section, an empty or one-word bullet', () => {
    assert.deepEqual(lintLetter({ sections: [{ id: 'areas', heading: 'Areas for further improvement', form: 'bullets', blocks: [] }] }).map((f) => f.rule), ['empty']);
    assert.deepEqual(rules('Good.'), ['empty']);
  });

  it('finds doubled words, spaces before punctuation, a wrong indefinite article and two spaces between sentences (retext)', () => {
    assert.deepEqual(rules('Results are above the the national average.'), ['repeated-word']);
    assert.deepEqual(rules('Results are above the national average .'), ['space-before-punctuation']);
    assert.deepEqual(rules('It is a inadequate service.'), ['indefinite-article']);
    assert.deepEqual(rules('Results are above.  Absence is below.'), ['sentence-spacing']);
  });

  it("finds nothing in the seed letters' summaries, strengths and areas", { skip: noSeeds }, () => {
    for (const name of Object.keys(SEED_LENGTHS)) assert.deepEqual(lintLetter(seedBody(name)), [], name);
  });

  it('holds the lengths of the seed letters as measured from them', { skip: noSeeds }, () => {
    for (const [name, lengths] of Object.entries(SEED_LENGTHS)) {
      const body = seedBody(name);
      for (const section of ['summary', 'strengths', 'areas'] as const) assert.deepEqual(sectionLength(body, section), section === 'summary' ? { words: lengths.summary.words, bullets: 0 } : lengths[section], `${name} ${section}`);
    }
  });

  it('runs from `kingsway letters --lint` over the letters as sent, inspectors\' words included', async () => {
    const cli = await seedLetterStore(SEED_LETTERS[0]);
    try {
      const clean = cli.kingsway('letters', '--year', '2011', '--format', 'md', '-o', `${cli.dir}/out`, '--lint');
      assert.equal(clean.status, 0, clean.stderr);
      assert.match(clean.stdout, /Style checks: no findings/);
      const edited = cli.kingsway('letter', 'edit', '--la', '356', '--year', '2011', '--by', 'A Inspector', '--reword', 'a:special', '--text', 'The the special schools are good .');
      assert.equal(edited.status, 0, edited.stderr);
      const found = cli.kingsway('letters', '--year', '2011', '--format', 'md', '-o', `${cli.dir}/out`, '--lint');
      assert.match(found.stdout, /Style checks: 2 findings/);
      assert.match(found.stdout, /356 Stockport: repeated-word strengths\/a:special/);
      assert.match(found.stdout, /356 Stockport: space-before-punctuation strengths\/a:special/);
    } finally {
      cli.cleanup();
    }
  });
});
