import type { IndicatorDefinition } from '../domain/indicator.ts';

/**
 * How a letter names an indicator inside a sentence. The seeds never quote an indicator's catalogue name; they say
 * what it measures, in plain words and about children ("the attainment of 11-year-olds", "the gap in attainment
 * between 16-year-olds who receive free school meals and others of the same age", stockport-2011). The phrases for
 * National Indicator Set measures are held here as data, written from the NIS definitions (DCLG, National Indicators
 * for Local Authorities and Local Authority Partnerships: Handbook of Definitions, 2008); any other indicator is
 * named by its catalogue name.
 */
export const INDICATOR_PHRASE: Readonly<Record<string, string>> = {
  'NI 43': 'the proportion of young people sentenced in court who receive a custodial sentence',
  'NI 56': 'obesity among children in Year 6',
  'NI 58': 'the emotional and behavioural health of looked after children',
  'NI 59': 'the proportion of initial assessments completed within seven working days of referral',
  'NI 60': 'the proportion of core assessments completed within 35 working days',
  'NI 61': 'the timeliness of placements of looked after children for adoption',
  'NI 62': 'the proportion of looked after children with three or more placements in the year',
  'NI 63': 'the length of placements of looked after children',
  'NI 64': 'the proportion of child protection plans lasting two years or more',
  'NI 65': 'the proportion of children becoming the subject of a child protection plan for a second time',
  'NI 66': 'the proportion of looked after children whose cases were reviewed on time',
  'NI 67': 'the proportion of child protection cases reviewed on time',
  'NI 68': 'the proportion of referrals going on to an initial assessment',
  'NI 72': 'achievement at the end of the Early Years Foundation Stage',
  'NI 73': 'the attainment of 11-year-olds in English and mathematics at Key Stage 2',
  'NI 75': 'the proportion of 16-year-olds achieving five GCSEs at grades A* to C, including English and mathematics',
  'NI 79': 'the proportion of 19-year-olds achieving a level 2 qualification',
  'NI 80': 'the proportion of 19-year-olds achieving a level 3 qualification',
  'NI 81': 'the gap in achieving a level 3 qualification by the age of 19 between young people from low-income families and others',
  'NI 82': 'the gap in achieving a level 2 qualification by the age of 19 between young people from low-income families and others',
  'NI 87': 'persistent absence from secondary school',
  'NI 92': 'the gap between the lowest-achieving fifth of children at the end of the Early Years Foundation Stage and the rest',
  'NI 99': 'the proportion of looked after children reaching level 4 in English at Key Stage 2',
  'NI 100': 'the proportion of looked after children reaching level 4 in mathematics at Key Stage 2',
  'NI 101': 'the proportion of looked after children achieving five GCSEs at grades A* to C',
  'NI 102': 'the gap in attainment between pupils eligible for free school meals and their peers',
  'NI 102a': 'the gap in attainment at Key Stage 2 between pupils eligible for free school meals and their peers',
  'NI 102b': 'the gap in attainment between 16-year-olds eligible for free school meals and others of the same age',
  'NI 105': 'the gap in attainment at GCSE between young people with special educational needs and others',
  'NI 110': "young people's participation in positive activities",
  'NI 111': 'the number of first-time entrants to the youth justice system',
  'NI 112': 'the change in the under-18 conception rate since 1998',
  'NI 114': 'the rate of permanent exclusions from school',
  'NI 117': 'the proportion of 16- to 18-year-olds who are not in education, employment or training',
  'NI 147': 'the proportion of care leavers in suitable accommodation',
  'NI 148': 'the proportion of care leavers in education, employment or training',
  // LAIT measures read by Kingsway's indicator assessment of today's data (src/frameworks/indicators/selection.ts).
  FSP_NEW_GOODDEV: 'the proportion of children reaching a good level of development at the end of reception',
  KS2RWM_Expected_STD: 'the proportion of 11-year-olds reaching the expected standard in reading, writing and mathematics',
  DAP_NEW_KS2_RWM: 'the proportion of disadvantaged 11-year-olds reaching the expected standard in reading, writing and mathematics',
  AVG_Attain8_Score: "16-year-olds' average Attainment 8 score",
  DAP_KS4_ATT8: "disadvantaged 16-year-olds' average Attainment 8 score",
  PriPermEx: 'the rate of permanent exclusions from primary school',
  SecPermEx: 'the rate of permanent exclusions from secondary school',
  SFSecPerAbNew: 'persistent absence from secondary school',
  SFPriPerAbNew: 'persistent absence from primary school',
  '%_of LAC Adopted': 'the proportion of looked after children adopted in the year',
  '3&4yr_Ofsted_rating': 'the proportion of 3 and 4 year olds in funded early education with good or outstanding providers',
  ReReferral: 'the proportion of re-referrals to social care within 12 months',
  PrevRegCPR: 'the proportion of children becoming the subject of a child protection plan for a second or subsequent time',
  CPPlans2yrsActive: 'the proportion of child protection plans lasting two years or more',
  CP_conf_15days: 'the proportion of initial child protection conferences held within 15 days',
  Continue_Assess_Comp: 'the proportion of assessments completed within 45 working days',
  RevCP: 'the proportion of child protection cases reviewed on time',
  // The children and family social work workforce, as at 30 September (DfE's workforce census).
  Work_Force_Agecy_Rate: 'the proportion of children and family social workers employed through agencies',
  Work_Force_Vac_Rate: 'the rate of vacancies for children and family social workers',
  Work_Force_TO_Rate: 'the turnover of children and family social workers',
  Work_Force_AvgNumCase_SW: "children and family social workers' average caseload",
  Work_Force_SWAbsence: 'the rate of sickness absence among children and family social workers',
  'Social_Work_Caseholders_%': 'the proportion of children and family social workers holding cases',
  LACStable_2016on: 'the proportion of looked after children with three or more placements in the year',
  'LAC_LongStable%': 'the long-term stability of placements for looked after children',
  FirstYJS: 'the number of first-time entrants to the youth justice system',
  'ReoffYO15-17': 're-offending by young offenders aged 15 to 17',
  LAC_Convictions: 'the proportion of looked after children convicted or given a youth caution',
  '16-17_not known_NEET': 'the proportion of 16- and 17-year-olds not in education, employment or training, or whose activity is not known',
  CareLeaverEET: 'the proportion of care leavers in education, employment or training',
  CareLeaverAcc: 'the proportion of care leavers in suitable accommodation',
  L3Age19Gap: 'the gap in level 3 qualifications at 19 between young people from low-income families and others',
  ExcessYr6: 'the proportion of children in year 6 who are overweight or obese',
  'LACHealth%': 'the proportion of looked after children having their health checks',
};

