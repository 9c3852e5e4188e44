import type { AssessmentGrade } from '../domain/grade.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { Actor } from '../domain/roles.ts';
import { audienceKey, sightOf } from '../domain/visibility.ts';
import type { Sight } from '../domain/visibility.ts';
import type { WorkflowStatus } from '../domain/workflow.ts';
import type { Assessment } from '../judgement/assess.ts';
import { compareWithPublished, distribution } from '../judgement/assess.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import type { Hex, Store } from '../store/repository.ts';
import { NOT_STARTED } from '../application/workflow.ts';
import type { SiteData, YearProcess, YearView } from './site-data.ts';

/** What the pages, the API and the downloads read: the site's years as one person may see them (the embargo). */
export interface SiteReader {
  readonly store: Store;
  readonly letterSettings: LetterSettings;
  /** What this reader's pages are kept under: the data, the process and who may see what all change it. */
  readonly version: string;
  readonly actor: Actor;
  /** The years with anything this person may see, latest first. */
  readonly years: readonly number[];
  isYear(year: number): boolean;
  parseYear(raw: string): number | null;
  scaleLabel(year: number, grade: number): string;
  las(): Promise<readonly LocalAuthority[]>;
  hexes(): Promise<readonly Hex[]>;
  defaultYear(): Promise<number>;
  /** The year with only the LAs whose outcome this person may see (`current` or `published`), published ones at their published grade. */
  year(year: number): Promise<YearView>;
  /** How much of the LA-year this person may see. */
  sight(year: number, la: LaCode): Sight;
  status(year: number, la: LaCode): WorkflowStatus;
  /** Whether this person sees every LA's current outcome (Ofsted's staff): the national pages say "unpublished". */
  readonly seesUnpublished: boolean;
  /** The whole year, unrestricted, for a page that has already checked what it shows (an LA user's own profile). */
  fullYear(year: number): Promise<YearView>;
  /** The site itself, for figures over every LA that name none (the method's agreement with inspectors). */
  readonly unrestricted: SiteData;
}

/** Whether two records are the same judgement (each read of the store makes new objects). */
const sameJudgement = (a: InspectorJudgement | null, b: InspectorJudgement | null) =>
  a === b || (a !== null && b !== null && a.recordedAt === b.recordedAt && a.author === b.author && a.rationale === b.rationale && JSON.stringify(a.decision) === JSON.stringify(b.decision));

/**
 * The assessment as published: at the grade of the version in force, with the judgement in force when it was
 * published (a copy only where either differs): a grade or rationale recorded since, for a correction not yet
 * published, is not public.
 */
function asPublished(a: Assessment, grade: AssessmentGrade | undefined, judgement: InspectorJudgement | null | undefined): Assessment {
  if (a.status !== 'assessed' || grade === undefined) return a;
  const judged = judgement ?? null;
  if (a.grade === grade && sameJudgement(a.judgement, judged)) return a;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(Object.getOwnPropertyDescriptors(a))) Object.defineProperty(copy, key, value);
  const set = (key: string, value: unknown) => Object.defineProperty(copy, key, { value, enumerable: true });
  set('grade', grade);
  set('change', grade - a.derived);
  set('judgement', judged);
  set('final', judged !== null && judged.decision.kind === 'grade');
  return copy as Assessment;
}

/** The year as `actor` may see it. Pure over the view and the process: SiteData keeps the result per audience. */
export function restrictYear(view: YearView, process: YearProcess, actor: Actor): YearView {
  const year = view.framework.year;
  const results: Assessment[] = [];
  let all = true;
  for (const a of view.results) {
    const sight = sightOf(actor, a.la.code, year, process.statuses.get(a.la.code)?.state ?? 'not-started');
    if (sight === 'current') results.push(a);
    else if (sight === 'published') results.push(asPublished(a, process.publishedGrades.get(a.la.code), process.publishedJudgements.get(a.la.code)));
    else all = false;
    if (sight !== 'current') all = false;
  }
  if (all) return view;
  return {
    framework: view.framework,
    input: view.input,
    results,
    byCode: new Map(results.map((r) => [r.la.code, r])),
    distribution: compareWithPublished(distribution(results), view.framework.published, view.framework),
  };
}

/** The years each audience may see anything of, by the processes they were worked out from. */
const yearsSeen = new WeakMap<ReadonlyMap<number, YearProcess>, Map<string, readonly number[]>>();

/** The reader for one request's person, over the site's data and the processes of every year. */
export function siteReader(data: SiteData, actor: Actor, processes: ReadonlyMap<number, YearProcess>, processVersion: number): SiteReader {
  const audience = audienceKey(actor);
  const statusOf = (year: number, la: LaCode) => processes.get(year)?.statuses.get(la) ?? NOT_STARTED;
  const sight = (year: number, la: LaCode) => sightOf(actor, la, year, statusOf(year, la).state);
  const seesUnpublished = actor.kind === 'user' && actor.role !== 'la';
  // A year is listed if anything in it may be seen: all of them for staff; for others, a published LA or their own.
  // Worked out once per audience for the processes read (every request builds a reader).
  let byAudience = yearsSeen.get(processes);
  if (!byAudience) yearsSeen.set(processes, (byAudience = new Map()));
  let years = byAudience.get(audience);
  if (!years) {
    years = data.years.filter((y) => {
      if (seesUnpublished) return true;
      const statuses = processes.get(y)?.statuses;
      if (!statuses) return false;
      for (const [la, s] of statuses) if (sightOf(actor, la, y, s.state) !== 'none') return true;
      return false;
    });
    byAudience.set(audience, years);
  }
  const reader: SiteReader = {
    store: data.store,
    letterSettings: data.letterSettings,
    version: `${data.version}.${processVersion} ${audience}`,
    actor,
    years,
    seesUnpublished,
    isYear: (year) => data.isYear(year),
    parseYear: (raw) => data.parseYear(raw),
    scaleLabel: (year, grade) => data.scaleLabel(year, grade),
    las: () => data.las(),
    hexes: () => data.hexes(),
    async defaultYear() {
      for (const year of years) if ((await reader.year(year)).results.some((r) => r.status === 'assessed')) return year;
      return years[0] ?? data.years[0]!;
    },
    year: (year) => data.restrictedYear(year, audience, (view) => restrictYear(view, processes.get(year) ?? { statuses: new Map(), publishedGrades: new Map(), publishedJudgements: new Map() }, actor)),
    fullYear: (year) => data.year(year),
    unrestricted: data,
    sight,
    status: statusOf,
  };
  return reader;
}

/**
 * What the national page says of the embargo: to Ofsted's staff, that they see unpublished outcomes and how many are
 * published; to everyone else, how many of the year's outcomes are published (the page lists only those).
 */
export async function embargoNote(reader: SiteReader, year: number): Promise<{ readonly kind: 'staff' | 'public'; readonly text: string } | null> {
  const all = (await reader.fullYear(year)).results;
  const published = all.filter((a) => reader.status(year, a.la.code).state === 'published').length;
  if (reader.seesUnpublished) {
    return { kind: 'staff', text: `Not published: you see every LA's outcome as it stands, because you work on the assessments. ${published} of ${all.length} ${published === 1 ? 'is' : 'are'} published; the public sees only those.` };
  }
  const shown = (await reader.year(year)).results.length;
  return shown === all.length ? null : { kind: 'public', text: `Only published outcomes are shown: ${shown} of the ${all.length} local authorities.` };
}
