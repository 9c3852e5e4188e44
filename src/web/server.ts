import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import formbody from '@fastify/formbody';
import type { Store } from '../store/repository.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import { assessmentRow } from '../judgement/report.ts';
import { SiteData } from './site-data.ts';
import { GOVUK_FRONTEND, webViews } from './views.ts';
import { filtered, nationalPage, nationalQuery, queryString } from './pages/national.ts';
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
import { openPdfPrinter, PdfTimeoutError } from '../render/pdf.ts';
import type { PdfPrinter } from '../render/pdf.ts';
import { recordSiteEdits, siteLetter } from './letters.ts';
import { editFromForm } from './edit-form.ts';
import { letterPage } from './pages/letter.ts';
import { comparePage, compareQuery } from './pages/compare.ts';
import { evaluationPage } from './pages/evaluation.ts';
import type { EditFormState } from './pages/letter.ts';
import { toCsv } from '../render/csv.ts';
import { invalidRequest, query, requireSchemas, text } from './request-schema.ts';
import { TEXT_LIMITS } from '../domain/user-text.ts';
import { pageContext, sharedPageContext, sharesPages, webSecurity, withNonce } from './security.ts';
import type { SecurityOptions } from './security.ts';
import { signInPages } from './sign-in.ts';
import { siteReader } from './viewer.ts';

/**
 * The web application: server-rendered GOV.UK pages over the same core as the CLI, and a JSON API. Every page works
 * without JavaScript and has a stable URL:
 *   /                       the latest year's national picture
 *   /{year}                 the national picture (filters and sorting in the query string)
 *   /{year}/assessments.csv the same table as CSV
 *   /{year}/la/{code}       an LA's page
 *   /api/…, /openapi.json   the JSON API
 */
export interface WebOptions extends SecurityOptions {
  /** Log every request (the serve command's --log). Errors (status 500 and over) are logged whatever this says. */
  readonly logRequests?: boolean;
  /** Where the log goes: stderr, unless a test gives its own to read or to silence. */
  readonly logStream?: { write(line: string): void };
  /** Opens the PDF printer, at the first PDF asked for: Chromium with its defaults, or a test's fake. */
  readonly openPrinter?: () => Promise<PdfPrinter>;
  /** Who letters are from: the deployment's sender and signatory (default a role, src/narrative/letter-settings.ts). */
  readonly letter?: LetterSettings;
}

/**
 * The most a request body may be. Only the letter's edit form sends one: a sentence of 2,000 characters, each up to
 * 4 bytes of UTF-8 written as %XX, is 24 KB; a 1 MB "edit" is refused before it is read.
 */
export const BODY_LIMIT = 64 * 1024;
const GENERIC_FAULT = 'Something went wrong on our side. The error has been logged.';

