import { extend } from '../define.ts';
import { BLOCK_A_2009, RATING_2009 } from '../rating-2009/definition.ts';
import { PRIORITY_ACTION_CAPS_AT_POORLY } from '../rules/priority-action-caps-at-poorly.ts';
import type { Framework } from '../types.ts';

/**
 * The 2010 annual children's services assessment (letters of 9 December 2010). No 2010 letter is among the seeds, so
 * its paragraphs are [reconstruction]: the 2011 wording (stockport-2011) without the sentences that look back to 2010,
 * and without the guidance month, which is not known.
 */
export const ASSESSMENT_2010: Framework = extend(RATING_2009, {
  id: 'assessment-2010',
  year: 2010,
  title: "Annual children's services assessment 2010",
  changes: [
    '"assessment" replaces "rating"; no longer transitional (framework.md §1)',
    "children's centres join Block A: Ofsted inspected them from 2010",
    'from April 2010 any area for priority action in an unannounced inspection means performs poorly (Community Care, 6 April 2010)',
    'the letter gives "Strengths" and "Areas for further improvement" as bullets after a summary (stockport-2011) [reconstruction for 2010]',
  ],
  outcomeNoun: 'assessment',
  // No 2010 letter is among the seeds: the scale is 2009's, as framework.md §2 gives it for 2009 to 2011.
  scaleSource: "Ofsted's words as in its 2009 and 2011 letters: no 2010 letter is among Kingsway's sources, so 2010 is taken to have used the same scale (reconstruction).",
  published: { las: 152, grades: { 4: 20, 3: 77, 2: 37, 1: 12 }, withheld: 6, source: "Ofsted, annual children's services assessments 2010, as tabulated in framework.md §5" },
  // The 2009 one-grade rule gives way to the April 2010 cap; the other rules carry over.
  limitingRules: [PRIORITY_ACTION_CAPS_AT_POORLY, ...RATING_2009.limitingRules.filter((r) => r.id !== 'ucra-priority-action-lowers-one-grade')],
  profileDate: '2010-08-31',
  previousProfileDate: '2009-08-31',
  blockA: [{ id: 'childrens-centres', label: "Children's centres", providerTypes: ['childrens-centre'] }, ...BLOCK_A_2009],
  // The date is sourced (letters of 9 December 2010, framework.md §1); the rest follows 2011 [reconstruction].
  letter: {
    date: '2010-12-09',
    notice: "Written by Kingsway, which reconstructs the annual assessment of children's services that Ofsted made from 2009 to 2011. It is not a letter from Ofsted.",
    heading: "Annual children's services assessment",
    gradeSection: "{council} children's services assessment 2010",
    gradeLabel: "Children's services assessment",
    body: 'bullets',
  },
  paragraphs: {
    intro:
      "Ofsted guidance explains that the annual assessment of children's services is derived from the performance profile of the quality of services for children and young people in each local area. This performance profile includes findings from across Ofsted's inspection and regulation of services and settings for which the local authority has strategic or operational responsibilities, either alone or in partnership with others, together with other published data.",
    weight:
      "In reaching the assessment of children's services, Ofsted has taken account of inspection outcomes including the arrangements for making sure children are safe and stay safe and performance against similar authorities and/or national measures. More weight has been given to the outcomes of Ofsted's inspections and regulatory visits (Blocks A and B in the performance profile).",
    scaleIntro: 'The annual assessment derives from a four point scale:',
    withinLevel:
      "Within each level there will be differing standards of provision. For example, an assessment of 'performs excellently' does not mean all aspects of provision are perfect. Similarly, an assessment of 'performs poorly' does not mean there are no adequate or even good aspects. While the performance profile remains central to Ofsted's assessment, meeting or not meeting the minimum requirements alone does not define the grade. The assessment has involved the application of inspector judgement.",
    statutory: "This children's services assessment is provided in accordance with section 138 of the Education and Inspections Act 2006.",
  },
});
