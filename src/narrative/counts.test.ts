import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countOf, possessive, singularOf } from './counts.ts';

describe('one of a group, and counts that agree with their nouns', () => {
  it("makes the head noun singular, never the possessive before it (issue 12: \"the children' homes\")", () => {
    assert.equal(singularOf("Children's homes run by the local authority"), "children's home run by the local authority");
    assert.equal(singularOf("Children's homes commissioned from others"), "children's home commissioned from others");
    assert.equal(singularOf("Children's centres"), "children's centre");
    assert.equal(singularOf('Pupil referral units'), 'pupil referral unit');
    assert.equal(singularOf('School sixth forms'), 'school sixth form');
    assert.equal(singularOf('Local authority fostering agency'), 'local authority fostering agency');
    assert.equal(singularOf('Local authority fostering agencies'), 'local authority fostering agency');
    assert.equal(singularOf('Colleges and other post-16 providers'), 'post-16 provider');
  });

  it('counts with the noun in its number', () => {
    assert.equal(countOf(1, 'pupil referral units'), 'one pupil referral unit');
    assert.equal(countOf(3, 'pupil referral units'), 'three pupil referral units');
    assert.equal(countOf(27, 'childcare settings on non-domestic premises'), '27 childcare settings on non-domestic premises');
    assert.equal(countOf(1, 'childcare settings on non-domestic premises'), 'one childcare setting on non-domestic premises');
  });

  it("writes possessives as the letters do: children's, schools', the local authority's", () => {
    assert.equal(possessive('children'), "children's");
    assert.equal(possessive('schools'), "schools'");
    assert.equal(possessive('the local authority'), "the local authority's");
    assert.equal(possessive("children's"), "children's");
  });
});
