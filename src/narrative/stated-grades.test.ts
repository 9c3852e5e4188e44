import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AssessmentGrade } from '../domain/grade.ts';
import { ASSESSMENT_GRADES } from '../domain/grade.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { FRAMEWORKS, frameworkFor } from '../frameworks/index.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { assessAll } from '../judgement/assess.ts';
import type { Assessment } from '../judgement/assess.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { nationalLetters } from '../../test/support/national-letters.ts';
import { SEED_LETTERS } from '../../test/support/seed-letters.ts';
import { runOver } from '../../test/support/stockport-run.ts';
import { draftLetter } from './letter.ts';
import type { LetterDraft } from './letter.ts';
import { composedGrade, gradeStatements, gradeWords, letterStatedGrade, statedGrades, statementsDisagreeing } from './stated-grades.ts';

const seeds = fileURLToPath(new URL('../../../shared/seeds/', import.meta.url));
const noSeeds = existsSync(seeds) ? false : 'shared/seeds is absent';

const F2006 = frameworkFor(2006);
const F2009 = frameworkFor(2009);
const F2011 = frameworkFor(2011);
const STOCKPORT = FIXTURE_LAS.find((la) => la.code === '356')!;
const NAMES = [STOCKPORT.formalName, STOCKPORT.name];

/** The seed's own grade, as its facts.json gives it (the "grade" fact, quoting the letter's grade sentence). */
function seedGrade(folder: string): AssessmentGrade {
  const facts = JSON.parse(readFileSync(`${seedFixture(folder)}/facts.json`, 'utf8')) as { facts: { kind: string; expect: { grade?: AssessmentGrade } }[] };
  const grade = facts.facts.find((f) => f.kind === 'grade')?.expect.grade;
  assert.ok(grade, `${folder}: no grade fact`);
  return grade;
}

