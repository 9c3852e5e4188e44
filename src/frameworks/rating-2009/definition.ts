import { extend } from '../define.ts';
import { APA_2006 } from '../apa-2006/definition.ts';
import { INADEQUATE_BAND_IN_SAFETY_OR_ACHIEVEMENT_CAPS_AT_ADEQUATELY } from '../rules/inadequate-band-in-safety-or-achievement-caps-at-adequately.ts';
import { INADEQUATE_SAFEGUARDING_CAPS_AT_POORLY } from '../rules/inadequate-safeguarding-caps-at-poorly.ts';
import { UCRA_PRIORITY_ACTION_LOWERS_ONE_GRADE } from '../rules/ucra-priority-action-lowers-one-grade.ts';
import type { BlockAGroup, Framework } from '../types.ts';

/**
 * The 2009 children's services rating, under the Comprehensive Area Assessment (shared/seeds/trafford-2009-rating.txt).
 * The performance profile was "established in 2009" (Ofsted, Children's services assessment for 2011, ref 110008):
 * Block A, the outcomes of inspected settings and services; Block B, LA-level inspections; Block C, the National
 * Indicator Set by ECM outcome. Block A's groups are our reconstruction of the provider types (framework.md §3).
 */
export const BLOCK_A_2009: readonly BlockAGroup[] = [
  { id: 'childminders', label: 'Childminders', providerTypes: ['childminder'] },
  { id: 'childcare', label: 'Childcare on non-domestic premises', providerTypes: ['childcare-non-domestic'] },
  { id: 'nursery-schools', label: 'Nursery schools', providerTypes: ['nursery-school'] },
  { id: 'primary', label: 'Primary schools', providerTypes: ['primary-school'] },
  { id: 'secondary', label: 'Secondary schools', providerTypes: ['secondary-school', 'all-through-school'] },
  { id: 'special', label: 'Special schools', providerTypes: ['special-school', 'independent-special-school'] },
  { id: 'pru', label: 'Pupil referral units', providerTypes: ['pupil-referral-unit'] },
  // Residential special schools are inspected for their boarding (welfare) under their own social care URN, so they
  // are a kind of setting of their own; without a group they were read nowhere. [reconstruction]
  { id: 'residential-special', label: 'Residential special schools', providerTypes: ['residential-special-school'] },
  { id: 'sixth-forms', label: 'School sixth forms', providerTypes: ['school-sixth-form', 'special-school-sixth-form'] },
  { id: 'post-16', label: 'Colleges and other post-16 providers', providerTypes: ['general-fe-college', 'sixth-form-college', 'independent-specialist-college', 'work-based-learning'] },
  { id: 'la-homes', label: "Children's homes run by the local authority", providerTypes: ['childrens-home', 'secure-childrens-home'], ownership: 'la-run' },
  { id: 'commissioned-homes', label: "Children's homes commissioned from others", providerTypes: ['childrens-home', 'secure-childrens-home'], ownership: 'commissioned' },
  { id: 'fostering', label: 'Local authority fostering agency', providerTypes: ['fostering-agency'], ownership: 'la-run' },
  { id: 'adoption', label: 'Local authority adoption agency', providerTypes: ['adoption-agency'], ownership: 'la-run' },
];

export const RATING_2009: Framework = extend(APA_2006, {
  id: 'rating-2009',
  year: 2009,
  title: "Children's services annual rating 2009",
  changes: [
    'one rating on a four-point scale replaces the APA grades (trafford-2009)',
    'the performance profile is introduced: Block A (inspected settings), Block B (LA-level inspections), Block C (National Indicator Set)',
    'a transitional year: performance bands interpreted with flexibility (trafford-2009)',
    'limiting rules: unannounced-inspection findings lower the rating by one grade; inadequate safeguarding; inadequate bands in staying safe or enjoying and achieving',
  ],
  limitingRules: [UCRA_PRIORITY_ACTION_LOWERS_ONE_GRADE, INADEQUATE_SAFEGUARDING_CAPS_AT_POORLY, INADEQUATE_BAND_IN_SAFETY_OR_ACHIEVEMENT_CAPS_AT_ADEQUATELY],
  outcomeNoun: 'rating',
  method: 'profile-blocks',
  published: { las: 152, grades: { 4: 10, 3: 93, 2: 40, 1: 9 }, withheld: 0, source: 'Ofsted, children\'s services ratings 2009, as tabulated in framework.md §5' },
  // trafford-2009-rating.txt, the scale table.
  scale: [
    { grade: 4, label: 'Performs excellently', descriptor: 'An organisation that significantly exceeds minimum requirements' },
    { grade: 3, label: 'Performs well', descriptor: 'An organisation that exceeds minimum requirements' },
    { grade: 2, label: 'Performs adequately', descriptor: 'An organisation that meets only minimum requirements' },
    { grade: 1, label: 'Performs poorly', descriptor: 'An organisation that does not meet minimum requirements' },
  ],
  scaleSource: "Ofsted's words, from the scale table of the 2009 rating letter to Trafford (9 December 2009).",
  profileDate: '2009-08-31',
  previousProfileDate: '2008-08-31',
  blockA: BLOCK_A_2009,
  subJudgements: ['staying-safe', 'enjoying-and-achieving'],
  blockB: ['ucra', 'slac', 'private-fostering', 'scr-evaluation', 'jar'],
  // trafford-2009-rating.txt.
  letter: {
    date: '2009-12-09',
    notice: "Written by Kingsway, which reconstructs the annual rating of children's services that Ofsted made in 2009. It is not a letter from Ofsted.",
    heading: "Children's services annual rating",
    gradeSection: "Children's services rating 2009",
    gradeLabel: "Children's services rating",
    body: 'paragraphs',
  },
  paragraphs: {
    intro:
      "Ofsted guidance published in May 2009 explained that the annual rating would derive from a new performance profile of the quality of services and outcomes for children and young people in each local area. This profile includes findings from across Ofsted's inspection and regulation of services and settings for which the council has strategic or operational responsibilities, either alone or in partnership with others, together with data from the relevant Every Child Matters indicators in the new National Indicator Set (NIS).",
    transitional:
      "In considering the evidence in the profile to determine the children's services rating for 2009 it has become clear that the continuing gaps in the data are significant, particularly those relating to aspects of social care and services for Looked After Children. Ofsted has decided therefore to use 2009 as a transitional year easing into the full application of the new system in 2010. As a consequence, although the performance profile remains central to Ofsted's rating, we have interpreted the performance bands with flexibility and exercised professional judgement with caution.",
    scaleIntro: 'The annual rating derives from a four point scale:',
    withinLevel:
      "Within each level there will be differing standards of provision. For example, a rating of 'performs excellently' does not mean all aspects of provision are perfect. Similarly, a rating of 'performs poorly' does not mean there are no adequate or even good aspects.",
    statutory:
      "The children's services rating is provided for the purpose of section 138 of the Education and Inspections Act 2006. The rating of local authority children's services will contribute significantly to the managing performance theme of each local authority's Comprehensive Area Assessment (CAA) organisational assessment and therefore to the score for each local authority overall.",
  },
});
