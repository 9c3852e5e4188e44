import type { EcmOutcome, Polarity } from '../domain/indicator.ts';
import { ENGLAND_AREA_CODE, regionAreaCode } from '../domain/area-codes.ts';
import type { LaTraits } from './latent.ts';
import type { Row } from './providers.ts';
import { stream } from './random.ts';

/**
 * National Indicator Set-style indicators (NI numbers and definitions of 2008-2010; values synthetic). England's level
 * in the assessment year and its yearly change are approximate national figures of the period (DfE statistical first
 * releases and the NIS technical definitions), rounded; the spread between LAs (sd) is our assumption. LA values follow
 * the LA's latent quality (which resembles its neighbours'), an indicator-specific LA effect and a little noise each
 * year; England and each region are the mean of their LAs, so the structure is consistent.
 */
interface IndicatorSpec {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly polarity: Polarity;
  readonly ecm: EcmOutcome;
  /** How the period is written: academic "2010/11", financial "2010-11", calendar "2011". */
  readonly period: 'academic' | 'financial' | 'calendar';
  /** England in the assessment year 2011, yearly change, and the spread between LAs. */
  readonly england2011: number;
  readonly perYear: number;
  readonly sd: number;
  /** Looked after children and child protection counts are small: suppressed (c) in the tiniest LAs. */
  readonly smallCounts?: boolean;
}

