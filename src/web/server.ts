import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import formbody from '@fastify/formbody';
import Papa from 'papaparse';
import type { Store } from '../store/repository.ts';
import { assessmentRow } from '../judgement/report.ts';
import { SiteData } from './site-data.ts';
import { GOVUK_FRONTEND, webViews } from './views.ts';
import { filtered, nationalPage, nationalQuery } from './pages/national.ts';
import { laPage } from './pages/la.ts';
import { registerApi } from './api.ts';
import { HttpError } from './http-error.ts';

/**
 * The web application: server-rendered GOV.UK pages over the same core as the CLI, and a JSON API. Every page works
 * without JavaScript and has a stable URL:
 *   /                       the latest year's national picture
 *   /{year}                 the national picture (filters and sorting in the query string)
 *   /{year}/assessments.csv the same table as CSV
 *   /{year}/la/{code}       an LA's page
 *   /api/…, /openapi.json   the JSON API
 */
export interface WebOptions {
  /** Log requests (the serve command does; tests do not). */
  readonly logger?: boolean;
}

export function buildServer(store: Store, options: WebOptions = {}): { app: FastifyInstance; data: SiteData } {
  const app = Fastify({ logger: options.logger ?? false, routerOptions: { ignoreTrailingSlash: true } });
  const data = new SiteData(store);
  const views = webViews();
  const render = (reply: FastifyReply, template: string, context: object) => reply.type('text/html; charset=utf-8').send(views.render(template, context));

  app.register(formbody);
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk/assets`, prefix: '/assets/', maxAge: '1d' });
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk`, prefix: '/govuk/', decorateReply: false, allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)$/.test(path), maxAge: '1d' });
  app.register(fastifyStatic, { root: fileURLToPath(new URL('./static/', import.meta.url)), prefix: '/static/', decorateReply: false, maxAge: '1h' });

  const yearOf = (raw: string): number => {
    const year = Number(raw);
    if (!/^\d{4}$/.test(raw) || !data.isYear(year)) throw new HttpError(404, `There is no assessment year ${raw}. Kingsway has ${[...data.years].reverse().join(', ')}.`);
    return year;
  };

  app.get('/', async (_request, reply) => reply.redirect(`/${data.years[0]}`));

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year', async (request, reply) => {
    const year = yearOf(request.params.year);
    const { query, ignored } = nationalQuery(request.query);
    return render(reply, 'national.njk', nationalPage(await data.year(year), query, ignored, data.years));
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year/assessments.csv', async (request, reply) => {
    const year = yearOf(request.params.year);
    const { query } = nationalQuery(request.query);
    const rows = filtered(await data.year(year), query).map(assessmentRow);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kingsway-assessments-${year}.csv"`)
      .send(Papa.unparse(rows));
  });

  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code', async (request, reply) => {
    const year = yearOf(request.params.year);
    const view = await data.year(year);
    const a = view.byCode.get(request.params.code as never);
    if (!a) throw new HttpError(404, `There is no local authority with the code ${request.params.code} in ${year}. LA codes are three digits, such as 356 for Stockport.`);
    return render(reply, 'la.njk', await laPage(data, view, a));
  });

  registerApi(app, data);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: { status: 404, message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` } });
    return render(reply.code(404), 'error.njk', { title: 'Page not found', paragraphs: [`There is no page at ${request.url.split('?')[0]}.`, 'If you typed the address, check it is correct.'] });
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error instanceof HttpError ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error(error);
    const message = status >= 500 ? 'Something went wrong on our side. The error has been logged.' : error.message;
    if (request.url.startsWith('/api/') || request.url === '/openapi.json') return reply.code(status).send({ error: { status, message } });
    return render(reply.code(status), 'error.njk', { title: status === 404 ? 'Page not found' : status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem', paragraphs: [message] });
  });

  return { app, data };
}
