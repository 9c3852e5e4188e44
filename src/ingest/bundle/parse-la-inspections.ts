import type { Judgement } from '../../domain/judgement.ts';
import { parseJudgement } from '../../domain/judgement.ts';
import type { LaInspection, LaInspectionFinding, LaInspectionKind, LaJudgementName } from '../../domain/la-inspection.ts';
import { LA_JUDGEMENT_NAMES, parseFindingKind, parseLaInspectionKind } from '../../domain/la-inspection.ts';
import { parseLaCode } from '../../domain/local-authority.ts';
import type { NumericScale } from '../../domain/judgement.ts';
import type { CsvTable } from '../csv.ts';
import type { ResolvedColumns } from '../columns.ts';
import { RowReader } from '../columns.ts';
import { parseCount, parseDate } from '../values.ts';
import type { BundleContext } from './context.ts';
import { SeenKeys, checkOrder, notAfterLimit, readLa } from './context.ts';
import type { BundleColumn } from './spec.ts';

const JUDGEMENT_WORDS = 'outstanding, good, adequate, satisfactory, requires improvement, inadequate, or 1-4';

/** Which word a bare "3" means for each kind of LA inspection. */
const SCALE: Readonly<Record<LaInspectionKind, NumericScale>> = {
  jar: 'social-care',
  slac: 'social-care',
  ucra: 'social-care',
  fostering: 'social-care',
  adoption: 'social-care',
  'private-fostering': 'social-care',
  'scr-evaluation': 'social-care',
  sif: 'ilacs',
  ilacs: 'ilacs',
};

export const laInspectionKey = (la: string, kind: string, endDate: string): string => `${la}|${kind}|${endDate}`;

export function parseLaInspections(table: CsvTable, columns: ResolvedColumns<BundleColumn<'la-inspections'>>, ctx: BundleContext) {
  const r = new RowReader(table, columns);
  const seen = new SeenKeys();
  const inspections: Omit<LaInspection, 'findings'>[] = [];
  /** Keys (LA, kind, end date) of rows refused for one of their values. */
  const rejected = new Set<string>();
  for (const row of table.rows) {
    const kind = r.required(row, 'inspection_kind', parseLaInspectionKind, 'jar, slac, ucra, fostering, adoption, private-fostering, scr-evaluation, sif or ilacs');
    const startDate = notAfterLimit(r, row, 'start_date', r.optional(row, 'start_date', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx);
    const endDate = notAfterLimit(r, row, 'end_date', r.required(row, 'end_date', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx) ?? undefined;
    const publishedOn = notAfterLimit(r, row, 'published_on', r.optional(row, 'published_on', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)'), ctx);
    const la = readLa(r.column('la_code'), row, ctx, endDate);
    checkOrder(r, row, startDate, endDate, 'end_date', 'the inspection ends before it starts');
    checkOrder(r, row, endDate, publishedOn, 'published_on', 'the report is published before the inspection ends');
    const scale = kind ? SCALE[kind] : 'social-care';
    const overall = r.optional(row, 'overall_effectiveness', (v) => parseJudgement(v, scale), JUDGEMENT_WORDS);
    const judgements: Partial<Record<LaJudgementName, Judgement>> = {};
    let judgementsOk = true;
    for (const name of LA_JUDGEMENT_NAMES) {
      const value = r.optional(row, name.replaceAll('-', '_') as BundleColumn<'la-inspections'>, (v) => parseJudgement(v, scale), JUDGEMENT_WORDS);
      if (value === undefined) judgementsOk = false;
      else if (value !== null) judgements[name] = value;
    }
    const count = (key: BundleColumn<'la-inspections'>) => r.optional(row, key, parseCount, 'a whole number of findings (0 or more; a count cannot be negative)');
    const strengthsCount = count('strengths_count');
    const developmentCount = count('development_count');
    const priorityActionCount = count('priority_action_count');
    const sourceRef = r.text(row, 'source_ref') || null;
    if ([kind, startDate, endDate, publishedOn, la, overall, strengthsCount, developmentCount, priorityActionCount].includes(undefined) || !judgementsOk) {
      // Its findings are then not reported again as "no such inspection": a negative count in an unannounced
      // inspection's row once gave seven messages, one for the count and one for each of its findings (issue 11).
      rejected.add(laInspectionKey(parseLaCode(r.text(row, 'la_code')) ?? r.text(row, 'la_code'), kind ?? r.text(row, 'inspection_kind'), parseDate(r.text(row, 'end_date')) ?? r.text(row, 'end_date')));
      continue;
    }
    if (!seen.check(r, row, laInspectionKey(la!, kind!, endDate!), 'end_date', endDate!)) continue;
    inspections.push({
      la: la!,
      kind: kind!,
      startDate: startDate!,
      endDate: endDate!,
      publishedOn: publishedOn!,
      overall: overall!,
      judgements,
      strengthsCount: strengthsCount!,
      developmentCount: developmentCount!,
      priorityActionCount: priorityActionCount!,
      sourceRef,
    });
  }
  return { rows: inspections, rejections: r.rejections, rejected };
}

/** Findings attach to an inspection in the same bundle by LA, kind and end date. */
export function parseFindings(table: CsvTable, columns: ResolvedColumns<BundleColumn<'la-inspection-findings'>>, ctx: BundleContext, inspections: ReadonlySet<string>, rejectedInspections: ReadonlySet<string> = new Set()) {
  const r = new RowReader(table, columns);
  const byInspection = new Map<string, LaInspectionFinding[]>();
  for (const row of table.rows) {
    const la = readLa(r.column('la_code'), row, ctx);
    const kind = r.required(row, 'inspection_kind', parseLaInspectionKind, 'an LA inspection kind such as ucra or slac');
    const endDate = r.required(row, 'end_date', parseDate, 'a real date (YYYY-MM-DD or DD/MM/YYYY)');
    const findingKind = r.required(row, 'finding_kind', parseFindingKind, 'strength, area-for-development, area-for-priority-action or recommendation');
    const text = r.required(row, 'text', (v) => v, 'the finding’s text');
    if (la === undefined || kind === undefined || endDate === undefined || findingKind === undefined || text === undefined) continue;
    const key = laInspectionKey(la, kind, endDate);
    if (rejectedInspections.has(key)) continue;
    if (!inspections.has(key)) {
      r.reject(row, 'end_date', endDate, `no ${kind} inspection of LA ${la} ending on this date in the bundle’s la-inspections file`);
      continue;
    }
    const list = byInspection.get(key) ?? [];
    list.push({ kind: findingKind, text });
    byInspection.set(key, list);
  }
  return { byInspection, rejections: r.rejections };
}
