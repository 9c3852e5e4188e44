import type { LaTraits } from './latent.ts';
import type { Row } from './providers.ts';

/**
 * One addressee per LA for the year. Obviously synthetic: no real person's name is invented, and the postcode is in
 * no real postcode area.
 */
export function generateAddressees(traits: readonly LaTraits[], year: number): Row[] {
  return traits.map((t) => ({
    la_code: t.la.code,
    year,
    honorific: '',
    name: `Synthetic Director ${t.la.code}`,
    job_title: "Director of Children's Services",
    council: t.la.formalName,
    address: "Children's Services Directorate | Civic Centre",
    postcode: 'ZZ1 1ZZ',
  }));
}
