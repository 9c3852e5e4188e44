import type { Dataset } from '../../domain/dataset.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { Judgement } from '../../domain/judgement.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { LaInspection, LaJudgementName } from '../../domain/la-inspection.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { parseLaCode } from '../../domain/local-authority.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import type { CsvRow } from '../csv.ts';
import { loadCsv } from '../source.ts';
import type { SourceRead } from '../source.ts';
import { parseDate } from '../values.ts';

/**
 * Ofsted's judgements on LA children's services as scraped from the inspection reports by JT-39's ILACS scrape tool
 * (shared/data/README.md §4): 497 reports of 153 LAs. The history is keyed by Ofsted's LA URN, which only
 * `Provider_data_lookup.csv` links to the DfE code. The author calls it a proof of concept, and it shows:
 * - 178 reports have no inspection dates (most were published 2012-2017, under the single inspection framework that
 *   preceded ILACS in 2018); they are dated by their publication date and said so in the notes;
 * - grades the parser could not read are markers, not judgements ("data_unreadable", "not_reported_post_reform" after
 *   the 2025 reform removed the overall grade, "inspection_pre_dates_judgement" for care leavers before that judgement
 *   existed); these leave the judgement absent and are counted in the notes;
 * - "to requires improvement" (twice) is the tail of "improved to requires improvement" and is read as such.
 */
export const ILACS_DATASET: Dataset = {
  id: 'ilacs-jt39',
  kind: 'real',
  title: 'Ofsted ILACS inspection history (scraped by JT-39)',
  source: 'github.com/JT-39/ofsted-ilacs-scrape-tool, from Ofsted inspection reports',
  licence: 'Open Government Licence v3.0 (Ofsted reports); MIT (scraper)',
};

/** ILACS began in January 2018; a report dated earlier is from the single inspection framework. */
const ILACS_FROM = '2018-01-01';

const HISTORY: ColumnSpecs = {
  urn: { required: true },
  local_authority: { required: true },
  inspection_link: { required: false },
  publication_date: { required: true },
  inspection_framework: { required: false },
  inspection_start_date: { required: true },
  inspection_end_date: { required: true },
  overall_effectiveness_grade: { required: true },
  impact_of_leaders_grade: { required: true },
  help_and_protection_grade: { required: true },
  in_care_grade: { required: true },
  care_leavers_grade: { required: true },
};
const LOOKUP: ColumnSpecs = { urn: { required: true }, la_code: { required: true } };

/** Markers the scraper writes where a report gives no grade. */
const NOT_A_GRADE = new Set(['', 'data_unreadable', 'not_reported_post_reform', 'inspection_pre_dates_judgement']);
const SCRAPER_ARTEFACTS: Readonly<Record<string, Judgement>> = { 'to requires improvement': 'requires-improvement' };

const SUB_GRADES: ReadonlyArray<readonly [string, LaJudgementName]> = [
  ['impact_of_leaders_grade', 'impact-of-leaders'],
  ['help_and_protection_grade', 'help-and-protection'],
  ['in_care_grade', 'in-care'],
  ['care_leavers_grade', 'care-leavers'],
];

export interface IlacsInput {
  readonly historyPath: string;
  readonly lookupPath: string;
  readonly display?: { readonly history: string; readonly lookup: string };
  readonly knownLas: ReadonlySet<string>;
}

