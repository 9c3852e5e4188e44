import { join } from 'node:path';
import type { LocalAuthority } from '../domain/local-authority.ts';
import type { ProgressFn, SourceRead } from './source.ts';
import { hexDataset, readHexMap } from './sources/hexmap.ts';
import { ILACS_DATASET, readIlacs } from './sources/ilacs.ts';
import { LA_CODES_DATASET, readLaCodes } from './sources/la-codes.ts';
import { LAIT_DATASET, readLait } from './sources/lait.ts';
import { neighbourDataset, readNeighbours } from './sources/neighbours.ts';
import { OFSTED_PROVIDERS_DATASET, readOfstedProviders } from './sources/ofsted-providers.ts';
import { matchOfstedLa, OFSTED_LA_OUTCOMES_DATASET, OFSTED_LA_OUTCOMES_FILE, readOfstedLaOutcomes } from './sources/ofsted-la-outcomes.ts';

/**
 * The published sources Kingsway reads from a data folder laid out as shared/data is (see its README): each with a
 * name a user can pick (`kingsway import --only lait`), the files it needs, and its reader. Order matters: the LA
 * list comes first because every other source is checked against it.
 */
export interface SourceContext {
  readonly las: readonly LocalAuthority[];
  readonly onProgress?: ProgressFn;
}

export interface PublishedSource {
  readonly name: string;
  readonly description: string;
  readonly files: readonly string[];
  readonly read: (dataDir: string, ctx: SourceContext) => SourceRead;
}

const known = (ctx: SourceContext): ReadonlySet<string> => new Set(ctx.las.map((la) => la.code));

/** Paths relative to the data folder, shown in messages so they read the same on every machine. */
const rel = (dataDir: string, path: string) => ({ full: join(dataDir, path), shown: path });

/** Ofsted's provider-level files: one a year, each as at 31 March (shared/data/README.md §6). */
const OFSTED_PROVIDERS_DIR = 'ofsted-social-care-providers';
const OFSTED_PROVIDER_YEARS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;
const located = (dir: string, path: string) => {
  const f = rel(dir, path);
  return { path: f.full, display: f.shown };
};

/** One DfE statistical-neighbour table: the same reader for each vintage. */
function neighbourSource(year: string, vintage: string, path: string): PublishedSource {
  return {
    name: `neighbours-${year}`,
    description: `Statistical neighbours, ${vintage} vintage`,
    files: [path],
    read: (dir, ctx) => {
      const f = rel(dir, path);
      return readNeighbours({ path: f.full, display: f.shown, vintage, knownLas: known(ctx) });
    },
  };
}

