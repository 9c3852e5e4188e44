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
/**
 * LAIT's period types (its dictionary's Year_Type), and the day of a period's last calendar year on which a period of
 * that type ends: a financial year on 31 March, an academic year on 31 August, a calendar year on 31 December, and the
 * social work workforce census "for the year ending 30 September". An indicator year reads only periods that have
 * ended by its profile date, 31 August (src/profile/block-c.ts): the workforce figures "2024" are as at 30 September
 * 2024, a month after the 2024 profile date, so 2024 reads those of 2023.
 */
export const PERIOD_ENDS = { 'Financial Year': '03-31', 'Academic Year': '08-31', 'Calendar Year': '12-31', 'Annual (end of Sept)': '09-30' } as const;
export type LaitYearType = keyof typeof PERIOD_ENDS;

export interface ChosenIndicator {
  readonly id: string;
  readonly outcome: EcmOutcome;
  /** LAIT's Year_Type for the measure, which says when each of its periods ends (checked against the dictionary). */
  readonly yearType: LaitYearType;
  /** Why it is here, and the NIS measure it follows. */
  readonly why: string;
}

export const CHOSEN_INDICATORS: readonly ChosenIndicator[] = [
  // Enjoying and achieving: attainment at each stage, for all pupils and the disadvantaged (NI 72, 73, 75, 102).
  { id: 'FSP_NEW_GOODDEV', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'good level of development at the end of reception (NI 72)' },
  { id: 'KS2RWM_Expected_STD', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'KS2 reading, writing and maths at the expected standard (NI 73)' },
  { id: 'DAP_NEW_KS2_RWM', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'the same for disadvantaged pupils: the gap at KS2 (NI 102a)' },
  { id: 'AVG_Attain8_Score', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'Attainment 8 at KS4 (NI 75)' },
  { id: 'DAP_KS4_ATT8', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'Attainment 8 for disadvantaged pupils: the gap at KS4 (NI 102b)' },
  { id: 'PriPermEx', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'permanent exclusions from primary school (NI 114)' },
  { id: 'SecPermEx', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'permanent exclusions from secondary school (NI 114)' },
  { id: 'SFSecPerAbNew', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'persistent absence from secondary school (NI 87)' },
  { id: 'SFPriPerAbNew', outcome: 'enjoying-and-achieving', yearType: 'Academic Year', why: 'persistent absence from primary school' },
  // 3&4yr_Ofsted_rating (early education with good or outstanding providers) is read in Block A as a share of children (block-a-groups.ts), not here as well.
  // Staying safe: child protection timeliness and repeat plans, placement stability (NI 59-68, NI 62/63).
  { id: 'ReReferral', outcome: 'staying-safe', yearType: 'Financial Year', why: 're-referrals within 12 months' },
  { id: 'PrevRegCPR', outcome: 'staying-safe', yearType: 'Financial Year', why: 'child protection plans for a second or subsequent time (NI 65)' },
  { id: 'CPPlans2yrsActive', outcome: 'staying-safe', yearType: 'Financial Year', why: 'child protection plans lasting two years or more (NI 64)' },
  { id: 'CP_conf_15days', outcome: 'staying-safe', yearType: 'Financial Year', why: 'initial child protection conferences within 15 days of the strategy discussion' },
  { id: 'RevCP', outcome: 'staying-safe', yearType: 'Financial Year', why: 'child protection cases reviewed within the required timescales (NI 67)' },
  { id: 'Continue_Assess_Comp', outcome: 'staying-safe', yearType: 'Financial Year', why: 'assessments completed within 45 working days (NI 59/60)' },
  { id: 'LACStable_2016on', outcome: 'staying-safe', yearType: 'Financial Year', why: 'looked after children with three or more placements in the year (NI 62)' },
  { id: 'LAC_LongStable%', outcome: 'staying-safe', yearType: 'Financial Year', why: 'long-term placement stability (NI 63)' },
  // LAIT has no measure of adoption timeliness with a polarity (the NI 61 successor, A10, is not in it): the share of
  // looked after children adopted in the year stands in.
  { id: '%_of LAC Adopted', outcome: 'staying-safe', yearType: 'Financial Year', why: 'looked after children adopted in the year (for NI 61, adoption timeliness, which LAIT lacks)' },
  // The social care workforce and timeliness (issue 13): what studies of inspection grades find carries signal (Hood
  // and colleagues 2016; Wilkins and Antonopoulou 2018, 2020). The 2011 profile had no workforce heading; they are read
  // under staying safe, the outcome the social work service speaks to.
  { id: 'Work_Force_Agecy_Rate', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'agency social workers (the workforce, after Hood and colleagues 2016)' },
  { id: 'Work_Force_Vac_Rate', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'social worker vacancies' },
  { id: 'Work_Force_TO_Rate', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'social worker turnover' },
  { id: 'Work_Force_AvgNumCase_SW', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'average caseload of children and family social workers' },
  { id: 'Work_Force_SWAbsence', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'social worker absence' },
  // How the workforce is deployed: the share of social workers holding cases (from 2017; LAIT's polarity is High).
  // Left out (docs/today.md, "Measures left out"): Vacancies_cover (vacancies covered by agency workers, High) is agency
  // workers over vacancies, two measures read here already, with the opposite sign to the agency rate, so it would
  // count one fact twice, once each way; Work_Force_AgencyCover, Referrals_AssessedNotNeed and CIN_Refferals_NFA have
  // no polarity ('-'), so neither way is better; Stability_SocialWorker (looked after children with three or more
  // social workers, Low) has figures for 2024 only.
  { id: 'Social_Work_Caseholders_%', outcome: 'staying-safe', yearType: 'Annual (end of Sept)', why: 'social workers holding cases: how much of the workforce is in practice' },
  // Making a positive contribution: youth justice (NI 19, 43, 111), looked after children's offending (NI 58/NI 19).
  { id: 'FirstYJS', outcome: 'positive-contribution', yearType: 'Calendar Year', why: 'first-time entrants to the youth justice system (NI 111)' },
  { id: 'ReoffYO15-17', outcome: 'positive-contribution', yearType: 'Financial Year', why: 're-offending by young offenders aged 15-17 (NI 19)' },
  { id: 'LAC_Convictions', outcome: 'positive-contribution', yearType: 'Financial Year', why: 'looked after children convicted or subject to a youth caution' },
  // Achieving economic well-being: NEET and not known, care leavers, the gap at 19 (NI 117, 148, 147, 81).
  { id: '16-17_not known_NEET', outcome: 'economic-wellbeing', yearType: 'Financial Year', why: '16-17 year olds NEET or whose activity is not known (NI 117)' },
  { id: 'CareLeaverEET', outcome: 'economic-wellbeing', yearType: 'Financial Year', why: 'care leavers in education, employment or training (NI 148)' },
  { id: 'CareLeaverAcc', outcome: 'economic-wellbeing', yearType: 'Financial Year', why: 'care leavers in suitable accommodation (NI 147)' },
  { id: 'L3Age19Gap', outcome: 'economic-wellbeing', yearType: 'Academic Year', why: 'the inequality gap in level 3 qualifications at 19 (NI 81)' },
  // Being healthy: obesity (NI 56), looked after children's health checks.
  { id: 'ExcessYr6', outcome: 'being-healthy', yearType: 'Academic Year', why: 'children in year 6 overweight or obese (NI 56)' },
  { id: 'LACHealth%', outcome: 'being-healthy', yearType: 'Financial Year', why: 'looked after children with their health checks' },
];
