import { deepFreeze } from '../define.ts';
import type { Framework } from '../types.ts';

/**
 * The 2006 annual performance assessment (APA), joint Ofsted/CSCI. Graded: the contribution of the LA's children's
 * services, the council's capacity to improve, the contribution of its social care services, and a section per Every
 * Child Matters outcome plus management (shared/seeds/stockport-2006-apa.txt; framework.md §2). It is the base every
 * later year inherits from. The APA had no Block A of inspected settings: its evidence was the joint area review,
 * the council's self-assessment and performance data by ECM outcome.
 */
export const APA_2006: Framework = deepFreeze({
  id: 'apa-2006',
  year: 2006,
  title: '2006 annual performance assessment of services for children and young people',
  inherits: null,
  changes: [],
  outcomeNoun: 'annual performance assessment',
  method: 'apa-outcomes',
  official: true,
  // Only 2005's shares (8% / 67% / 24% / 1%) and 2008's were found (framework.md §5); no count for 2006.
  published: null,
  // stockport-2006-apa.txt, the grade descriptor table.
  scale: [
    { grade: 4, label: 'Delivers well above minimum requirements', descriptor: 'A service that delivers well above minimum requirements for users', capacityDescriptor: 'Excellent / outstanding' },
    { grade: 3, label: 'Consistently delivers above minimum requirements', descriptor: 'A service that consistently delivers above minimum requirements for users', capacityDescriptor: 'Good' },
    { grade: 2, label: 'Delivers only minimum requirements', descriptor: 'A service that delivers only minimum requirements for users', capacityDescriptor: 'Adequate' },
    { grade: 1, label: 'Does not deliver minimum requirements', descriptor: 'A service that does not deliver minimum requirements for users', capacityDescriptor: 'Inadequate' },
  ],
  // stockport-2006-apa.txt gives each grade's descriptors, not a short label: the labels are ours, from the descriptors.
  scaleSource: "Ofsted's descriptors, from the grade table of the 2006 annual performance assessment letter to Stockport (1 November 2006); the short labels are Kingsway's, taken from them (reconstruction).",
  // [reconstruction] APA letters went out in November; the evidence is taken as at the end of August, as later years.
  profileDate: '2006-08-31',
  previousProfileDate: '2005-08-31',
  blockA: [],
  subJudgements: [],
  blockB: ['jar'],
  blockCOutcomes: ['being-healthy', 'staying-safe', 'enjoying-and-achieving', 'positive-contribution', 'economic-wellbeing'],
  // LAIT averages the ten neighbours as a simple mean, dropping missing values (framework.md §6).
  similarAreas: 'mean',
  // [reconstruction] no published tolerance: within 1 percentage point, or 3% of the comparator for rates. The 3% is
  // the least that reads stockport-2006-apa as written: 21.2 children on the register per 10,000 "remains in line
  // with the comparator (21.7)", 2.3% below it.
  inLineTolerance: { points: 1, relative: 0.03 },
  // [reconstruction] see CutOffs. Block A: the ADCS's examples (20 January 2010) read 60% good or better as "green"
  // and 40% as "red", so 60% opens band 3 and 45% band 2; 85% ("a very large majority", framework.md §7) opens band 4.
  // Block C: net share of comparisons better than similar areas and England. These values were calibrated on the
  // synthetic 2011 national run (seed 1) against the published 2011 distribution (docs/calibration.md); the
  // Stockport 2011 fixture (performs well) comes out at 3 under them.
  cutOffs: { blockA: { 4: 0.85, 3: 0.6, 2: 0.45 }, blockC: { 4: 0.3, 3: 0, 2: -0.3 }, blockAWeight: 0.7, fullWeightAt: 5 },
  limitingRules: [],
  // stockport-2006-apa.txt: the letter of 1 November 2006. Its Ofsted office block and its two signatories (Ofsted's
  // and the Commission for Social Care Inspection's officials) are not reproduced: Kingsway's letters come from the
  // deployment's sender and signatory (src/narrative/letter-settings.ts).
  letter: {
    date: '2006-11-01',
    notice: "Written by Kingsway, which reconstructs the annual performance assessment of children's services that Ofsted and the Commission for Social Care Inspection made in 2006. It is not a letter from Ofsted.",
    heading: '2006 annual performance assessment of services for children and young people in {council}',
    gradeSection: 'Summary',
    gradeLabel: 'Areas for judgement',
    body: 'apa-sections',
  },
  paragraphs: {
    intro:
      'This letter summarises the findings of the 2006 annual performance assessment process for your local authority. The judgements reflect the outcomes of the joint area review (JAR) and the updated self-assessment provided by the council. We are grateful for the information which you provided to support this process and for the time made available by yourself and your colleagues to discuss relevant issues.',
  },
});