export function buildServer(store: Store, options: WebOptions = {}): { app: FastifyInstance; data: SiteData; cache: PageCache } {
  const app = Fastify({
    // The 500 page says the error has been logged, so errors always are; --log adds every request.
    logger: { level: options.logRequests ? 'info' : 'error', stream: options.logStream ?? process.stderr },
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: BODY_LIMIT,
    schemaErrorFormatter: invalidRequest,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  app.addHook('onRoute', requireSchemas);
  // Sign-in and the security layer (issue 15, security.ts): headers and CSP, the Host check, rate limits, the session
  // as request.actor, CSRF on every POST. First, so that its hooks run before any other.
  app.register(webSecurity, { store, options });
  const data = new SiteData(store, options.letter);
  // A change committed by another process (the CLI, another server) is seen at the next request (issue 14).
  app.addHook('onRequest', async () => data.followStore());
  // INTERIM (issue 15, being wired): every page as Ofsted's staff see it, until the embargo reads request.actor.
  const interimReader = async () => siteReader(data, { kind: 'user', id: 0, name: 'interim', role: 'analyst', la: null }, await data.processes(), data.processVersion);
  const views = webViews();
  // Every page gets the layout's context (who is signed in, the CSP nonce, a CSRF token) besides its own.
  const render = (reply: FastifyReply, template: string, context: object) => reply.type('text/html; charset=utf-8').send(views.render(template, { ...context, ...pageContext(reply) }));
  const cache = new PageCache();
  /**
   * A page that depends only on the assessed data and what it reads of the address: rendered once per data version.
   * The key names what the page reads (normalised), never the raw URL, so junk in a query string cannot fill the cache.
   * Kept as UTF-8 bytes, as the API's JSON is: sending a large string converts it on every request. Kept only as
   * the public sees it (security.ts sharesPages), with each response's own CSP nonce put in (withNonce).
   */
  const cachedPage = async (reply: FastifyReply, key: string, template: string, context: () => Promise<object>) => {
    if (!sharesPages(reply)) return render(reply, template, await context());
    return reply.type('text/html; charset=utf-8').send(withNonce(reply, await cache.get(`${data.version} ${key}`, async () => Buffer.from(views.render(template, { ...(await context()), ...sharedPageContext(reply) })))));
  };

  app.register(formbody);
  app.register(signInPages, { store, options, render });
  // Not GOV.UK Frontend's assets/: its images are the crown's and its fonts GDS Transport, both for GOV.UK's services only.
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk`, prefix: '/govuk/', allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)$/.test(path), maxAge: '1d' });
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

  const nationalSchema = { querystring: query({ q: text(100), region: text(100), outcome: text(100), sort: text(100), dir: text(100) }) };
  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year', { schema: nationalSchema }, async (request, reply) => {
    const year = yearOf(request.params.year);
    const { query, ignored } = nationalQuery(request.query);
    const page = async () => nationalPage(await data.year(year), query, ignored, data.years, await data.hexes());
    // A page that lists values it ignored is a mistake's page: rendered each time, never kept.
    if (ignored.length > 0) return render(reply, 'national.njk', await page());
    return cachedPage(reply, `national ${year} ${queryString(query)}`, 'national.njk', page);
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year/assessments.csv', { schema: nationalSchema }, async (request, reply) => {
    const year = yearOf(request.params.year);
    const { query } = nationalQuery(request.query);
    const rows = filtered(await data.year(year), query).map(assessmentRow);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kingsway-assessments-${year}.csv"`)
      .send(toCsv(rows));
  });

  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code', async (request, reply) => {
    const { view, a } = await laAt(request.params.year, request.params.code);
    return cachedPage(reply, `la ${view.framework.year} ${a.la.code}`, 'la.njk', async () => laPage(await interimReader(), view, a));
  });

  app.get<{ Params: { year: string; code: string; id: string } }>('/:year/la/:code/indicator/:id', async (request, reply) => {
    const { year, view, a } = await laAt(request.params.year, request.params.code);
    const row = indicatorRow(view, a, request.params.id);
    if (!row) throw new HttpError(404, `There is no indicator ${request.params.id} in ${a.la.name}'s ${year} profile.`);
    return cachedPage(reply, `indicator ${year} ${a.la.code} ${request.params.id}`, 'indicator.njk', async () => indicatorPage(view, a, row));
  });

  // The LA page's and the compare page's tables as CSV: the same rows as the pages show.
  const csv = (reply: FastifyReply, name: string, rows: readonly object[]) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(toCsv(rows));
  app.get<{ Params: { year: string; code: string; block: string } }>('/:year/la/:code/block-:block.csv', async (request, reply) => {
    const { year, view, a } = await laAt(request.params.year, request.params.code);
    if (!['a', 'c'].includes(request.params.block)) throw new HttpError(404, `There is no table block-${request.params.block} for ${a.la.name} in ${year}: there are block-a and block-c.`);
    const page = await laPage(await interimReader(), view, a);
    return csv(reply, `kingsway-${a.la.code}-${year}-block-${request.params.block}.csv`, request.params.block === 'a' ? page.blockA : page.blockC.map(({ href: _, ...row }) => row));
  });
  const compareSchema = { querystring: query({ year: text(10), la: text(10), measure: text(200), with: text(1000), indicator: text(100), group: text(100) }) };
  app.get<{ Querystring: Record<string, unknown> }>('/compare.csv', { schema: compareSchema }, async (request, reply) => {
    const page = await comparePage(await interimReader(), compareQuery(request.query, data.years, await data.defaultYear()));
    if (!page.chosen) throw new HttpError(404, 'Choose a local authority (la=CODE) to compare.');
    return csv(reply, `kingsway-compare-${page.chosen.code}-${page.year}.csv`, page.rows.map((r) => ({ la_code: r.code, la_name: r.name, measure: page.label, value: r.value, shown: r.shown, grade: r.grade, selected: r.selected, ...r.provenance })));
  });

  app.get('/evaluation/ilacs', async (_request, reply) => cachedPage(reply, 'evaluation', 'evaluation.njk', () => evaluationPage(data)));

  app.get('/api', async (_request, reply) =>
    render(reply, 'api.njk', {
      title: 'Data and API',
      section: 'api',
      years: data.years,
      endpoints: Object.entries(OPENAPI.paths).map(([path, item]) => ({ path, summary: item.get.summary, example: path.replace('{year}', String(data.years[0])).replace('{code}', '356') })),
    }),
  );

  app.get<{ Querystring: Record<string, unknown> }>('/compare', { schema: compareSchema }, async (request, reply) => {
    const compare = compareQuery(request.query, data.years, await data.defaultYear());
    return cachedPage(reply, `compare ${JSON.stringify(compare)}`, 'compare.njk', async () => comparePage(await interimReader(), compare));
  });

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

  app.get<{ Params: { year: string; code: string }; Querystring: { edit?: string; saved?: string } }>('/:year/la/:code/letter', { schema: { querystring: query({ edit: text(100), saved: text(200) }) } }, async (request, reply) => {
    const saved = (request.query.saved ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return render(reply, 'letter.njk', await letterView(request.params.year, request.params.code, { target: request.query.edit ?? null, values: {}, errors: [] }, saved));
  });

  const openPrinter = options.openPrinter ?? (() => openPdfPrinter());
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
        const opened = (printer ??= openPrinter());
        let pdf: Buffer;
        try {
          pdf = await (await opened).print(letterHtml(letter));
        } catch (e) {
          // Too slow to print (a very long letter, or a busy server): the page was stopped, the printer is well.
          if (e instanceof PdfTimeoutError) throw new HttpError(503, `This letter's PDF took too long to make (more than ${e.timeoutMs / 1000} seconds), so it was stopped. Try the Word or HTML version of the letter.`, { cause: e });
          // No browser, or it has gone: the next PDF asked for opens another (a print in flight on this one fails too).
          if (printer === opened) printer = null;
          void opened.then((p) => p.close()).catch(() => undefined);
          throw new HttpError(503, 'The PDF cannot be made on this server just now. Try the Word or HTML version of the letter.', { cause: e });
        }
        return reply.type('application/pdf').send(pdf);
      }
    }
  });

  // The text fields' lengths are the form's to check (TEXT_LIMITS), so that the form can say so beside the field.
  const editSchema = { body: { type: 'object', properties: { _csrf: text(200), action: text(20), target: text(200), after: text(200), edit: text(20), by: text(BODY_LIMIT), text: text(BODY_LIMIT) }, additionalProperties: text(200) } };
  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/letter/edits', { schema: editSchema }, async (request, reply) => {
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

  registerApi(app, data, cache, () => interimReader());

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: { status: 404, message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` } });
    return render(reply.code(404), 'error.njk', { title: 'Page not found', paragraphs: [`There is no page at ${request.url.split('?')[0]}.`, 'If you typed the address, check it is correct.'] });
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    // An HttpError is raised on purpose, with words for the user, whatever its status; anything else over 499 is a
    // fault whose message is for the log only. Fastify's own 4xx (a request refused at the edge) say what was wrong.
    const deliberate = error instanceof HttpError;
    const status = deliberate ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, error.message);
    const message = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `The form sent is too large: at most ${BODY_LIMIT / 1024} KB is accepted. A sentence can be at most ${TEXT_LIMITS.sentence.toLocaleString('en-GB')} characters, and a name ${TEXT_LIMITS.name}.` : deliberate || status < 500 ? error.message : GENERIC_FAULT;
    if (request.url.startsWith('/api/') || request.url === '/openapi.json') return reply.code(status).send({ error: { status, message } });
    return render(reply.code(status), 'error.njk', { title: status === 404 ? 'Page not found' : status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem', paragraphs: [message] });
  });

  return { app, data, cache };
}