/** The indicator as the subject of a sentence, lower case: "the proportion of 19-year-olds achieving …". */
export function indicatorPhrase(indicator: Pick<IndicatorDefinition, 'id' | 'name'>): string {
  const phrase = INDICATOR_PHRASE[indicator.id];
  if (phrase) return phrase;
  // A catalogue name reads as a noun phrase once its capital is lowered ("Conceptions per 1,000 girls aged 15-17"),
  // except where it starts with an acronym or a proper noun ("SEN/non-SEN gap", "English …").
  const first = indicator.name.split(/\s/)[0] ?? '';
  return /^[A-Z][a-z]/.test(first) && !/^(English|Key|Asian|Level|Year)$/.test(first) ? indicator.name.charAt(0).toLowerCase() + indicator.name.slice(1) : indicator.name;
}

/** Whether the indicator is a gap, read as "wider" and "narrower" rather than "above" and "below". */
export const isGap = (indicator: Pick<IndicatorDefinition, 'name'>): boolean => /\bgap\b/i.test(indicator.name);

/**
 * The age or stage of each gap between young people from low-income families and others, so that several of them
 * read as one statement ("the gaps between young people from low-income families and others at Key Stage 2, at GCSE
 * and in level 3 qualifications at 19 …") rather than one sentence each. stockport-2011 gives each of its three gaps
 * its own sentence because each moved its own way; where they all stand the same and none is narrowing, one sentence
 * says it, youngest first (the order of this table). [reconstruction]
 */
export const LOW_INCOME_GAP_STAGE: Readonly<Record<string, string>> = {
  'NI 102': 'at school',
  'NI 102a': 'at Key Stage 2',
  'NI 102b': 'at GCSE',
  'NI 82': 'in level 2 qualifications at 19',
  'NI 81': 'in level 3 qualifications at 19',
  L3Age19Gap: 'in level 3 qualifications at 19',
};
