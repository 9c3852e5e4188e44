import { deepFreeze, extend } from '../define.ts';
import { ASSESSMENT_2011 } from '../assessment-2011/definition.ts';
import { ILACS_INADEQUATE_CAPS_AT_POORLY } from '../rules/ilacs-inadequate-caps-at-poorly.ts';
import { SIF_INADEQUATE_CAPS_AT_POORLY } from '../rules/sif-inadequate-caps-at-poorly.ts';
import type { Framework } from '../types.ts';
import { INDICATOR_BLOCK_A_GROUPS, INDICATOR_BLOCK_A_SHARES } from './block-a-groups.ts';
import { CALIBRATION } from './calibration.ts';
import { CHOSEN_INDICATORS, PERIOD_ENDS } from './selection.ts';

/** The years today's published data covers (LAIT 2015/16 to 2025). */
export const INDICATOR_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/**
 * `indicators-<year>`: Kingsway's own application of the 2011 assessment method to one year of today's published data
 * (issue 6), never an official judgement and labelled so wherever it appears. The first year inherits 2011 and
 * changes what today's data does not have or has instead:
 * - Block A is the social care settings Ofsted registers, from its provider files as at 31 March (the file in force
 *   at the profile date), and the early years as shares of funded children with good or outstanding providers
 *   (block-a-groups.ts);
 * - Block B is the LA's inspections of children's services, ILACS and before it the single inspection framework
 *   (SIF), read as one succession: an inadequate overall effectiveness in the latest ILACS, or in a SIF with no ILACS
 *   yet, limits the grade as an inadequate safeguarding judgement did;
 * - Block C is the LAIT indicators in selection.ts, each under an ECM outcome, each period read once it has ended by
 *   the profile date (the workforce census of 30 September is read the year after);
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
    title: `Kingsway's indicator assessment of ${year}: the 2011 method applied to published data and calibrated on inspectors' judgements (not an Ofsted judgement)`,
    profileDate: `${year}-08-31`,
    previousProfileDate: `${year - 1}-08-31`,
    blockAAsAt: {
      current: `${year}-03-31`,
      previous: `${year - 1}-03-31`,
      why: "Ofsted's provider files are as at 31 March and published in the summer: the file in force at 31 August is that year's",
    },
    neighbourVintage: vintageOf(year),
    paragraphs: {
      intro: `This is not a letter from Ofsted. Kingsway has applied the method of Ofsted's annual assessment of children's services (2009 to 2011) to the data published for ${year}: the inspection outcomes of the social care settings in the area, the local authority's indicators against its statistical neighbours and England, and its latest inspection of children's services. The grade weighs that evidence as fitted on inspectors' judgements of 2018 to 2022; it is Kingsway's, not an inspector's, and no inspector judgement has been applied.`,
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
      `Block A: ${INDICATOR_BLOCK_A_GROUPS.length} groups of social care settings from Ofsted's provider files as at 31 March, and the early years as ${INDICATOR_BLOCK_A_SHARES.length} shares of funded children with good or outstanding providers (LAIT)`,
      "Block B: the LA's inspections of children's services, the single inspection framework (SIF) then ILACS, as one succession",
      `Block C: ${CHOSEN_INDICATORS.length} LAIT indicators chosen by ECM-style outcome (src/frameworks/indicators/selection.ts)`,
      `similar areas: DfE statistical neighbours, the ${VINTAGE_NAME[vintageOf(year)]} set`,
      `the grade: a calibrated method (ordinal logistic) fitted on ${CALIBRATION.trainingSet.inspections.length} ILACS inspections ending before ${CALIBRATION.trainingSet.endedBefore}, fitted ${CALIBRATION.fittedOn}; the 2011 cut-offs' grade is kept beside it`,
    ],
    official: false,
    outcomeNoun: 'indicator assessment',
    published: null,
    blockA: INDICATOR_BLOCK_A_GROUPS,
    blockAShares: INDICATOR_BLOCK_A_SHARES,
    subJudgements: [],
    blockB: ['ilacs', 'sif'],
    blockCIndicators: Object.fromEntries(CHOSEN_INDICATORS.map((c) => [c.id, c.outcome])),
    // A period is read once it has ended by the profile date: the workforce's "2024" (30 September 2024) from 2025.
    blockCPeriodEnds: Object.fromEntries(CHOSEN_INDICATORS.map((c) => [c.id, PERIOD_ENDS[c.yearType]])),
    limitingRules: [ILACS_INADEQUATE_CAPS_AT_POORLY, SIF_INADEQUATE_CAPS_AT_POORLY],
    // The grade is the calibrated method's (src/calibration/, docs/today.md): weights and cut-offs fitted on ILACS
    // inspections that ended before 2023 only; the 2011 cut-offs' grade is kept beside it in every trace.
    calibration: CALIBRATION,
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

/**
 * The indicator year before `framework`'s, by the same method: its own data, dates and neighbour set, with this year's
 * cut-offs, tolerance, similar-areas method, limiting rules and calibration, so that an analyst's settings
 * (src/frameworks/settings.ts) apply to both years alike. What today's years read their direction of travel against
 * (src/judgement/assess.ts, directionAgainstIndicators). `null` for the first indicator year and the historical years.
 */
export function previousIndicatorFramework(framework: Framework): Framework | null {
  if (framework.official) return null;
  const before = INDICATOR_FRAMEWORKS.find((f) => f.year === framework.year - 1);
  if (!before) return null;
  const { cutOffs, inLineTolerance, similarAreas, limitingRules, calibration } = framework;
  return deepFreeze({ ...before, cutOffs, inLineTolerance, similarAreas, limitingRules, calibration });
}
