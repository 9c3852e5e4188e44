import { join } from 'node:path';
import type { Dataset } from '../../domain/dataset.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { Judgement } from '../../domain/judgement.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { LaJudgementName } from '../../domain/la-inspection.ts';
import type { LocalAuthority } from '../../domain/local-authority.ts';
import { existsOn } from '../../domain/local-authority.ts';
import type { SourceFile } from '../../store/repository.ts';
import { readChecksums, verifyChecksums } from '../checksums.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import type { CsvTable } from '../csv.ts';
import { loadCsv } from '../source.ts';
import { parseDate } from '../values.ts';

/**
 * Ofsted's own table of local authority children's services inspection outcomes (shared/data/README.md §7): the
 * latest ILACS judgements of each of 151 LAs, 2018-2023, as Ofsted published them, keyed by GSS code (`new_la_code`)
 * and not by DfE code. Kingsway reads it for one purpose: to cross-check the scraped ILACS history
 * (src/evaluation/ilacs-crosscheck.ts), which is a proof of concept with gaps. It is never written as LA inspections:
 * the scraped history stays the one source of Block B, and this table only says where it may be wrong.
 *
 * What the file holds, as found: a byte-order mark, CRLF line ends, one row per LA; "Inspection date" is the day the
 * inspection began (it is the scraped start date for 144 of the 146 inspections both give a start date for, and a day
 * later for the other); "Experiences and progress of care leavers" is blank for the inspections before that judgement
 * existed (January 2023).
 */
export const OFSTED_LA_OUTCOMES_DATASET: Dataset = {
  id: 'ofsted-la-outcomes',
  kind: 'real',
  title: "Ofsted's local authority children's services inspection outcomes (latest ILACS judgements, 2018-2023)",
  source: 'Ofsted, via github.com/Maysont/LAC-ofsted-outcomes-model (data/raw_data/2023_ofsted_la.csv)',
  licence: 'Open Government Licence v3.0',
};

export const OFSTED_LA_OUTCOMES_FILE = 'ofsted-la-outcomes/la_inspection_outcomes_2023.csv';

/** The four judgements besides the overall one, in the table's order, with the column each is read from. */
export const OFSTED_SUB_JUDGEMENTS = ['impact-of-leaders', 'help-and-protection', 'in-care', 'care-leavers'] as const satisfies readonly LaJudgementName[];
export type OfstedSubJudgement = (typeof OFSTED_SUB_JUDGEMENTS)[number];

const COLUMNS = {
  name: { required: true, aliases: ['Local authority name'] },
  region: { required: true, aliases: ['Ofsted region'] },
  gss: { required: true, aliases: ['new_la_code'] },
  date: { required: true, aliases: ['Inspection date'] },
  overall: { required: true, aliases: ['Overall effectiveness'] },
  'impact-of-leaders': { required: true, aliases: ['Impact of leaders'] },
  'help-and-protection': { required: true, aliases: ['Experiences and progress of children who need help and protection'] },
  'in-care': { required: true, aliases: ['Experiences and progress of children in care'] },
  'care-leavers': { required: true, aliases: ['Experiences and progress of care leavers'] },
} as const satisfies ColumnSpecs;
type Key = keyof typeof COLUMNS;

/** The ILACS scale: a "satisfactory" or "adequate" here would be another regime's word, so it is refused. */
const ILACS_SCALE: ReadonlySet<Judgement> = new Set<Judgement>(['outstanding', 'good', 'requires-improvement', 'inadequate']);
const GSS = /^E\d{8}$/;

export interface OfstedLaOutcome {
  /** The line of the file, for messages. */
  readonly line: number;
  /** The LA as Ofsted's table names it ("Bristol", "Telford & Wrekin"). */
  readonly name: string;
  readonly region: string;
  readonly gss: string;
  /** ISO date the inspection began. */
  readonly inspectionDate: string;
  readonly overall: Judgement;
  /** Each sub-judgement the table gives; care leavers is absent for inspections before that judgement existed. */
  readonly judgements: Readonly<Partial<Record<OfstedSubJudgement, Judgement>>>;
}

export type OfstedLaOutcomesParsed = { readonly ok: true; readonly outcomes: readonly OfstedLaOutcome[] } | { readonly ok: false; readonly rejections: readonly Rejection[] };
export type OfstedLaOutcomesRead = { readonly ok: true; readonly file: SourceFile; readonly outcomes: readonly OfstedLaOutcome[] } | { readonly ok: false; readonly rejections: readonly Rejection[] };

const ilacsJudgement = (raw: string): Judgement | undefined => {
  const j = parseJudgement(raw, 'ilacs');
  return j !== undefined && ILACS_SCALE.has(j) ? j : undefined;
};
const EXPECTED = 'Outstanding, Good, Requires improvement to be good or Inadequate';

