import { basename } from 'node:path';
import type { Dataset } from '../../domain/dataset.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { Judgement } from '../../domain/judgement.ts';
import { spellingKey } from '../../domain/judgement.ts';
import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import type { InspectionKind, Ownership, Provider, ProviderInspection, ProviderType, SubJudgementName } from '../../domain/provider.ts';
import type { SourceFile } from '../../store/repository.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import type { CsvRow } from '../csv.ts';
import type { SourceRead } from '../source.ts';
import { parseDate } from '../values.ts';
import {
  IN_YEAR_COLUMNS,
  INTERIM_OUTCOMES,
  JUDGEMENT_WORDS,
  PROVISION_TYPE_NAMES,
  SNAPSHOT_COLUMNS,
  SUB_COLUMNS,
  SUPPORTED_ACCOMMODATION_OUTCOMES,
  loadProviderTable,
  readEventType,
  readJudgement,
  readProvisionType,
  readSector,
  titleYear,
} from './ofsted-provider-columns.ts';
import type { SnapshotColumn } from './ofsted-provider-columns.ts';
import { laNameReader } from './ofsted-provider-las.ts';

/**
 * Ofsted's official statistics "Children's social care data in England: provider level data as at 31 March YYYY"
 * (shared/data/README.md §6): every registered social care provider at 31 March of each year 2015-2025 with its latest
 * full inspection, and the companion file of every inspection in 2017-18. Read into one dataset, because the store
 * keeps one row per provider (URN) across all datasets:
 * - each provider once, with its type, sector, LA and name from the latest file it is in;
 * - its inspections: the union of each file's latest full inspection and the in-year file's inspections (interim and
 *   monitoring visits too, which make no overall judgement), one per date;
 * - `openedOn` is the first 31 March it is listed at, and `closedOn` the day before the first later 31 March it is
 *   missing from, if it never comes back. So no provider is open before 31 March 2015, and none can be counted by the
 *   2006-2011 frameworks, whose profile dates are 2005-2011 (block-a.ts counts a setting only while it is open).
 * Where a provider's LA changes, it is kept once per LA, so that each LA's earlier years count what was in it then:
 * the record of its latest LA has its URN and the earlier ones `URN@code` (closed the day before the first file that
 * lists it elsewhere). A provider listed under an LA abolished the day after the file (Bournemouth and Poole, and the
 * county of Dorset, on 31 March 2019; Northamptonshire in 2021; Cumbria in 2023) is read, in that file, as in the
 * successor the next file lists it under: the year's assessment is of the LAs of 1 April (docs/today.md, "Boundary
 * changes"), and those are the settings in their areas.
 *
 * Refused (the whole source, each with file, line, column, value and reason): a missing file, one with no header or
 * without a column the reader needs, and any row with an unknown LA name, provision type, sector or judgement word, an
 * unreadable date or URN, a latest inspection dated after the file's date, a judgement with no date, or a URN listed
 * twice in one file. Counted in the notes and not refused: providers not yet inspected, rows of only commas, providers
 * in Wales, Cafcass, interim outcomes and supported accommodation's own scale (no four-point judgement), providers of
 * the in-year file that no 31 March file lists, and inspections that two files give differently.
 */
export const OFSTED_PROVIDERS_DATASET: Dataset = {
  id: 'ofsted-csc-providers',
  kind: 'real',
  title: "Ofsted children's social care providers and their latest inspections, as at 31 March 2015-2025",
  source:
    "Ofsted official statistics, Children's social care data in England: provider level data as at 31 March 2015 to 2025, and inspections in 2017-18; via github.com/BenGoodair/Care-Markets and github.com/BuzzFeedNews/2018-07-ofsted-inspections",
  licence: 'Open Government Licence v3.0',
};

/** One of the yearly files: every provider registered on its date. */
export interface SnapshotFile {
  readonly path: string;
  readonly display: string;
  /** 31 March of the file's year, ISO. */
  readonly asAt: string;
}

/** A file of every inspection in a period (2017-18): its inspections, for the providers the yearly files list. */
export interface InYearFile {
  readonly path: string;
  readonly display: string;
  readonly from: string;
  readonly to: string;
}

