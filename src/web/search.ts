import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { searchLas } from '../domain/la-search.ts';
import { query, text } from './request-schema.ts';
import type { SiteReader } from './viewer.ts';

/**
 * Find an LA from every page's header (issue 16): GET /search?q=…, tolerant of how the name is typed (la-search.ts).
 * One clear match (its code, its name or its council's formal name) goes straight to its page; otherwise the matches
 * are listed, each linked to the latest year in which the reader may see it (the embargo: an LA with nothing the
 * reader may see is listed without a link, as the names themselves are public).
 */
export function registerSearch(app: FastifyInstance, options: { readonly readerOf: (request: FastifyRequest) => Promise<SiteReader>; readonly render: (reply: FastifyReply, template: string, context: object) => FastifyReply }): void {
  app.get<{ Querystring: { q?: string } }>('/search', { schema: { querystring: query({ q: text(200) }) } }, async (request, reply) => {
    const reader = await options.readerOf(request);
    const q = (request.query.q ?? '').trim();
    const matches = searchLas(await reader.las(), q).map((m) => {
      const year = reader.years.find((y) => reader.sight(y, m.la.code) !== 'none');
      return { ...m, href: year === undefined ? null : `/${year}/la/${m.la.code}`, year: year ?? null };
    });
    const clear = matches.filter((m) => m.by === 'code' || m.by === 'name' || m.by === 'formal-name');
    if (clear.length === 1 && clear[0]!.href) return reply.redirect(clear[0]!.href, 303);
    return options.render(reply, 'search.njk', {
      title: q ? `Local authorities matching “${q}”` : 'Find a local authority',
      section: 'search',
      q,
      matches: matches.map((m) => ({ name: m.la.name, code: m.la.code, formalName: m.la.formalName, href: m.href, year: m.year })),
    });
  });
}
