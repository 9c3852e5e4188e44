import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import formbody from '@fastify/formbody';
import type { Store } from '../store/repository.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import { assessmentRow } from '../judgement/report.ts';
import { SiteData } from './site-data.ts';
import { GOVUK_FRONTEND, webViews } from './views.ts';
import { filtered, nationalPage, nationalQuery, queryString } from './pages/national.ts';
import { laPage } from './pages/la.ts';
import { profilePack } from './profile-pack/profile-pack.ts';
import { indicatorPage, indicatorRow } from './pages/indicator.ts';
import { registerApi } from './api.ts';
import { OPENAPI } from './openapi.ts';
import { PageCache } from './page-cache.ts';
import { HttpError } from './http-error.ts';
import { missingYearPage } from './years-explained.ts';
import { UsageError } from '../domain/errors.ts';
import { letterDocx } from '../render/docx.ts';
import { letterHtml } from '../render/html.ts';
import { letterMarkdown } from '../render/markdown.ts';
import { openPdfPrinter, PdfTimeoutError } from '../render/pdf.ts';
import { whatIfOfAssessment, whatIfScenarioRows } from '../application/what-if.ts';
import { whatIfPage } from './pages/la-what-if.ts';
import { blockAChart } from './charts.ts';
import { buildProfile } from '../profile/profile.ts';
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
import { embargoNote, siteReader } from './viewer.ts';
import type { SiteReader } from './viewer.ts';
import { registerProcessRoutes } from './process-routes.ts';
import { registerSearch } from './search.ts';
import { PUBLIC, roleOf } from '../domain/roles.ts';
import { ForbiddenError } from '../domain/errors.ts';
import { can } from '../domain/permissions.ts';
import { STATE_WORDS } from '../domain/workflow.ts';
import { requirePermission } from '../application/workflow.ts';
import type { LetterDraft } from '../narrative/letter-draft.ts';
import type { LaCode } from '../domain/local-authority.ts';

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

/** Stands for the signed-in person's header in a kept page (letters only, so autoescaping leaves it as it is). */
const ACCOUNT_SLOT = 'kingswayAccountSlot';
const ACCOUNT_SLOT_BYTES = Buffer.from(ACCOUNT_SLOT);

/** A kept page with this response's header (who is signed in, the sign-out form's token) in its slot. */
function withAccount(page: Buffer, account: string): Buffer {
  const at = page.indexOf(ACCOUNT_SLOT_BYTES);
  if (at < 0) return page;
  return Buffer.concat([page.subarray(0, at), Buffer.from(account), page.subarray(at + ACCOUNT_SLOT_BYTES.length)]);
}

/** Every route the server has, as registered: for the tests that must cover all of them (the security suite). */
export interface RouteEntry {
  readonly method: string;
  readonly url: string;
}

