import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditCsvRow, auditPages, auditQuery, AUDIT_CSV_COLUMNS } from '../application/audit-log.ts';
import { publishableLetter } from '../application/publishable-letter.ts';
import { addComment, answerComment, moveAssessment, moveAssessments, recordGrades, requirePermission } from '../application/workflow.ts';
import type { LetterSource, MoveResult } from '../application/workflow.ts';
import { AUDIT_ACTIONS, AUDIT_PAGE } from '../domain/audit.ts';
import { ForbiddenError, InvalidFieldError, NotFoundError } from '../domain/errors.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { can } from '../domain/permissions.ts';
import { isStaffRole } from '../domain/roles.ts';
import { MOVES, STATE_WORDS, WORKFLOW_STATES } from '../domain/workflow.ts';
import type { MoveName } from '../domain/workflow.ts';
import { FRAMEWORKS } from '../frameworks/index.ts';
import { sentencesOf } from '../narrative/letter.ts';
import { toCsv } from '../render/csv.ts';
import type { Store } from '../store/repository.ts';
import { HttpError } from './http-error.ts';
import { siteLetter } from './letters.ts';
import { NO_FORM, processPage, STATE_TAG } from './pages/process.ts';
import type { ProcessFormState } from './pages/process.ts';
import { query, text } from './request-schema.ts';
import type { SiteData } from './site-data.ts';
import type { SiteReader } from './viewer.ts';

/**
 * The process on the web (issue 15): each LA-year's process page and its forms (a move, a grade, the LA's comment, an
 * inspector's answer), a year's process for Ofsted's staff with the batch moves (release every profile, publish every
 * signed-off assessment), and the audit log for moderators, as a page and as CSV. Every form is a plain POST answered
 * by a redirect (or the page again with the problem beside its field); who may do what is asked of the use cases,
 * which ask permissions.ts, never decided here.
 */
export interface ProcessRouteOptions {
  readonly store: Store;
  readonly data: SiteData;
  readonly readerOf: (request: FastifyRequest) => Promise<SiteReader>;
  readonly render: (reply: FastifyReply, template: string, context: object) => FastifyReply;
}

/** A letter as the web would publish it: composed from the site's assessed year, with the inspectors' edits. */
export function siteLetterSource(data: SiteData): LetterSource {
  return async (la, year) => {
    const view = await data.year(year);
    const a = view.byCode.get(la);
    if (!a || a.status !== 'assessed') return null;
    return publishableLetter((await siteLetter(data, view, a)).letter);
  };
}

/** What the success banner says after each form, by the `done` the redirect carries. */
const DONE: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(MOVES).map(([name, m]) => [name, `Done: ${m.what}.`])),
  grade: 'The grade was recorded.',
  comment: 'Your comment was sent.',
  answer: 'Your answer was recorded.',
};

const formSchema = (properties: Record<string, object>) => ({ body: { type: 'object', properties: { _csrf: text(200), ...properties }, additionalProperties: false } });
const paragraph = text(4000);

