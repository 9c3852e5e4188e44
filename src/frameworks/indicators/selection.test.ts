import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { parsePeriod } from '../../domain/period.ts';
import { CHOSEN_INDICATORS, PERIOD_ENDS } from './selection.ts';

/**
 * The chosen indicators against LAIT itself (the copy the project carries, data/published/dfe-lait/) and against
 * docs/today.md, whose table of indicators and list of LAIT's definitions are written from selection.ts and the
 * dictionary: every chosen measure is in the dictionary with a polarity and the Year_Type selection.ts says, has
 * figures for most LAs in most of the years, and has its row and its definition in the docs, with nothing else there.
 * On a difference the test prints the line the docs should have.
 */
const LAIT = new URL('../../../data/published/dfe-lait/', import.meta.url);
const DOCS = new URL('../../../docs/today.md', import.meta.url);
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];

type Row = Record<string, string>;
const dictionary = new Map<string, Row>();
for (const row of Papa.parse<Row>(readFileSync(new URL('lait_data_dictionary.csv', LAIT), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data) {
  // LAIT lists 14 measures twice; the import reads the first (README, "Data").
  if (!dictionary.has(row['Measure_short']!)) dictionary.set(row['Measure_short']!, row);
}
const POLARITY: Readonly<Record<string, string>> = { High: 'higher-is-better', Low: 'lower-is-better' };
const OUTCOME_WORDS = (outcome: string) => outcome.replace(/-/g, ' ');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The table row docs/today.md has for a chosen indicator. */
function tableRow(c: (typeof CHOSEN_INDICATORS)[number]): string {
  const d = dictionary.get(c.id)!;
  return `| \`${c.id}\` | ${OUTCOME_WORDS(c.outcome)} | ${squash(d['Measure']!)} | ${POLARITY[d['Polarity']!]} | ${squash(d['y_axis_name']!)} | ${c.why} |`;
}

/** The definition docs/today.md gives: the dictionary's first paragraph, cut at about 500 characters. */
function definitionLine(c: (typeof CHOSEN_INDICATORS)[number]): string {
  const d = dictionary.get(c.id)!;
  const first = squash(d['Description']!.split(/\n\s*\n/)[0]!);
  const cut = first.length <= 500 ? first : `${first.slice(0, first.lastIndexOf(' ', 500))}…`;
  return `- **\`${c.id}\`** (${squash(d['Measure']!)}): ${cut}`;
}

describe('the chosen indicators, against LAIT', () => {
  it('are each in the dictionary with a polarity (High or Low) and the Year_Type selection.ts gives', () => {
    for (const c of CHOSEN_INDICATORS) {
      const d = dictionary.get(c.id);
      assert.ok(d, `${c.id} is not in LAIT's dictionary`);
      assert.ok(POLARITY[d['Polarity']!], `${c.id} has the polarity ${JSON.stringify(d['Polarity'])}: neither way is better, so it cannot be compared`);
      assert.equal(d['Year_Type'], c.yearType, c.id);
      assert.ok(PERIOD_ENDS[c.yearType]);
    }
    assert.equal(new Set(CHOSEN_INDICATORS.map((c) => c.id)).size, CHOSEN_INDICATORS.length, 'no measure chosen twice');
  });

  // "Most LAs over most years": a clear majority of the 153 LAs (90) in 7 of the 10 years. The thinnest measures chosen
  // are child protection plans lasting two years (100 to 119 LAs a year: small counts are suppressed), looked after
  // children's convictions (94 to 131) and NEET or not known at 16-17 (from 2019); the workforce's have 148 to 165.
  it('have figures for at least 90 LAs in at least 7 of the 10 years 2016-2025', () => {
    const chosen = new Set(CHOSEN_INDICATORS.map((c) => c.id));
    const lines = gunzipSync(readFileSync(new URL('bds_long.csv.gz', LAIT))).toString('utf8').replace(/^\uFEFF/, '').split('\n');
    // Only the chosen measures' records are parsed: each starts a line with its short description (which has no
    // comma), and runs on over the next lines while a quoted field is open (one measure's name holds a line break).
    const records = [lines[0]!];
    for (let i = 1; i < lines.length; i++) {
      if (!chosen.has(lines[i]!.slice(0, lines[i]!.indexOf(',')))) continue;
      let record = lines[i]!;
      while ((record.match(/"/g)?.length ?? 0) % 2 === 1 && i + 1 < lines.length) record += `\n${lines[++i]}`;
      records.push(record);
    }
    const wanted = records.join('\n');
    const counts = new Map<string, number>();
    for (const r of Papa.parse<Row>(wanted, { header: true, skipEmptyLines: true }).data) {
      if (!/^\d{3}$/.test(r['LA Number'] ?? '') || !/^-?\d/.test(r['Values'] ?? '')) continue;
      const year = parsePeriod(r['Years']!)?.endYear ?? null;
      if (year !== null && YEARS.includes(year)) counts.set(`${r['Short Desc']} ${year}`, (counts.get(`${r['Short Desc']} ${year}`) ?? 0) + 1);
    }
    for (const c of CHOSEN_INDICATORS) {
      const covered = YEARS.filter((y) => (counts.get(`${c.id} ${y}`) ?? 0) >= 90);
      assert.ok(covered.length >= 7, `${c.id}: at least 90 LAs only in ${covered.join(', ') || 'no year'}`);
    }
  });
});

describe('docs/today.md, against selection.ts and the dictionary', () => {
  const docs = readFileSync(DOCS, 'utf8');
  // The table is the one under "The indicators, …", up to the next heading.
  const section = docs.slice(docs.indexOf('### The indicators'), docs.indexOf('\n#', docs.indexOf('### The indicators') + 1));
  const table = section.split('\n').filter((l) => /^\| `[^`]+` \|/.test(l));
  const definitions = docs.split('\n').filter((l) => /^- \*\*`[^`]+`\*\* \(/.test(l));

  it('has a row of the indicators table for each chosen indicator, in its order, and no other', () => {
    assert.deepEqual(table, CHOSEN_INDICATORS.map(tableRow));
  });
  it("has LAIT's definition of each chosen indicator, in its order, and no other", () => {
    assert.deepEqual(definitions.map((l) => /`([^`]+)`/.exec(l)![1]), CHOSEN_INDICATORS.map((c) => c.id));
    for (const c of CHOSEN_INDICATORS) {
      const line = definitions.find((l) => l.startsWith(`- **\`${c.id}\`**`))!;
      const expected = definitionLine(c);
      // The docs may cut a long first paragraph a little earlier: what they give is the dictionary's, from its start.
      const [head, body] = [expected.slice(0, expected.indexOf('): ') + 3), line.slice(line.indexOf('): ') + 3).replace(/…$/, '')];
      assert.ok(line.startsWith(head), `${c.id}: expected\n${expected}`);
      assert.ok(expected.slice(head.length).replace(/…$/, '').startsWith(body) || squash(dictionary.get(c.id)!['Description']!).startsWith(body), `${c.id}: expected\n${expected}`);
    }
  });
});
