import type { Rejection } from '../../domain/errors.ts';
import type { LaCode, LaType, LocalAuthority, Region } from '../../domain/local-authority.ts';
import { isLaType, isRegion, parseLaCode } from '../../domain/local-authority.ts';
import type { Dataset } from '../../domain/dataset.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import type { CsvRow, CsvTable } from '../csv.ts';
import { loadCsv } from '../source.ts';
import type { SourceRead } from '../source.ts';
import type { SourceFile } from '../../store/repository.ts';
import { parseDate } from '../values.ts';

/**
 * The local authorities, joined from four published lists (shared/data/README.md §1):
 * - `derived/la_childrens_services_2006_2011.csv`: the 154 LAs of the 2006-2011 era with DfE code, GSS code,
 *   region, type, and whether each existed 2006-2009 and 2009-2011 (150 and 152);
 * - `dfe-la-codes/las.csv`: dates of operation and termination by GSS code, for what changed after 2011;
 * - `dfe-lait/la_code_list.csv`: the LAs LAIT reports on, including those created since (BCP, Dorset 2019;
 *   North and West Northamptonshire 2021; Cumberland, Westmorland and Furness 2023);
 * - `mysociety-la-codes/`: each council's formal name ("Stockport Metropolitan Borough Council") for letters.
 */
export interface LaCodeFiles {
  readonly derived: string;
  readonly dfeLas: string;
  readonly laitCodes: string;
  readonly mysocietyLas: string;
  readonly mysocietyGssLookup: string;
}

export const LA_CODES_DATASET: Dataset = {
  id: 'la-codes',
  kind: 'real',
  title: 'English local authorities with children’s services responsibility',
  source: 'DfE LA codes (dfeR, EES screener lookup), DfE LAIT code list, mySociety local authority register; 2006-2011 list derived for Kingsway',
  licence: 'Open Government Licence v3.0 (DfE); MIT (mySociety)',
};

/** 1 April 2009: Bedford, Central Bedfordshire, Cheshire East and Cheshire West and Chester replaced two counties. */
const REORGANISATION_2009 = { opened: '2009-04-01', closed: '2009-03-31' } as const;

const DERIVED: ColumnSpecs = {
  old_la_code: { required: true },
  la_name: { required: true },
  gss_code: { required: true },
  region: { required: true },
  la_type: { required: true },
  in_2006_2009: { required: true },
  in_2009_2011: { required: true },
  note: { required: false },
};
const DFE_LAS: ColumnSpecs = {
  new_la_code: { required: true },
  la_name: { required: true },
  date_of_operation: { required: true },
  date_of_termination: { required: true },
  status: { required: true },
  old_la_code: { required: true },
};
const LAIT_CODES: ColumnSpecs = {
  'LA Number': { required: true },
  'LA Name': { required: true },
  Region: { required: true },
  Type: { required: true },
};
const MYSOCIETY: ColumnSpecs = { 'local-authority-code': { required: true }, 'official-name': { required: true } };
const MYSOCIETY_GSS: ColumnSpecs = { 'gss-code': { required: true }, 'local-authority-code': { required: true } };

/** LAIT numbers 970-990 are England and the regions; 1000 is LAIT's discontinued England series. */
const isLaNumber = (code: string): boolean => Number(code) < 970;

interface DfeLasRow {
  readonly gss: string;
  readonly operation: string | null;
  readonly termination: string | null;
  readonly live: boolean;
  readonly codes: readonly string[];
}

function table(loaded: ReturnType<typeof loadCsv>, files: SourceFile[], rejections: Rejection[]): CsvTable | undefined {
  if (!loaded.ok) {
    rejections.push(...loaded.rejections);
    return undefined;
  }
  files.push(loaded.value.file);
  return loaded.value.table;
}

