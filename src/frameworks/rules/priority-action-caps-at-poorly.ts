import type { LimitingRule } from '../types.ts';

/**
 * From April 2010, any council whose unannounced inspection found an area for priority action is graded performs
 * poorly (Community Care, 6 April 2010; framework.md §4). Priority actions arose where children were at risk of
 * inadequate protection and significant harm.
 */
export const PRIORITY_ACTION_CAPS_AT_POORLY: LimitingRule = {
  id: 'priority-action-caps-at-poorly',
  title: 'Any area for priority action in the unannounced inspection means performs poorly',
  source: 'Community Care, 6 April 2010',
  reconstruction: false,
  when: { kind: 'priority-actions', atLeast: 1 },
  effect: { kind: 'cap', grade: 1 },
};
