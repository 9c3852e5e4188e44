import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LaCode } from '../domain/local-authority.ts';
import type { PageCache } from './page-cache.ts';
import type { Assessment } from '../judgement/assess.ts';
import { provenanceJson } from '../judgement/provenance.ts';
import { whatIfJson, whatIfOfAssessment } from '../application/what-if.ts';
import { assessmentRow } from '../judgement/report.ts';
import { assessmentRecord } from '../application/assess-year.ts';
import { toCsv } from '../render/csv.ts';
import { buildProfile } from '../profile/profile.ts';
import { redRedOf } from '../profile/red-red.ts';
import { filtered, nationalQuery } from './pages/national.ts';
import { OPENAPI } from './openapi.ts';
import { missingYearReason } from './years-explained.ts';
import type { SiteData } from './site-data.ts';
import type { SiteReader } from './viewer.ts';

/** Where the LA-year stands in the process: its state for Ofsted's staff, and for everyone the version published. */
function publication(data: SiteReader, year: number, la: LaCode) {
  const status = data.status(year, la);
  const current = status.versions.at(-1);
  return {
    publication: {
      ...(data.seesUnpublished ? { state: status.state } : {}),
      published: current ? { version: current.version, at: current.at, contentSha256: current.hash, versions: status.versions.map((v) => ({ version: v.version, at: v.at, reason: v.reason, contentSha256: v.hash })) } : null,
    },
  };
}
import { HttpError } from './http-error.ts';
import { siteLetter } from './letters.ts';

/**
 * The JSON API over the same data as the pages (described in openapi.ts, served at /openapi.json). Errors are
 * `{ "error": { "status", "message" } }`; long lists are paginated with `page` and `per_page` and say where the next
 * page is; the assessment list is also CSV, matching the national page's table and download.
 */
const PER_PAGE_MAX = 200;

function page(raw: Record<string, unknown>): { page: number; perPage: number } {
  const int = (name: string, fallback: number, max: number) => {
    const v = raw[name];
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new HttpError(400, `${name} must be a whole number from 1 to ${max}, not ${JSON.stringify(v)}`);
    return n;
  };
  return { page: int('page', 1, Number.MAX_SAFE_INTEGER), perPage: int('per_page', 50, PER_PAGE_MAX) };
}

/**
 * An assessment as the API gives it: the flat row's facts, the judgement, the trace, and whether synthetic data lies
 * behind it with the datasets it came from (provenance.ts). A withheld outcome gives the judgement that withheld it.
 */
function assessmentJson(a: Assessment) {
  const base = { la: { code: a.la.code, name: a.la.name, region: a.la.region, formalName: a.la.formalName }, status: a.status, ...provenanceJson(a.provenance) };
  if (a.status !== 'assessed') return { ...base, reason: a.reason, derived: a.status === 'withheld' ? a.derived : null, judgement: a.judgement };
  return {
    ...base,
    grade: a.grade,
    derived: a.derived,
    provisional: a.derivation.provisional,
    final: a.final,
    judgement: a.judgement,
    direction: a.direction,
    limitingRules: a.derivation.fired.map((f) => ({ id: f.rule.id, title: f.rule.title, before: f.before, after: f.after, source: f.rule.source })),
    trace: a.derivation.trace,
  };
}

/**
 * Every route reads the year as the caller may see it (viewer.ts, the embargo): the public only what is published, at
 * its published grade; an unpublished LA-year answers 404, as if it were not there.
 */
