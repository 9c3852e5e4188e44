import type { LaCode } from './local-authority.ts';

/**
 * The Director of Children's Services a year's letter is addressed to, as the letter's address block prints it
 * (stockport-2011: "Mr Andrew Webb / Director of Children's Services / Stockport Metropolitan Borough Council /
 * Children and Young People's Directorate, 3rd Floor Stopford House, Town Hall / Stockport SK1 3XE").
 */
export interface Addressee {
  readonly la: LaCode;
  readonly year: number;
  /** "Mr", "Mrs", "Ms", "Dr", … as the salutation uses it ("Dear Mr Webb"); may be empty. */
  readonly honorific: string;
  readonly name: string;
  readonly jobTitle: string;
  readonly council: string;
  /** Address lines after the council, in order. */
  readonly addressLines: readonly string[];
  readonly postcode: string;
}
