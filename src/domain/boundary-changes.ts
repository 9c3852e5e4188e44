import type { LaCode } from './local-authority.ts';

/**
 * The changes to LAs with children's services responsibility since 2009, and how Kingsway treats each: every LA is
 * assessed in the years it existed on 1 April (its opening and closing dates are in the LA list), on its own
 * published figures only. A predecessor's figures are never merged into, or apportioned to, its successors, and a
 * successor's trend starts at its first published figure; so no LA is dropped without saying so, and none is counted
 * twice. A neighbour set that names an LA which has closed loses that neighbour from then on: the similar-areas
 * figure is over the neighbours with figures. In the evaluation against ILACS, each inspection is set beside its own
 * LA's assessment.
 */
export interface BoundaryChange {
  readonly date: string;
  readonly what: string;
  readonly before: readonly LaCode[];
  readonly after: readonly LaCode[];
}

const codes = (...c: string[]) => c as LaCode[];

export const BOUNDARY_CHANGES: readonly BoundaryChange[] = [
  { date: '2009-04-01', what: 'Bedfordshire divided into Bedford and Central Bedfordshire', before: codes('820'), after: codes('822', '823') },
  { date: '2009-04-01', what: 'Cheshire divided into Cheshire East and Cheshire West and Chester', before: codes('875'), after: codes('895', '896') },
  { date: '2019-04-01', what: 'Bournemouth and Poole (with Christchurch, a Dorset district) became Bournemouth, Christchurch and Poole; Dorset became a unitary authority', before: codes('837', '836', '835'), after: codes('839', '838') },
  { date: '2021-04-01', what: 'Northamptonshire divided into North Northamptonshire and West Northamptonshire', before: codes('928'), after: codes('940', '941') },
  { date: '2023-04-01', what: 'Cumbria divided into Cumberland and Westmorland and Furness', before: codes('909'), after: codes('942', '943') },
  { date: '2023-04-01', what: 'North Yorkshire and Somerset became unitary authorities, keeping their codes and children’s services', before: codes('815', '933'), after: codes('815', '933') },
];

/** How a year's assessment treats the changes near it: within the five years its indicator series look back. */
export function boundaryNotes(year: number): string[] {
  return BOUNDARY_CHANGES.filter((c) => Number(c.date.slice(0, 4)) <= year && Number(c.date.slice(0, 4)) > year - 5).map((c) => {
    const same = c.before.join() === c.after.join();
    return same
      ? `${c.date}: ${c.what}; assessed throughout as the same LAs (${c.after.join(', ')}).`
      : `${c.date}: ${c.what}. ${c.before.join(', ')} assessed up to ${Number(c.date.slice(0, 4)) - 1}; ${c.after.join(', ')} from ${c.date.slice(0, 4)}, each on its own figures, its trend from its first published figure; nothing merged or apportioned.`;
  });
}
