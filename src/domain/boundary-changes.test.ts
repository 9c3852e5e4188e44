import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundaryNotes } from './boundary-changes.ts';

describe('boundary changes, as each year treats them', () => {
  it('names the changes within the five years a year looks back over, and how each LA is treated', () => {
    const notes = boundaryNotes(2023);
    assert.equal(notes.length, 4);
    assert.match(notes[1]!, /^2021-04-01: Northamptonshire divided.* 928 assessed up to 2020; 940, 941 from 2021, each on its own figures/);
    assert.match(notes[3]!, /North Yorkshire and Somerset .* assessed throughout as the same LAs \(815, 933\)/);
  });
  it('says nothing of changes long before the year', () => {
    assert.deepEqual(boundaryNotes(2016), []);
  });
});
