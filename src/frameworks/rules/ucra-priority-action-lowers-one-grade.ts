import type { LimitingRule } from '../types.ts';

/**
 * 2009: findings of an unannounced inspection limited the rating by one grade. Seven councils were limited to
 * "adequately" and three more to "poorly" (Ofsted memorandum to the Commons Children, Schools and Families Committee,
 * March 2010; framework.md §4). We read "findings" as one or more areas for priority action [reconstruction of the
 * trigger; the one-grade effect is sourced].
 */
export const UCRA_PRIORITY_ACTION_LOWERS_ONE_GRADE: LimitingRule = {
  id: 'ucra-priority-action-lowers-one-grade',
  title: 'An area for priority action in the unannounced inspection lowers the rating by one grade',
  source: 'Ofsted memorandum to the Commons committee, March 2010: ten 2009 ratings limited by one grade by unannounced-inspection findings',
  reconstruction: false,
  when: { kind: 'priority-actions', atLeast: 1 },
  effect: { kind: 'lower', by: 1 },
};
