import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { LetterDraft } from '../src/narrative/letter.ts';
import { LINT_RULES, lintLetter } from '../src/narrative/lint/lint.ts';
import type { LintFinding, LintRule } from '../src/narrative/lint/lint.ts';
import { LETTER_LENGTH, sectionLength } from '../src/narrative/lint/length.ts';
import { nationalLetters } from './support/national-letters.ts';

/**
 * Issue 12: every letter of the national run, the synthetic 2009, 2010 and 2011 and today's indicator years 2016-2025,
 * is free of the faults of writing the linter knows (src/narrative/lint/), and the 2010-2011 letters are as long as
 * the seeds' within the margin of docs/letters.md ("Style and length"). The store is built once (about 35 s here).
 */
let letters: Map<number, LetterDraft[]>;
const findings = new Map<LintRule, { year: number; la: string; f: LintFinding }[]>();

/** The findings of one rule, a few of each message, for the failure message. */
function shown(rule: LintRule): string {
  const list = findings.get(rule) ?? [];
  const byMessage = new Map<string, typeof list>();
  for (const x of list) byMessage.set(x.f.message.replace(/\d+/g, 'N'), [...(byMessage.get(x.f.message.replace(/\d+/g, 'N')) ?? []), x]);
  return [`${list.length} ${rule} finding${list.length === 1 ? '' : 's'}:`, ...[...byMessage].flatMap(([message, xs]) => [`  ${message} (${xs.length})`, ...xs.slice(0, 3).map((x) => `    ${x.la} ${x.year} ${x.f.section}/${x.f.sentence ?? x.f.block ?? '-'}: ${x.f.text.slice(0, 240)}`)])].join('\n');
}

describe('the letters of the national run', () => {
  before(async () => {
    letters = await nationalLetters();
    for (const [year, list] of letters) {
      for (const letter of list) for (const f of lintLetter(letter)) findings.set(f.rule, [...(findings.get(f.rule) ?? []), { year, la: `${letter.la.code} ${letter.la.name}`, f }]);
    }
  });

  it('has a letter for every LA assessed in each year', (t) => {
    t.diagnostic(`findings by rule: ${JSON.stringify(Object.fromEntries(LINT_RULES.map((r) => [r, findings.get(r)?.length ?? 0])))}`);
    for (const [year, list] of letters) assert.ok(list.length >= 150, `${year}: ${list.length} letters`);
  });

  for (const rule of LINT_RULES) {
    it(`has no ${rule} findings`, () => {
      assert.equal(findings.get(rule)?.length ?? 0, 0, shown(rule));
    });
  }

  it("keeps each 2010-2011 letter's summary, and its strengths and areas together, within the seeds' lengths and the margin", () => {
    const over: string[] = [];
    for (const year of [2010, 2011]) {
      for (const letter of letters.get(year) ?? []) {
        const summary = sectionLength(letter, 'summary');
        const strengths = sectionLength(letter, 'strengths');
        const areas = sectionLength(letter, 'areas');
        const where = `${letter.la.code} ${letter.la.name} ${year}`;
        if (summary.words > LETTER_LENGTH.summary.maxWords) over.push(`${where}: a summary of ${summary.words} words (at most ${LETTER_LENGTH.summary.maxWords})`);
        if (strengths.words + areas.words > LETTER_LENGTH.body.maxWords) over.push(`${where}: strengths and areas of ${strengths.words + areas.words} words (at most ${LETTER_LENGTH.body.maxWords})`);
        if (Math.max(strengths.bullets, areas.bullets) > LETTER_LENGTH.bullets.max) over.push(`${where}: ${strengths.bullets} strengths and ${areas.bullets} areas (at most ${LETTER_LENGTH.bullets.max} each)`);
      }
    }
    assert.deepEqual(over.slice(0, 20), [], `${over.length} letters too long`);
  });
});
