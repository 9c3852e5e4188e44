import type { LetterDraft } from '../narrative/letter-draft.ts';
import type { Selectable } from 'kysely';
import { StoreError } from '../domain/errors.ts';
import { isJudgement } from '../domain/judgement.ts';
import type { Judgement } from '../domain/judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { LocalAuthority, LaType, Region } from '../domain/local-authority.ts';
import { isLaCode, isLaType, isRegion } from '../domain/local-authority.ts';
import { CLOSENESS_BANDS, type ClosenessBand } from '../domain/neighbours.ts';
import { INSPECTION_KINDS, OWNERSHIPS, PROVIDER_TYPES, SUB_JUDGEMENTS } from '../domain/provider.ts';
import type { Provider, ProviderInspection, SubJudgementName } from '../domain/provider.ts';
import { FINDING_KINDS, LA_INSPECTION_KINDS, LA_JUDGEMENT_NAMES } from '../domain/la-inspection.ts';
import type { LaInspection, LaInspectionFinding, LaJudgementName } from '../domain/la-inspection.ts';
import { AREA_KINDS, ECM_OUTCOMES, POLARITIES } from '../domain/indicator.ts';
import type { IndicatorDefinition, IndicatorValue } from '../domain/indicator.ts';
import { DATA_SYMBOLS } from '../domain/data-symbol.ts';
import { PERIOD_KINDS, PERIOD_QUALIFIERS } from '../domain/period.ts';
import { DATASET_KINDS } from '../domain/dataset.ts';
import type { Database } from './schema.ts';
import { isAssessmentGrade } from '../domain/grade.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { JUDGEMENT_STAGES } from '../domain/inspector-judgement.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { CommentAnswer, LaComment } from '../domain/comment.ts';
import { ACCOUNT_ROLES } from '../domain/roles.ts';
import { isMoveName } from '../domain/workflow.ts';
import type { EventActor, WorkflowEvent } from '../domain/workflow.ts';
import type { PublishedContent } from './repository.ts';

/**
 * Stored rows back to domain values. Every vocabulary is checked on the way out as well as in, so a database edited
 * by hand (or by a newer build) fails loudly, naming the table, the value and what was expected.
 */
export function oneOf<T extends string>(values: readonly T[], value: string, where: string): T {
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new StoreError(`${where}: stored value ${JSON.stringify(value)} is not one of ${values.join(', ')}`);
}

function maybeOneOf<T extends string>(values: readonly T[], value: string | null, where: string): T | null {
  return value === null ? null : oneOf(values, value, where);
}

export function laCode(value: string, where: string): LaCode {
  if (!isLaCode(value)) throw new StoreError(`${where}: stored LA code ${JSON.stringify(value)} is not three digits`);
  return value;
}

function judgement(value: string, where: string): Judgement {
  if (!isJudgement(value)) throw new StoreError(`${where}: stored judgement ${JSON.stringify(value)} is not a judgement`);
  return value;
}

function judgementMap<K extends string>(text: string, names: readonly K[], where: string): Partial<Record<K, Judgement>> {
  const parsed = JSON.parse(text) as Record<string, string>;
  const out: Partial<Record<K, Judgement>> = {};
  for (const [name, value] of Object.entries(parsed)) out[oneOf(names, name, where)] = judgement(value, where);
  return out;
}

export function toLocalAuthority(row: Selectable<Database['local_authority']>): LocalAuthority {
  const where = `local_authority ${row.code}`;
  if (!isLaType(row.type)) throw new StoreError(`${where}: type ${JSON.stringify(row.type)} unknown`);
  if (!isRegion(row.region)) throw new StoreError(`${where}: region ${JSON.stringify(row.region)} unknown`);
  return {
    code: laCode(row.code, where),
    gss: row.gss,
    name: row.name,
    formalName: row.formal_name,
    type: row.type as LaType,
    region: row.region as Region,
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    note: row.note,
  };
}

export function toBand(value: string | null, where: string): ClosenessBand | null {
  return maybeOneOf(CLOSENESS_BANDS, value, where);
}

export function toProvider(row: Selectable<Database['provider']>): Provider {
  const where = `provider ${row.urn}`;
  return {
    urn: row.urn,
    name: row.name,
    type: oneOf(PROVIDER_TYPES, row.type, where),
    la: laCode(row.la_code, where),
    ownership: oneOf(OWNERSHIPS, row.ownership, where),
    openedOn: row.opened_on,
    closedOn: row.closed_on,
    predecessorUrn: row.predecessor_urn,
  };
}

export function toProviderInspection(row: Selectable<Database['provider_inspection']>): ProviderInspection {
  const where = `provider_inspection ${row.id}`;
  return {
    urn: row.urn,
    date: row.inspection_date,
    kind: oneOf(INSPECTION_KINDS, row.kind, where),
    overall: row.overall === null ? null : judgement(row.overall, where),
    sub: judgementMap<SubJudgementName>(row.sub_judgements, SUB_JUDGEMENTS, where),
  };
}