export function buildServer(store: Store, options: WebOptions = {}): { app: FastifyInstance; data: SiteData; cache: PageCache; routes: readonly RouteEntry[] } {
  const app = Fastify({
    // The 500 page says the error has been logged, so errors always are; --log adds every request.
    logger: { level: options.logRequests ? 'info' : 'error', stream: options.logStream ?? process.stderr },
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: BODY_LIMIT,
    schemaErrorFormatter: invalidRequest,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  });
  app.addHook('onRoute', requireSchemas);
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  // Sign-in and the security layer (issue 15, security.ts): headers and CSP, the Host check, rate limits, the session
  // as request.actor, CSRF on every POST. First, so that its hooks run before any other.
  app.register(webSecurity, { store, options });
  const data = new SiteData(store, options.letter);
  // A change committed by another process (the CLI, another server) is seen at the next request (issue 14).
  app.addHook('onRequest', async () => data.followStore());
  /**
   * The site as this request's person may see it (the embargo, issue 15: viewer.ts). Every page, download and API
   * route reads through it; nothing reads the unrestricted site but what shows none of it (the evaluation, staff only).
   */
  const readerOf = async (request: FastifyRequest) => siteReader(data, request.actor ?? PUBLIC, await data.processes(), data.processVersion);
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
  const cachedPage = async (reader: SiteReader, reply: FastifyReply, key: string, template: string, context: () => Promise<object>) => {
    // Kept under the reader's version, which names the data, the process and who may see what (a page kept for one
    // audience is never sent to another), and for a signed-in person their role too (the navigation differs). What
    // is theirs alone, their name and the sign-out form's CSRF token, is left as a slot in the kept page and rendered
    // for each response (account.njk), as the CSP nonce is (withNonce).
    const personal = !sharesPages(reply);
    const kept = await cache.get(`${reader.version}${personal ? ` ${roleOf(reader.actor)}` : ''} ${key}`, async () =>
      Buffer.from(views.render(template, { ...(await context()), ...sharedPageContext(reply), ...(personal ? { actor: reader.actor, accountSlot: ACCOUNT_SLOT } : {}) })),
    );
    const page = withNonce(reply, kept);
    return reply.type('text/html; charset=utf-8').send(personal ? withAccount(page, views.render('account.njk', pageContext(reply))) : page);
  };

  app.register(formbody);
  app.register(signInPages, { store, options, render });
  // Not GOV.UK Frontend's assets/: its images are the crown's and its fonts GDS Transport, both for GOV.UK's services only.
  app.register(fastifyStatic, { root: `${GOVUK_FRONTEND}govuk`, prefix: '/govuk/', allowedPath: (path) => /^\/govuk-frontend\.min\.(css|js)$/.test(path), maxAge: '1d' });
  app.register(fastifyStatic, { root: fileURLToPath(new URL('./static/', import.meta.url)), prefix: '/static/', decorateReply: false, maxAge: '1h' });

  const yearOf = (reader: SiteReader, raw: string): number => {
    const year = reader.parseYear(raw);
    if (year === null || !reader.years.includes(year)) {
      const years = [...reader.years].reverse().join(', ');
      throw new HttpError(404, year === null ? `There is no assessment year ${raw}. Kingsway has ${[...data.years].reverse().join(', ')}.` : `Nothing of ${year} is published.${years ? ` Published: ${years}.` : ''}`);
    }
    return year;
  };
  /**
   * The year's view and the LA's assessment in it as the reader may see it, or a 404 that says no more than that it
   * is not there: an unpublished outcome is not found, as an LA that does not exist is not (issue 15). An LA's own
   * people see their released profile without a grade (`outcomeHidden`).
   */
  const laAt = async (reader: SiteReader, rawYear: string, code: string) => {
    const year = yearOf(reader, rawYear);
    const notThere = () => new HttpError(404, `There is no ${reader.seesUnpublished ? '' : 'published '}assessment of a local authority with the code ${code} in ${year}. LA codes are three digits, such as 356 for Stockport.`);
    const sight = /^\d{3}$/.test(code) ? reader.sight(year, code as LaCode) : 'none';
    if (sight === 'none') throw notThere();
    const view = sight === 'profile' ? await reader.fullYear(year) : await reader.year(year);
    const a = view.byCode.get(code as never);
    if (!a) throw notThere();
    return { year, view, a, outcomeHidden: sight === 'profile' };
  };

  app.get('/', async (request, reply) => {
    const reader = await readerOf(request);
    if (reader.years.length === 0) {
      return render(reply, 'error.njk', { title: 'Nothing is published yet', paragraphs: ['No assessment outcome has been published on this site yet. Published grades and letters appear here on their publication day.', "If you work on the assessments, sign in to see them."] });
    }
    return reply.redirect(`/${await reader.defaultYear()}`);
  });

  const nationalSchema = { querystring: query({ q: text(100), region: text(100), outcome: text(100), sort: text(100), dir: text(100) }) };
  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year', { schema: nationalSchema }, async (request, reply) => {
    const reader = await readerOf(request);
    const year = yearOf(reader, request.params.year);
    const { query, ignored } = nationalQuery(request.query);
    const page = async () => ({ ...nationalPage(await reader.year(year), query, ignored, reader.years, await reader.hexes()), embargo: await embargoNote(reader, year) });
    // A page that lists values it ignored is a mistake's page: rendered each time, never kept.
    if (ignored.length > 0) return render(reply, 'national.njk', await page());
    return cachedPage(reader, reply, `national ${year} ${queryString(query)}`, 'national.njk', page);
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/:year/assessments.csv', { schema: nationalSchema }, async (request, reply) => {
    const reader = await readerOf(request);
    const year = yearOf(reader, request.params.year);
    const { query } = nationalQuery(request.query);
    const rows = filtered(await reader.year(year), query).map(assessmentRow);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kingsway-assessments-${year}.csv"`)
      .send(toCsv(rows));
  });

  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code', async (request, reply) => {
    const reader = await readerOf(request);
    const { view, a, outcomeHidden } = await laAt(reader, request.params.year, request.params.code);
    return cachedPage(reader, reply, `la ${view.framework.year} ${a.la.code}`, 'la.njk', async () => laPage(reader, view, a, { outcomeHidden }));
  });

  // The profile pack (profile-pack/profile-pack.ts): what the LA page above shows this reader, through the same laAt, as
  // one printable document: profile.html (the print preview) and profile.pdf, printed by the letters' printer within
  // its time limit. Written per request (it carries the day it was printed), a download as the letter's are.
  app.get<{ Params: { year: string; code: string; format: string } }>('/:year/la/:code/profile.:format', async (request, reply) => {
    const reader = await readerOf(request);
    const { view, a, outcomeHidden } = await laAt(reader, request.params.year, request.params.code);
    const format = request.params.format;
    if (format !== 'pdf' && format !== 'html') throw new HttpError(404, `There is no profile pack format ${format}: choose pdf or html.`);
    const html = await profilePack(reader, view, a, { outcomeHidden, printedOn: (options.now?.() ?? new Date()).toISOString().slice(0, 10) });
    reply.header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="kingsway-profile-${a.la.code}-${view.framework.year}.${format}"`);
    if (format === 'html') return reply.type('text/html; charset=utf-8').send(html);
    const opened = (printer ??= openPrinter());
    try {
      return reply.type('application/pdf').send(await (await opened).print(html));
    } catch (e) {
      if (e instanceof PdfTimeoutError) throw new HttpError(503, `This profile pack's PDF took too long to make (more than ${e.timeoutMs / 1000} seconds), so it was stopped. Try the HTML version of the pack (profile.html) and print it from your browser.`, { cause: e });
      // No browser, or it has gone: the next PDF asked for opens another, as for a letter.
      if (printer === opened) printer = null;
      void opened.then((p) => p.close()).catch(() => undefined);
      throw new HttpError(503, 'The PDF cannot be made on this server just now. Try the HTML version of the profile pack (profile.html) and print it from your browser.', { cause: e });
    }
  });

  app.get<{ Params: { year: string; code: string; id: string } }>('/:year/la/:code/indicator/:id', async (request, reply) => {
    const reader = await readerOf(request);
    const { year, view, a } = await laAt(reader, request.params.year, request.params.code);
    const row = indicatorRow(view, a, request.params.id);
    if (!row) throw new HttpError(404, `There is no indicator ${request.params.id} in ${a.la.name}'s ${year} profile.`);
    return cachedPage(reader, reply, `indicator ${year} ${a.la.code} ${request.params.id}`, 'indicator.njk', async () => indicatorPage(view, a, row));
  });

  // The LA page's and the compare page's tables as CSV: the same rows as the pages show.
  const csv = (reply: FastifyReply, name: string, rows: readonly object[]) => reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`).send(toCsv(rows));
  // The LA page's Block A chart as a phone draws it (charts.ts, narrowSvg), an image the page loads only at a phone's
  // width: drawn on its own request and kept, as the page is, under the reader's version.
  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code/block-a-chart.svg', async (request, reply) => {
    const reader = await readerOf(request);
    const { year, view, a } = await laAt(reader, request.params.year, request.params.code);
    const svg = await cache.get(`${reader.version} block-a-chart ${year} ${a.la.code}`, async () => {
      const profile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);
      const chart = blockAChart(a.la.name, profile.blockA);
      if (!chart) throw new HttpError(404, `${a.la.name} has no inspected settings to chart in ${year}.`);
      return Buffer.from(chart.narrowSvg.startsWith('<svg') && !chart.narrowSvg.includes('xmlns=') ? chart.narrowSvg.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"') : chart.narrowSvg);
    });
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  });

  // What would move the grade: the LA's what-if in full (pages/la-what-if.ts), its own page so that the LA page does
  // not run the search; only where the LA page shows the grade.
  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code/what-if', async (request, reply) => {
    const reader = await readerOf(request);
    const { year, view, a, outcomeHidden } = await laAt(reader, request.params.year, request.params.code);
    if (outcomeHidden) throw new HttpError(404, `There is no ${year} grade for ${a.la.name} that you may see yet, so nothing to say what would move it.`);
    if (a.status !== 'assessed') throw new HttpError(404, `There is no ${year} grade for ${a.la.name} to move: ${a.status === 'withheld' ? 'the outcome is withheld' : 'it was not assessed'} (${a.reason}).`);
    return cachedPage(reader, reply, `what-if ${year} ${a.la.code}`, 'what-if.njk', async () => whatIfPage(view, a));
  });

  // The LA page's what-if (application/what-if.ts) as CSV, one row per change found: only where the page shows the grade.
  app.get<{ Params: { year: string; code: string } }>('/:year/la/:code/what-if.csv', async (request, reply) => {
    const reader = await readerOf(request);
    const { year, view, a, outcomeHidden } = await laAt(reader, request.params.year, request.params.code);
    if (outcomeHidden) throw new HttpError(404, `There is no ${year} grade for ${a.la.name} that you may see yet, so nothing to say what would move it.`);
    return csv(reply, `kingsway-what-if-${a.la.code}-${year}.csv`, whatIfScenarioRows(whatIfOfAssessment(view.input, a)));
  });
  app.get<{ Params: { year: string; code: string; block: string } }>('/:year/la/:code/block-:block.csv', async (request, reply) => {
    const reader = await readerOf(request);
    const { year, view, a, outcomeHidden } = await laAt(reader, request.params.year, request.params.code);
    if (!['a', 'c'].includes(request.params.block)) throw new HttpError(404, `There is no table block-${request.params.block} for ${a.la.name} in ${year}: there are block-a and block-c.`);
    const page = await laPage(reader, view, a, { outcomeHidden });
    return csv(reply, `kingsway-${a.la.code}-${year}-block-${request.params.block}.csv`, request.params.block === 'a' ? page.blockA : page.blockC.map(({ href: _, ...row }) => row));
  });
  const compareSchema = { querystring: query({ year: text(10), la: text(10), measure: text(200), with: text(1000), indicator: text(100), group: text(100) }) };
  app.get<{ Querystring: Record<string, unknown> }>('/compare.csv', { schema: compareSchema }, async (request, reply) => {
    const reader = await readerOf(request);
    const page = await comparePage(reader, compareQuery(request.query, reader.years, await reader.defaultYear()));
    if (!page.chosen) throw new HttpError(404, 'Choose a local authority (la=CODE) to compare.');
    return csv(reply, `kingsway-compare-${page.chosen.code}-${page.year}.csv`, page.rows.map((r) => ({ la_code: r.code, la_name: r.name, measure: page.label, value: r.value, shown: r.shown, grade: r.grade, selected: r.selected, ...r.provenance })));
  });

  // Kingsway's grades of today's years against inspectors' judgements, LA by LA: unpublished grades, so for staff.
  app.get('/evaluation/ilacs', async (request, reply) => {
    const reader = await readerOf(request);
    if (!reader.seesUnpublished) throw new HttpError(404, 'There is no page at /evaluation/ilacs.');
    return render(reply, 'evaluation.njk', await evaluationPage(data));
  });

  app.get('/api', async (request, reply) => {
    // The examples use a year the reader may see, so that each link answers.
    const reader = await readerOf(request);
    const year = reader.years[0] ?? data.years[0];
    return render(reply, 'api.njk', {
      title: 'Data and API',
      section: 'api',
      years: reader.years,
      endpoints: Object.entries(OPENAPI.paths).map(([path, item]) => ({ path, summary: item.get.summary, example: path.replace('{year}', String(year)).replace('{code}', '356') })),
    });
  });

  app.get<{ Querystring: Record<string, unknown> }>('/compare', { schema: compareSchema }, async (request, reply) => {
    const reader = await readerOf(request);
    if (reader.years.length === 0) throw new HttpError(404, 'Nothing is published yet, so there is nothing to compare.');
    const compare = compareQuery(request.query, reader.years, await reader.defaultYear());
    return cachedPage(reader, reply, `compare ${JSON.stringify(compare)}`, 'compare.njk', async () => comparePage(reader, compare));
  });

  // The letter: the page, its downloads, and the inspector's edits (a plain form, answered by a redirect). Ofsted's
  // staff (and the LA in its check) read the working letter; everyone else the version published, and any version by
  // its number. A published version is rendered from the letter kept when it was published, never composed again.
  const letterAt = async (reader: SiteReader, rawYear: string, code: string, version?: number) => {
    const { year, view, a, outcomeHidden } = await laAt(reader, rawYear, code);
    if (a.status !== 'assessed' || outcomeHidden) throw new HttpError(404, a.status === 'assessed' ? `There is no ${year} letter for ${a.la.name} that you may read yet.` : `There is no ${year} letter for ${a.la.name}: ${a.status === 'withheld' ? 'the outcome is withheld' : 'it was not assessed'} (${a.reason}).`);
    const status = reader.status(year, a.la.code);
    const shown = version ?? (reader.sight(year, a.la.code) === 'published' ? (status.version ?? undefined) : undefined);
    if (shown === undefined) return { reader, view, a, status, published: null, ...(await siteLetter(data, view, a)) };
    const content = status.versions.some((v) => v.version === shown) ? await store.publishedContent(a.la.code, year, shown) : undefined;
    if (!content) throw new HttpError(404, `There is no version ${shown} of ${a.la.name}'s ${year} letter.`);
    return { reader, view, a, status, published: content, letter: content.letter, reviews: [] };
  };
  const letterView = async (request: FastifyRequest, rawYear: string, code: string, form: EditFormState, saved: number[], version?: number) => {
    const at = await letterAt(await readerOf(request), rawYear, code, version);
    const { reader, view, a, status } = at;
    const target = { la: a.la.code, year: view.framework.year, state: status.state };
    const live = at.published === null;
    return letterPage(view, at.letter, at.reviews, live ? await store.letterEdits(a.la.code, view.framework.year) : [], form, saved, {
      mayEdit: live && can(reader.actor, 'edit-letter', target).allowed,
      published: at.published ? { version: at.published.version, hash: at.published.hash, at: status.versions.find((v) => v.version === at.published!.version)!.at, latest: at.published.version === status.version } : null,
      versions: status.versions.map((v) => ({ version: v.version, at: v.at, reason: v.reason })),
      state: reader.seesUnpublished || (reader.actor.kind === 'user' && reader.actor.role === 'la' && reader.actor.la === a.la.code) ? STATE_WORDS[status.state] : null,
    }, a.status === 'assessed' ? { profile: a.profile } : null);
  };

  app.get<{ Params: { year: string; code: string }; Querystring: { edit?: string; saved?: string } }>('/:year/la/:code/letter', { schema: { querystring: query({ edit: text(100), saved: text(200) }) } }, async (request, reply) => {
    const saved = (request.query.saved ?? '').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return render(reply, 'letter.njk', await letterView(request, request.params.year, request.params.code, { target: request.query.edit ?? null, values: {}, errors: [] }, saved));
  });

  const openPrinter = options.openPrinter ?? (() => openPdfPrinter());
  let printer: Promise<PdfPrinter> | null = null;
  app.addHook('onClose', async () => {
    if (printer) await (await printer.catch(() => null))?.close();
  });
  const sendLetter = async (reply: FastifyReply, letter: LetterDraft, name: string, format: string) => {
    if (!['pdf', 'docx', 'html', 'md'].includes(format)) throw new HttpError(404, `There is no letter format ${format}: choose pdf, docx, html or md.`);
    reply.header('content-disposition', `${format === 'html' ? 'inline' : 'attachment'}; filename="${name}.${format}"`);
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
  };
  app.get<{ Params: { year: string; code: string; format: string } }>('/:year/la/:code/letter.:format', async (request, reply) => {
    const { view, a, letter, published } = await letterAt(await readerOf(request), request.params.year, request.params.code);
    return sendLetter(reply, letter, `kingsway-letter-${a.la.code}-${view.framework.year}${published ? `-v${published.version}` : ''}`, request.params.format);
  });
  // A published version by its number, as a page or a download: /2011/la/356/letter/v/1, …/v/1.pdf.
  app.get<{ Params: { year: string; code: string; file: string } }>('/:year/la/:code/letter/v/:file', async (request, reply) => {
    const m = /^([1-9]\d{0,5})(?:\.(\w{1,5}))?$/.exec(request.params.file);
    if (!m) throw new HttpError(404, `There is no letter version ${request.params.file}.`);
    const version = Number(m[1]);
    if (m[2] === undefined) return render(reply, 'letter.njk', await letterView(request, request.params.year, request.params.code, { target: null, values: {}, errors: [] }, [], version));
    const { view, a, letter } = await letterAt(await readerOf(request), request.params.year, request.params.code, version);
    return sendLetter(reply, letter, `kingsway-letter-${a.la.code}-${view.framework.year}-v${version}`, m[2]);
  });

  // The text fields' lengths are the form's to check (TEXT_LIMITS), so that the form can say so beside the field.
  // Who made an edit is the signed-in inspector, never a typed name (issue 15).
  const editSchema = { body: { type: 'object', properties: { _csrf: text(200), action: text(20), target: text(200), after: text(200), edit: text(20), text: text(BODY_LIMIT) }, additionalProperties: text(200) } };
  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/letter/edits', { schema: editSchema }, async (request, reply) => {
    const reader = await readerOf(request);
    const body = request.body ?? {};
    const { change, errors } = editFromForm(body);
    const { view, a, status, published } = await letterAt(reader, request.params.year, request.params.code);
    const actor = reader.actor;
    if (published !== null || actor.kind !== 'user') throw new HttpError(published !== null && reader.seesUnpublished ? 403 : 404, 'Only an inspector may edit a letter, while it is in draft or in its factual accuracy check.');
    try {
      requirePermission(actor, 'edit-letter', { la: a.la.code, year: view.framework.year, state: status.state });
    } catch (e) {
      if (e instanceof ForbiddenError) throw new HttpError(e.status, e.message);
      throw e;
    }
    if (change) {
      try {
        const ids = await recordSiteEdits(data, view, a, [change], actor);
        return reply.redirect(`/${view.framework.year}/la/${a.la.code}/letter?saved=${ids.join(',')}#edit`, 303);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        errors.push({ field: 'action', text: e.message.charAt(0).toUpperCase() + e.message.slice(1) });
      }
    }
    const form: EditFormState = { target: body['target'] ?? null, values: body as Record<string, string>, errors };
    return render(reply.code(400), 'letter.njk', await letterView(request, request.params.year, request.params.code, form, []));
  });

  registerApi(app, data, cache, readerOf);
  registerProcessRoutes(app, { store, data, readerOf, render });
  registerSearch(app, { readerOf, render });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return reply.code(404).send({ error: { status: 404, message: `no such endpoint: ${request.method} ${request.url.split('?')[0]}` } });
    // An address in a year with no framework (/2007/…) says why there is none (years-explained.ts).
    return render(reply.code(404), 'error.njk', missingYearPage(request.url) ?? { title: 'Page not found', paragraphs: [`There is no page at ${request.url.split('?')[0]}.`, 'If you typed the address, check it is correct.'] });
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    // An HttpError is raised on purpose, with words for the user, whatever its status; anything else over 499 is a
    // fault whose message is for the log only. Fastify's own 4xx (a request refused at the edge) say what was wrong.
    const deliberate = error instanceof HttpError;
    const status = deliberate ? error.status : (error.statusCode ?? 500);
    if (status >= 500) request.log.error({ err: error }, error.message);
    const message = (error as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `The form sent is too large: at most ${BODY_LIMIT / 1024} KB is accepted. A sentence can be at most ${TEXT_LIMITS.sentence.toLocaleString('en-GB')} characters, and a name ${TEXT_LIMITS.name}.` : deliberate || status < 500 ? error.message : GENERIC_FAULT;
    if (request.url.startsWith('/api/') || request.url === '/openapi.json') return reply.code(status).send({ error: { status, message } });
    const missingYear = status === 404 ? missingYearPage(request.url) : null;
    return render(reply.code(status), 'error.njk', missingYear ?? { title: status === 404 ? 'Page not found' : status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem', paragraphs: [message] });
  });

  return { app, data, cache, routes };
}