export function registerProcessRoutes(app: FastifyInstance, { store, data, readerOf, render }: ProcessRouteOptions): void {
  const letterOf = siteLetterSource(data);
  const at = () => new Date().toISOString();

  /** The LA-year, for its process page: 404 unless the reader is one of the people in its process. */
  const laYear = async (request: FastifyRequest<{ Params: { year: string; code: string } }>) => {
    const reader = await readerOf(request);
    const year = reader.parseYear(request.params.year);
    const la = year === null ? undefined : (await reader.las()).find((l) => l.code === request.params.code);
    const actor = reader.actor;
    const inProcess = actor.kind === 'user' && (isStaffRole(actor.role) || (actor.role === 'la' && actor.la === request.params.code));
    if (year === null || !la || !inProcess || reader.sight(year, la.code) === 'none') throw new HttpError(404, `There is no assessment process page at ${request.url.split('?')[0]}.`);
    return { reader, year, la };
  };

  const showProcess = async (request: FastifyRequest<{ Params: { year: string; code: string }; Querystring: { done?: string } }>, reply: FastifyReply, form: ProcessFormState = NO_FORM) => {
    const { reader, year, la } = await laYear(request);
    const view = await data.year(year);
    const a = view.byCode.get(la.code);
    const status = reader.status(year, la.code);
    const mayDraft = can(reader.actor, 'view-draft', { la: la.code, year, state: status.state }).allowed;
    const sentences = a && a.status === 'assessed' && mayDraft ? sentencesOf((await siteLetter(data, view, a)).letter).map((s) => ({ id: s.sentence.id, text: s.sentence.text })) : [];
    const page = processPage({
      la,
      year,
      actor: reader.actor,
      status,
      history: await store.workflowEvents(year, la.code),
      // The LA's own people see the grades only once their draft reaches them.
      judgements: mayDraft || status.state === 'published' ? await store.inspectorJudgements(year, la.code) : [],
      derived: mayDraft && a && a.status !== 'not-assessed' ? a.derived : null,
      comments: mayDraft || reader.seesUnpublished ? await store.laComments(year, la.code) : [],
      sentences,
      scaleLabel: (g) => reader.scaleLabel(year, g),
      form,
      done: DONE[request.query?.done ?? ''] ?? null,
    });
    return render(form.errors.length ? reply.code(400) : reply, 'process.njk', page);
  };

  app.get<{ Params: { year: string; code: string }; Querystring: { done?: string } }>('/:year/la/:code/process', { schema: { querystring: query({ done: text(40) }) } }, (request, reply) => showProcess(request, reply));

  /** Runs a form's use case: on success a redirect with its banner; a refused field, the page again with the message beside it. */
  const handle = async (
    request: FastifyRequest<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>,
    reply: FastifyReply,
    done: string,
    field: (name: string) => string,
    act: (ctx: { reader: SiteReader; year: number; la: LaCode }) => Promise<unknown>,
  ) => {
    const { reader, year, la } = await laYear(request);
    try {
      await act({ reader, year, la: la.code });
    } catch (e) {
      if (e instanceof ForbiddenError) throw new HttpError(e.status, e.message);
      if (e instanceof NotFoundError) throw new HttpError(404, e.message.charAt(0).toUpperCase() + e.message.slice(1) + '.');
      if (!(e instanceof InvalidFieldError)) throw e;
      const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
      const values = Object.fromEntries(Object.entries(request.body ?? {}).filter(([k]) => k !== '_csrf')) as Record<string, string>;
      return showProcess(request as never, reply, { errors: [{ field: field(e.field), text: message }], values });
    }
    data.processChanged();
    return reply.redirect(`/${year}/la/${la.code}/process?done=${done}`, 303);
  };

  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/process/move', { schema: formSchema({ move: text(40), reason: paragraph }) }, async (request, reply) => {
    const move = request.body?.['move'] ?? '';
    return handle(request, reply, move, (f) => (f === 'reason' ? `reason-${move}` : 'move'), ({ reader, year, la }) =>
      moveAssessment(store, year, { la, move, reason: request.body?.['reason'] ?? null }, { at: at(), actor: reader.actor, letterOf }),
    );
  });

  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/process/grade', { schema: formSchema({ grade: text(2), rationale: paragraph }) }, async (request, reply) =>
    handle(request, reply, 'grade', (f) => f, async ({ reader, year, la }) => {
      const actor = reader.actor;
      const stage = actor.kind === 'user' && actor.role === 'moderator' ? 'final' : 'proposed';
      const grade = Number(request.body?.['grade']);
      if (!Number.isInteger(grade) || grade < 1 || grade > 4) throw new InvalidFieldError('grade', 'must be chosen: one of the four grades');
      const framework = FRAMEWORKS.find((f) => f.year === year)!;
      const [result] = await recordGrades(store, framework, [{ la, grade, rationale: request.body?.['rationale'] ?? '' }], { at: at(), actor, stage });
      if (!result!.ok) throw result!.error;
      // A judgement changes what the year's grades are: the site assesses it again.
      data.changed(year);
    }),
  );

  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/process/comment', { schema: formSchema({ sentence: text(100), text: paragraph }) }, async (request, reply) =>
    handle(request, reply, 'comment', (f) => f, async ({ reader, year, la }) => {
      const view = await data.year(year);
      const a = view.byCode.get(la);
      const sentences = new Set(a && a.status === 'assessed' ? sentencesOf((await siteLetter(data, view, a)).letter).map((s) => s.sentence.id) : []);
      return addComment(store, { la, year, sentence: request.body?.['sentence'] ?? null, text: request.body?.['text'] ?? '', sentences }, { at: at(), actor: reader.actor });
    }),
  );

  app.post<{ Params: { year: string; code: string }; Body: Record<string, string | undefined> }>('/:year/la/:code/process/answer', { schema: formSchema({ comment: text(12), text: paragraph }) }, async (request, reply) => {
    const comment = Number(request.body?.['comment']);
    return handle(request, reply, 'answer', (f) => (f === 'text' ? `answer-${comment}` : f), ({ reader, year, la }) => answerComment(store, { la, year, comment, text: request.body?.['text'] ?? '' }, { at: at(), actor: reader.actor }));
  });

  // A year's process, for Ofsted's staff: where every LA stands, and the moves made for many LAs at once.
  const staffYear = async (request: FastifyRequest<{ Params: { year: string } }>) => {
    const reader = await readerOf(request);
    const year = reader.parseYear(request.params.year);
    if (year === null || !reader.seesUnpublished) throw new HttpError(404, `There is no page at ${request.url.split('?')[0]}.`);
    return { reader, year };
  };
  const BATCH: Readonly<Record<string, { readonly from: string; readonly move: MoveName }>> = {
    'release-profile': { from: 'not-started', move: 'release-profile' },
    publish: { from: 'signed-off', move: 'publish' },
  };
  const yearPage = async (request: FastifyRequest<{ Params: { year: string } }>, reply: FastifyReply, results: readonly MoveResult[] | null) => {
    const { reader, year } = await staffYear(request);
    const view = await data.year(year);
    const rows = view.results.map((a) => ({ code: a.la.code, name: a.la.name, href: `/${year}/la/${a.la.code}/process`, state: reader.status(year, a.la.code).state }));
    const counts = WORKFLOW_STATES.map((s) => ({ state: STATE_WORDS[s], tag: STATE_TAG[s], n: rows.filter((r) => r.state === s).length })).filter((c) => c.n > 0);
    const batches = Object.entries(BATCH)
      .filter(([, b]) => can(reader.actor, b.move, { la: '000' as LaCode, year, state: b.from as never }).allowed)
      .map(([name, b]) => ({ name, what: MOVES[b.move].what, n: rows.filter((r) => r.state === b.from).length }));
    return render(reply, 'process-year.njk', {
      title: `The ${year} assessment process`,
      section: 'national',
      year,
      breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: 'Process' }],
      counts,
      rows: rows.map((r) => ({ ...r, words: STATE_WORDS[r.state], tag: STATE_TAG[r.state] })),
      batches,
      action: `/${year}/process/batch`,
      results: results ? { moved: results.filter((r) => r.ok).length, refused: results.flatMap((r) => (r.ok ? [] : [{ la: r.la, message: r.refusal.message }])) } : null,
    });
  };
  app.get<{ Params: { year: string } }>('/:year/process', async (request, reply) => yearPage(request, reply, null));
  app.post<{ Params: { year: string }; Body: Record<string, string | undefined> }>('/:year/process/batch', { schema: formSchema({ batch: text(40) }) }, async (request, reply) => {
    const { reader, year } = await staffYear(request);
    const batch = BATCH[request.body?.['batch'] ?? ''];
    if (!batch) throw new HttpError(400, `There is no batch ${JSON.stringify(request.body?.['batch'] ?? '')}: choose release-profile or publish.`);
    const view = await data.year(year);
    const las = view.results.filter((a) => reader.status(year, a.la.code).state === batch.from).map((a) => a.la.code);
    if (las.length > 0) requirePermission(reader.actor, batch.move, { la: las[0]!, year, state: batch.from as never });
    const results = await moveAssessments(store, year, las.map((la) => ({ la, move: batch.move })), { at: at(), actor: reader.actor, letterOf });
    data.processChanged();
    return yearPage(request, reply, results);
  });

  // The audit log, for moderators: a page of it (filters in the query string) and all of it as CSV.
  const auditSchema = { querystring: query({ la: text(10), year: text(10), action: text(40), after: text(20) }) };
  type AuditRequest = FastifyRequest<{ Querystring: Record<string, string | undefined> }>;
  const auditFor = async (request: AuditRequest, action: 'read-audit-log' | 'export-audit-csv') => {
    const reader = await readerOf(request);
    const permit = can(reader.actor, action);
    // Not for the public or an LA to know that the page exists.
    if (!permit.allowed) throw new HttpError(reader.seesUnpublished ? 403 : 404, reader.seesUnpublished ? 'Only a moderator may read the audit log.' : `There is no page at ${request.url.split('?')[0]}.`);
    const q = request.query;
    const blank = (v: string | undefined) => (v === undefined || v === '' ? undefined : v);
    try {
      return auditQuery({ ...(blank(q['la']) ? { la: q['la']! } : {}), ...(blank(q['year']) ? { year: Number(q['year']) } : {}), ...(blank(q['action']) ? { action: q['action']! } : {}) });
    } catch (e) {
      if (e instanceof InvalidFieldError) throw new HttpError(400, `The ${e.field} filter ${e.problem}.`);
      throw e;
    }
  };
  app.get<{ Querystring: Record<string, string | undefined> }>('/audit', { schema: auditSchema }, async (request, reply) => {
    const filter = await auditFor(request, 'read-audit-log');
    const after = Number(request.query['after'] ?? 0);
    const events = await store.auditEvents({ ...filter, limit: 200, ...(after > 0 ? { afterId: after } : {}) });
    const params = new URLSearchParams(Object.entries({ la: filter.la ?? '', year: filter.year ? String(filter.year) : '', action: filter.action ?? '' }).filter(([, v]) => v !== ''));
    return render(reply, 'audit.njk', {
      title: 'Audit log',
      section: 'audit',
      breadcrumbs: [{ text: 'Home', href: '/' }, { text: 'Audit log' }],
      filter: { la: filter.la ?? '', year: filter.year ?? '', action: filter.action ?? '' },
      actions: [{ value: '', text: 'Any' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, text: a, selected: a === filter.action }))],
      events: events.map((e) => ({ ...e, who: `${e.actor.name} (${e.actor.role})`, when: e.at.replace('T', ' ').slice(0, 19), before: e.before === null ? '' : JSON.stringify(e.before), after: e.after === null ? '' : JSON.stringify(e.after) })),
      next: events.length === 200 ? `/audit?${new URLSearchParams([...params, ['after', String(events.at(-1)!.id)]])}` : null,
      csv: `/audit.csv${params.size ? `?${params}` : ''}`,
      pageSize: AUDIT_PAGE,
    });
  });
  app.get<{ Querystring: Record<string, string | undefined> }>('/audit.csv', { schema: auditSchema }, async (request, reply) => {
    const filter = await auditFor(request, 'export-audit-csv');
    const rows = [];
    for await (const page of auditPages(store, filter)) rows.push(...page.map(auditCsvRow));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kingsway-audit.csv"').send(toCsv(rows, { columns: AUDIT_CSV_COLUMNS }));
  });
}
