import { extend } from '../define.ts';
import { ASSESSMENT_2010 } from '../assessment-2010/definition.ts';
import type { Framework } from '../types.ts';

/**
 * The 2011 annual children's services assessment, the last round (letters of 8 November 2011; the duty was repealed
 * in 2012). Paragraphs verbatim from shared/seeds/stockport-2011-assessment.txt and stoke-on-trent-2011-assessment.txt.
 */
export const ASSESSMENT_2011: Framework = extend(ASSESSMENT_2010, {
  id: 'assessment-2011',
  year: 2011,
  title: "Annual children's services assessment 2011",
  changes: ['guidance published in April 2011 (ref 110008); the letter notes that inspector judgement applies "as in 2010"'],
  // stockport-2011-assessment.txt and stoke-on-trent-2011-assessment.txt: the scale is 2009's, word for word.
  scaleSource: "Ofsted's words, from the scale table of the 2011 assessment letters (8 November 2011) to Stockport and to Stoke-on-Trent.",
  published: { las: 152, grades: { 4: 28, 3: 71, 2: 33, 1: 15 }, withheld: 5, source: "Ofsted, annual children's services assessments 2011, as tabulated in framework.md §5" },
  profileDate: '2011-08-31',
  previousProfileDate: '2010-08-31',
  // stockport-2011-assessment.txt and stoke-on-trent-2011-assessment.txt.
  letter: {
    ...ASSESSMENT_2010.letter,
    date: '2011-11-08',
    gradeSection: "{council} children's services assessment 2011",
  },
  paragraphs: {
    ...ASSESSMENT_2010.paragraphs,
    intro:
      "Ofsted guidance published in April 2011 explains that the annual assessment of children's services is derived from the performance profile of the quality of services for children and young people in each local area. This performance profile includes findings from across Ofsted's inspection and regulation of services and settings for which the local authority has strategic or operational responsibilities, either alone or in partnership with others, together with other published data.",
    withinLevel:
      "Within each level there will be differing standards of provision. For example, an assessment of 'performs excellently' does not mean all aspects of provision are perfect. Similarly, an assessment of 'performs poorly' does not mean there are no adequate or even good aspects. As in 2010, while the performance profile remains central to Ofsted's assessment, meeting or not meeting the minimum requirements alone does not define the grade. The assessment has involved the application of inspector judgement.",
  },
});
