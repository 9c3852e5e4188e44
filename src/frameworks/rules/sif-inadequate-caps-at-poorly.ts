import type { LimitingRule } from '../types.ts';

/**
 * Until an LA's first ILACS inspection, its single inspection framework (SIF, 2013-2017) judgement is its current
 * one: ILACS chose each LA's first inspection by it (monitoring visits then re-inspection after inadequate: Ofsted,
 * "Inspecting local authority children's services", November 2017), and Ofsted's official statistics count each LA's
 * most recent judgement under either framework ("Local authority inspection outcomes"). So an inadequate SIF with no
 * ILACS after it at the profile date limits Kingsway's indicator grade as an inadequate ILACS does
 * (ilacs-inadequate-caps-at-poorly), and for the same reason; once an ILACS follows, the SIF is history and this rule
 * no longer reads it. [reconstruction: the analogy, and treating the SIF as current, are ours]
 *
 * The scraped ILACS history (data/published/ilacs-jt39) has no overall grade for any SIF report, so on the published
 * data this rule cannot fire; it does on evidence bundles that carry SIF grades.
 */
export const SIF_INADEQUATE_CAPS_AT_POORLY: LimitingRule = {
  id: 'sif-inadequate-caps-at-poorly',
  title: "An inadequate overall effectiveness in the single inspection framework, with no inspection of the LA's children's services since, means performs poorly",
  source: "Ofsted's SIF judgement stands until the LA's first ILACS (ILACS framework, November 2017; Ofsted's local authority inspection outcomes statistics); by analogy with the rule on inadequate ILACS; Kingsway, not Ofsted",
  reconstruction: true,
  when: { kind: 'current-overall', inspection: 'sif', is: 'inadequate' },
  effect: { kind: 'cap', grade: 1 },
};
