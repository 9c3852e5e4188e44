import { ENGLAND_AREA_CODE } from '../../src/domain/area-codes.ts';
import type { IndicatorDefinition, IndicatorValue } from '../../src/domain/indicator.ts';
import type { LaInspection } from '../../src/domain/la-inspection.ts';
import type { LaCode } from '../../src/domain/local-authority.ts';
import { parsePeriod } from '../../src/domain/period.ts';
import type { ImportBatch } from '../../src/store/repository.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { FIXTURE_HEX_BATCH, FIXTURE_LA_BATCH } from './las.ts';

/**
 * A store for the indicator years' pages: the fixture LAs and hexes, three LAIT measures for them and England
 * (2021-2025), and inspections of their children's services, the single inspection framework then ILACS:
 * - Stockport (356): SIF published 20 October 2015, requires improvement; ILACS January 2019, good; ILACS March
 *   2023, inadequate;
 * - Trafford (358): SIF published 3 June 2016, good; ILACS February 2024, good;
 * - Stoke-on-Trent (861): a SIF with no grade, as every SIF in the scraped history; ILACS February 2020, requires
 *   improvement.
 * Made up for the tests, like the figures; a real dataset kind only so that nothing is marked synthetic.
 */
const LAS = ['356', '358', '861', '822'] as const;
const definition = (id: string, name: string, unit: string, polarity: IndicatorDefinition['polarity']): IndicatorDefinition => ({ id, name, unit, polarity, ecmOutcome: null, topic: 'test', description: null, source: 'test/support/indicator-web.ts' });
const INDICATORS = [
  definition('ReReferral', "Percentage of re-referrals to children's social care within 12 months", '% of referrals', 'lower-is-better'),
  definition('Continue_Assess_Comp', 'Continuous assessments completed within 45 working days', '% completed to time', 'higher-is-better'),
  definition('Work_Force_Vac_Rate', 'Percentage of social worker vacancies', '% vacancies', 'lower-is-better'),
];
/** Stockport strong, Trafford middling, Stoke-on-Trent weak, Bedford about England. */
const LEVEL: Readonly<Record<string, number>> = { '356': -6, '358': 0, '861': 6, '822': 1, [ENGLAND_AREA_CODE]: 0 };

function values(): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (const year of [2021, 2022, 2023, 2024, 2025]) {
    for (const area of [...LAS, ENGLAND_AREA_CODE]) {
      const level = LEVEL[area]!;
      const figures: Record<string, number> = { ReReferral: 22 + level, Continue_Assess_Comp: 80 - level * 2, Work_Force_Vac_Rate: 17 + level };
      for (const [indicator, value] of Object.entries(figures)) {
        out.push({ indicator, area: { kind: area === ENGLAND_AREA_CODE ? 'england' : 'la', code: area }, period: parsePeriod(String(year))!, value: { kind: 'number', value }, original: String(value) });
      }
    }
  }
  return out;
}

const inspection = (la: string, kind: 'sif' | 'ilacs', endDate: string, overall: LaInspection['overall'], startDate: string | null = null): LaInspection => ({
  la: la as LaCode,
  kind,
  startDate,
  endDate,
  publishedOn: startDate === null ? endDate : null,
  overall,
  judgements: {},
  strengthsCount: null,
  developmentCount: null,
  priorityActionCount: null,
  findings: [],
  sourceRef: null,
});

export const INDICATOR_FIXTURE_BATCHES: readonly ImportBatch[] = [
  {
    dataset: { id: 'lait-fixture', kind: 'real', title: 'Fixture LAIT measures', source: 'test/support/indicator-web.ts', licence: 'Open Government Licence v3.0' },
    files: [{ path: 'test/support/indicator-web.ts', sha256: 'fixture', rows: 1 }],
    indicators: INDICATORS,
    indicatorValues: values(),
  },
  {
    dataset: { id: 'ilacs-fixture', kind: 'real', title: 'Fixture inspections of children’s services', source: 'test/support/indicator-web.ts', licence: 'Open Government Licence v3.0' },
    files: [{ path: 'test/support/indicator-web.ts', sha256: 'fixture', rows: 1 }],
    laInspections: [
      inspection('356', 'sif', '2015-10-20', 'requires-improvement'),
      inspection('356', 'ilacs', '2019-01-25', 'good', '2019-01-14'),
      inspection('356', 'ilacs', '2023-03-17', 'inadequate', '2023-03-06'),
      inspection('358', 'sif', '2016-06-03', 'good'),
      inspection('358', 'ilacs', '2024-02-02', 'good', '2024-01-22'),
      inspection('861', 'sif', '2017-05-12', null),
      inspection('861', 'ilacs', '2020-02-07', 'requires-improvement', '2020-01-27'),
    ],
  },
];

/** The store, in memory. */
export async function indicatorWebStore(): Promise<SqliteStore> {
  const store = await SqliteStore.open(':memory:');
  for (const batch of [FIXTURE_LA_BATCH, FIXTURE_HEX_BATCH, ...INDICATOR_FIXTURE_BATCHES]) await store.replaceDataset(batch);
  return store;
}