export function readIlacs(input: IlacsInput): SourceRead {
  const display = input.display ?? { history: input.historyPath, lookup: input.lookupPath };
  const lookupFile = loadCsv(input.lookupPath, display.lookup);
  const historyFile = loadCsv(input.historyPath, display.history);
  if (!lookupFile.ok || !historyFile.ok) return { ok: false, rejections: [...(lookupFile.ok ? [] : lookupFile.rejections), ...(historyFile.ok ? [] : historyFile.rejections)] };

  const rejections: Rejection[] = [];
  const lookupCols = resolveColumns(lookupFile.value.table, LOOKUP);
  const historyCols = resolveColumns(historyFile.value.table, HISTORY);
  if (!lookupCols.ok) rejections.push(...lookupCols.rejections);
  if (!historyCols.ok) rejections.push(...historyCols.rejections);
  if (!lookupCols.ok || !historyCols.ok) return { ok: false, rejections };

  const laByUrn = new Map<string, LaCode>();
  const lookup = new RowReader(lookupFile.value.table, lookupCols.columns);
  for (const row of lookupFile.value.table.rows) {
    const code = lookup.required(row, 'la_code', (v) => {
      const c = parseLaCode(v);
      return c !== undefined && input.knownLas.has(c) ? c : undefined;
    }, 'the three-digit code of a known LA');
    if (code !== undefined) laByUrn.set(lookup.text(row, 'urn'), code);
  }
  rejections.push(...lookup.rejections);

  const r = new RowReader(historyFile.value.table, historyCols.columns);
  const markers = new Map<string, number>();
  const count = (what: string) => markers.set(what, (markers.get(what) ?? 0) + 1);
  const grade = (row: CsvRow, column: string): Judgement | null | undefined => {
    const raw = r.text(row, column);
    if (NOT_A_GRADE.has(raw)) {
      count(`${column} ${raw === '' ? 'blank' : `"${raw}"`}, no judgement recorded`);
      return null;
    }
    const artefact = SCRAPER_ARTEFACTS[raw];
    if (artefact) {
      count(`${column} "${raw}" read as ${artefact}`);
      return artefact;
    }
    const judgement = parseJudgement(raw, 'ilacs');
    if (judgement === undefined) r.reject(row, column, raw, 'expected outstanding, good, requires improvement or inadequate (or a marker of the scraper)');
    return judgement;
  };

  const seen = new Map<string, { line: number; inspection: LaInspection }>();
  let undated = 0;
  for (const row of historyFile.value.table.rows) {
    const urn = r.text(row, 'urn');
    const la = laByUrn.get(urn);
    if (la === undefined) r.reject(row, 'urn', urn, 'this Ofsted LA URN is not in Provider_data_lookup.csv, so its LA is unknown');
    const publishedOn = r.required(row, 'publication_date', parseDate, 'a date dd/mm/yy');
    const startDate = r.optional(row, 'inspection_start_date', parseDate, 'a date dd/mm/yyyy');
    const endDate = r.optional(row, 'inspection_end_date', parseDate, 'a date dd/mm/yyyy');
    if (startDate && endDate && endDate < startDate) r.reject(row, 'inspection_end_date', endDate, `the inspection ends before it starts (${startDate})`);
    const overall = grade(row, 'overall_effectiveness_grade');
    const judgements: Partial<Record<LaJudgementName, Judgement>> = {};
    let ok = true;
    for (const [column, name] of SUB_GRADES) {
      const g = grade(row, column);
      if (g === undefined) ok = false;
      else if (g !== null) judgements[name] = g;
    }
    if (la === undefined || publishedOn === undefined || startDate === undefined || endDate === undefined || overall === undefined || !ok) continue;
    if (endDate === null) undated++;
    const date = endDate ?? publishedOn;
    const inspection: LaInspection = {
      la,
      kind: date < ILACS_FROM ? 'sif' : 'ilacs',
      startDate,
      endDate: date,
      publishedOn,
      overall,
      judgements,
      strengthsCount: null,
      developmentCount: null,
      priorityActionCount: null,
      findings: [],
      sourceRef: r.text(row, 'inspection_link') || null,
    };
    const key = `${la}|${inspection.kind}|${date}`;
    const previous = seen.get(key);
    if (previous) {
      if (JSON.stringify(previous.inspection) === JSON.stringify(inspection)) count('rows repeating an earlier row exactly (kept once)');
      else r.reject(row, 'inspection_end_date', date, `a different inspection of LA ${la} on the same date is on line ${previous.line}`);
      continue;
    }
    seen.set(key, { line: row.line, inspection });
  }
  rejections.push(...r.rejections);
  if (rejections.length > 0) return { ok: false, rejections };

  const laInspections = [...seen.values()].map((s) => s.inspection);
  const sif = laInspections.filter((i) => i.kind === 'sif').length;
  const notes = [
    `${laInspections.length - sif} ILACS and ${sif} earlier single-inspection-framework reports (dated before ${ILACS_FROM})`,
    ...(undated > 0 ? [`${undated} reports give no inspection dates; they are dated by their publication date`] : []),
    ...[...markers.entries()].sort().map(([what, n]) => `${what}: ${n}`),
  ];
  return {
    ok: true,
    batch: { dataset: ILACS_DATASET, files: [lookupFile.value.file, historyFile.value.file], laInspections },
    notes,
  };
}
