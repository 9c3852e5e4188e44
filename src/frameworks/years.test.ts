import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SYNTHETIC_YEARS } from '../synth/years.ts';
import { OPENAPI } from '../web/openapi.ts';
import { extend } from './define.ts';
import { FRAMEWORKS } from './index.ts';
import { frameworkYearHelp, frameworkYears, listWords, wordYears, yearRanges } from './years.ts';

describe('the framework years in words, from the registry', () => {
  it('runs consecutive years into ranges', () => {
    assert.deepEqual(yearRanges([2011, 2006, 2009, 2010, 2016, 2017]), ['2006', '2009-2011', '2016-2017']);
    assert.deepEqual(yearRanges([]), []);
    assert.equal(listWords(['2009', '2010']), '2009 or 2010');
    assert.equal(wordYears([2006, 2009, 2010, 2011], 'and'), '2006 and 2009-2011');
    assert.equal(wordYears([2006, 2009, 2016, 2017]), '2006, 2009, or 2016-2017');
  });
  it('words the registry as the help texts have it', () => {
    assert.equal(frameworkYearHelp(), 'framework year: 2006, 2009-2011, or 2016-2025 (Kingsway’s indicator assessment of today’s data)');
    assert.deepEqual([frameworkYears().first, frameworkYears().last], [2006, 2025]);
    assert.deepEqual(frameworkYears().official, [2006, 2009, 2010, 2011]);
  });
  it('changes when a framework year is added: an indicators-2026 reads "2016-2026"', () => {
    const last = FRAMEWORKS.at(-1)!;
    const next = extend(last, { id: 'indicators-2026', year: 2026, title: 'test', changes: [] });
    assert.equal(frameworkYearHelp([...FRAMEWORKS, next]), 'framework year: 2006, 2009-2011, or 2016-2026 (Kingsway’s indicator assessment of today’s data)');
    assert.equal(frameworkYears([...FRAMEWORKS, next]).last, 2026);
  });
});

describe('every place that names the framework years reads them from the registry', () => {
  const main = new URL('../cli/main.ts', import.meta.url);
  it('the command line: no year list or range typed by hand, and each --year help is the registry\'s', () => {
    const source = readFileSync(main, 'utf8');
    assert.doesNotMatch(source, /20(0[6-9]|1\d|2[0-5])-20(1\d|2[0-5])|integer\('--year', 20\d\d/, 'a framework year typed by hand in src/cli/main.ts');
    for (const command of ['assess', 'letter']) {
      const help = spawnSync(process.execPath, [fileURLToPath(main), command, '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
      assert.ok(help.includes(frameworkYearHelp()), `${command} --help: ${help}`);
    }
  });
  it('the OpenAPI document and the synthetic generator', () => {
    const year = (OPENAPI.paths['/api/{year}/assessments'].get.parameters as readonly { name: string; schema: { enum?: readonly number[] } }[]).find((p) => p.name === 'year')!;
    assert.deepEqual(year.schema.enum, frameworkYears().all);
    assert.deepEqual(SYNTHETIC_YEARS, { first: 2006, last: 2011 });
  });
});
