/**
 * The OpenAPI 3.1 description of the JSON API (src/web/api.ts), served at /openapi.json. Written by hand beside the
 * routes; src/web/api.test.ts calls every path it lists, so the two cannot drift apart unnoticed.
 */
const error = { description: 'An error, naming what was wrong', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
const year = { name: 'year', in: 'path', required: true, description: 'Framework year: 2006, 2009, 2010 or 2011', schema: { type: 'integer', enum: [2006, 2009, 2010, 2011] } };
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
      "Kingsway's reconstruction of Ofsted's annual assessment of local authority children's services (2006-2011): assessments with their traces, performance profiles and indicators. The grades are Kingsway's, not Ofsted's judgements; data marked synthetic is invented.",
    license: { name: 'MIT' },
  },
  paths: {
    '/api/years': { get: { summary: 'The framework years', responses: { 200: { description: 'The years, oldest first' } } } },
    '/api/{year}/assessments': {
      get: {
        summary: "Every LA's assessment for a year, paginated",
        parameters: [year, ...filters, { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }, { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }],
        responses: { 200: { description: 'One page of rows, the total, and links to the next and previous pages' }, 400: error, 404: error },
      },
    },
    '/api/{year}/assessments.csv': {
      get: { summary: 'The same rows as CSV (all pages), matching the national page download', parameters: [year, ...filters], responses: { 200: { description: 'CSV', content: { 'text/csv': {} } }, 404: error } },
    },
    '/api/{year}/las/{code}': {
      get: { summary: "An LA's assessment: grade, derived grade, inspector judgement, direction, limiting rules and the trace", parameters: [year, code], responses: { 200: { description: 'The assessment' }, 404: error } },
    },
    '/api/{year}/las/{code}/profile': {
      get: { summary: "An LA's performance profile: Blocks A, B and C with comparators (each Block A row links to the settings it counted)", parameters: [year, code], responses: { 200: { description: 'The profile' }, 404: error } },
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
      Error: {
        type: 'object',
        required: ['error'],
        properties: { error: { type: 'object', required: ['status', 'message'], properties: { status: { type: 'integer' }, message: { type: 'string' } } } },
      },
    },
  },
} as const;
