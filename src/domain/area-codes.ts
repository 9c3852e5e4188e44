import type { Region } from './local-authority.ts';

/**
 * Area codes for England and the regions, as DfE's LAIT numbers them (dfe-lait/la_code_list.csv): an indicator value
 * for England has area code 970, one for the North West 981. LAIT also has London as a whole (986) beside Inner and
 * Outer London, which are regions of their own in DfE's LA tables.
 */
export const ENGLAND_AREA_CODE = '970';

export const REGION_AREA_CODES: Readonly<Record<string, Region | 'London'>> = {
  '980': 'North East',
  '981': 'North West',
  '982': 'Yorkshire and The Humber',
  '983': 'East Midlands',
  '984': 'West Midlands',
  '985': 'East of England',
  '986': 'London',
  '987': 'Inner London',
  '988': 'Outer London',
  '989': 'South East',
  '990': 'South West',
};

/** The area code of an LA's region. */
export function regionAreaCode(region: Region): string {
  const entry = Object.entries(REGION_AREA_CODES).find(([, name]) => name === region);
  if (!entry) throw new Error(`no area code for region ${JSON.stringify(region)}`);
  return entry[0];
}
