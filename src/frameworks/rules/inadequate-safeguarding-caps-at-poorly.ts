import type { LimitingRule } from '../types.ts';

/**
 * An inadequate safeguarding judgement in a full inspection of safeguarding and looked after children limited the
 * assessment: Calderdale 2010 performed poorly after one, and Haringey (2008) and Warrington (2009) dropped two grades,
 * from good to inadequate (framework.md §4). The cap at performs poorly is [reconstruction] from those cases.
 */
export const INADEQUATE_SAFEGUARDING_CAPS_AT_POORLY: LimitingRule = {
  id: 'inadequate-safeguarding-caps-at-poorly',
  title: 'An inadequate safeguarding judgement in the safeguarding and looked after children inspection means performs poorly',
  source: 'Calderdale 2010, Haringey 2008, Warrington 2009 (framework.md §4); the cap level is our reading of those cases',
  reconstruction: true,
  when: { kind: 'la-judgement', inspection: 'slac', judgement: 'safeguarding', is: 'inadequate' },
  effect: { kind: 'cap', grade: 1 },
};