export function readLaCodes(paths: LaCodeFiles, display: LaCodeFiles = paths): SourceRead {
  const rejections: Rejection[] = [];
  const files: SourceFile[] = [];
  const notes: string[] = [];
  const derived = table(loadCsv(paths.derived, display.derived), files, rejections);
  const dfe = table(loadCsv(paths.dfeLas, display.dfeLas), files, rejections);
  const lait = table(loadCsv(paths.laitCodes, display.laitCodes), files, rejections);
  const mys = table(loadCsv(paths.mysocietyLas, display.mysocietyLas), files, rejections);
  const mysGss = table(loadCsv(paths.mysocietyGssLookup, display.mysocietyGssLookup), files, rejections);
  if (!derived || !dfe || !lait || !mys || !mysGss) return { ok: false, rejections };

  // Formal names: GSS code -> register code -> official name (the GSS lookup also knows former codes).
  const officialByRegister = new Map<string, string>();
  const registerByGss = new Map<string, string>();
  for (const [t, specs, use] of [
    [mys, MYSOCIETY, (r: RowReader<string>, row: CsvRow) => officialByRegister.set(r.text(row, 'local-authority-code'), r.text(row, 'official-name'))],
    [mysGss, MYSOCIETY_GSS, (r: RowReader<string>, row: CsvRow) => registerByGss.set(r.text(row, 'gss-code'), r.text(row, 'local-authority-code'))],
  ] as const) {
    const cols = resolveColumns(t, specs);
    if (!cols.ok) {
      rejections.push(...cols.rejections);
      continue;
    }
    const reader = new RowReader(t, cols.columns);
    for (const row of t.rows) use(reader, row);
  }

  // DfE's lookup: dates by GSS code, and which 3-digit codes are still live.
  const dfeRows: DfeLasRow[] = [];
  const dfeCols = resolveColumns(dfe, DFE_LAS);
  if (!dfeCols.ok) rejections.push(...dfeCols.rejections);
  else {
    const r = new RowReader(dfe, dfeCols.columns);
    for (const row of dfe.rows) {
      const operation = r.optional(row, 'date_of_operation', parseDate, 'a date dd/mm/yyyy');
      const termination = r.optional(row, 'date_of_termination', parseDate, 'a date dd/mm/yyyy');
      const codes = r.text(row, 'old_la_code').split('/').map((c) => c.trim()).filter((c) => c !== 'x' && c !== '');
      dfeRows.push({ gss: r.text(row, 'new_la_code'), operation: operation ?? null, termination: termination ?? null, live: r.text(row, 'status') === 'live', codes });
    }
    rejections.push(...r.rejections);
  }
  const liveCodes = new Set(dfeRows.filter((d) => d.live).flatMap((d) => d.codes));
  const lastTermination = (code: string): string | null =>
    dfeRows.filter((d) => d.codes.includes(code) && d.termination !== null).map((d) => d.termination!).sort().at(-1) ?? null;

  const formalName = (gss: string, name: string, type: LaType, code: string): string => {
    const official = officialByRegister.get(registerByGss.get(gss) ?? '');
    if (official) return official;
    notes.push(`LA ${code} ${name}: no formal name in the mySociety register for ${gss}; using "${name} County Council"`);
    return type === 'SC' ? `${name} County Council` : `${name} Council`;
  };

  const las = new Map<string, LocalAuthority>();
  const derivedCols = resolveColumns(derived, DERIVED);
  if (!derivedCols.ok) rejections.push(...derivedCols.rejections);
  else {
    const r = new RowReader(derived, derivedCols.columns);
    for (const row of derived.rows) {
      const code = r.required(row, 'old_la_code', parseLaCode, 'a three-digit DfE LA code');
      const region = r.required(row, 'region', (v) => (isRegion(v) ? v : undefined), 'a LAIT region name');
      const type = r.required(row, 'la_type', (v) => (isLaType(v) ? v : undefined), 'one of ILB, OLB, MD, UA, SC');
      const flag = (key: string) => r.required(row, key, (v) => (v === '1' ? true : v === '0' ? false : undefined), '1 or 0');
      const before = flag('in_2006_2009');
      const after = flag('in_2009_2011');
      if (code === undefined || region === undefined || type === undefined || before === undefined || after === undefined) continue;
      if (las.has(code)) {
        r.reject(row, 'old_la_code', code, 'this LA code appears twice');
        continue;
      }
      const name = r.text(row, 'la_name');
      const gss = r.text(row, 'gss_code');
      // Closed in 2009 if not in the 2009-2011 set; otherwise closed only if no live successor keeps the code
      // (North Yorkshire 815 and Somerset 933 kept their codes as unitaries in 2023).
      const closedOn = !after ? REORGANISATION_2009.closed : liveCodes.has(code) ? null : lastTermination(code);
      las.set(code, {
        code,
        gss,
        name,
        formalName: formalName(gss, name, type, code),
        type,
        region,
        openedOn: before ? null : REORGANISATION_2009.opened,
        closedOn,
        note: r.text(row, 'note') || null,
      });
    }
    rejections.push(...r.rejections);
  }

  // LAs created after 2011, from LAIT's list, dated by DfE's lookup.
  const laitCols = resolveColumns(lait, LAIT_CODES);
  if (!laitCols.ok) rejections.push(...laitCols.rejections);
  else {
    const r = new RowReader(lait, laitCols.columns);
    for (const row of lait.rows) {
      const raw = r.text(row, 'LA Number');
      if (/^\d+$/.test(raw) && !isLaNumber(raw)) continue;
      const code = r.required(row, 'LA Number', parseLaCode, 'a three-digit DfE LA code');
      if (code === undefined || las.has(code)) continue;
      const region = r.required(row, 'Region', (v) => (isRegion(v) ? (v as Region) : undefined), 'a LAIT region name');
      const type = r.required(row, 'Type', (v) => (isLaType(v) ? v : undefined), 'one of ILB, OLB, MD, UA, SC');
      if (region === undefined || type === undefined) continue;
      const dfeRow = dfeRows.find((d) => d.codes.length === 1 && d.codes[0] === code && d.live);
      if (!dfeRow) {
        r.reject(row, 'LA Number', code, 'no live row for this code in the DfE LA lookup (las.csv), so its GSS code and start date are unknown');
        continue;
      }
      const name = r.text(row, 'LA Name');
      las.set(code, {
        code: code as LaCode,
        gss: dfeRow.gss,
        name,
        formalName: formalName(dfeRow.gss, name, type, code),
        type,
        region,
        openedOn: dfeRow.operation,
        closedOn: null,
        note: null,
      });
    }
    rejections.push(...r.rejections);
  }

  if (rejections.length > 0) return { ok: false, rejections };
  const localAuthorities = [...las.values()].sort((a, b) => a.code.localeCompare(b.code));
  return { ok: true, batch: { dataset: LA_CODES_DATASET, files, localAuthorities }, notes };
}