export function registerApi(app: FastifyInstance, site: SiteData, cache: PageCache, readerOf: (request: FastifyRequest) => Promise<SiteReader>): void {
  /** JSON that depends only on the assessed data: serialised once per data version. */
  const cachedJson = async (data: SiteReader, reply: FastifyReply, key: string, make: () => Promise<unknown>) => {
    // Kept as UTF-8 bytes: sending a large string converts it on every request. Under the reader's version, which
    // names who may see it: JSON kept for one audience is never sent to another. The pages share the cache, so JSON's
    // keys are marked as JSON: a page and a JSON answer named alike (the what-if's) are never taken for each other.
    const json = await cache.get(`${data.version} json ${key}`, async () => Buffer.from(JSON.stringify(await make())));
    return reply.type('application/json; charset=utf-8').send(json);
  };
  const yearOf = (data: SiteReader, raw: string): number => {
    const year = data.parseYear(raw);
    // A year with no framework (2007, 2008, …) says why there is none (years-explained.ts).
    const why = /^\d{4}$/.test(raw) ? missingYearReason(Number(raw)) : null;
    if (year === null || !data.years.includes(year)) throw new HttpError(404, `no assessment year ${raw}: the years are ${[...data.years].reverse().join(', ') || 'none published yet'}${why ? `. ${why}` : ''}`);
    return year;
  };
  const assessmentOf = async (data: SiteReader, rawYear: string, code: string) => {
    const view = await data.year(yearOf(data, rawYear));
    const a = view.byCode.get(code as never);
    if (!a) throw new HttpError(404, `no local authority with code ${JSON.stringify(code)} in ${view.framework.year}`);
    return { view, a };
  };

  app.get('/openapi.json', async () => OPENAPI);

  app.get('/api/years', async (request) => {
    const data = await readerOf(request);
    return { data: [...data.years].reverse().map((year) => ({ year, href: `/api/${year}/assessments` })) };
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/api/:year/assessments', async (request) => {
    const data = await readerOf(request);
    const year = yearOf(data, request.params.year);
    const { query, ignored } = nationalQuery(request.query);
    if (ignored.length > 0) throw new HttpError(400, `not understood: ${ignored.join(', ')}`);
    const { page: n, perPage } = page(request.query);
    const all = filtered(await data.year(year), query);
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    const link = (p: number) => {
      const params = new URLSearchParams(request.query as Record<string, string>);
      params.set('page', String(p));
      params.set('per_page', String(perPage));
      return `/api/${year}/assessments?${params.toString()}`;
    };
    return {
      // The flat row as in the CSV, with the datasets as a list rather than the CSV's "id (kind); …": the same record
      // as `kingsway assess --json` gives (application/assess-year.ts).
      data: all.slice((n - 1) * perPage, n * perPage).map((a) => ({ ...assessmentRecord(a), href: `/api/${year}/las/${a.la.code}` })),
      page: n,
      perPage,
      total: all.length,
      links: { next: n < pages ? link(n + 1) : null, prev: n > 1 ? link(Math.min(n - 1, pages)) : null },
    };
  });

  app.get<{ Params: { year: string }; Querystring: Record<string, unknown> }>('/api/:year/assessments.csv', async (request, reply) => {
    const data = await readerOf(request);
    const year = yearOf(data, request.params.year);
    const { query } = nationalQuery(request.query);
    return reply.type('text/csv; charset=utf-8').send(toCsv(filtered(await data.year(year), query).map(assessmentRow)));
  });

  app.get<{ Params: { year: string; code: string } }>('/api/:year/las/:code', async (request) => {
    const data = await readerOf(request);
    const { view, a } = await assessmentOf(data, request.params.year, request.params.code);
    return { framework: view.framework.id, year: view.framework.year, official: view.framework.official, ...(view.framework.official ? {} : { notice: "Kingsway's own application of the 2011 method to published data, calibrated on inspectors' judgements of 2018 to 2022: not an Ofsted judgement" }), ...assessmentJson(a), ...publication(data, view.framework.year, a.la.code), links: { profile: `/api/${view.framework.year}/las/${a.la.code}/profile`, page: `/${view.framework.year}/la/${a.la.code}` } };
  });

  // The profile's counts and comparisons; each setting counted is in the paginated settings list, which is most of
  // the profile's size (several hundred childminders in a large LA).
  app.get<{ Params: { year: string; code: string } }>('/api/:year/las/:code/profile', async (request, reply) => {
    const data = await readerOf(request);
    const { view, a } = await assessmentOf(data, request.params.year, request.params.code);
    const year = view.framework.year;
    return cachedJson(data, reply, `profile ${year} ${a.la.code}`, async () => {
      const profile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);
      const p = a.provenance;
      return {
        ...provenanceJson(p),
        // Each block's own answer: Block B (the LA's inspections) has no comparators, so it may be real where A is not.
        provenanceByBlock: { blockA: provenanceJson(p.parts.blockA), blockB: provenanceJson(p.parts.blockB), blockC: provenanceJson(p.parts.blockC) },
        ...profile,
        blockA: profile.blockA.map(({ settings, ...row }) => ({ ...row, settingsCounted: settings.length, settingsHref: `/api/${year}/las/${a.la.code}/settings?group=${encodeURIComponent(row.group.id)}` })),
        // redRed: worse than similar areas and England at the latest period, and worse than the period before (red-red.ts).
        blockC: profile.blockC.map((row) => ({ ...row, redRed: redRedOf(row, view.framework) !== null, ...provenanceJson(p.indicators[row.indicator.id] ?? p.parts.blockC) })),
      };
    });
  });

  // What would move the LA's grade (application/what-if.ts): the same JSON as `kingsway what-if --json`. Read from the
  // year as the caller may see it, so only where its grade may be seen.
  app.get<{ Params: { year: string; code: string } }>('/api/:year/las/:code/what-if', async (request, reply) => {
    const data = await readerOf(request);
    const { view, a } = await assessmentOf(data, request.params.year, request.params.code);
    return cachedJson(data, reply, `what-if ${view.framework.year} ${a.la.code}`, async () => ({ ...whatIfJson(whatIfOfAssessment(view.input, a)), links: { page: `/${view.framework.year}/la/${a.la.code}#what-if`, csv: `/${view.framework.year}/la/${a.la.code}/what-if.csv` } }));
  });

  app.get<{ Params: { year: string; code: string }; Querystring: Record<string, unknown> }>('/api/:year/las/:code/settings', async (request) => {
    const data = await readerOf(request);
    const { view, a } = await assessmentOf(data, request.params.year, request.params.code);
    const profile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);
    const group = typeof request.query['group'] === 'string' ? request.query['group'] : null;
    if (group !== null && !profile.blockA.some((r) => r.group.id === group)) throw new HttpError(400, `group must be one of ${profile.blockA.map((r) => r.group.id).join(', ')}, not ${JSON.stringify(group)}`);
    const { page: n, perPage } = page(request.query);
    const all = profile.blockA.filter((r) => group === null || r.group.id === group).flatMap((r) => r.settings.map((setting) => ({ group: r.group.id, ...setting })));
    const base = `/api/${view.framework.year}/las/${a.la.code}/settings?${group ? `group=${encodeURIComponent(group)}&` : ''}per_page=${perPage}`;
    const pages = Math.max(1, Math.ceil(all.length / perPage));
    return { data: all.slice((n - 1) * perPage, n * perPage), page: n, perPage, total: all.length, links: { next: n < pages ? `${base}&page=${n + 1}` : null, prev: n > 1 ? `${base}&page=${Math.min(n - 1, pages)}` : null } };
  });

  // The LAs themselves are public facts (DfE's codes and names); the link goes to the latest year the caller may see.
  app.get('/api/las', async (request) => {
    const data = await readerOf(request);
    return { data: (await data.las()).map((la) => ({ ...la, href: data.years[0] === undefined ? null : `/api/${data.years[0]}/las/${la.code}` })) };
  });

  // The letter as data: every sentence with its id, its evidence and any inspector's edit, and what needs review.
  app.get<{ Params: { year: string; code: string } }>('/api/:year/las/:code/letter', async (request) => {
    const data = await readerOf(request);
    const { view, a } = await assessmentOf(data, request.params.year, request.params.code);
    if (a.status !== 'assessed') throw new HttpError(404, `no ${view.framework.year} letter for ${a.la.name}: ${a.status === 'withheld' ? 'the outcome is withheld' : 'it was not assessed'} (${a.reason})`);
    // What the public reads is the letter as published, never the draft behind it.
    if (data.sight(view.framework.year, a.la.code) === 'published') {
      const content = await data.store.publishedContent(a.la.code, view.framework.year);
      if (!content) throw new HttpError(404, `no published ${view.framework.year} letter for ${a.la.name}`);
      return { ...content.letter, reviews: [], ...publication(data, view.framework.year, a.la.code), links: { pdf: `/${view.framework.year}/la/${a.la.code}/letter.pdf`, docx: `/${view.framework.year}/la/${a.la.code}/letter.docx` } };
    }
    const { letter, reviews } = await siteLetter(site, view, a);
    return { ...letter, reviews, ...publication(data, view.framework.year, a.la.code), links: { pdf: `/${view.framework.year}/la/${a.la.code}/letter.pdf`, docx: `/${view.framework.year}/la/${a.la.code}/letter.docx` } };
  });

  app.get('/api/indicators', async () => {
    // The indicators' definitions: the same every year and unembargoed (what is measured, not any LA's figure).
    const view = await site.year(site.years[0]!);
    return { data: [...view.input.run.indicators.definitions.values()].sort((a, b) => a.id.localeCompare(b.id)) };
  });
}
