import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { BUNDLED_DATA_DIR } from '../data-dir.ts';
import { parseCsv } from '../csv.ts';
import { matchOfstedLa, OFSTED_LA_OUTCOMES_FILE, parseOfstedLaOutcomes, readOfstedLaOutcomes } from './ofsted-la-outcomes.ts';

const HEADER =
  'Web link,Local authority name,Ofsted region,new_la_code,Inspection date,Overall effectiveness,Impact of leaders,Experiences and progress of children who need help and protection,Experiences and progress of children in care,Experiences and progress of care leavers';
const parse = (...rows: string[]) => {
  const table = parseCsv('outcomes.csv', `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`);
  assert.ok(table.ok);
  return parseOfstedLaOutcomes(table.table);
};
const la = (code: string, gss: string, name: string, closedOn: string | null = null) => ({ code: code as LaCode, gss, name, openedOn: null, closedOn }) as LocalAuthority;

describe("Ofsted's table of LA inspection outcomes", () => {
  it('reads each row: GSS code, the start date, the overall judgement and the sub-judgements, care leavers blank before it existed', () => {
    const read = parse(
      'Ofsted Local Authority Webpage,Barking and Dagenham,London,E09000002,10/07/2023,Requires improvement to be good,Requires improvement to be good,Requires improvement to be good,Requires improvement to be good,Good',
      'Ofsted Local Authority Webpage,Barnet,London,E09000003,13/05/2019,Good,Good,Good,Outstanding,',
    );
    assert.ok(read.ok);
    assert.deepEqual(read.outcomes, [
      { line: 2, name: 'Barking and Dagenham', region: 'London', gss: 'E09000002', inspectionDate: '2023-07-10', overall: 'requires-improvement', judgements: { 'impact-of-leaders': 'requires-improvement', 'help-and-protection': 'requires-improvement', 'in-care': 'requires-improvement', 'care-leavers': 'good' } },
      { line: 3, name: 'Barnet', region: 'London', gss: 'E09000003', inspectionDate: '2019-05-13', overall: 'good', judgements: { 'impact-of-leaders': 'good', 'help-and-protection': 'good', 'in-care': 'outstanding' } },
    ]);
  });

  it("refuses another regime's word, a code that is not a GSS code, a missing judgement and an LA given twice, naming each", () => {
    const read = parse(
      'x,Barnet,London,E09000003,13/05/2019,Satisfactory,Good,Good,Good,',
      'x,Barnet,London,309,13/05/2019,Good,Good,Good,Good,',
      'x,Bexley,London,E09000004,2019-13-01,Good,,Good,Good,',
      'x,Barnet again,London,E09000003,13/05/2019,Good,Good,Good,Good,',
    );
    assert.ok(!read.ok);
    assert.deepEqual(
      read.rejections.map((r) => [r.line, r.column, r.value]),
      [
        [2, '6 (Overall effectiveness)', 'Satisfactory'],
        [3, '4 (new_la_code)', '309'],
        [4, '5 (Inspection date)', '2019-13-01'],
        [4, '7 (Impact of leaders)', ''],
        [5, '4 (new_la_code)', 'E09000003'],
      ],
    );
    assert.match(read.rejections.at(-1)!.reason, /already on line 2/);
  });

  it('joins a row to a stored LA by GSS code, else by name among the LAs of the day, else says why not', () => {
    const las = [la('825', 'E10000002', 'Buckinghamshire'), la('356', 'E08000007', 'Stockport'), la('894', 'E06000020', 'Telford and Wrekin'), la('928', 'E10000021', 'Northamptonshire', '2021-03-31')];
    assert.deepEqual(matchOfstedLa({ gss: 'E08000007', name: 'Stockport', inspectionDate: '2019-01-01' }, las), { by: 'gss', la: las[1] });
    assert.deepEqual(matchOfstedLa({ gss: 'E06000060', name: 'Buckinghamshire', inspectionDate: '2022-01-01' }, las), { by: 'name', la: las[0] });
    assert.deepEqual(matchOfstedLa({ gss: 'E06000099', name: 'Telford & Wrekin', inspectionDate: '2022-01-01' }, las), { by: 'name', la: las[2] });
    // Northamptonshire had gone by 2022: a row about it then is about no stored LA.
    const none = matchOfstedLa({ gss: 'E06000098', name: 'Northamptonshire', inspectionDate: '2022-01-01' }, las);
    assert.equal(none.by, null);
  });

  it('reads the copy the project carries whole: 151 LAs, 2018 to 2023', () => {
    const read = readOfstedLaOutcomes(join(BUNDLED_DATA_DIR, OFSTED_LA_OUTCOMES_FILE));
    assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections.slice(0, 3)));
    assert.equal(read.outcomes.length, 151);
    const dates = read.outcomes.map((o) => o.inspectionDate).sort();
    assert.ok(dates[0]! >= '2018-01-01' && dates.at(-1)! < '2024-01-01', `${dates[0]} to ${dates.at(-1)}`);
  });
});
