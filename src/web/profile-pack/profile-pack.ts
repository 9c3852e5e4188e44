import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { Assessment } from '../../judgement/assess.ts';
import { syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { ProvenanceSummary } from '../../judgement/provenance.ts';
import { letterDate } from '../../narrative/dates.ts';
import { buildProfile } from '../../profile/profile.ts';
import { indicatorPage } from '../pages/indicator.ts';
import { laPage } from '../pages/la.ts';
import { whatIfSection } from '../pages/la-what-if.ts';
import type { YearView } from '../site-data.ts';
import type { SiteReader } from '../viewer.ts';

/**
 * The profile pack: an LA's performance profile for a year as one printable document (A4, its CSS inline), the PDF
 * being this page printed by Chromium (src/render/pdf.ts). It lives with the web site because it is the LA page's
 * model printed: the same reader, the same embargo, as inspectors had the profile on paper. Built from the LA
 * page's own view model (web/pages/la.ts) and, for each indicator's trend, the indicator page's
 * (web/pages/indicator.ts), read through the same reader: it shows what the LA page shows to that reader, no more
 * (an LA's own people before their draft: the profile without a grade). The synthetic-data warning is in the running
 * header of every page (CSS page-margin boxes), as well as beside each table it concerns.
 */
const templates = fileURLToPath(new URL('./', import.meta.url));
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true, throwOnUndefined: true });
/**
 * Text as a CSS string, for the running header and footer (`content: "…"` in the page's stylesheet, where HTML's
 * escaping means nothing): everything but letters, digits, spaces and a few marks written as a CSS hex escape, so that
 * no name or note can end the string, the rule or the <style> element.
 */
env.addFilter('cssString', (text: string) => new nunjucks.runtime.SafeString(`"${[...String(text)].map((c) => (/[\p{L}\p{N} .,:;()–-]/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`));

export interface ProfilePackOptions {
  /** The day the pack is printed (YYYY-MM-DD), shown on the cover and in every page's footer: the caller's clock. */
  readonly printedOn: string;
  /** The profile as released to the LA's own people before their draft: no grade, no trace, no bands (la.ts). */
  readonly outcomeHidden?: boolean;
  /**
   * The LA's grade in every other year, as the LA page lists it (default true). It needs every year assessed: the
   * site has them (it assesses them all in the background); a command printing one pack would wait for them all.
   */
  readonly history?: boolean;
}

/** Who the pack is printed for, in words, from what the reader may see (the embargo: web/viewer.ts). */
function audienceOf(reader: SiteReader, outcomeHidden: boolean): string {
  if (reader.seesUnpublished) return "Ofsted staff view: every outcome as it stands, published or not. Not for publication before the outcome is published.";
  if (outcomeHidden) return 'The profile as released to the local authority, before its draft assessment: no grade is shown.';
  if (reader.actor.kind === 'user' && reader.actor.role === 'la') return "The local authority's own view: its profile and what is published.";
  return 'Public view: published outcomes only.';
}

const marking = (p: ProvenanceSummary) => (p.synthetic ? { label: syntheticLabel(p)!, note: syntheticNote(p)! } : null);
const ROLE_WORDS = { own: "the LA's own evidence", comparators: 'comparators only (similar areas, England, ranks)', 'own-and-comparators': "the LA's own evidence and its comparators" } as const;

