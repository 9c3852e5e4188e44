import type { Addressee } from '../../domain/addressee.ts';
import { assessmentYearDate } from '../../domain/local-authority.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseYear } from '../values.ts';
import type { BundleContext } from './context.ts';
import { SeenKeys, readLa } from './context.ts';
import type { BundleColumn } from './spec.ts';

export function parseAddressees(table: CsvTable, columns: ResolvedColumns<BundleColumn<'addressees'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const rows: Addressee[] = [];
  for (const row of table.rows) {
    let year = r.required(row, 'year', parseYear, 'a four-digit year');
    const latest = ctx.latestDate;
    if (year !== undefined && latest && year > Number(latest.date.slice(0, 4))) {
      r.reject(row, 'year', String(year), `the year is after that of ${latest.what}; no date in a bundle may be later`);
      year = undefined;
    }
    const la = readLa(r.column('la_code'), row, ctx, year === undefined ? null : assessmentYearDate(year));
    const name = r.required(row, 'name', (v) => v, 'the director’s name');
    const jobTitle = r.required(row, 'job_title', (v) => v, 'the job title');
    const council = r.required(row, 'council', (v) => v, 'the council’s formal name');
    const address = r.required(row, 'address', (v) => v.split(/\s*\|\s*/).filter((line) => line !== ''), 'address lines separated by " | "');
    const postcode = r.required(row, 'postcode', (v) => v, 'the postcode');
    if ([year, la, name, jobTitle, council, address, postcode].includes(undefined)) continue;
    if (!seen.check(r, row, `${la}|${year}`, 'year', String(year))) continue;
    rows.push({ la: la!, year: year!, honorific: r.text(row, 'honorific'), name: name!, jobTitle: jobTitle!, council: council!, addressLines: address!, postcode: postcode! });
  }
  return { rows, rejections: r.rejections };
}
