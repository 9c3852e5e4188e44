import { frameworkYears } from '../frameworks/years.ts';

/**
 * The years the synthetic national dataset covers: from the first to the last of the historical years Ofsted assessed
 * (the framework registry's official years, src/frameworks/index.ts), every year between included, since a year's
 * evidence reads the year before it (the 2009 bundle carries 2008's inspections for "change since last year").
 */
const official = frameworkYears().official;
export const SYNTHETIC_YEARS = { first: official[0]!, last: official.at(-1)! } as const;
