import type { EcmOutcome } from '../../domain/indicator.ts';

/**
 * The LAIT indicators Kingsway's application of the 2011 method reads as Block C, each under the Every Child Matters
 * outcome it speaks to, as the National Indicator Set's did. Chosen to cover what the issue lists (attainment and
 * disadvantage gaps at KS2 and KS4, absence and exclusions, NEET and not known at 16-17, looked after children's and
 * care leavers' outcomes, child protection timeliness and repeat plans, placement stability, youth justice, early
 * years places in good or outstanding providers) from the measures that have a polarity in LAIT's dictionary
 * (shared/data/dfe-lait/lait_data_dictionary.csv) and values for most LAs over most of 2016-2025. Each entry names the
 * NIS measure it stands in for, where there was one. Definitions and polarity are read from LAIT at import.
 */
export interface ChosenIndicator {
  readonly id: string;
  readonly outcome: EcmOutcome;
  /** Why it is here, and the NIS measure it follows. */
  readonly why: string;
}

export const CHOSEN_INDICATORS: readonly ChosenIndicator[] = [
  // Enjoying and achieving: attainment at each stage, for all pupils and the disadvantaged (NI 72, 73, 75, 102).
  { id: 'FSP_NEW_GOODDEV', outcome: 'enjoying-and-achieving', why: 'good level of development at the end of reception (NI 72)' },
  { id: 'KS2RWM_Expected_STD', outcome: 'enjoying-and-achieving', why: 'KS2 reading, writing and maths at the expected standard (NI 73)' },
  { id: 'DAP_NEW_KS2_RWM', outcome: 'enjoying-and-achieving', why: 'the same for disadvantaged pupils: the gap at KS2 (NI 102a)' },
  { id: 'AVG_Attain8_Score', outcome: 'enjoying-and-achieving', why: 'Attainment 8 at KS4 (NI 75)' },
  { id: 'DAP_KS4_ATT8', outcome: 'enjoying-and-achieving', why: 'Attainment 8 for disadvantaged pupils: the gap at KS4 (NI 102b)' },
  { id: 'PriPermEx', outcome: 'enjoying-and-achieving', why: 'permanent exclusions from primary school (NI 114)' },
  { id: 'SecPermEx', outcome: 'enjoying-and-achieving', why: 'permanent exclusions from secondary school (NI 114)' },
  { id: 'SFSecPerAbNew', outcome: 'enjoying-and-achieving', why: 'persistent absence from secondary school (NI 87)' },
  { id: 'SFPriPerAbNew', outcome: 'enjoying-and-achieving', why: 'persistent absence from primary school' },
  { id: '3&4yr_Ofsted_rating', outcome: 'enjoying-and-achieving', why: '3 and 4 year olds in funded early education with good or outstanding providers' },
  // Staying safe: child protection timeliness and repeat plans, placement stability (NI 59-68, NI 62/63).
  { id: 'ReReferral', outcome: 'staying-safe', why: 're-referrals within 12 months' },
  { id: 'PrevRegCPR', outcome: 'staying-safe', why: 'child protection plans for a second or subsequent time (NI 65)' },
  { id: 'CPPlans2yrsActive', outcome: 'staying-safe', why: 'child protection plans lasting two years or more (NI 64)' },
  { id: 'CP_conf_15days', outcome: 'staying-safe', why: 'initial child protection conferences within 15 days (NI 67)' },
  { id: 'Continue_Assess_Comp', outcome: 'staying-safe', why: 'assessments completed within 45 working days (NI 59/60)' },
  { id: 'LACStable_2016on', outcome: 'staying-safe', why: 'looked after children with three or more placements in the year (NI 62)' },
  { id: 'LAC_LongStable%', outcome: 'staying-safe', why: 'long-term placement stability (NI 63)' },
  // LAIT has no measure of adoption timeliness with a polarity (the NI 61 successor, A10, is not in it): the share of
  // looked after children adopted in the year stands in.
  { id: '%_of LAC Adopted', outcome: 'staying-safe', why: 'looked after children adopted in the year (for NI 61, adoption timeliness, which LAIT lacks)' },
  // Making a positive contribution: youth justice (NI 19, 43, 111), looked after children's offending (NI 58/NI 19).
  { id: 'FirstYJS', outcome: 'positive-contribution', why: 'first-time entrants to the youth justice system (NI 111)' },
  { id: 'ReoffYO15-17', outcome: 'positive-contribution', why: 're-offending by young offenders aged 15-17 (NI 19)' },
  { id: 'LAC_Convictions', outcome: 'positive-contribution', why: 'looked after children convicted or subject to a youth caution' },
  // Achieving economic well-being: NEET and not known, care leavers, the gap at 19 (NI 117, 148, 147, 81).
  { id: '16-17_not known_NEET', outcome: 'economic-wellbeing', why: '16-17 year olds NEET or whose activity is not known (NI 117)' },
  { id: 'CareLeaverEET', outcome: 'economic-wellbeing', why: 'care leavers in education, employment or training (NI 148)' },
  { id: 'CareLeaverAcc', outcome: 'economic-wellbeing', why: 'care leavers in suitable accommodation (NI 147)' },
  { id: 'L3Age19Gap', outcome: 'economic-wellbeing', why: 'the inequality gap in level 3 qualifications at 19 (NI 81)' },
  // Being healthy: obesity (NI 56), looked after children's health checks.
  { id: 'ExcessYr6', outcome: 'being-healthy', why: 'children in year 6 overweight or obese (NI 56)' },
  { id: 'LACHealth%', outcome: 'being-healthy', why: 'looked after children with their health checks' },
];
