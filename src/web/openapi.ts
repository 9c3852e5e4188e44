/**
 * The OpenAPI 3.1 description of the JSON API (src/web/api.ts), served at /openapi.json. Written by hand beside the
 * routes; src/web/api.test.ts calls every path it lists, so the two cannot drift apart unnoticed.
 */
import { frameworkYears, wordYears } from '../frameworks/years.ts';
const error = { description: 'An error, naming what was wrong', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
// The years from the framework registry (src/frameworks/years.ts), so that a new framework year is in the document too.
const YEARS = frameworkYears();
const year = { name: 'year', in: 'path', required: true, description: `Framework year: ${wordYears(YEARS.official)}, or ${wordYears(YEARS.indicators)} for Kingsway's indicator assessment of today's data`, schema: { type: 'integer', enum: [...YEARS.all] } };
const code = { name: 'code', in: 'path', required: true, description: 'DfE three-digit LA code, e.g. 356 for Stockport', schema: { type: 'string', pattern: '^\\d{3}$' } };
const filters = [
  { name: 'region', in: 'query', schema: { type: 'string' }, description: 'Only LAs in this region' },
  { name: 'outcome', in: 'query', schema: { type: 'string', enum: ['4', '3', '2', '1', 'withheld', 'not-assessed'] }, description: 'Only LAs with this outcome' },
  { name: 'q', in: 'query', schema: { type: 'string' }, description: 'Only LAs whose name contains this, or with this code' },
  { name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', 'region', 'grade', 'derived', 'direction'] } },
  { name: 'dir', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
];

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Kingsway API',
    version: '1',
    description:
      `Kingsway's reconstruction of Ofsted's annual assessment of local authority children's services (${YEARS.official[0]}-${YEARS.official.at(-1)}), and its application to today's published data (${wordYears(YEARS.indicators)}): assessments with their traces, performance profiles and indicators. The grades are Kingsway's, not Ofsted's judgements; data marked synthetic is invented.`,
    license: { name: 'MIT' },
  },
  paths: {
    '/api/years': { get: { summary: 'The framework years', responses: { 200: { description: 'The years, oldest first' } } } },
    '/api/{year}/assessments': {
      get: {
        summary: "Every LA's assessment for a year, paginated",
        parameters: [year, ...filters, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }, { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
        responses: {
          200: {
            description: 'One page of rows, the total, and links to the next and previous pages. Each row says whether synthetic data lies behind it (`synthetic`, `synthetic_basis`) and lists the datasets (`datasets`)',
            content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/AssessmentRow' } }, page: { type: 'integer' }, perPage: { type: 'integer' }, total: { type: 'integer' }, links: { type: 'object' } } } } },
          },
          400: error,
          404: error,
        },
      },
    },
    '/api/{year}/assessments.csv': {
      get: {
        summary: 'The same rows as CSV (all pages), matching the national page download',
        description: 'The last columns are `judged_by`, `judged_at`, `synthetic` (true or false), `synthetic_basis` (none, own or comparators) and `datasets` ("id (kind); …").',
        parameters: [year, ...filters],
        responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 404: error },
      },
    },
    '/api/{year}/las/{code}': {
      get: {
        summary: "An LA's assessment: grade, derived grade, inspector judgement, direction, limiting rules and the trace",
        description: 'With whether synthetic data lies behind it and the datasets (Provenance); a withheld outcome gives the judgement that withheld it (by whom, when and why).',
        parameters: [year, code],
        responses: { 200: { description: 'The assessment', content: { 'application/json': { schema: { $ref: '#/components/schemas/Provenance' } } } }, 404: error },
      },
    },
    '/api/{year}/las/{code}/profile': {
      get: {
        summary: "An LA's performance profile: Blocks A, B and C with comparators (each Block A row links to the settings it counted)",
        description: 'With whether synthetic data lies behind it and the datasets (Provenance), the same for each block (`provenanceByBlock`), and for each Block C indicator. Each Block C indicator has `redRed` (boolean): true when at its latest period it is worse than similar areas and worse than England, and has moved in the worse direction since the period before by at least the in-line tolerance (a gap widening); never for an indicator without polarity. It does not enter the grade.',
        parameters: [year, code],
        responses: { 200: { description: 'The profile', content: { 'application/json': { schema: { $ref: '#/components/schemas/Provenance' } } } }, 404: error },
      },
    },
    '/api/{year}/las/{code}/what-if': {
      get: {
        summary: "What would move an LA's derived grade: where it stands against each grade boundary, and the smallest changes each way",
        description:
          'The same JSON as `kingsway what-if --json`. `position` is the number the grade is read from (the blend of Blocks A and C in 2009-2011, the calibrated score in today\'s years, the mean of the outcome grades in 2006) with each boundary and its distance. `up` and `down` list scenarios smallest first; each has its `changes` (settings reinspected, an indicator moving within a plausible step, an LA inspection finding or judgement), the new `grade` derived again by the engine from the changed evidence, its `effects` and its `trace`. `lifted` names limiting rules a first change lifts. With Provenance: synthetic evidence makes every scenario synthetic too. Only where the caller may see the grade.',
        parameters: [year, code],
        responses: { 200: { description: 'The what-if', content: { 'application/json': { schema: { $ref: '#/components/schemas/Provenance' } } } }, 404: error },
      },
    },
    '/api/{year}/las/{code}/settings': {
      get: {
        summary: 'The settings Block A counted for an LA, each with its latest judgement, paginated',
        parameters: [year, code, { name: 'group', in: 'query', schema: { type: 'string' }, description: 'Only this Block A group, e.g. primary' }, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }, { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
        responses: { 200: { description: 'One page of settings, the total, and links to the next and previous pages' }, 400: error, 404: error },
      },
    },
    '/api/las': { get: { summary: 'Every LA in the store: codes, names, type, region, and the dates it existed', responses: { 200: { description: 'The LAs' } } } },
    '/api/{year}/las/{code}/letter': {
      get: { summary: "An LA's letter as data: each sentence with its id, its evidence and any inspector's edit, and the edits needing review", parameters: [year, code], responses: { 200: { description: 'The letter' }, 404: error } },
    },
    '/api/indicators': { get: { summary: 'The indicators in the store, with polarity and ECM outcome', responses: { 200: { description: 'The indicator definitions' } } } },
  },
  components: {
    schemas: {
      Dataset: {
        type: 'object',
        required: ['id', 'kind', 'role'],
        properties: {
          id: { type: 'string', description: 'The dataset id, as `kingsway datasets` lists it' },
          kind: { type: 'string', enum: ['real', 'synthetic'], description: 'synthetic: made by `kingsway generate`, not real inspection outcomes or indicators' },
          role: { type: 'string', enum: ['own', 'comparators', 'own-and-comparators'], description: "Whether it holds the LA's own evidence, its comparators' (similar areas, England, ranks), or both" },
        },
      },
      Provenance: {
        type: 'object',
        required: ['synthetic', 'syntheticExtent', 'syntheticBasis', 'datasets'],
        properties: {
          synthetic: { type: 'boolean', description: 'True when any dataset behind the figures, own or comparator, is synthetic' },
          syntheticExtent: { type: 'string', enum: ['none', 'partly', 'wholly'] },
          syntheticBasis: { type: 'string', enum: ['none', 'own', 'comparators'], description: "own: the LA's own evidence is synthetic; comparators: its own is real but similar areas, England or the ranks read synthetic rows" },
          datasets: { type: 'array', items: { $ref: '#/components/schemas/Dataset' } },
        },
      },
      AssessmentRow: {
        type: 'object',
        required: ['la_code', 'la_name', 'status', 'synthetic', 'synthetic_basis', 'datasets'],
        properties: {
          la_code: { type: 'string' },
          la_name: { type: 'string' },
          region: { type: 'string' },
          status: { type: 'string' },
          grade: { type: ['integer', 'null'] },
          derived: { type: ['integer', 'null'] },
          judged_by: { type: ['string', 'null'] },
          judged_at: { type: ['string', 'null'] },
          reason: { type: ['string', 'null'] },
          synthetic: { type: 'boolean' },
          synthetic_basis: { type: 'string', enum: ['none', 'own', 'comparators'] },
          datasets: { type: 'array', items: { $ref: '#/components/schemas/Dataset' } },
          href: { type: 'string' },
        },
      },
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;
