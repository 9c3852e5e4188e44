import type { ColumnSpec } from '../columns.ts';
import { LA_JUDGEMENT_NAMES } from '../../domain/la-inspection.ts';
import { SUB_JUDGEMENTS } from '../../domain/provider.ts';

/**
 * The evidence bundle: a folder with `manifest.json` and CSV files, in which users bring their own evidence and in
 * which the synthetic dataset and the seed-letter fixtures are written. docs/evidence-bundle.md is the user's guide;
 * this file is its machine-readable half. Canonical column names are snake_case; each lists the other names it is
 * known by in real Ofsted and DfE files (a manifest or `--aliases` file may add more).
 */
export const BUNDLE_FILE_KINDS = [
  'providers',
  'provider-inspections',
  'la-inspections',
  'la-inspection-findings',
  'indicators',
  'indicator-values',
  'outcome-counts',
  'addressees',
] as const;
export type BundleFileKind = (typeof BUNDLE_FILE_KINDS)[number];

const req = (...aliases: string[]): ColumnSpec => ({ required: true, aliases });
const opt = (...aliases: string[]): ColumnSpec => ({ required: false, aliases });

const snake = (name: string): string => name.replaceAll('-', '_');

/** One optional column per named sub-judgement, e.g. `staying_safe` ("Staying safe", "How well do learners stay safe"). */
const subJudgementColumns = Object.fromEntries(SUB_JUDGEMENTS.map((name) => [snake(name), opt(name.replaceAll('-', ' '))])) as Record<
  string,
  ColumnSpec
>;
const laJudgementColumns = Object.fromEntries(LA_JUDGEMENT_NAMES.map((name) => [snake(name), opt(name.replaceAll('-', ' '))])) as Record<
  string,
  ColumnSpec
>;

const LA_CODE = req('LA code', 'LA number', 'LA', 'Local authority code', 'LA (code)', 'Old LA code', 'LA Number', 'la_code_old');

export const BUNDLE_COLUMNS = {
  providers: {
    urn: req('URN', 'Provider URN', 'Unique reference number', 'Provider ID'),
    name: req('Provider name', 'Setting name', 'School name', 'Establishment name'),
    provider_type: req('Provider type', 'Type of provision', 'Provision type', 'Setting type', 'Phase'),
    la_code: LA_CODE,
    ownership: req('Ownership', 'Provider status', 'Sector', 'Governance'),
    opened_on: opt('Open date', 'Opened', 'Registration date', 'Date opened'),
    closed_on: opt('Close date', 'Closed', 'Date closed'),
    predecessor_urn: opt('Predecessor URN', 'Previous URN', 'URN of predecessor'),
  },
  'provider-inspections': {
    urn: req('URN', 'Provider URN', 'Unique reference number'),
    inspection_date: req('Inspection date', 'Inspection end date', 'Date of inspection', 'Event date'),
    inspection_kind: req('Inspection type', 'Inspection kind', 'Event type', 'Type of inspection'),
    overall_effectiveness: opt('Overall effectiveness', 'OE', 'Overall judgement', 'Overall effectiveness grade', 'Overall experiences and progress of children and young people'),
    ...subJudgementColumns,
  },
  'la-inspections': {
    la_code: LA_CODE,
    inspection_kind: req('Inspection type', 'Inspection kind', 'Type of inspection'),
    start_date: opt('Start date', 'Inspection start date'),
    end_date: req('End date', 'Inspection end date', 'Inspection date'),
    published_on: opt('Publication date', 'Published', 'Date published'),
    overall_effectiveness: opt('Overall effectiveness', 'OE', 'Overall judgement', 'Overall effectiveness grade'),
    ...laJudgementColumns,
    strengths_count: opt('Strengths', 'Areas of strength', 'Number of strengths'),
    development_count: opt('Areas for development', 'Number of areas for development'),
    priority_action_count: opt('Areas for priority action', 'Priority actions', 'Number of areas for priority action'),
    source_ref: opt('Link', 'Report link', 'Source', 'Inspection link'),
  },
  'la-inspection-findings': {
    la_code: LA_CODE,
    inspection_kind: req('Inspection type', 'Inspection kind'),
    end_date: req('End date', 'Inspection end date', 'Inspection date'),
    finding_kind: req('Finding', 'Finding type', 'Kind'),
    text: req('Text', 'Finding text', 'Detail'),
  },
  indicators: {
    indicator_id: req('Indicator', 'Indicator id', 'NI', 'Measure code', 'Short Desc'),
    name: req('Indicator name', 'Measure', 'Data item', 'Description'),
    unit: req('Unit', 'Units', 'y_axis_name'),
    polarity: req('Polarity', 'Direction'),
    ecm_outcome: opt('ECM outcome', 'Outcome', 'Every Child Matters outcome'),
    topic: opt('Topic'),
    description: opt('Definition', 'Long description'),
    source: req('Source', 'Publisher', 'Data owner'),
  },
  'indicator-values': {
    indicator_id: req('Indicator', 'Indicator id', 'NI', 'Short Desc', 'Measure code'),
    area_kind: req('Area kind', 'Geographic level', 'Area type'),
    area_code: req('Area code', 'Area', 'LA code', 'LA Number', 'Region code'),
    period: req('Period', 'Year', 'Years', 'Time period'),
    value: req('Value', 'Values', 'Figure'),
  },
  'outcome-counts': {
    area_kind: req('Area kind', 'Geographic level', 'Area type'),
    area_code: req('Area code', 'Area', 'LA code'),
    provider_type: req('Provider type', 'Type of provision', 'Phase'),
    as_at: req('As at', 'Date', 'Snapshot date'),
    judgement: req('Judgement', 'Overall effectiveness', 'Grade'),
    count: req('Count', 'Number', 'Providers'),
    basis: opt('Basis', 'Figure kind'),
  },
  addressees: {
    la_code: LA_CODE,
    year: req('Year', 'Assessment year'),
    honorific: opt('Title', 'Honorific', 'Salutation title'),
    name: req('Name', 'Director', 'Addressee'),
    job_title: req('Job title', 'Position', 'Role'),
    council: req('Council', 'Council name', 'Formal name'),
    address: req('Address', 'Address lines'),
    postcode: req('Postcode', 'Post code'),
  },
} as const satisfies Record<BundleFileKind, Record<string, ColumnSpec>>;

export type BundleColumn<K extends BundleFileKind> = keyof (typeof BUNDLE_COLUMNS)[K] & string;

/** The file name a bundle uses for each kind unless its manifest says otherwise. */
export const DEFAULT_FILE_NAME: Readonly<Record<BundleFileKind, string>> = {
  providers: 'providers.csv',
  'provider-inspections': 'provider-inspections.csv',
  'la-inspections': 'la-inspections.csv',
  'la-inspection-findings': 'la-inspection-findings.csv',
  indicators: 'indicators.csv',
  'indicator-values': 'indicator-values.csv',
  'outcome-counts': 'outcome-counts.csv',
  addressees: 'addressees.csv',
};

/**
 * Separator between address lines inside the `address` cell ("Town Hall | Stockport"). A line break inside a cell is
 * refused (limits.ts): a CSV field is one line.
 */
export const ADDRESS_LINE_SEPARATOR = ' | ';
