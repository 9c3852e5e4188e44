import type { LimitingRule } from '../types.ts';

/**
 * Kingsway's application of the 2011 method to today's data (issue 6) reads the LA's latest inspection of children's
 * services (ILACS) as the 2011 method read the safeguarding inspection: an inadequate overall effectiveness limits the
 * grade to performs poorly, as an inadequate safeguarding judgement did (inadequate-safeguarding-caps-at-poorly).
 * [reconstruction: the analogy is ours]
 */
export const ILACS_INADEQUATE_CAPS_AT_POORLY: LimitingRule = {
  id: 'ilacs-inadequate-caps-at-poorly',
  title: "An inadequate overall effectiveness in the latest inspection of the LA's children's services means performs poorly",
  source: 'by analogy with the 2009-2011 rule on inadequate safeguarding (framework.md §4); Kingsway, not Ofsted',
  reconstruction: true,
  when: { kind: 'la-overall', inspection: 'ilacs', is: 'inadequate' },
  effect: { kind: 'cap', grade: 1 },
};
