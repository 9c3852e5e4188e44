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
