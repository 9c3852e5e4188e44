import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tempDir } from '../../../test/support/store.ts';
import type { SourceRead } from '../source.ts';
import { readHexMap } from './hexmap.ts';
import { readIlacs } from './ilacs.ts';
import { readNeighbours } from './neighbours.ts';

/** The published-source readers on small inputs shaped like the real files, broken one way at a time. */
let tmp: ReturnType<typeof tempDir>;
before(() => (tmp = tempDir()));
after(() => tmp.cleanup());
const file = (name: string, text: string) => {
  const path = join(tmp.dir, name);
  writeFileSync(path, text);
  return path;
};
const rejections = (read: SourceRead) => {
  assert.equal(read.ok, false);
  return read.ok ? [] : read.rejections;
};

const HEADER = 'urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version';
const LOOKUP = '\ufeffurn,la_code,la_code_new\n80562,356,E08000007\n';
const ilacs = (rows: string[]) =>
  readIlacs({ historyPath: file('h.csv', `${HEADER}\n${rows.join('\n')}\n`), lookupPath: file('l.csv', LOOKUP), display: { history: 'h.csv', lookup: 'l.csv' }, knownLas: new Set(['356']) });

describe('readIlacs', () => {
  const good = '80562,stockport,https://x/1,r.pdf,23/05/25,short,A Person,17/03/2025,21/03/2025,requires improvement,requires improvement,requires improvement,requires improvement,good,1';

  it('reads an inspection, mapping the Ofsted URN to the DfE code', () => {
    const read = ilacs([good, '80562,stockport,https://x/0,old.pdf,14/07/17,,,,,,data_unreadable,data_unreadable,data_unreadable,inspection_pre_dates_judgement,1']);
    assert.ok(read.ok);
    const [latest, sif] = read.batch.laInspections ?? [];
    assert.deepEqual([latest?.la, latest?.kind, latest?.endDate, latest?.overall, latest?.judgements['care-leavers']], ['356', 'ilacs', '2025-03-21', 'requires-improvement', 'good']);
    assert.deepEqual([sif?.kind, sif?.endDate, sif?.startDate, sif?.overall], ['sif', '2017-07-14', null, null], 'an undated 2017 report is dated by publication and is not ILACS');
    assert.ok(read.notes.some((n) => /1 reports give no inspection dates/.test(n)));
  });

  it('rejects an unknown grade word with its position', () => {
    const [r] = rejections(ilacs([good.replace(',requires improvement,requires improvement,requires improvement,requires improvement,', ',Excellentish,requires improvement,requires improvement,requires improvement,')]));
    assert.deepEqual([r?.line, r?.column, r?.value], [2, '10 (overall_effectiveness_grade)', 'Excellentish']);
  });

  it('rejects an impossible date, an unknown URN, and an end before the start', () => {
    const found = rejections(ilacs([good.replace('21/03/2025', '31/02/2025'), good.replace('80562', '99999'), good.replace('17/03/2025', '25/03/2025')]));
    assert.ok(found.some((r) => r.line === 2 && r.value === '31/02/2025'));
    assert.ok(found.some((r) => r.line === 3 && r.value === '99999' && /not in Provider_data_lookup/.test(r.reason)));
    assert.ok(found.some((r) => r.line === 4 && /ends before it starts/.test(r.reason)));
  });

  it('rejects a file cut mid-row', () => {
    const found = rejections(ilacs([good, good.slice(0, 40)]));
    assert.match(found[0]?.reason ?? '', /truncated/);
  });
});

describe('readHexMap', () => {
  it('reads hexes by GSS code', () => {
    const read = readHexMap({ path: file('a.hexjson', '{"layout":"odd-r","hexes":{"E08000007":{"n":"Stockport","q":7,"r":12}}}'), layout: 'test', display: 'a.hexjson' });
    assert.ok(read.ok);
    assert.deepEqual(read.batch.hexes, [{ layout: 'test (odd-r)', gss: 'E08000007', name: 'Stockport', q: 7, r: 12 }]);
  });
  it('rejects a non-integer coordinate, naming the hex', () => {
    const [r] = rejections(readHexMap({ path: file('b.hexjson', '{"layout":"odd-r","hexes":{"E08000007":{"n":"Stockport","q":"x","r":12}}}'), layout: 'test', display: 'b.hexjson' }));
    assert.deepEqual([r?.column, r?.value], ['hexes.E08000007.q', '"x"']);
  });
  it('rejects broken JSON with its line', () => {
    const [r] = rejections(readHexMap({ path: file('c.hexjson', '{\n"layout":"odd-r",\n"hexes": {,}\n}'), layout: 'test', display: 'c.hexjson' }));
    assert.equal(r?.line, 3);
  });
});

describe('readNeighbours', () => {
  const header = 'LA num,LA Name,LA number,GOInd,GOReg,' + Array.from({ length: 10 }, (_, i) => `SN${i + 1},SNP`).join(',');
  const codes = ['358', '359', '360', '361', '362', '363', '364', '365', '366', '367'];
  const known = new Set(['356', ...codes]);
  const row = (bands: string[]) => `356,Stockport,356,2,North West,${codes.map((c, i) => `${c},${bands[i]}`).join(',')}`;

  it('reads ten ranked neighbours with their bands, including "Extremely close"', () => {
    const read = readNeighbours({ path: file('n.csv', `${header}\n${row(['Extremely close', ...Array(9).fill('Close')])}\n`), vintage: 'v', knownLas: known });
    assert.ok(read.ok);
    assert.deepEqual(read.batch.neighbourSets?.[0]?.neighbours[0], { rank: 1, code: '358', band: 'extremely-close' });
  });
  it('rejects an unknown band and an unknown neighbour code', () => {
    const bad = row(['Nearish', ...Array(9).fill('Close')]).replace(',367,', ',999,');
    const found = rejections(readNeighbours({ path: file('m.csv', `${header}\n${bad}\n`), vintage: 'v', knownLas: known }));
    assert.ok(found.some((r) => r.value === 'Nearish' && r.column === '7 (SNP)'));
    assert.ok(found.some((r) => r.value === '999' && r.column === '24 (SN10)'));
  });
});
