import type { LaCode, LocalAuthority } from '../../src/domain/local-authority.ts';
import type { ImportBatch } from '../../src/store/repository.ts';

const la = (code: string, name: string, formalName: string, region: LocalAuthority['region'], type: LocalAuthority['type'], gss: string, openedOn: string | null = null, closedOn: string | null = null): LocalAuthority => ({
  code: code as LaCode,
  gss,
  name,
  formalName,
  type,
  region,
  openedOn,
  closedOn,
  note: null,
});

/** A handful of real LAs, so tests that need an LA list do not depend on shared/data. */
export const FIXTURE_LAS: readonly LocalAuthority[] = [
  la('356', 'Stockport', 'Stockport Metropolitan Borough Council', 'North West', 'MD', 'E08000007'),
  la('358', 'Trafford', 'Trafford Metropolitan Borough Council', 'North West', 'MD', 'E08000009'),
  la('861', 'Stoke-on-Trent', 'Stoke-on-Trent City Council', 'West Midlands', 'UA', 'E06000021'),
  la('820', 'Bedfordshire', 'Bedfordshire County Council', 'East of England', 'SC', 'E10000001', null, '2009-03-31'),
  la('822', 'Bedford', 'Bedford Borough Council', 'East of England', 'UA', 'E06000055', '2009-04-01'),
];

export const FIXTURE_LA_BATCH: ImportBatch = {
  dataset: { id: 'la-codes', kind: 'real', title: 'Fixture LAs', source: 'test/support/las.ts', licence: 'Open Government Licence v3.0' },
  files: [{ path: 'test/support/las.ts', sha256: 'fixture', rows: FIXTURE_LAS.length }],
  localAuthorities: FIXTURE_LAS,
};

/** The fixture LAs' hexes from ODI Leeds' upper-tier layout (shared/data/odileeds-hexmaps/), for the web pages' map. */
export const FIXTURE_HEX_BATCH: ImportBatch = {
  dataset: { id: 'hexmap-fixture', kind: 'real', title: 'Fixture hexes', source: 'test/support/las.ts (from ODI Leeds hexmaps, MIT)', licence: 'MIT' },
  files: [{ path: 'test/support/las.ts', sha256: 'fixture', rows: 5 }],
  hexes: [
    { layout: 'uk-upper-tier (odd-r)', gss: 'E08000007', name: 'Stockport', q: 8, r: 10 },
    { layout: 'uk-upper-tier (odd-r)', gss: 'E08000009', name: 'Trafford', q: 6, r: 11 },
    { layout: 'uk-upper-tier (odd-r)', gss: 'E06000021', name: 'Stoke-on-Trent', q: 6, r: 9 },
    { layout: 'uk-upper-tier (odd-r)', gss: 'E06000055', name: 'Bedford', q: 10, r: 9 },
    { layout: 'uk-upper-tier (odd-r)', gss: 'E06000056', name: 'Central Bedfordshire', q: 11, r: 9 },
  ],
};