export interface OfstedProvidersInput {
  readonly snapshots: readonly SnapshotFile[];
  readonly inYear: readonly InYearFile[];
  readonly las: readonly LocalAuthority[];
}

/** Where a provider was, as one file lists it. */
interface Appearance {
  readonly asAt: string;
  la: LaCode;
  readonly type: ProviderType;
  readonly ownership: Ownership;
  readonly name: string;
  /** The date of the inspection this file gives as its latest, for the publication-lag count. */
  readonly latest: string | null;
}

/** An inspection as read, with the file whose reading is kept. */
interface Read {
  inspection: ProviderInspection;
  where: string;
}

const ISO_DAY = 86_400_000;
const addDays = (iso: string, days: number): string => new Date(Date.parse(`${iso}T00:00:00Z`) + days * ISO_DAY).toISOString().slice(0, 10);

/** URNs as the files write them: "SC" and six digits, or six or seven digits (registrations from 2014). */
const URN = /^(?:SC\d{6}|\d{6,7})$/;
const readUrn = (raw: string): string | undefined => (URN.test(raw) ? raw : undefined);

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function readOfstedProviders(input: OfstedProvidersInput): SourceRead {
  const rejections: Rejection[] = [];
  const files: SourceFile[] = [];
  const notes: string[] = [];
  const placeLa = laNameReader(input.las);
  const laByCode = new Map(input.las.map((la) => [la.code, la]));

  const appearances = new Map<string, Appearance[]>();
  const inspections = new Map<string, Map<string, Read>>();
  // Counts over all files, and per file (what a reader of one year's file would look for: "1,307 not yet inspected").
  const counts = new Map<string, number>();
  const count = (what: string, n = 1) => counts.set(what, (counts.get(what) ?? 0) + n);
  const perFile = new Map<string, Map<string, number>>();
  const countIn = (file: string, what: string, n = 1) => {
    let m = perFile.get(file);
    if (!m) perFile.set(file, (m = new Map()));
    m.set(what, (m.get(what) ?? 0) + n);
  };
  const welsh = new Set<string>();
  const conflicts: string[] = [];
  let conflictCount = 0;

  /** Adds an inspection to the provider's history; the same date from a later file is kept once, its reading kept. */
  const addInspection = (inspection: ProviderInspection, where: string) => {
    let byDate = inspections.get(inspection.urn);
    if (!byDate) inspections.set(inspection.urn, (byDate = new Map()));
    const seen = byDate.get(inspection.date);
    if (!seen) {
      byDate.set(inspection.date, { inspection, where });
      return;
    }
    const a = seen.inspection;
    if (a.kind === inspection.kind && a.overall === inspection.overall) {
      // Sub-judgements are kept from whichever file gave more of them.
      if (Object.keys(inspection.sub).length > Object.keys(a.sub).length) seen.inspection = inspection;
      return;
    }
    // A full inspection outranks an interim or monitoring visit the same day; otherwise the later file's reading is kept.
    const keepNew = a.kind !== 'full' || inspection.kind === 'full';
    conflictCount++;
    if (conflicts.length < 3) conflicts.push(`URN ${inspection.urn} on ${inspection.date}: ${basename(seen.where)} ${a.kind} ${a.overall ?? 'no judgement'}, ${basename(where)} ${inspection.kind} ${inspection.overall ?? 'no judgement'}`);
    if (keepNew) {
      seen.inspection = inspection;
      seen.where = where;
    }
  };

  /** The columns common to both kinds of file, read from one row: `null` for a row that is not an English setting. */
  const readRow = (r: RowReader<SnapshotColumn>, row: CsvRow, asAt: string, file: string) => {
    const urn = r.required(row, 'urn', readUrn, 'a URN: "SC" and six digits, or six or seven digits');
    const typeRaw = r.text(row, 'provisionType');
    const type = r.required(row, 'provisionType', readProvisionType, `a provision type: ${PROVISION_TYPE_NAMES}`);
    const ownership = r.required(row, 'sector', readSector, 'a sector: Local authority, Private, Voluntary, Academy, Health authority or Public sector');
    const name = r.text(row, 'name');
    if (name === '') r.reject(row, 'name', name, 'a value is required: the provider name (or REDACTED)');
    const laName = r.text(row, 'localAuthority');
    let la: LaCode | 'outside-england' | undefined;
    if (laName === '') r.reject(row, 'localAuthority', laName, 'a value is required: the LA the provider is in');
    else {
      const placed = placeLa(laName, asAt);
      if (placed.kind === 'la') la = placed.code;
      else if (placed.kind === 'outside-england') la = 'outside-england';
      else r.reject(row, 'localAuthority', laName, placed.reason);
    }
    if (urn === undefined || type === undefined || ownership === undefined || la === undefined || name === '') return undefined;
    if (la === 'outside-england') {
      welsh.add(laName);
      countIn(file, 'in Wales, outside England: not placed in any LA');
      return null;
    }
    if (type === 'not-a-setting') {
      countIn(file, `"${typeRaw}", a national service rather than a setting in an LA: not read`);
      return null;
    }
    if (name === 'REDACTED') count("rows with the name REDACTED (Ofsted withholds the names and addresses of children's homes and some others), kept so");
    return { urn, type, ownership, name, la };
  };

  /** The inspection a row gives: `null` where it gives none (not yet inspected), `undefined` where a cell was refused. */
  const readInspection = (r: RowReader<SnapshotColumn>, row: CsvRow, urn: string, type: ProviderType, window: { from: string | null; to: string }, fileKind: 'snapshot' | 'in-year', file: string): ProviderInspection | null | undefined => {
    const date = r.optional(row, 'inspectionDate', parseDate, 'a date dd/mm/yyyy');
    const overallRaw = r.text(row, 'overall');
    const eventRaw = r.text(row, 'eventType');
    const kind: InspectionKind | undefined = eventRaw === '' ? 'full' : readEventType(eventRaw);
    if (kind === undefined) r.reject(row, 'eventType', eventRaw, 'expected Full inspection, Interim inspection or Monitoring inspection');
    if (date === undefined || kind === undefined) return undefined;
    if (date === null) {
      if (overallRaw !== '') {
        r.reject(row, 'overall', overallRaw, 'a judgement with no inspection date');
        return undefined;
      }
      if (fileKind === 'in-year') {
        r.reject(row, 'inspectionDate', '', 'a value is required: every row of the in-year file is an inspection');
        return undefined;
      }
      countIn(file, 'not yet inspected');
      if (type === 'supported-accommodation') countIn(file, 'of them supported accommodation');
      return null;
    }
    if (date > window.to || (window.from !== null && date < window.from)) {
      r.reject(row, 'inspectionDate', r.text(row, 'inspectionDate'), window.from === null ? `a latest inspection dated after the file's date (${window.to})` : `outside the file's period, ${window.from} to ${window.to}`);
      return undefined;
    }
    let overall: Judgement | null = null;
    if (overallRaw === '') {
      const saOutcome = r.text(row, 'supportedAccommodationOutcome');
      if (type === 'supported-accommodation' && saOutcome !== '') {
        if (!SUPPORTED_ACCOMMODATION_OUTCOMES.has(spellingKey(saOutcome))) {
          r.reject(row, 'supportedAccommodationOutcome', saOutcome, 'expected consistently strong service delivery, inconsistent quality of service delivery or serious or widespread weaknesses');
          return undefined;
        }
        count(`supported accommodation inspections judged on its own scale ("${saOutcome}"): no four-point judgement recorded`);
      } else if (kind === 'full') count(`full inspections with a date and no overall judgement${type === 'supported-accommodation' ? ' (supported accommodation)' : ''}, recorded without one`);
      else count(`${kind} inspections with no overall judgement, recorded so`);
    } else if (kind === 'interim' && INTERIM_OUTCOMES.has(spellingKey(overallRaw))) {
      count(`interim inspections recording "${overallRaw}" (progress since the last full inspection, not a judgement)`);
    } else {
      const judged = readJudgement(overallRaw);
      if (judged === undefined) {
        r.reject(row, 'overall', overallRaw, `expected ${JUDGEMENT_WORDS}${kind === 'interim' ? ' (or an interim outcome such as "Sustained effectiveness")' : ''}`);
        return undefined;
      }
      overall = judged;
    }
    const sub: Partial<Record<SubJudgementName, Judgement>> = {};
    for (const [column, subName] of SUB_COLUMNS) {
      const raw = r.text(row, column);
      if (raw === '') continue;
      if (spellingKey(raw) === 'not judged' || (kind === 'interim' && INTERIM_OUTCOMES.has(spellingKey(raw)))) {
        count('sub-judgements recorded as "Not judged" (or an interim outcome), left out');
        continue;
      }
      const judged = readJudgement(raw);
      if (judged === undefined) {
        r.reject(row, column, raw, `expected ${JUDGEMENT_WORDS}`);
        return undefined;
      }
      sub[subName] = judged;
    }
    if (overall === null && Object.keys(sub).length > 0 && kind === 'full') count('inspections with sub-judgements but no overall judgement');
    return { urn, date, kind, overall, sub };
  };

  /** Checks a file's columns; the header's rejections are placed on its own line. */
  const columnsOf = <K extends string>(loaded: Extract<ReturnType<typeof loadProviderTable>, { ok: true }>['value'], specs: Readonly<Record<K, ColumnSpecs[string]>>) => {
    const cols = resolveColumns(loaded.table, specs);
    if (!cols.ok) {
      rejections.push(...cols.rejections.map((r) => ({ ...r, line: loaded.headerLine })));
      return undefined;
    }
    return cols.columns;
  };

  // Files in the order they were published: each year's 31 March file, the in-year file of 2017-18 with the 2018 release.
  const order = [
    ...input.snapshots.map((f) => ({ kind: 'snapshot' as const, file: f, date: f.asAt })),
    ...input.inYear.map((f) => ({ kind: 'in-year' as const, file: f, date: f.to })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'in-year' ? -1 : 1));
  const inYearRows: { urn: string; where: string }[] = [];

  order.forEach((entry) => {
    const loaded = loadProviderTable(entry.file.path, entry.file.display);
    if (!loaded.ok) {
      rejections.push(...loaded.rejections);
      return;
    }
    const t = loaded.value;
    files.push(t.file);
    const display = entry.file.display;
    if (t.recoded.length > 0) notes.push(`${display}: ${plural(t.recoded.length, 'byte')} not valid UTF-8 in an otherwise ASCII table, read as windows-1252: ${t.recoded.slice(0, 5).map((x) => `line ${x.line}, column ${x.column}, byte ${x.byte} as "${x.char}"`).join('; ')}`);
    if (t.preambleFault) notes.push(`${display}: the title above the table (line ${t.preambleFault.line}) is not valid UTF-8 (byte ${t.preambleFault.byte}); the title is not data and was read leniently, the table strictly`);
    if (entry.kind === 'snapshot') {
      const year = Number(entry.file.asAt.slice(0, 4));
      const said = titleYear(t.preamble);
      if (said !== null && said !== year) rejections.push({ file: display, line: 1, column: null, value: t.preamble.split('\n')[0]!.slice(0, 100), reason: `the title says ${said}, but the file is read as the providers at ${entry.file.asAt}` });
    }
    const columns = columnsOf(t, entry.kind === 'snapshot' ? SNAPSHOT_COLUMNS : IN_YEAR_COLUMNS);
    if (!columns) return;
    const r = new RowReader<SnapshotColumn>(t.table, columns);
    const asAt = entry.kind === 'snapshot' ? entry.file.asAt : (entry.file as InYearFile).to;
    const window = entry.kind === 'snapshot' ? { from: null, to: asAt } : { from: (entry.file as InYearFile).from, to: asAt };
    const lineOfUrn = new Map<string, number>();
    let empty = 0;
    for (const row of t.table.rows) {
      if (row.fields.every((f) => f.trim() === '')) {
        empty++;
        continue;
      }
      const setting = readRow(r, row, asAt, display);
      if (!setting) continue;
      const inspection = readInspection(r, row, setting.urn, setting.type, window, entry.kind, display);
      if (inspection === undefined) continue;
      if (inspection) addInspection(inspection, display);
      if (entry.kind === 'in-year') {
        inYearRows.push({ urn: setting.urn, where: `${display} line ${row.line}` });
        continue;
      }
      const before = lineOfUrn.get(setting.urn);
      if (before !== undefined) {
        r.reject(row, 'urn', setting.urn, `this URN is listed already, on line ${before}`);
        continue;
      }
      lineOfUrn.set(setting.urn, row.line);
      const list = appearances.get(setting.urn) ?? [];
      list.push({ asAt, la: setting.la, type: setting.type, ownership: setting.ownership, name: setting.name, latest: inspection?.overall ? inspection.date : null });
      appearances.set(setting.urn, list);
    }
    rejections.push(...r.rejections);
    if (empty > 0) countIn(display, 'rows of only commas, skipped', empty);
  });
  if (rejections.length > 0) return { ok: false, rejections };

  // The in-year file's inspections of providers no 31 March file lists (registered and closed within the year).
  const unlisted = new Set(inYearRows.filter((x) => !appearances.has(x.urn)).map((x) => x.urn));
  for (const urn of unlisted) inspections.delete(urn);

  const snapshotDates = [...new Set(input.snapshots.map((s) => s.asAt))].sort();
  const { providers, providerInspections, split, reattributed, stranded, gaps } = providersFrom(appearances, inspections, snapshotDates, laByCode);
  const lag = publicationLag(appearances, inspections);

  const total = (prefix: string) => [...counts].filter(([k]) => k.startsWith(prefix)).reduce((s, [, n]) => s + n, 0);
  notes.unshift(
    `${plural(providers.length, 'provider record')} (${plural(appearances.size, 'URN')}) and ${plural(providerInspections.length, 'inspection')} from ${plural(input.snapshots.length, 'yearly file')} and ${plural(input.inYear.length, 'in-year file')}`,
  );
  for (const [file, m] of perFile) notes.push(`${file}: ${[...m].map(([what, n]) => `${n.toLocaleString('en-GB')} ${what}`).join('; ')}`);
  if (welsh.size > 0) notes.push(`providers in Wales (${[...welsh].sort().join(', ')}): counted above, not placed in any LA`);
  notes.push(
    ...[...counts].filter(([k]) => !k.startsWith('interim inspections recording') && !k.startsWith('supported accommodation inspections judged')).map(([k, n]) => `${n.toLocaleString('en-GB')} ${k} (over all files)`),
  );
  const interim = total('interim inspections recording');
  if (interim > 0) notes.push(`interim inspections recording progress since the last full inspection ("Improved", "Sustained", "Declined in effectiveness", "Not judged"), not a judgement: ${interim.toLocaleString('en-GB')}; recorded with no overall judgement`);
  const sa = total('supported accommodation inspections judged');
  if (sa > 0) notes.push(`supported accommodation inspections judged on its own three-point scale: ${sa.toLocaleString('en-GB')}; recorded with no overall judgement, so they are in no good-or-better count`);
  if (unlisted.size > 0) notes.push(`${plural(unlisted.size, 'provider')} of the in-year file no 31 March file lists (registered and closed within the year): their inspections are not kept, since no profile date can count them`);
  if (conflictCount > 0) notes.push(`${plural(conflictCount, 'inspection')} given differently by two files (a full inspection is kept over a visit the same day, otherwise the later file): ${conflicts.join('; ')}${conflictCount > conflicts.length ? '; …' : ''}`);
  if (split > 0) notes.push(`${plural(split, 'provider')} listed under more than one LA over the years: kept once per LA (URN@code for the earlier), so that each year counts it where it was`);
  if (reattributed > 0) notes.push(`${plural(reattributed, 'listing')} under an LA abolished the next day (Bournemouth, Poole, Dorset 2019; Northamptonshire 2021; Cumbria 2023) read as in the successor the next file names`);
  if (stranded > 0) notes.push(`${plural(stranded, 'listing')} under an LA abolished the next day with no later file to say which successor: left under the abolished LA, which that year's assessment does not include`);
  if (gaps > 0) notes.push(`${plural(gaps, 'provider')} missing from a 31 March file between two that list it: read as registered throughout`);
  notes.push(
    `publication lag: ${plural(lag.rows, 'listing')} of a provider at a 31 March for which the files together hold a later judged inspection than the file of that date gave (made on or before that 31 March, published after it, first given by a later file); ${lag.changed.toLocaleString('en-GB')} of them change whether the setting reads as good or better then. Block A reads inspections by the date they were made, as the 2006-2011 profile did: these are counted, not moved`,
  );
  return {
    ok: true,
    batch: { dataset: OFSTED_PROVIDERS_DATASET, files, providers, providerInspections },
    notes,
  };
}