/** A seed fixture assessed (not through a store), with an inspector's final grade where one is given. */
function assessed(folder: string, year: number, la: string, final?: AssessmentGrade): Extract<Assessment, { status: 'assessed' }> {
  const read = readBundle({ dir: seedFixture(folder), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const judgement = (y: number, grade: AssessmentGrade): InspectorJudgement => ({ la: la as LaCode, year: y, decision: { kind: 'grade', grade }, rationale: 'test', author: 'A Moderator', stage: 'final', authorId: null, recordedAt: `${y}-10-01T00:00:00Z`, derivedAtTheTime: null });
  const judgements = new Map(final ? [[la as LaCode, judgement(year, final)]] : []);
  const [a] = assessAll({ run: runOver(read.batch, { year }), judgements, previous: new Map() }, [la as LaCode]);
  assert.ok(a?.status === 'assessed');
  return a;
}

describe('the grades a text states, in its framework year’s own words', () => {
  it('reads the LA’s grade in each year’s scale words, read from its definition', () => {
    for (const framework of FRAMEWORKS) {
      for (const level of framework.scale) {
        // Said of the council, in the label's own words ("The council performs well") and its descriptor's.
        assert.deepEqual(statedGrades(framework, `The council ${level.label.toLowerCase()}.`), [level.grade], `${framework.id} ${level.label}`);
        const descriptor = level.descriptor.replace(/^(?:an?|the)\s+\w+\s+that\s+/i, '').replace(/\s+for\s+users$/, '');
        assert.deepEqual(statedGrades(framework, `The council ${descriptor}.`), [level.grade], `${framework.id} ${level.descriptor}`);
      }
    }
  });

  it('reads the seeds’ grade sentences, and the rewordings an inspector may make of them', () => {
    const cases: [typeof F2011, string, AssessmentGrade[]][] = [
      [F2011, "Children's services in Stockport Metropolitan Borough Council perform well.", [3]],
      [F2011, 'Children’s services in Stockport continue to perform excellently.', [4]],
      [F2011, "Children's services in Stockport, as in 2010, perform adequately.", [2]],
      [F2011, "Stockport's children's services are performing poorly.", [1]],
      [F2011, 'Stockport now performs well overall.', [3]],
      [F2011, 'Stockport Metropolitan Borough Council exceeds minimum requirements.', [3]],
      [F2011, 'Stockport Metropolitan Borough Council significantly exceeds minimum requirements.', [4]],
      [F2011, 'Stockport, where secondary schools perform adequately, performs well.', [3]],
      [F2011, "Children's services in the Royal Borough of Kensington and Chelsea perform well.", [3]],
      [F2009, "Children's services in Trafford Metropolitan Borough Council perform well.", [3]],
      // stockport-2006 says "delivers above" of the grade its scale calls "Consistently delivers above".
      [F2006, 'Stockport Metropolitan Borough Council delivers above minimum requirements for children and young people.', [3]],
      [F2006, 'Stockport Metropolitan Borough Council consistently delivers above minimum requirements for children and young people.', [3]],
      [F2006, 'Stockport Metropolitan Borough Council delivers well above minimum requirements for children and young people.', [4]],
      [F2006, 'Stockport Metropolitan Borough Council delivers only minimum requirements for children and young people.', [2]],
      [F2006, 'Stockport Metropolitan Borough Council does not deliver minimum requirements for children and young people.', [1]],
      [F2011, "Children's services in Stockport perform well, though some would say they perform excellently; the council performs adequately.", [3, 2]],
    ];
    for (const [framework, text, grades] of cases) assert.deepEqual(statedGrades(framework, text, NAMES), grades, text);
  });

  it('does not count the grades of settings, last year’s grade, the scale’s own table, or a grade denied or supposed', () => {
    const none: [typeof F2011, string][] = [
      [F2011, 'The large majority of provision for children and young people is good or better.'],
      [F2011, 'Of the five providers in the area, two are outstanding, one is good and two are satisfactory.'],
      [F2011, 'Judgements on staying safe are good or better in all settings.'],
      [F2011, 'Primary schools perform well, and secondary schools perform adequately.'],
      [F2011, 'In Stockport, secondary schools perform adequately.'],
      [F2011, "This is an improvement on 2010, when children's services performed adequately."],
      [F2011, 'Kingsway’s indicator assessment of 2023 gave the same grade.'],
      [F2011, "Children's services in Stockport do not perform well."],
      [F2011, "Children's services in Stockport no longer perform excellently."],
      [F2011, "Children's services in Stockport would perform excellently with more foster carers."],
      [F2011, "For example, an assessment of 'performs excellently' does not mean all aspects of provision are perfect."],
      [F2011, '4\tPerforms excellently\tAn organisation that significantly exceeds minimum requirements'],
      [F2011, "Children's services assessment\tPerforms well (3)"],
      [F2011, 'Young people in Stockport perform well at GCSE.'],
      [F2006, "The council's capacity to improve its services further is good."],
      [F2006, 'The council makes a good contribution towards improving the health of children and young people.'],
      [F2006, '| 3 | A service that consistently delivers above minimum requirements for users | Good |'],
      [F2006, 'The local authority’s social care services are judged to deliver only minimum requirements.'],
    ];
    for (const [framework, text] of none) assert.deepEqual(statedGrades(framework, text, NAMES), [], text);
  });

  it('says each grade in its scale’s words', () => {
    assert.equal(gradeWords(F2011, 2), 'performs adequately');
    assert.equal(gradeWords(F2006, 3), 'consistently delivers above minimum requirements');
  });
});

describe('the seed letters state their own grade, and only it', { skip: noSeeds }, () => {
  for (const seed of SEED_LETTERS) {
    it(`${seed.folder}: the whole letter, scale table and standard paragraphs included, states grade ${seedGrade(seed.folder)} alone`, () => {
      const la = FIXTURE_LAS.find((l) => l.code === seed.la)!;
      const text = readFileSync(`${seeds}${seed.folder}.txt`, 'utf8');
      assert.deepEqual(statedGrades(frameworkFor(seed.year), text, [la.formalName, la.name]), [seedGrade(seed.folder)]);
    });
  }
});

describe('a generated letter states the grade it was composed with', () => {
  for (const seed of SEED_LETTERS) {
    it(`${seed.folder}: the derived grade, and any final grade an inspector records instead`, () => {
      const framework = frameworkFor(seed.year);
      const derived = assessed(seed.folder, seed.year, seed.la);
      const letter = draftLetter(derived, framework, null, true);
      assert.equal(derived.grade, seedGrade(seed.folder));
      assert.equal(letterStatedGrade(letter), derived.grade);
      assert.equal(composedGrade(letter), derived.grade);
      assert.deepEqual(gradeStatements(letter).map((s) => s.sentence), ['grade']);
      for (const grade of ASSESSMENT_GRADES) {
        const judged = draftLetter(assessed(seed.folder, seed.year, seed.la, grade), framework, null, true);
        assert.equal(letterStatedGrade(judged), grade, `final grade ${grade}`);
        assert.equal(composedGrade(judged), grade);
        assert.deepEqual(statementsDisagreeing(judged, grade), []);
        const other = ASSESSMENT_GRADES.find((g) => g !== grade)!;
        assert.deepEqual(statementsDisagreeing(judged, other).map((s) => s.sentence), ['grade']);
      }
    });
  }
});

/**
 * Every letter of the national run (the synthetic 2009, 2010 and 2011 and today's indicator years: every framework
 * year with a national run; 2006 has only its seed, above) states its assessment's grade in its grade sentence and
 * nowhere else. draftLetter writes the grade line (2009-2011) and the table's first row (2006) from the assessment's
 * grade, so they stand for it here. One store, built once (about 35 s).
 */
describe('the letters of the national run', () => {
  let letters: Map<number, LetterDraft[]>;
  before(async () => {
    letters = await nationalLetters();
  });

  it('each state, in the grade sentence alone, the grade of the assessment they were written from', () => {
    const wrong: string[] = [];
    let count = 0;
    for (const [year, list] of letters) {
      assert.ok(list.length >= 150, `${year}: ${list.length} letters`);
      for (const letter of list) {
        count++;
        const own = Number(/\((\d)\)$/.exec(letter.gradeLine?.value ?? '')?.[1] ?? letter.gradeTable?.rows[0]?.grade);
        const statements = gradeStatements(letter);
        const where = `${letter.la.code} ${letter.la.name} ${year}`;
        if (composedGrade(letter) !== own) wrong.push(`${where}: composed with ${composedGrade(letter)}, grade line ${own}`);
        if (letterStatedGrade(letter) !== own) wrong.push(`${where}: states ${letterStatedGrade(letter)}, grade ${own}: ${JSON.stringify(statements.map((s) => s.text))}`);
        if (statements.map((s) => s.sentence).join() !== 'grade') wrong.push(`${where}: grade stated in ${statements.map((s) => `${s.sentence} "${s.text}"`).join('; ')}`);
      }
    }
    assert.ok(count > 1500, `${count} letters`);
    assert.deepEqual(wrong.slice(0, 10), [], `${wrong.length} letters`);
  });
});
