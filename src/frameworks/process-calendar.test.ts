import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { NotFoundError } from '../domain/errors.ts';
import { FRAMEWORKS } from './index.ts';
import { CALENDAR_STEPS, PROCESS_CALENDARS, calendarFor, renderCalendarMarkdown } from './process-calendar.ts';

describe('the process calendar', () => {
  it('has one calendar per framework year, inheriting as the frameworks do', () => {
    assert.deepEqual(
      PROCESS_CALENDARS.map((c) => [c.framework, c.year, c.inherits]),
      FRAMEWORKS.map((f) => [f.id, f.year, f.inherits]),
    );
    for (const c of PROCESS_CALENDARS.slice(1)) assert.ok(c.changes.length > 0, c.framework);
  });

  it('keeps the sourced dates of process.md', () => {
    assert.deepEqual(calendarFor(2010).profileReleased, { date: '2010-08-18', mark: 'sourced', source: 'Calderdale scrutiny report, Sep 2010 (process.md)' });
    assert.equal(calendarFor(2011).publication.date, '2011-11-08');
    assert.equal(calendarFor(2011).publication.mark, 'sourced');
    assert.equal(calendarFor(2010).draftDue.date.slice(0, 7), '2010-10', 'the draft "in October"');
    assert.equal(calendarFor(2010).publication.date.slice(0, 7), '2010-12', 'the outcome "in December 2010"');
  });

  it('marks a date carried from the year before as a reconstruction, naming where it came from', () => {
    const carried = calendarFor(2011).profileReleased;
    assert.equal(carried.date, '2011-08-18');
    assert.equal(carried.mark, 'reconstruction');
    assert.match(carried.source, /^assessment-2010's day carried on \(2010-08-18: Calderdale/);
  });

  it('runs in order each year, and publishes on the day the letters are dated', () => {
    for (const c of PROCESS_CALENDARS) {
      const dates = CALENDAR_STEPS.map((s) => c[s].date);
      assert.deepEqual([...dates].sort(), dates, c.framework);
      for (const d of dates) assert.equal(new Date(d).toISOString().slice(0, 10), d, `${c.framework} ${d}`);
      for (const s of CALENDAR_STEPS) assert.ok(c[s].source.length > 0, `${c.framework} ${s}`);
      assert.equal(c.publication.date, FRAMEWORKS.find((f) => f.id === c.framework)!.letter.date, c.framework);
    }
  });

  it('is frozen, and names the years it has when asked for another', () => {
    assert.ok(Object.isFrozen(calendarFor(2011).draftDue));
    assert.throws(() => calendarFor(2012), (e) => e instanceof NotFoundError && /no process calendar for 2012: Kingsway has 2006, 2009/.test(e.message));
  });

  it('is in docs/workflow.md exactly as rendered', () => {
    const doc = readFileSync(new URL('../../docs/workflow.md', import.meta.url), 'utf8');
    assert.ok(
      doc.includes(`<!-- calendar:begin -->\n${renderCalendarMarkdown()}\n<!-- calendar:end -->`),
      'docs/workflow.md is out of date: paste the output of\n  node --input-type=module -e "import { renderCalendarMarkdown } from \'./src/frameworks/process-calendar.ts\'; console.log(renderCalendarMarkdown())"\nbetween its calendar markers',
    );
  });
});
