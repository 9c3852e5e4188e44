import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { NotFoundError } from '../domain/errors.ts';
import { FRAMEWORKS, frameworkById, frameworkFor } from './index.ts';

/** The seed letter each framework's wording is taken from. 2010 has none (its paragraphs are a reconstruction). */
const SEED_OF: Readonly<Record<string, string>> = {
  'apa-2006': 'stockport-2006-apa.txt',
  'rating-2009': 'trafford-2009-rating.txt',
  'assessment-2011': 'stockport-2011-assessment.txt',
};
const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
// The seeds are text conversions of PDFs: fold whitespace and the markdown emphasis they picked up.
const fold = (text: string) => text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();

describe('framework definitions', () => {
  it('form one inheritance chain, each year stating what it changed', () => {
    assert.deepEqual(FRAMEWORKS.map((f) => [f.id, f.inherits]), [
      ['apa-2006', null],
      ['rating-2009', 'apa-2006'],
      ['assessment-2010', 'rating-2009'],
      ['assessment-2011', 'assessment-2010'],
      ['indicators-2016', 'assessment-2011'],
      ...[2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => [`indicators-${y}`, `indicators-${y - 1}`]),
    ]);
    for (const f of FRAMEWORKS.slice(1)) assert.ok(f.changes.length > 0, f.id);
  });

  it("mark Kingsway's indicator assessments of today's data as not official, with the neighbours in force each year", () => {
    assert.equal(frameworkFor(2011).official, true);
    assert.equal(frameworkFor(2025).official, false);
    assert.deepEqual([2016, 2024, 2025].map((y) => frameworkFor(y).neighbourVintage), ['2021-04', '2021-04', '2025-05']);
    assert.ok(frameworkFor(2025).changes.some((c) => /now the May 2025 set/.test(c)));
    assert.deepEqual(frameworkFor(2020).blockB, ['ilacs', 'sif']);
  });

  it('are frozen, so no engine can change the framework it is given', () => {
    const f = frameworkFor(2011);
    assert.throws(() => ((f.scale as unknown as { label: string }[])[0]!.label = 'changed'));
    assert.equal(f.scale[0]?.label, 'Performs excellently');
  });

  it('inherit what they do not change: 2011 keeps 2010’s Block A with its children’s centres', () => {
    assert.equal(frameworkFor(2011).blockA, frameworkFor(2010).blockA);
    assert.ok(frameworkFor(2010).blockA.some((g) => g.id === 'childrens-centres'));
    assert.ok(!frameworkFor(2009).blockA.some((g) => g.id === 'childrens-centres'));
  });

  for (const [id, seed] of Object.entries(SEED_OF)) {
    it(`${id} words its scale and paragraphs exactly as its seed letter`, { skip: existsSync(seeds) ? false : 'shared/seeds is absent' }, () => {
      const letter = fold(readFileSync(`${seeds}${seed}`, 'utf8'));
      const f = frameworkById(id);
      for (const level of f.scale) {
        assert.ok(letter.includes(fold(level.descriptor)), `${id}: descriptor "${level.descriptor}"`);
        if (level.capacityDescriptor) assert.ok(letter.includes(level.capacityDescriptor), level.capacityDescriptor);
        if (id !== 'apa-2006') assert.ok(letter.includes(`${level.grade} ${level.label}`), `${id}: "${level.grade} ${level.label}"`);
      }
      for (const [name, paragraph] of Object.entries(f.paragraphs)) assert.ok(letter.includes(fold(paragraph)), `${id}: paragraph ${name}`);
    });
  }

  it('names the years it has when asked for one it has not', () => {
    assert.throws(() => frameworkFor(2012), (e: Error) => e instanceof NotFoundError && /2011 \(assessment-2011\)/.test(e.message));
  });
});