/** The table, every row checked: a GSS code once each, a date, the overall judgement and the sub-judgements on the ILACS scale. */
export function parseOfstedLaOutcomes(table: CsvTable): OfstedLaOutcomesParsed {
  const cols = resolveColumns<Key>(table, COLUMNS);
  if (!cols.ok) return { ok: false, rejections: cols.rejections };
  const r = new RowReader<Key>(table, cols.columns);
  const outcomes: OfstedLaOutcome[] = [];
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const name = r.required(row, 'name', (v) => v, 'the LA name');
    const region = r.required(row, 'region', (v) => v, "Ofsted's region");
    const gss = r.required(row, 'gss', (v) => (GSS.test(v) ? v : undefined), 'a GSS code (E and eight digits)');
    const date = r.required(row, 'date', parseDate, 'a date dd/mm/yyyy');
    const overall = r.required(row, 'overall', ilacsJudgement, EXPECTED);
    const judgements: Partial<Record<OfstedSubJudgement, Judgement>> = {};
    let ok = true;
    for (const name of OFSTED_SUB_JUDGEMENTS) {
      const j = name === 'care-leavers' ? r.optional(row, name, ilacsJudgement, EXPECTED) : r.required(row, name, ilacsJudgement, EXPECTED);
      if (j === undefined) ok = false;
      else if (j !== null) judgements[name] = j;
    }
    if (gss !== undefined) {
      const earlier = lineOf.get(gss);
      if (earlier !== undefined) r.reject(row, 'gss', gss, `this LA is already on line ${earlier}: the table gives each LA's latest inspection once`);
      else lineOf.set(gss, row.line);
    }
    if (name === undefined || region === undefined || gss === undefined || date === undefined || overall === undefined || !ok) continue;
    outcomes.push({ line: row.line, name, region, gss, inspectionDate: date, overall, judgements });
  }
  return r.rejections.length > 0 ? { ok: false, rejections: r.rejections } : { ok: true, outcomes };
}

/** Reads and checks the file; it writes nothing. */
export function readOfstedLaOutcomes(path: string, display: string = OFSTED_LA_OUTCOMES_FILE): OfstedLaOutcomesRead {
  const loaded = loadCsv(path, display);
  if (!loaded.ok) return loaded;
  const parsed = parseOfstedLaOutcomes(loaded.value.table);
  return parsed.ok ? { ok: true, file: loaded.value.file, outcomes: parsed.outcomes } : parsed;
}

/**
 * The table from a data folder laid out as data/published is, checked first against the folder's checksums.sha256
 * where it has one (as an import checks every published file): what `kingsway evaluate ilacs` and the evaluation page
 * read, since the table is not stored.
 */
export function readOfstedLaOutcomesFrom(dataDir: string): OfstedLaOutcomesRead {
  const declared = readChecksums(dataDir);
  const bad = [...declared.rejections, ...(declared.checksums ? verifyChecksums(dataDir, [OFSTED_LA_OUTCOMES_FILE], declared.checksums) : [])];
  if (bad.length > 0) return { ok: false, rejections: bad };
  return readOfstedLaOutcomes(join(dataDir, OFSTED_LA_OUTCOMES_FILE));
}

/** How a row of the table was joined to a stored LA. */
export type OfstedLaMatch =
  | { readonly by: 'gss'; readonly la: LocalAuthority }
  | { readonly by: 'name'; readonly la: LocalAuthority }
  | { readonly by: null; readonly reason: string };

/** Names compared without case, punctuation or "&" for "and" ("Telford & Wrekin", "St. Helens"). */
const foldLaName = (name: string) => name.toLowerCase().replaceAll('&', ' and ').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * The stored LA a row is about. By GSS code first. The store keeps one GSS code per LA, and some have had another
 * since (Buckinghamshire's E10000002 became E06000060 in 2020; Gateshead and Northumberland were recoded in 2013), so a
 * code the store does not hold is matched by the LA's name among the LAs that existed when the inspection began, and
 * only where exactly one has it. The caller says which rows were matched by name.
 */
export function matchOfstedLa(outcome: Pick<OfstedLaOutcome, 'gss' | 'name' | 'inspectionDate'>, las: readonly LocalAuthority[]): OfstedLaMatch {
  const byGss = las.filter((la) => la.gss === outcome.gss);
  if (byGss.length === 1) return { by: 'gss', la: byGss[0]! };
  const name = foldLaName(outcome.name);
  const byName = las.filter((la) => existsOn(la, outcome.inspectionDate) && foldLaName(la.name) === name);
  if (byName.length === 1) return { by: 'name', la: byName[0]! };
  return {
    by: null,
    reason:
      byGss.length > 1
        ? `${byGss.length} stored LAs have the GSS code ${outcome.gss}`
        : byName.length > 1
          ? `no stored LA has the GSS code ${outcome.gss}, and ${byName.length} are named "${outcome.name}"`
          : `no stored LA has the GSS code ${outcome.gss} or the name "${outcome.name}"`,
  };
}
