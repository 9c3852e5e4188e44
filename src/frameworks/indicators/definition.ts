import { extend } from '../define.ts';
import { ASSESSMENT_2011 } from '../assessment-2011/definition.ts';
import { ILACS_INADEQUATE_CAPS_AT_POORLY } from '../rules/ilacs-inadequate-caps-at-poorly.ts';
import type { Framework } from '../types.ts';
import { CHOSEN_INDICATORS } from './selection.ts';

/** The years today's published data covers (LAIT 2015/16 to 2025). */
export const INDICATOR_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/**
 * `indicators-<year>`: Kingsway's own application of the 2011 assessment method to one year of today's published data
 * (issue 6), never an official judgement and labelled so wherever it appears. The first year inherits 2011 and
 * changes what today's data does not have or has instead:
 * - no Block A: provider-level inspection outcomes are not in the data, so the grade is read from Block C and the
 *   limiting rule;
 * - Block B is the LA's latest ILACS inspection, with inadequate overall effectiveness limiting the grade as an
 *   inadequate safeguarding judgement did;
 * - Block C is the LAIT indicators in selection.ts, each under an ECM outcome;
 * - similar areas are DfE's statistical neighbours in force for the year: the April 2021 set up to 2024, the May 2025
 *   set from 2025.
 * Each later year inherits the one before and changes its dates (and, in 2025, the neighbour set).
 */
const vintageOf = (year: number) => (year <= 2024 ? '2021-04' : '2025-05');
const VINTAGE_NAME: Readonly<Record<string, string>> = { '2021-04': 'April 2021', '2025-05': 'May 2025' };

function yearParts(year: number) {
  return {
    id: `indicators-${year}` as const,
    year,
    title: `Kingsway's indicator assessment of ${year}: the 2011 method applied to published data (not an Ofsted judgement)`,
    profileDate: `${year}-08-31`,
    previousProfileDate: `${year - 1}-08-31`,
    neighbourVintage: vintageOf(year),
    paragraphs: {
      intro: `This is not a letter from Ofsted. Kingsway has applied the method of Ofsted's annual assessment of children's services (2009 to 2011) to the data published for ${year}: the local authority's indicators against its statistical neighbours and England, and its latest inspection of children's services. The grade is Kingsway's, not an inspector's, and no inspector judgement has been applied.`,
      scaleIntro: 'The assessment derives from the four point scale of 2011:',
    },
    letter: {
      date: `${year}-11-30`,
      notice: "Written by Kingsway, which applies the method of Ofsted's 2011 annual assessment of children's services to today's published data. It is not an Ofsted judgement and not a letter from Ofsted.",
      heading: "Kingsway's indicator assessment of children's services",
      gradeSection: `{council}: indicator assessment ${year}`,
      gradeLabel: 'Indicator assessment',
      body: 'bullets' as const,
    },
  };
}

function firstYear(year: number): Framework {
  return extend(ASSESSMENT_2011, {
    ...yearParts(year),
    changes: [
      "Kingsway's own application of the 2011 method to today's data: not an official judgement",
      'no Block A: provider-level inspection outcomes are not in the published data',
      "Block B: the LA's latest inspection of local authority children's services (ILACS)",
      `Block C: ${CHOSEN_INDICATORS.length} LAIT indicators chosen by ECM-style outcome (src/frameworks/indicators/selection.ts)`,
      `similar areas: DfE statistical neighbours, the ${VINTAGE_NAME[vintageOf(year)]} set`,
    ],
    official: false,
    outcomeNoun: 'indicator assessment',
    published: null,
    blockA: [],
    subJudgements: [],
    blockB: ['ilacs'],
    blockCIndicators: Object.fromEntries(CHOSEN_INDICATORS.map((c) => [c.id, c.outcome])),
    limitingRules: [ILACS_INADEQUATE_CAPS_AT_POORLY],
  });
}

function nextYear(previous: Framework, year: number): Framework {
  const vintageChanged = vintageOf(year) !== vintageOf(year - 1);
  return extend(previous, {
    ...yearParts(year),
    changes: [`the data of ${year}: evidence at ${year}-08-31`, ...(vintageChanged ? [`similar areas: DfE statistical neighbours, now the ${VINTAGE_NAME[vintageOf(year)]} set`] : [])],
  });
}

export const INDICATOR_FRAMEWORKS: readonly Framework[] = INDICATOR_YEARS.reduce<Framework[]>((all, year) => [...all, all.length === 0 ? firstYear(year) : nextYear(all.at(-1)!, year)], []);

/** One indicator year's framework. */
export function indicatorsFramework(year: number): Framework {
  const found = INDICATOR_FRAMEWORKS.find((f) => f.year === year);
  if (!found) throw new RangeError(`no indicator framework for ${year}: the years are ${INDICATOR_YEARS.join(', ')}`);
  return found;
}
