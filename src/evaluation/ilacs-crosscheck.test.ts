import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Judgement } from '../domain/judgement.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { OfstedLaOutcome } from '../ingest/sources/ofsted-la-outcomes.ts';
import { crossCheckIlacs, crossCheckOutcome } from './ilacs-crosscheck.ts';

const la = (code: string, gss: string, name: string) => ({ code: code as LaCode, gss, name, openedOn: null, closedOn: null }) as LocalAuthority;
const LAS = [la('356', 'E08000007', 'Stockport'), la('358', 'E08000009', 'Trafford'), la('825', 'E10000002', 'Buckinghamshire'), la('861', 'E06000021', 'Stoke-on-Trent'), la('370', 'E08000016', 'Barnsley'), la('373', 'E08000019', 'Sheffield'), la('301', 'E09000002', 'Barking and Dagenham')];

const GOOD = { 'impact-of-leaders': 'good', 'help-and-protection': 'good', 'in-care': 'good' } as const;
let line = 1;
const row = (gss: string, name: string, date: string, overall: Judgement = 'good', judgements: OfstedLaOutcome['judgements'] = GOOD): OfstedLaOutcome => ({ line: ++line, name, region: 'x', gss, inspectionDate: date, overall, judgements });
const scraped = (code: string, start: string | null, end: string, overall: Judgement | null = 'good', judgements: LaInspection['judgements'] = GOOD): LaInspection =>
  ({ la: code as LaCode, kind: 'ilacs', startDate: start, endDate: end, publishedOn: null, overall, judgements, strengthsCount: null, developmentCount: null, priorityActionCount: null, findings: [], sourceRef: null }) as LaInspection;

describe("the scraped ILACS history checked against Ofsted's outcomes table", () => {
  const table = [
    row('E08000007', 'Stockport', '2019-01-14'),
    // Three days from the scraped start: the same inspection, within the tolerance.
    row('E08000009', 'Trafford', '2022-10-03'),
    // Recoded since: matched by name.
    row('E06000060', 'Buckinghamshire', '2021-06-07', 'good', { ...GOOD, 'care-leavers': 'good' }),
    // Thirty days from the scraped start: the same inspection, the dates disagree.
    row('E06000021', 'Stoke-on-Trent', '2022-05-02', 'inadequate'),
    // The scraped report has no dates: published 56 days after Ofsted's start date.
    row('E08000016', 'Barnsley', '2022-07-11'),
    // The scraped report has no dates and was published 200 days after: not this inspection.
    row('E08000019', 'Sheffield', '2019-07-15'),
    row('E09000099', 'Nowhere', '2019-07-15'),
  ];
  const history = [
    scraped('356', '2019-01-14', '2019-01-25'),
    scraped('356', '2023-05-01', '2023-05-12', 'outstanding'),
    scraped('358', '2022-10-06', '2022-10-14', 'good', { ...GOOD, 'in-care': 'requires-improvement' }),
    scraped('825', '2021-06-07', '2021-06-18', 'good', GOOD),
    scraped('861', '2022-06-01', '2022-06-10', null),
    scraped('370', null, '2022-09-05', 'good', { ...GOOD, 'care-leavers': 'inadequate' }),
    scraped('373', null, '2020-01-31'),
    scraped('301', '2019-03-04', '2019-03-15'),
  ];
  const c = crossCheckIlacs(table, history, LAS);
  const found = c.disagreements.map((d) => [d.kind, d.name, d.subject, d.ofsted, d.scraped]);

  it('matches each row to the same scraped inspection, by GSS code or else by name, and by start date within a tolerance', () => {
    assert.deepEqual([c.rows, c.matched, c.agreeing], [7, 5, 1]);
    assert.match(c.notes[0]!, /^1 matched by name: .*Buckinghamshire \(E06000060; stored as 825, E10000002\)/);
    assert.match(c.notes[1]!, /^1 matched with start dates within 7 days but not on the same day: Trafford \(Ofsted 2022-10-03, scraped 2022-10-06\)/);
    // Barking and Dagenham has an ILACS inspection by the table's latest date but no row.
    assert.match(c.notes[2]!, /^1 LAs have an ILACS inspection in the scraped history beginning by 2022-10-03 but no row in Ofsted's table: Barking and Dagenham \(301\)/);
  });

  it('reports every disagreement: the LA, the inspection, the dates, the overall judgement, each sub-judgement', () => {
    assert.deepEqual(found, [
      ['sub-judgement-mismatch', 'Trafford', 'children in care', 'Good', 'Requires improvement to be good'],
      ['sub-judgement-mismatch', 'Buckinghamshire', 'care leavers', 'Good', 'none'],
      ['date-mismatch', 'Stoke-on-Trent', 'dates', 'began 2022-05-02', 'began 2022-06-01, ended 2022-06-10'],
      ['overall-mismatch', 'Stoke-on-Trent', 'overall effectiveness', 'Inadequate', 'none'],
      ['date-mismatch', 'Barnsley', 'dates', 'began 2022-07-11', 'no inspection dates (dated by its publication, 2022-09-05)'],
      ['sub-judgement-mismatch', 'Barnsley', 'care leavers', 'none', 'Inadequate'],
      ['missing-in-scraped', 'Sheffield', 'the inspection', 'an ILACS inspection beginning 2019-07-15, overall effectiveness Good', 'ILACS inspections: no inspection dates (dated by its publication, 2020-01-31), overall Good'],
      ['la-unmatched', 'Nowhere', 'the LA', 'Nowhere (E09000099)', 'no stored LA has the GSS code E09000099 or the name "Nowhere"'],
    ]);
    assert.deepEqual(c.counts, { 'la-unmatched': 1, 'missing-in-scraped': 1, 'date-mismatch': 2, 'overall-mismatch': 1, 'sub-judgement-mismatch': 3 });
  });

  it('says why it did not run when the table could not be read', () => {
    assert.deepEqual(crossCheckOutcome({ ok: false, rejections: [{ file: 'f.csv', line: 3, column: null, value: 'x', reason: 'bad' }] }, history, LAS).ok, false);
    const ran = crossCheckOutcome({ ok: true, file: { path: 'f.csv', sha256: 'ab', rows: 7 }, outcomes: table }, history, LAS);
    assert.ok(ran.ok);
    assert.deepEqual(ran.check, c);
    assert.deepEqual(crossCheckOutcome({ ok: true, file: { path: 'f.csv', sha256: 'ab', rows: 7 }, outcomes: table }, [], LAS), { ok: false, reason: 'the store holds no ILACS inspections to check (import the ilacs source)' });
  });
});
