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
import { indicatorPage, indicatorRow } from './pages/indicator.ts';
import { registerApi } from './api.ts';
import { OPENAPI } from './openapi.ts';
import { PageCache } from './page-cache.ts';
import { HttpError } from './http-error.ts';
import { UsageError } from '../domain/errors.ts';
import { letterDocx } from '../render/docx.ts';
import { letterHtml } from '../render/html.ts';
import { letterMarkdown } from '../render/markdown.ts';
import { openPdfPrinter } from '../render/pdf.ts';
import type { PdfPrinter } from '../render/pdf.ts';
import { recordSiteEdits, siteLetter } from './letters.ts';
import { editFromForm } from './edit-form.ts';
import { letterPage } from './pages/letter.ts';
import { comparePage, compareQuery } from './pages/compare.ts';
import { evaluationPage } from './pages/evaluation.ts';
import type { EditFormState } from './pages/letter.ts';

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
  const cache = new PageCache();
  /** A page that depends only on the assessed data and its address: rendered once per data version. */
  const cachedPage = async (reply: FastifyReply, url: string, template: string, context: () => Promise<object>) =>
    reply.type('text/html; charset=utf-8').send(await cache.get(`${data.version} ${url}`, async () => views.render(template, await context())));

  app.register(formbody);
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk/assets`, prefix: '/assets/', maxAge: '1d' });
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk`, prefix: '/govuk/', decorateReply: false, allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)$/.test(path), maxAge: '1d' });
  app.register(fastifyStatic, { root: fileURLToPath(new URL('./static/', import.meta.url)), prefix: '/static/', decorateReply: false, maxAge: '1h' });

  const yearOf = (raw: string): number => {
    const year = data.parseYear(raw);
    if (year === null) throw new HttpError(404, `There is no assessment year ${raw}. Kingsway has ${[...data.years].reverse().join(', ')}.`);
    return year;
  };
  /** The year's view and the LA's assessment in it, or a 404 naming what is not there. */
  const laAt = async (rawYear: string, code: string) => {
    const year = yearOf(rawYear);
    const view = await data.year(year);
    const a = view.byCode.get(code as never);
    if (!a) throw new HttpError(404, `There is no local authority with the code ${code} in ${year}. LA codes are three digits, such as 356 for Stockport.`);
    return { year, view, a };
  };

  app.get('/', async (_request, reply) => reply.redirect(`/${await data.defaultYear()}`));

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year', async (request, reply) => {
    const year = yearOf(request.params.year);
    const { query, ignored } = nationalQuery(request.query);
    return cachedPage(reply, request.url, 'national.njk', async () => nationalPage(await data.year(year), query, ignored, data.years, await data.hexes()));
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
    const { view, a } = await laAt(request.params.year, request.params.code);
    return cachedPage(reply, request.url, 'la.njk', () => laPage(data, view, a));
  });

  app.get<{ Params: { year: string; code: string; id: string } }>('/:year/la/:code/indicator/:id', async (request, reply) => {
    const { year, view, a } = await laAt(request.params.year, request.params.code);
    const row = indicatorRow(view, a, request.params.id);
    if (!row) throw new HttpError(404, `There is no indicator ${request.params.id} in ${a.la.name}'s ${year} profile.`);
    return cachedPage(reply, request.url, 'indicator.njk', async () => indicatorPage(view, a, row));
  });

  // The LA page's and the compare page's tables as CSV: the same rows as the pages show.
  const csv = (reply: FastifyReply, name: string, rows: readonly object[]) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(Papa.unparse(rows as object[]));
  app.get<{ Params: { year: string; code: string; block: string } }>('/:year/la/:code/block-:block.csv', async (request, reply) => {
    const { year, view, a } = await laAt(request.params.year, request.params.code);
    if (!['a', 'c'].includes(request.params.block)) throw new HttpError(404, `There is no table block-${request.params.block} for ${a.la.name} in ${year}: there are block-a and block-c.`);
    const page = await laPage(data, view, a);
    return csv(reply, `kingsway-${a.la.code}-${year}-block-${request.params.block}.csv`, request.params.block === 'a' ? page.blockA : page.blockC.map(({ href: _, ...row }) => row));
  });
  app.get<{ Querystring: Record<string, unknown> }>('/compare.csv', async (request, reply) => {
    const page = await comparePage(data, compareQuery(request.query, data.years, await data.defaultYear()));
    if (!page.chosen) throw new HttpError(404, 'Choose a local authority (la=CODE) to compare.');
    return csv(reply, `kingsway-compare-${page.chosen.code}-${page.year}.csv`, page.rows.map((r) => ({ la_code: r.code, la_name: r.name, measure: page.label, value: r.value, shown: r.shown, grade: r.grade, selected: r.selected })));
  });

  app.get('/evaluation/ilacs', async (request, reply) => cachedPage(reply, request.url, 'evaluation.njk', () => evaluationPage(data)));

  app.get('/api', async (_request, reply) =>
    render(reply, 'api.njk', {
      title: 'Data and API',
      section: 'api',
      years: data.years,
      endpoints: Object.entries(OPENAPI.paths).map(([path, item]) => ({ path, summary: item.get.summary, example: path.replace('{year}', String(data.years[0])).replace('{code}', '356') })),
    }),
  );

  app.get<{ Querystring: Record<string, unknown> }>('/compare', async (request, reply) => cachedPage(reply, request.url, 'compare.njk', async () => comparePage(data, compareQuery(request.query, data.years, await data.defaultYear()))));

  // The letter: the page, its downloads, and the inspector's edits (a plain form, answered by a redirect).
  const assessedAt = async (rawYear: string, code: string) => {
    const { year, view, a } = await laAt(rawYear, code);
    if (a.status !== 'assessed') throw new HttpError(404, `There is no ${year} letter for ${a.la.name}: ${a.status === 'withheld' ? 'the outcome is withheld' : 'it was not assessed'} (${a.reason}).`);
    return { view, a };
  };
  const letterView = async (rawYear: string, code: string, form: EditFormState, saved: number[]) => {
    const { view, a } = await assessedAt(rawYear, code);
    const { letter, reviews } = await siteLetter(data, view, a);
    return letterPage(view, letter, reviews, await store.letterEdits(a.la.code, view.framework.year), form, saved);
  };

  app.get<{ Params: { year: string; code: string }; Querystring: { edit?: string; saved?: string } }>('/:year/la/:code/letter', async (request, reply) => {
    const saved = (request.query.saved ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return render(reply, 'letter.njk', await letterView(request.params.year, request.params.code, { target: request.query.edit ?? null, values: {}, errors: [] }, saved));
  });

  let printer: Promise<PdfPrinter> | null = null;
  app.addHook('onClose', async () => {
    if (printer) await (await printer.catch(() => null))?.close();
  });
  app.get<{ Params: { year: string; code: string; format: string } }>('/:year/la/:code/letter.:format', async (request, reply) => {
    const format = request.params.format;
    if (!['pdf', 'docx', 'html', 'md'].includes(format)) throw new HttpError(404, `There is no letter format ${format}: choose pdf, docx, html or md.`);
    const { view, a } = await assessedAt(request.params.year, request.params.code);
    const { letter } = await siteLetter(data, view, a);
    const name = `kingsway-letter-${a.la.code}-${view.framework.year}.${format}`;
    reply.header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}"`);
    switch (format) {
      case 'html':
        return reply.type('text/html; charset=utf-8').send(letterHtml(letter));
      case 'md':
        return reply.type('text/markdown; charset=utf-8').send(letterMarkdown(letter));
      case 'docx':
        return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').send(await letterDocx(letter));
      default: {
        try {
          printer ??= openPdfPrinter();
          return reply.type('application/pdf').send(await (await printer).print(letterHtml(letter)));
        } catch (e) {
          printer = null;
          throw new HttpError(503, `The PDF cannot be made on this server: ${(e as Error).message}. The Word and HTML versions are available.`);
        }
      }
    }
  });

  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/letter/edits', async (request, reply) => {
    const body = request.body ?? {};
    const { change, errors } = editFromForm(body);
    const { view, a } = await assessedAt(request.params.year, request.params.code);
    if (change) {
      try {
        const ids = await recordSiteEdits(data, view, a, [change], body['by'] ?? '');
        return reply.redirect(`/${view.framework.year}/la/${a.la.code}/letter?saved=${ids.join(',')}#edit`, 303);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        errors.push({ field: 'action', text: e.message.charAt(0).toUpperCase() + e.message.slice(1) });
      }
    }
    const form: EditFormState = { target: body['target'] ?? null, values: body as Record<string, string>, errors };
    return render(reply.code(400), 'letter.njk', await letterView(request.params.year, request.params.code, form, []));
  });

  registerApi(app, data, cache);

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