/** The pack's view: the LA page's model, each indicator's trend (chart and table), the datasets behind it, and the cover. */
export async function profilePackModel(reader: SiteReader, view: YearView, a: Assessment, options: ProfilePackOptions) {
  const outcomeHidden = options.outcomeHidden === true;
  const history = options.history !== false;
  // Without the history, the page is asked for as a reader who sees this year alone, so that it assesses no other
  // (its list of the LA's other years is all that reads them); the pack then leaves the list out.
  const page = await laPage(history ? reader : { ...reader, years: [view.framework.year] }, view, a, { outcomeHidden });
  // The same profile the page reads (a.profile is made again on request and kept: site-data.ts).
  const profile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);
  // The what-if in full (the LA page has its head and a link; the pack has no link to follow).
  const whatIf = whatIfSection(view, a, outcomeHidden);
  const shownIds = new Set(page.blockC.map((r) => r.id));
  const rows = profile.blockC.filter((r) => shownIds.has(r.indicator.id));
  // Each indicator's trend, as its own page has it (chart and table), grouped by Every Child Matters outcome.
  const indicators = rows.map((row) => {
    const p = indicatorPage(view, a, row);
    return { id: row.indicator.id, name: row.indicator.name, outcome: p.indicator.outcome, unit: p.indicator.unit, polarity: p.indicator.polarity, source: p.indicator.source, rank: p.rank, trend: p.trend, chart: p.chart, series: p.series, synthetic: p.synthetic, datasets: p.datasets };
  });
  const outcomes = [...new Set(indicators.map((i) => i.outcome))].map((outcome) => ({ outcome, indicators: indicators.filter((i) => i.outcome === outcome) }));

  // The datasets behind the figures, with what the store says of each (title, source, licence).
  const stored = new Map((await reader.store.datasets()).map((d) => [d.id, d]));
  const parts = [
    { part: 'Inspected settings (Block A)', p: a.provenance.parts.blockA },
    { part: 'Inspections of the local authority (Block B)', p: a.provenance.parts.blockB },
    { part: 'Indicators (Block C)', p: a.provenance.parts.blockC },
  ].map(({ part, p }) => ({
    part,
    marking: marking(p),
    datasets: p.datasets.map((d) => `${d.id} (${d.kind}): ${ROLE_WORDS[d.role]}`),
  }));
  const datasets = a.provenance.datasets.map((d) => {
    const s = stored.get(d.id);
    return { id: d.id, kind: d.kind, synthetic: d.kind === 'synthetic', title: s?.title ?? '–', source: s?.source ?? '–', licence: s?.licence ?? '–', rows: s ? s.rowCount.toLocaleString('en-GB') : '–' };
  });

  const sections = [
    ...(outcomeHidden ? [] : [{ id: 'grade', title: page.outcome.trace.length > 0 ? 'The grade and how it was reached' : 'The outcome' }]),
    // The LA page's what-if (pages/la-what-if.ts), where the page has one: never where the grade is hidden.
    ...(whatIf?.ok ? [{ id: 'what-if', title: 'What would move the grade' }] : []),
    { id: 'block-a', title: 'Inspected settings (Block A)' },
    { id: 'block-b', title: 'Inspections of the local authority (Block B)' },
    { id: 'block-c', title: 'Indicators (Block C)' },
    ...(outcomes.length > 0 ? [{ id: 'block-c-trends', title: 'Indicators over time (Block C)' }] : []),
    { id: 'neighbours', title: 'Statistical neighbours' },
    { id: 'sources', title: 'Data sources and provenance' },
  ].map((s, i) => ({ ...s, number: i + 1 }));

  const printed = letterDate(options.printedOn);
  const synthetic = marking(a.provenance);
  return {
    ...page,
    whatIf,
    outcomeHidden,
    printed,
    audience: audienceOf(reader, outcomeHidden),
    sections,
    number: Object.fromEntries(sections.map((s) => [s.id, s.number])) as Record<string, number>,
    outcomes,
    chartKey: indicators.find((i) => i.chart)?.chart?.key ?? [],
    history,
    parts,
    datasets,
    // Every page's running header: the synthetic warning where the figures rest on synthetic data; else what it is.
    runningHeader: synthetic ? `${synthetic.label.toUpperCase()}: ${synthetic.note}` : view.framework.official ? 'Kingsway: a reconstruction of the annual assessment, not an Ofsted document' : "Kingsway's indicator assessment of published data: not an Ofsted judgement",
    runningFooter: `${a.la.name} (${a.la.code}), profile pack ${view.framework.year}. Printed ${printed}`,
  };
}

export type ProfilePackModel = Awaited<ReturnType<typeof profilePackModel>>;

export function profilePackHtml(model: ProfilePackModel): string {
  return env.render('profile-pack.njk', model);
}

/** The pack's HTML for the LA-year as the reader may see it (the caller has checked the reader may see it at all). */
export async function profilePack(reader: SiteReader, view: YearView, a: Assessment, options: ProfilePackOptions): Promise<string> {
  return profilePackHtml(await profilePackModel(reader, view, a, options));
}
