import type { LimitingRule } from '../types.ts';

/**
 * "The overall rating was subject to thresholds, for example where indicators for staying safe or enjoying and
 * achieving fall in the inadequate band" (CAA consultation summary, October 2008; framework.md §3). The threshold is
 * sourced; that it caps at performs adequately is [reconstruction].
 */
export const INADEQUATE_BAND_IN_SAFETY_OR_ACHIEVEMENT_CAPS_AT_ADEQUATELY: LimitingRule = {
  id: 'inadequate-band-in-safety-or-achievement-caps-at-adequately',
  title: 'Staying safe or enjoying and achieving indicators in the inadequate band limit the grade to performs adequately',
  source: 'CAA consultation summary, October 2008 (the threshold); the cap level is our reconstruction',
  reconstruction: true,
  when: { kind: 'outcome-band', outcomes: ['staying-safe', 'enjoying-and-achieving'], atMost: 1 },
  effect: { kind: 'cap', grade: 2 },
};