/** Builds the provider records (one per LA a provider was in) and their inspections from where each file listed it. */
function providersFrom(appearances: ReadonlyMap<string, Appearance[]>, inspections: ReadonlyMap<string, ReadonlyMap<string, Read>>, snapshotDates: readonly string[], las: ReadonlyMap<LaCode, LocalAuthority>) {
  const providers: Provider[] = [];
  const providerInspections: ProviderInspection[] = [];
  let split = 0;
  let reattributed = 0;
  let stranded = 0;
  let gaps = 0;
  const last = snapshotDates.at(-1);
  const nextSnapshot = (asAt: string) => snapshotDates.find((d) => d > asAt) ?? null;
  for (const [urn, seen] of appearances) {
    // An LA abolished the day after this file: the successor the next file names, if it is one.
    seen.forEach((a, i) => {
      const la = las.get(a.la);
      if (!la || la.closedOn !== a.asAt) return;
      const next = seen[i + 1];
      const successor = next ? las.get(next.la) : undefined;
      if (successor && successor.openedOn === addDays(a.asAt, 1)) {
        a.la = successor.code;
        reattributed++;
      } else stranded++;
    });
    const runs: Appearance[][] = [];
    for (const a of seen) {
      const run = runs.at(-1);
      if (run && run.at(-1)!.la === a.la) run.push(a);
      else runs.push([a]);
    }
    if (runs.length > 1) split++;
    if (seen.some((a, i) => i > 0 && nextSnapshot(seen[i - 1]!.asAt) !== a.asAt)) gaps++;
    const history = [...(inspections.get(urn)?.values() ?? [])].map((r) => r.inspection).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const keys = new Set<string>();
    runs.forEach((run, i) => {
      const latest = run.at(-1)!;
      const isLast = i === runs.length - 1;
      let key = isLast ? urn : `${urn}@${latest.la}`;
      if (keys.has(key)) key = `${key}.${run[0]!.asAt.slice(0, 4)}`;
      keys.add(key);
      const after = isLast ? (latest.asAt === last ? null : nextSnapshot(latest.asAt)) : runs[i + 1]![0]!.asAt;
      const closedOn = after === null ? null : addDays(after, -1);
      providers.push({ urn: key, name: latest.name, type: latest.type, la: latest.la, ownership: latest.ownership, openedOn: run[0]!.asAt, closedOn, predecessorUrn: null });
      for (const inspection of history) if (closedOn === null || inspection.date <= closedOn) providerInspections.push(key === urn ? inspection : { ...inspection, urn: key });
    });
  }
  return { providers, providerInspections, split, reattributed, stranded, gaps };
}

/**
 * How often the union of the files reads, at a 31 March, a later judged inspection than the file of that date gave:
 * an inspection made before 31 March and published after it, given first by the next file. Counted per listing; and
 * how many of those change whether the setting reads as good or better at that date.
 */
function publicationLag(appearances: ReadonlyMap<string, Appearance[]>, inspections: ReadonlyMap<string, ReadonlyMap<string, Read>>) {
  let rows = 0;
  let changed = 0;
  const good = (j: Judgement | null | undefined) => j === 'outstanding' || j === 'good';
  for (const [urn, seen] of appearances) {
    const history = [...(inspections.get(urn)?.values() ?? [])].map((r) => r.inspection).filter((i) => i.overall !== null);
    for (const a of seen) {
      let latest: ProviderInspection | undefined;
      for (const i of history) if (i.date <= a.asAt && (!latest || i.date > latest.date)) latest = i;
      if (!latest || latest.date === a.latest) continue;
      if (a.latest !== null && latest.date < a.latest) continue;
      rows++;
      const given = a.latest === null ? undefined : history.find((i) => i.date === a.latest);
      if (good(latest.overall) !== good(given?.overall)) changed++;
    }
  }
  return { rows, changed };
}