export function toLaInspection(row: Selectable<Database['la_inspection']>, findings: readonly LaInspectionFinding[]): LaInspection {
  const where = `la_inspection ${row.id}`;
  return {
    la: laCode(row.la_code, where),
    kind: oneOf(LA_INSPECTION_KINDS, row.kind, where),
    startDate: row.start_date,
    endDate: row.end_date,
    publishedOn: row.published_on,
    overall: row.overall === null ? null : judgement(row.overall, where),
    judgements: judgementMap<LaJudgementName>(row.judgements, LA_JUDGEMENT_NAMES, where),
    strengthsCount: row.strengths_count,
    developmentCount: row.development_count,
    priorityActionCount: row.priority_action_count,
    findings,
    sourceRef: row.source_ref,
  };
}

export function toFinding(row: Selectable<Database['la_inspection_finding']>): LaInspectionFinding {
  return { kind: oneOf(FINDING_KINDS, row.kind, `la_inspection_finding ${row.la_inspection_id}`), text: row.text };
}

export function toIndicator(row: Selectable<Database['indicator']>): IndicatorDefinition {
  const where = `indicator ${row.id}`;
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    polarity: oneOf(POLARITIES, row.polarity, where),
    ecmOutcome: maybeOneOf(ECM_OUTCOMES, row.ecm_outcome, where),
    topic: row.topic,
    description: row.description,
    source: row.source,
  };
}

/** An indicator value joined to its period (the period's own columns under their names). */
export type IndicatorValueRow = Selectable<Database['indicator_value']> &
  Pick<Selectable<Database['period']>, 'kind' | 'key' | 'start_year' | 'end_year' | 'qualifier'>;

export function toIndicatorValue(row: IndicatorValueRow): IndicatorValue {
  const where = `indicator_value ${row.indicator_id}/${row.area_code}/${row.period_original}`;
  return {
    indicator: row.indicator_id,
    area: { kind: oneOf(AREA_KINDS, row.area_kind, where), code: row.area_code },
    period: {
      original: row.period_original,
      kind: oneOf(PERIOD_KINDS, row.kind, where),
      key: row.key,
      startYear: row.start_year,
      endYear: row.end_year,
      qualifier: maybeOneOf(PERIOD_QUALIFIERS, row.qualifier, where),
    },
    value:
      row.value !== null
        ? { kind: 'number', value: row.value }
        : { kind: 'symbol', symbol: oneOf(DATA_SYMBOLS, row.symbol ?? '', where) },
    original: row.original,
  };
}

export const toDatasetKind = (value: string, where: string) => oneOf(DATASET_KINDS, value, where);

function grade(value: number | null, where: string): AssessmentGrade | null {
  if (value === null) return null;
  if (!isAssessmentGrade(value)) throw new StoreError(`${where}: stored grade ${value} is not on the 1-4 scale`);
  return value;
}

export function toInspectorJudgement(row: Selectable<Database['inspector_judgement']>): InspectorJudgement {
  const where = `inspector judgement ${row.id}`;
  const kind = oneOf(['grade', 'withheld'] as const, row.decision, where);
  const decided = grade(row.grade, where);
  if (kind === 'grade' && decided === null) throw new StoreError(`${where}: a grade decision without a grade`);
  return {
    la: laCode(row.la_code, where),
    year: row.year,
    decision: kind === 'grade' ? { kind, grade: decided! } : { kind },
    rationale: row.rationale,
    author: row.author,
    stage: oneOf(JUDGEMENT_STAGES, row.stage, where),
    authorId: row.author_id,
    recordedAt: row.recorded_at,
    derivedAtTheTime: grade(row.derived_at_the_time, where),
  };
}

/** Who made a move, wrote a comment or answered one, as stored beside it: their role checked. */
function actor(row: { by_id: number; by_name: string; by_role: string }, where: string): EventActor {
  return { id: row.by_id, name: row.by_name, role: oneOf(ACCOUNT_ROLES, row.by_role, where) };
}

export function toWorkflowEvent(row: Selectable<Database['workflow_event']>): WorkflowEvent {
  const where = `workflow_event ${row.id}`;
  if (!isMoveName(row.move)) throw new StoreError(`${where}: stored move ${JSON.stringify(row.move)} is not a move`);
  return {
    la: laCode(row.la_code, where),
    year: row.year,
    move: row.move,
    by: actor(row, where),
    at: row.at,
    reason: row.reason,
    // Present only on the moves that publish, as the core makes them.
    ...(row.version === null ? {} : { version: row.version }),
    ...(row.hash === null ? {} : { hash: row.hash }),
  };
}

export function toPublishedContent(row: Selectable<Database['published_content']>): PublishedContent {
  const where = `published_content ${row.la_code} ${row.year} version ${row.version}`;
  return { la: laCode(row.la_code, where), year: row.year, version: row.version, grade: grade(row.grade, where)!, markdown: row.markdown, letter: JSON.parse(row.letter_json) as LetterDraft, hash: row.hash };
}

export function toCommentAnswer(row: Selectable<Database['comment_answer']>): CommentAnswer {
  const where = `comment_answer ${row.id}`;
  return { id: row.id, commentId: row.comment_id, text: row.text, by: actor(row, where), at: row.at };
}

export function toLaComment(row: Selectable<Database['la_comment']>, answers: readonly CommentAnswer[]): LaComment {
  const where = `la_comment ${row.id}`;
  return { id: row.id, la: laCode(row.la_code, where), year: row.year, sentence: row.sentence, text: row.text, by: actor(row, where), at: row.at, answers };
}
