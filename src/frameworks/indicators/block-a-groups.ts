import type { BlockAGroup, BlockAShareGroup } from '../types.ts';

/**
 * Block A of today's years: the social care settings Ofsted registers and inspects, as its provider-level files of 31
 * March 2015-2025 give them (src/ingest/sources/ofsted-providers.ts), grouped as the 2009-2011 profile grouped the
 * settings an LA runs or places children in (rating-2009/definition.ts): its own children's homes apart from those it
 * commissions, and the agencies and residential settings of the area. docs/block-a-today.md has the table of provision
 * type by sector, with the 2025 counts. Each group counts only settings on the register (`registered`), so the
 * synthetic and bundled settings of 2006-2011 are never read as today's.
 *
 * What is in no group, and why:
 * - children's homes run by a health authority (7 in 2025): neither the LA's own nor commissioned from private and
 *   voluntary providers;
 * - secure training centres (1 to 4 a year): youth custody, placed by the Youth Custody Service rather than by LAs;
 * - supported accommodation (893 in 2025): judged on its own three-point scale, never good or better, so a group of it
 *   would count nothing;
 * - LA fostering and adoption services: ILACS inspects them as part of the LA (Block B), and the files do not list them.
 * Schools and early years settings are not in the files: the early years are read as shares of children
 * (INDICATOR_BLOCK_A_SHARES, below).
 */
export const INDICATOR_BLOCK_A_GROUPS: readonly BlockAGroup[] = [
  { id: 'csc-la-homes', label: "Children's homes run by the local authority", providerTypes: ['childrens-home'], ownership: 'la-run', registered: true },
  // The homes in the LA's area run by others, which it (and other LAs) may place children in: what the 2009-2011
  // groups called "commissioned" homes, by the sector the files give.
  { id: 'csc-private-homes', label: "Private and voluntary children's homes", providerTypes: ['childrens-home'], ownership: 'private-voluntary', registered: true },
  { id: 'csc-secure-homes', label: "Secure children's homes", providerTypes: ['secure-childrens-home'], registered: true },
  // Including those registered as children's homes (open more than 295 days a year), as 2009's group had them.
  { id: 'csc-residential-special', label: 'Residential special schools', providerTypes: ['residential-special-school'], registered: true },
  { id: 'csc-fostering', label: 'Independent fostering agencies', providerTypes: ['fostering-agency'], ownership: 'private-voluntary', registered: true },
  // Both are the voluntary sector's part in adoption, and each LA has one or two at most: read together.
  { id: 'csc-adoption', label: 'Voluntary adoption agencies and adoption support agencies', providerTypes: ['adoption-agency', 'adoption-support-agency'], registered: true },
  // Residential settings LAs place children and families in: assessment of parents with their babies, and short breaks
  // for disabled children.
  { id: 'csc-family-centres', label: 'Residential family centres and holiday schemes for disabled children', providerTypes: ['residential-family-centre', 'residential-holiday-scheme'], registered: true },
  // The welfare of boarders, as residential special schools' is: inspected by Ofsted, in the LA's area.
  { id: 'csc-boarding', label: 'Boarding schools and colleges with residential accommodation', providerTypes: ['boarding-school', 'fe-college-residential'], registered: true },
];

/**
 * The early years row of Block A: not the settings (LAIT has no tally of them) but the share of children whose funded
 * early education is with a good or outstanding provider, matched by DfE from Ofsted's inspections to the January
 * early years and school censuses (LAIT's dictionary). The 3- and 4-year-olds' measure was read in Block C before; it is
 * read here instead, and not twice.
 */
export const INDICATOR_BLOCK_A_SHARES: readonly BlockAShareGroup[] = [
  {
    id: 'early-years-2',
    label: 'Funded two-year-olds with good or outstanding early years providers',
    indicator: '2yr_Ofsted_rating',
    why: "the early education of the two-year-olds entitled to it (the disadvantaged two-year-old offer), by the quality of its provider",
  },
  {
    id: 'early-years-3-4',
    label: 'Funded three- and four-year-olds with good or outstanding early years providers',
    indicator: '3&4yr_Ofsted_rating',
    why: 'the universal early education of three- and four-year-olds, by the quality of its provider',
  },
];
