import { memoByString } from './memo.ts';
/**
 * English local authorities with children's services responsibility (upper-tier councils).
 *
 * The DfE 3-digit code (e.g. "356" Stockport) is the key everything else uses, because the DfE and Ofsted data of
 * 2006-2011 use it; the GSS code (e.g. "E08000007") joins to ONS geography and the hex map. An LA exists between
 * `openedOn` and `closedOn` (ISO dates, inclusive; `null` = before or after our records): 150 LAs before
 * 1 April 2009 and 152 after (shared/data/README.md §1).
 */
export type LaCode = string & { readonly __brand: 'LaCode' };

/** LAIT's LA types: inner/outer London borough, metropolitan district, unitary authority, shire county. */
export const LA_TYPES = ['ILB', 'OLB', 'MD', 'UA', 'SC'] as const;
export type LaType = (typeof LA_TYPES)[number];

export const REGIONS = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'Inner London',
  'Outer London',
  'South East',
  'South West',
] as const;
export type Region = (typeof REGIONS)[number];

export interface LocalAuthority {
  readonly code: LaCode;
  readonly gss: string;
  readonly name: string;
  /** The council's formal name as a letter addresses it: "Stockport Metropolitan Borough Council". */
  readonly formalName: string;
  readonly type: LaType;
  readonly region: Region;
  readonly openedOn: string | null;
  readonly closedOn: string | null;
  /** Free-text caveat carried from the source (e.g. a code added by hand). */
  readonly note: string | null;
}

const LA_CODE = /^\d{3}$/;

export function isLaCode(value: string): value is LaCode {
  return LA_CODE.test(value);
}

/** Accepts "356", " 356 " and the number 356 as written by spreadsheets; anything else is not a code. */
export const parseLaCode: (raw: string) => LaCode | undefined = memoByString((raw) => {
  const trimmed = raw.trim();
  return isLaCode(trimmed) ? trimmed : undefined;
});

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

export function isLaType(value: string): value is LaType {
  return (LA_TYPES as readonly string[]).includes(value);
}

/** Whether the LA existed on an ISO date. */
export function existsOn(la: Pick<LocalAuthority, 'openedOn' | 'closedOn'>, isoDate: string): boolean {
  return (la.openedOn === null || la.openedOn <= isoDate) && (la.closedOn === null || la.closedOn >= isoDate);
}

/**
 * The date on which "the LAs of assessment year Y" are counted: 1 April, the start of the financial year in which
 * the assessment was made. The 2009 rating (letters of 9 Dec 2009) covered the 152 LAs that existed from
 * 1 April 2009, so the LAs created that day belong to 2009 and the two counties abolished the day before do not.
 */
export function assessmentYearDate(year: number): string {
  return `${year}-04-01`;
}