export const PUBLISHED_SOURCES: readonly PublishedSource[] = [
  {
    name: 'la-codes',
    description: 'LA lists: DfE codes, GSS codes, regions, types, dates, formal names',
    files: [
      'derived/la_childrens_services_2006_2011.csv',
      'dfe-la-codes/las.csv',
      'dfe-lait/la_code_list.csv',
      'mysociety-la-codes/uk_local_authorities.csv',
      'mysociety-la-codes/lookup_gss_to_registry.csv',
    ],
    read: (dir) => {
      const [derived, dfeLas, laitCodes, mysocietyLas, mysocietyGssLookup] = PUBLISHED_SOURCES[0]!.files.map((f) => rel(dir, f));
      return readLaCodes(
        { derived: derived!.full, dfeLas: dfeLas!.full, laitCodes: laitCodes!.full, mysocietyLas: mysocietyLas!.full, mysocietyGssLookup: mysocietyGssLookup!.full },
        { derived: derived!.shown, dfeLas: dfeLas!.shown, laitCodes: laitCodes!.shown, mysocietyLas: mysocietyLas!.shown, mysocietyGssLookup: mysocietyGssLookup!.shown },
      );
    },
  },
  neighbourSource('2021', '2021-04', 'dfe-lait/statistical_neighbours_april_2021.csv'),
  neighbourSource('2025', '2025-05', 'dfe-lait/statistical_neighbours_may_2025.csv'),
  {
    name: 'lait',
    description: 'LAIT indicator values (641,070) and data dictionary',
    files: ['dfe-lait/bds_long.csv.gz', 'dfe-lait/lait_data_dictionary.csv'],
    read: (dir, ctx) => {
      const values = rel(dir, 'dfe-lait/bds_long.csv.gz');
      const dictionary = rel(dir, 'dfe-lait/lait_data_dictionary.csv');
      return readLait({
        valuesPath: values.full,
        dictionaryPath: dictionary.full,
        display: { values: values.shown, dictionary: dictionary.shown },
        knownLas: known(ctx),
        ...(ctx.onProgress ? { onProgress: ctx.onProgress } : {}),
      });
    },
  },
  {
    name: 'ilacs',
    description: 'ILACS inspection history 2017-2026, as LA-level inspections',
    files: ['ilacs-jt39/ofsted_csc_ilacs_history.csv', 'ilacs-jt39/Provider_data_lookup.csv'],
    read: (dir, ctx) => {
      const history = rel(dir, 'ilacs-jt39/ofsted_csc_ilacs_history.csv');
      const lookup = rel(dir, 'ilacs-jt39/Provider_data_lookup.csv');
      return readIlacs({ historyPath: history.full, lookupPath: lookup.full, display: { history: history.shown, lookup: lookup.shown }, knownLas: known(ctx) });
    },
  },
  {
    name: 'ofsted-providers',
    description: "Ofsted children's social care providers at 31 March 2015-2025 and inspections in 2017-18 (Block A of today's years)",
    files: [...OFSTED_PROVIDER_YEARS.map((y) => `${OFSTED_PROVIDERS_DIR}/provider_at_march_${y}.csv`), `${OFSTED_PROVIDERS_DIR}/inspections_in_year_2017_18.csv`],
    read: (dir, ctx) =>
      readOfstedProviders({
        snapshots: OFSTED_PROVIDER_YEARS.map((y) => ({ ...located(dir, `${OFSTED_PROVIDERS_DIR}/provider_at_march_${y}.csv`), asAt: `${y}-03-31` })),
        inYear: [{ ...located(dir, `${OFSTED_PROVIDERS_DIR}/inspections_in_year_2017_18.csv`), from: '2017-04-01', to: '2018-03-31' }],
        las: ctx.las,
      }),
  },
  {
    // Ofsted's own table of each LA's latest ILACS judgements: checked here as any published file is, and recorded as
    // a dataset, but never written as inspections; `kingsway evaluate ilacs` reads it from the data folder to
    // cross-check the scraped history (src/evaluation/ilacs-crosscheck.ts).
    name: 'ofsted-la-outcomes',
    description: "Ofsted's table of each LA's latest ILACS judgements 2018-2023, to cross-check the ILACS history",
    files: [OFSTED_LA_OUTCOMES_FILE],
    read: (dir, ctx) => {
      const f = rel(dir, OFSTED_LA_OUTCOMES_FILE);
      const read = readOfstedLaOutcomes(f.full, f.shown);
      if (!read.ok) return read;
      const matches = read.outcomes.map((o) => ({ o, m: matchOfstedLa(o, ctx.las) }));
      const byName = matches.filter((x) => x.m.by === 'name');
      const unmatched = matches.filter((x) => x.m.by === null);
      return {
        ok: true,
        batch: { dataset: OFSTED_LA_OUTCOMES_DATASET, files: [read.file] },
        notes: [
          `${read.outcomes.length} LAs' latest ILACS judgements, checked and kept in the data folder for \`kingsway evaluate ilacs\`; nothing is written but the dataset's record`,
          ...(byName.length > 0 ? [`${byName.length} GSS codes are not the stored LAs' (recoded since); matched by name: ${byName.map((x) => `${x.o.gss} ${x.o.name}`).join(', ')}`] : []),
          ...unmatched.map((x) => `line ${x.o.line}: ${x.o.name} is matched to no stored LA (${x.m.by === null ? x.m.reason : ''})`),
        ],
      };
    },
  },
  {
    name: 'hexmap',
    description: 'England upper-tier LA hex map (Open Innovations HexJSON)',
    files: ['odileeds-hexmaps/uk-upper-tier-local-authorities.hexjson'],
    read: (dir) => {
      const f = rel(dir, 'odileeds-hexmaps/uk-upper-tier-local-authorities.hexjson');
      return readHexMap({ path: f.full, display: f.shown, layout: 'uk-upper-tier' });
    },
  },
];

/**
 * Dataset ids an evidence bundle may not take: the published sources' own (`la-codes`, `dfe-lait`, `ilacs-jt39`) and
 * their `--only` names. A bundle whose manifest said `"id": "la-codes"` once replaced the LA list, and every LA with
 * it (issue 11). Taken from the sources themselves, so that a new source is reserved as it is added.
 */
export const RESERVED_DATASET_IDS: ReadonlySet<string> = new Set([...PUBLISHED_SOURCES.map((s) => s.name), LA_CODES_DATASET.id, LAIT_DATASET.id, ILACS_DATASET.id, OFSTED_PROVIDERS_DATASET.id]);
/** The published sources whose id depends on a vintage or a layout (`dfe-sn-2021-04`, `odileeds-hexmap-uk-upper-tier`). */
export const RESERVED_DATASET_ID_PREFIXES: readonly string[] = [neighbourDataset('').id, hexDataset('').id];

/** Whether a bundle may use this dataset id: not one a published source writes. */
export function isReservedDatasetId(id: string): boolean {
  return RESERVED_DATASET_IDS.has(id) || RESERVED_DATASET_ID_PREFIXES.some((prefix) => id.startsWith(prefix));
}