const pct = '%';
export const INDICATORS: readonly IndicatorSpec[] = [
  { id: 'NI 72', name: 'Achievement of at least 78 points across the Early Years Foundation Stage with at least 6 in each of the scales in Personal Social and Emotional Development and Communication, Language and Literacy', unit: pct, polarity: 'higher-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 59, perYear: 3, sd: 5 },
  { id: 'NI 92', name: 'Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest', unit: 'percentage points', polarity: 'lower-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 31.5, perYear: -1, sd: 3 },
  { id: 'NI 73', name: 'Achievement at level 4 or above in both English and Maths at Key Stage 2', unit: pct, polarity: 'higher-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 74, perYear: 1, sd: 4 },
  { id: 'NI 75', name: 'Achievement of 5 or more A*-C grades at GCSE or equivalent including English and Maths', unit: pct, polarity: 'higher-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 58, perYear: 3, sd: 6 },
  { id: 'NI 102a', name: 'Achievement gap between pupils eligible for free school meals and their peers at Key Stage 2', unit: 'percentage points', polarity: 'lower-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 21, perYear: -0.5, sd: 4 },
  { id: 'NI 102b', name: 'Achievement gap between pupils eligible for free school meals and their peers at Key Stage 4', unit: 'percentage points', polarity: 'lower-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 27.5, perYear: -0.3, sd: 5 },
  { id: 'NI 87', name: 'Secondary school persistent absence rate', unit: pct, polarity: 'lower-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 4.2, perYear: -0.5, sd: 1.2 },
  { id: 'NI 101', name: 'Looked after children achieving 5 A*-C GCSEs (or equivalent) at Key Stage 4 (including English and mathematics)', unit: pct, polarity: 'higher-is-better', ecm: 'enjoying-and-achieving', period: 'academic', england2011: 13, perYear: 1, sd: 6, smallCounts: true },
  { id: 'NI 79', name: 'Achievement of a Level 2 qualification by the age of 19', unit: pct, polarity: 'higher-is-better', ecm: 'economic-wellbeing', period: 'calendar', england2011: 81.5, perYear: 2, sd: 4 },
  { id: 'NI 80', name: 'Achievement of a Level 3 qualification by the age of 19', unit: pct, polarity: 'higher-is-better', ecm: 'economic-wellbeing', period: 'calendar', england2011: 54, perYear: 2, sd: 5 },
  { id: 'NI 81', name: 'Inequality gap in the achievement of a Level 3 qualification by the age of 19', unit: 'percentage points', polarity: 'lower-is-better', ecm: 'economic-wellbeing', period: 'calendar', england2011: 24.5, perYear: -0.3, sd: 4 },
  { id: 'NI 82', name: 'Inequality gap in the achievement of a Level 2 qualification by the age of 19', unit: 'percentage points', polarity: 'lower-is-better', ecm: 'economic-wellbeing', period: 'calendar', england2011: 17, perYear: -0.5, sd: 3.5 },
  { id: 'NI 117', name: '16 to 18 year olds who are not in education, employment or training (NEET)', unit: pct, polarity: 'lower-is-better', ecm: 'economic-wellbeing', period: 'calendar', england2011: 6.1, perYear: -0.3, sd: 1.8 },
  { id: 'NI 148', name: 'Care leavers in education, employment or training', unit: pct, polarity: 'higher-is-better', ecm: 'economic-wellbeing', period: 'financial', england2011: 62, perYear: 1, sd: 10, smallCounts: true },
  { id: 'NI 59', name: 'Percentage of initial assessments for children’s social care carried out within 7 working days of referral', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 77, perYear: 1, sd: 10 },
  { id: 'NI 60', name: 'Percentage of core assessments for children’s social care that were carried out within 35 working days of their commencement', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 76, perYear: 1, sd: 10 },
  { id: 'NI 61', name: 'Timeliness of placements of looked after children for adoption following an agency decision that the child should be placed for adoption', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 74, perYear: 0, sd: 10, smallCounts: true },
  { id: 'NI 62', name: 'Stability of placements of looked after children: number of placements (three or more in the year)', unit: pct, polarity: 'lower-is-better', ecm: 'staying-safe', period: 'financial', england2011: 10.7, perYear: -0.2, sd: 2.5, smallCounts: true },
  { id: 'NI 63', name: 'Stability of placements of looked after children: length of placement', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 68, perYear: 0.5, sd: 6, smallCounts: true },
  { id: 'NI 64', name: 'Child protection plans lasting 2 years or more', unit: pct, polarity: 'lower-is-better', ecm: 'staying-safe', period: 'financial', england2011: 5.5, perYear: -0.3, sd: 2.5, smallCounts: true },
  { id: 'NI 65', name: 'Percentage of children becoming the subject of a child protection plan for a second or subsequent time', unit: pct, polarity: 'lower-is-better', ecm: 'staying-safe', period: 'financial', england2011: 13.3, perYear: 0, sd: 4, smallCounts: true },
  { id: 'NI 66', name: 'Looked after children cases which were reviewed within required timescales', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 90.5, perYear: 0.5, sd: 5, smallCounts: true },
  { id: 'NI 67', name: 'Percentage of child protection cases which were reviewed within required timescales', unit: pct, polarity: 'higher-is-better', ecm: 'staying-safe', period: 'financial', england2011: 96.9, perYear: 0.3, sd: 3, smallCounts: true },
  { id: 'NI 43', name: 'Young people within the Youth Justice System receiving a conviction in court who are sentenced to custody', unit: pct, polarity: 'lower-is-better', ecm: 'positive-contribution', period: 'financial', england2011: 5.3, perYear: 0, sd: 2, smallCounts: true },
  { id: 'NI 111', name: 'First time entrants to the Youth Justice System aged 10 to 17', unit: 'per 100,000 aged 10-17', polarity: 'lower-is-better', ecm: 'positive-contribution', period: 'financial', england2011: 876, perYear: -110, sd: 250 },
  { id: 'NI 112', name: 'Under 18 conception rate', unit: 'per 1,000 females aged 15-17', polarity: 'lower-is-better', ecm: 'being-healthy', period: 'calendar', england2011: 38, perYear: -1.5, sd: 8 },
  { id: 'NI 56', name: 'Obesity among primary school age children in Year 6', unit: pct, polarity: 'lower-is-better', ecm: 'being-healthy', period: 'academic', england2011: 18.7, perYear: 0.2, sd: 2.3 },
];

/** Five periods up to the assessment year: trends in the letters look back "over the last five years". */
export const TREND_YEARS = 5;

function periodLabel(kind: IndicatorSpec['period'], endYear: number): string {
  const short = String(endYear).slice(2);
  return kind === 'calendar' ? String(endYear) : kind === 'academic' ? `${endYear - 1}/${short}` : `${endYear - 1}-${short}`;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function generateIndicators(traits: readonly LaTraits[], year: number, seed: number): { definitions: Row[]; values: Row[] } {
  const definitions: Row[] = INDICATORS.map((i) => ({ indicator_id: i.id, name: i.name, unit: i.unit, polarity: i.polarity, ecm_outcome: i.ecm, topic: null, description: null, source: 'Synthetic (National Indicator Set definitions); NOT REAL DATA' }));
  const values: Row[] = [];
  for (const spec of INDICATORS) {
    const bounded = spec.unit === pct;
    for (let end = year - TREND_YEARS + 1; end <= year; end++) {
      const period = periodLabel(spec.period, end);
      const england = spec.england2011 + spec.perYear * (end - 2011);
      const byRegion = new Map<string, number[]>();
      const all: number[] = [];
      for (const t of traits) {
        const rng = stream(`${seed}|${t.la.code}|${spec.id}`);
        const own = rng.normal(); // the LA's standing on this indicator, stable across years
        const yearly = stream(`${seed}|${t.la.code}|${spec.id}|${end}`).normal();
        const direction = spec.polarity === 'lower-is-better' ? -1 : 1;
        let value = england + spec.sd * (direction * (0.55 * t.quality + 0.45 * own) + 0.25 * yearly);
        value = bounded ? Math.min(100, Math.max(0, value)) : Math.max(0, value);
        let cell: string | number = round1(value);
        if (spec.smallCounts && t.size < 0.05) cell = 'c';
        else if (stream(`${seed}|${t.la.code}|${spec.id}|${end}|missing`).chance(0.01)) cell = 'x';
        values.push({ indicator_id: spec.id, area_kind: 'la', area_code: t.la.code, period, value: cell });
        if (typeof cell === 'number') {
          all.push(cell);
          const region = regionAreaCode(t.la.region);
          byRegion.set(region, [...(byRegion.get(region) ?? []), cell]);
        }
      }
      const mean = (xs: readonly number[]) => round1(xs.reduce((a, b) => a + b, 0) / xs.length);
      for (const [code, xs] of [...byRegion.entries()].sort(([a], [b]) => a.localeCompare(b))) values.push({ indicator_id: spec.id, area_kind: 'region', area_code: code, period, value: mean(xs) });
      values.push({ indicator_id: spec.id, area_kind: 'england', area_code: ENGLAND_AREA_CODE, period, value: all.length > 0 ? mean(all) : 'x' });
    }
  }
  return { definitions, values };
}
