/**
 * How the letters group their bullets (stockport-2011, stoke-on-trent-2011): under fives, primary, secondary, post-16,
 * specialist provision, looked after children, safeguarding, and the gaps for low-income families. Which Block A
 * groups and which indicators belong to each is held here as data. [reconstruction: the seeds show the grouping, not
 * a rule]
 */
export const THEMES = ['under-fives', 'primary', 'secondary', 'post-16', 'specialist', 'looked-after', 'safeguarding', 'gaps'] as const;
export type Theme = (typeof THEMES)[number];

export const GROUP_THEME: Readonly<Record<string, Theme>> = {
  childminders: 'under-fives',
  childcare: 'under-fives',
  'childrens-centres': 'under-fives',
  'nursery-schools': 'under-fives',
  primary: 'primary',
  secondary: 'secondary',
  'sixth-forms': 'post-16',
  'post-16': 'post-16',
  special: 'specialist',
  pru: 'specialist',
  'residential-special': 'specialist',
  'la-homes': 'looked-after',
  'commissioned-homes': 'looked-after',
  fostering: 'looked-after',
  adoption: 'looked-after',
};

/** The groups read together as "early years and childcare" (stockport-2011, stoke-on-trent-2011). */
export const EARLY_YEARS_GROUPS: readonly string[] = ['childminders', 'childcare'];

/** One setting of a group, where the group's label does not make a singular by dropping its "s". */
export const GROUP_ONE: Readonly<Record<string, string>> = {
  childcare: 'childcare setting on non-domestic premises',
};

/** Groups whose label does not read as a plural noun inside a sentence ("childcare on non-domestic premises are"). */
export const GROUP_NOUN: Readonly<Record<string, string>> = {
  childcare: 'childcare settings on non-domestic premises',
};

/** National Indicator Set numbers by theme; an indicator not listed goes by its ECM outcome (INDICATOR_OUTCOME_THEME). */
const NI_THEME: ReadonlyArray<readonly [Theme, readonly string[]]> = [
  ['under-fives', ['NI 72', 'NI 92', 'NI 109']],
  ['primary', ['NI 73', 'NI 93', 'NI 94', 'NI 76']],
  // Qualifications at 19 are read with GCSE results (stockport-2011: "Over the same period, the proportion of
  // 19-year-olds achieving the equivalent of two A level passes"; stoke-on-trent-2011 likewise).
  ['secondary', ['NI 75', 'NI 78', 'NI 79', 'NI 80', 'NI 105', 'NI 87']],
  ['post-16', ['NI 90', 'NI 91', 'NI 117']],
  ['looked-after', ['NI 58', 'NI 61', 'NI 62', 'NI 63', 'NI 66', 'NI 99', 'NI 100', 'NI 101', 'NI 147', 'NI 148']],
  ['safeguarding', ['NI 59', 'NI 60', 'NI 64', 'NI 65', 'NI 67', 'NI 68']],
  ['gaps', ['NI 81', 'NI 82', 'NI 102', 'NI 102a', 'NI 102b', 'NI 104', 'NI 106', 'NI 107', 'NI 108']],
];

const INDICATOR_OUTCOME_THEME: Readonly<Record<string, Theme>> = {
  'being-healthy': 'safeguarding',
  'staying-safe': 'safeguarding',
  'enjoying-and-achieving': 'secondary',
  'positive-contribution': 'post-16',
  'economic-wellbeing': 'post-16',
};

export function indicatorTheme(id: string, ecmOutcome: string | null, name: string): Theme {
  const listed = NI_THEME.find(([, ids]) => ids.includes(id));
  if (listed) return listed[0];
  if (/\bgap\b/i.test(name)) return 'gaps';
  return (ecmOutcome && INDICATOR_OUTCOME_THEME[ecmOutcome]) || 'secondary';
}
