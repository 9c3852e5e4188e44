import type { FastifySchema, FastifySchemaValidationError, RouteOptions } from 'fastify';

/**
 * What a request may hold, checked by Fastify (JSON Schema, ajv) before any handler runs: a value sent twice
 * (`target=a&target=b` arrives as an array) or longer than any real one is refused with a 400 that names the field
 * and says what is wrong, instead of reaching code that expects one short string. Every route has a schema: its own,
 * or DEFAULT_SCHEMA's, added to any route registered without (the API's included) by `requireSchemas`.
 */

/** One value, sent once, at most `maxLength` characters. */
export const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** Any value in an address, known or not: pages ignore (and list) a parameter they do not read, but not a repeated or huge one. */
const ANY_VALUE = text(200);

/** A query string reading `properties`; other parameters are allowed, one short value each. */
export const query = (properties: Record<string, object>) => ({ type: 'object', properties, additionalProperties: ANY_VALUE }) as const;

export const DEFAULT_SCHEMA: FastifySchema = {
  querystring: query({}),
  // Parts of a path: a year, an LA code, an indicator's id, a static file's name.
  params: { type: 'object', additionalProperties: text(300) },
};

/** An onRoute hook: a route given no schema for its query string or path gets the default one. */
export function requireSchemas(route: RouteOptions): void {
  route.schema = { ...DEFAULT_SCHEMA, ...route.schema };
}

const WHERE: Readonly<Record<string, (name: string) => string>> = {
  querystring: (name) => `the address's query parameter "${name}"`,
  params: (name) => `the ${name} in the address`,
  body: (name) => `the form field "${name}"`,
};

/**
 * The 400's message: the first problem, naming the field in words for whoever sent it (a person at a form, or a
 * program calling the API), never ajv's JSON pointers or the schema itself.
 */
export function invalidRequest(errors: readonly FastifySchemaValidationError[], part: string): Error {
  const e = errors[0];
  const where = WHERE[part] ?? ((name: string) => `the ${part} field "${name}"`);
  if (!e) return new Error(`The request's ${part} is not valid.`);
  const params = e.params as Record<string, unknown>;
  const name = typeof params['missingProperty'] === 'string' ? params['missingProperty'] : e.instancePath.slice(1).replace(/\//g, '.');
  if (name === '') return new Error(part === 'body' ? 'The form was not sent as a form: send it from the letter page.' : `The request's ${part} is not valid.`);
  const field = where(name);
  const sentence = (s: string) => new Error(s.charAt(0).toUpperCase() + s.slice(1));
  switch (e.keyword) {
    case 'type':
      return sentence(`${field} is given more than once (or is not text): give it once.`);
    case 'maxLength':
      return sentence(`${field} is too long: it can be at most ${Number(params['limit']).toLocaleString('en-GB')} characters.`);
    case 'required':
      return sentence(`${field} is missing.`);
    case 'enum':
      return sentence(`${field} must be one of ${(params['allowedValues'] as unknown[]).join(', ')}.`);
    default:
      return sentence(`${field} is not valid: it ${e.message ?? 'is not allowed'}.`);
  }
}
