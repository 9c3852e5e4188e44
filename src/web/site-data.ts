import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { FRAMEWORKS } from '../frameworks/index.ts';
import { previousIndicatorFramework } from '../frameworks/indicators/definition.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment, DistributionRow } from '../judgement/assess.ts';
import { assessOne, compareWithPublished, distribution, lasAssessed } from '../judgement/assess.ts';
import { loadAssessInput } from '../application/load-evidence.ts';
import { blockAContext, blockAMemo } from '../profile/block-a.ts';
import type { BlockAMemo } from '../profile/block-a.ts';
import { buildProfile } from '../profile/profile.ts';
import type { LaProfile, ProfileRun } from '../profile/profile.ts';
import type { LoadedAssessInput } from '../application/load-evidence.ts';
import { sharedReads } from '../application/shared-reads.ts';
import type { EvidenceRepository, Hex, Store } from '../store/repository.ts';
import { DEFAULT_LETTER_SETTINGS } from '../narrative/letter-settings.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import type { WorkflowStatus } from '../domain/workflow.ts';
import type { AssessmentGrade } from '../domain/grade.ts';
import { currentJudgements } from '../domain/inspector-judgement.ts';
import type { InspectorJudgement } from '../domain/inspector-judgement.ts';
import { yearStatuses } from '../application/workflow.ts';

/**
 * What the web pages read: each framework year assessed once for every LA and kept, so that a page is a lookup and a
 * render. A year is loaded on first use (or warmed at start-up) and forgotten when something it depends on changes
 * (an inspector's judgement or letter edit made through the site), so the next request assesses it afresh.
 *
 * What is kept of a year is what the national pages and every LA's grade read (issue 14): each assessment with its
 * derivation, and the run to profile from. An assessed LA's profile (its Blocks A, B and C in full: on the demo store
 * 14 years of them held about 90 MB beyond the settings they count) is made again from the run when a page reads it
 * (`profile`, an enumerable property like any other), in about a millisecond, and the most recently read are kept
 * (PROFILES_KEPT). The profile made again is the one the grade was derived from: the run and its functions are pure.
 */
export interface YearView {
  readonly framework: Framework;
  /** With each LA's provenance: every assessment carries it too, and every page that shows a figure reads it. */
  readonly input: LoadedAssessInput;
  readonly results: readonly Assessment[];
  readonly byCode: ReadonlyMap<LaCode, Assessment>;
  readonly distribution: readonly DistributionRow[];
}

/**
 * How many LA profiles are kept once made again (above), the most recently read: a year's LAs and a few, so that the
 * pages and downloads of an LA (its page, letter, CSV, API profile) read one profile, and someone going round a year's
 * LAs finds the one they came from. About 7 MB of 2011's profiles, their settings apart (those are kept anyway).
 */
export const PROFILES_KEPT = 160;

/**
 * One year's process: each LA's workflow status and, once published, the grade of the version in force (the grade
 * as published, even if a judgement has been recorded since: a change after publication is a correction, a new
 * version, or it is not public).
 */
export interface YearProcess {
  readonly statuses: ReadonlyMap<LaCode, WorkflowStatus>;
  readonly publishedGrades: ReadonlyMap<LaCode, AssessmentGrade>;
  /** The judgement in force at the version's publication (null: none was recorded). */
  readonly publishedJudgements: ReadonlyMap<LaCode, InspectorJudgement | null>;
}

export class SiteData {
  readonly #store: Store;
  /** Profiles made again on request (above), by year and LA, least recently read first. */
  readonly #profiles = new Map<string, { readonly run: ProfileRun; readonly profile: LaProfile }>();
  /** The evidence reads every year makes, shared between them (application/shared-reads.ts); renewed on a change. */
  #reads: EvidenceRepository;
  /**
   * Every LA's own Block A settings, shared by the years over those reads (profile/block-a.ts, blockAMemo), so that a
   * page's profile made again counts none of them afresh; renewed with the reads.
   */
  #ownSettings: BlockAMemo['owns'] = new Map();
  readonly #years = new Map<number, Promise<YearView>>();
  /** The years whose view has been assessed, for a later year's direction of travel to read without waiting. */
  readonly #resolved = new Map<number, YearView>();
  #las: Promise<readonly LocalAuthority[]> | null = null;
  #hexes: Promise<readonly Hex[]> | null = null;
  /** Bumped on every change, so that anything cached from a year can tell it is stale. */
  #version = 0;

  /** Who the site's letters are from (the deployment's setting). */
  readonly letterSettings: LetterSettings;

  constructor(store: Store, letterSettings: LetterSettings = DEFAULT_LETTER_SETTINGS) {
    this.#store = store;
    this.#reads = sharedReads(store);
    this.letterSettings = letterSettings;
  }

  get store(): Store {
    return this.#store;
  }

  get version(): number {
    return this.#version;
  }

  /** The framework years, latest first. */
  get years(): readonly number[] {
    return FRAMEWORKS.map((f) => f.year).sort((a, b) => b - a);
  }

  isYear(year: number): boolean {
    return FRAMEWORKS.some((f) => f.year === year);
  }

  /** The latest year in which any LA is assessed: what the site opens on. */
  async defaultYear(): Promise<number> {
    for (const year of this.years) if ((await this.year(year)).results.some((r) => r.status === 'assessed')) return year;
    return this.years[0]!;
  }

  /** A year from an address ("2011"), or `null` if it is not one of the framework years. */
  parseYear(raw: string): number | null {
    const year = Number(raw);
    return /^\d{4}$/.test(raw) && this.isYear(year) ? year : null;
  }

  /** The hex layout, read once. */
  hexes(): Promise<readonly Hex[]> {
    this.#hexes ??= this.#store.hexes();
    return this.#hexes;
  }

  /** A grade in the words of its year's scale ("Performs well"; in 2006 "Consistently delivers above minimum requirements"). */
  scaleLabel(year: number, grade: number): string {
    return FRAMEWORKS.find((f) => f.year === year)?.scale.find((s) => s.grade === grade)?.label ?? String(grade);
  }

  las(): Promise<readonly LocalAuthority[]> {
    this.#las ??= this.#store.localAuthorities();
    return this.#las;
  }

  year(year: number): Promise<YearView> {
    let view = this.#years.get(year);
    if (!view) {
      const loading = this.#load(year);
      view = loading;
      this.#years.set(year, loading);
      // A failed load is not kept: the next request tries again.
      loading.then(
        (v) => {
          if (this.#years.get(year) === loading) this.#resolved.set(year, v);
        },
        () => this.#years.delete(year),
      );
    }
    return view;
  }

  async #load(year: number): Promise<YearView> {
    const framework = FRAMEWORKS.find((f) => f.year === year);
    if (!framework) throw new RangeError(`no framework for ${year}`);
    // Today's years travel from Kingsway's grade of the year before: read from that year's view where it is already
    // assessed; otherwise the loader derives those grades from this year's run (load-evidence.ts), rather than waiting
    // for the year before, and the one before that, in a chain back to 2016 (ten years before the first page).
    const before = previousIndicatorFramework(framework) ? (this.#resolved.get(year - 1) ?? null) : null;
    const previousDerived = before ? { year: before.framework.year, grades: new Map(before.results.flatMap((r) => (r.status === 'assessed' ? [[r.la.code, r.derived] as const] : []))) } : undefined;
    // Taken together before anything is awaited: the settings are those of these reads.
    const [reads, ownSettings] = [this.#reads, this.#ownSettings];
    const loaded = await loadAssessInput(reads, framework, undefined, previousDerived ? { previousDerived } : {});
    // The run kept with the year counts each LA's own settings once for all the years (issue 14).
    const run: ProfileRun = { ...loaded.run, blockA: blockAContext(loaded.run.evidence, framework.blockA, blockAMemo({ owns: ownSettings })) };
    const input: LoadedAssessInput = { ...loaded, run };
    const profiles = this.#profiles;
    const profileOf = function (this: Extract<Assessment, { status: 'assessed' }>): LaProfile {
      const key = `${year} ${this.la.code}`;
      const kept = profiles.get(key);
      // Refresh its place: a Map keeps insertion order, so the first key is the least recently read.
      if (kept) profiles.delete(key);
      // A profile kept from a run since replaced (the year assessed again) is not this one's.
      const profile = kept && kept.run === run ? kept.profile : buildProfile(run, this.la.code);
      profiles.set(key, { run, profile });
      if (profiles.size > PROFILES_KEPT) profiles.delete(profiles.keys().next().value!);
      return profile;
    };
    // One LA at a time, its profile let go as soon as its grade is derived: held until the year was done, 152 of them
    // outlived the young generation and were left in the old as garbage, which the process kept as resident memory.
    const results = lasAssessed(input).map((la) => {
      const a = assessOne(input, la);
      return a.status === 'assessed' ? withProfileOnRequest(a, profileOf) : a;
    });
    return {
      framework,
      input,
      results,
      byCode: new Map(results.map((r) => [r.la.code, r])),
      distribution: compareWithPublished(distribution(results), framework.published, framework),
    };
  }

  #external: number | null = null;
  #externalProcess: number | null = null;
  /** Each year's process (the workflow's statuses and published grades), read once per process version. */
  #processes: Promise<ReadonlyMap<number, YearProcess>> | null = null;
  #processVersion = 0;
  /** Each year as each audience may see it (viewer.ts), kept until the data or the process changes. */
  readonly #restricted = new Map<string, Promise<YearView>>();

  get processVersion(): number {
    return this.#processVersion;
  }

  /** Every year's process, for the embargo (viewer.ts). */
  processes(): Promise<ReadonlyMap<number, YearProcess>> {
    if (!this.#processes) {
      const loading = this.#loadProcesses();
      this.#processes = loading;
      loading.catch(() => {
        if (this.#processes === loading) this.#processes = null;
      });
    }
    return this.#processes;
  }

  async #loadProcesses(): Promise<ReadonlyMap<number, YearProcess>> {
    const out = new Map<number, YearProcess>();
    for (const year of this.years) {
      const statuses = await yearStatuses(this.#store, year);
      const publishedGrades = new Map<LaCode, AssessmentGrade>();
      const publishedJudgements = new Map<LaCode, InspectorJudgement | null>();
      const published = [...statuses].filter(([, status]) => status.version !== null);
      const judgements = published.length > 0 ? await this.#store.inspectorJudgements(year) : [];
      for (const [la, status] of published) {
        const content = await this.#store.publishedContent(la, year, status.version!);
        if (content) publishedGrades.set(la, content.grade);
        // The judgement in force when the version was published: one recorded since (for a correction not yet
        // published) is not public.
        const at = status.versions.at(-1)!.at;
        publishedJudgements.set(la, currentJudgements(judgements.filter((j) => j.la === la && j.recordedAt <= at)).get(la) ?? null);
      }
      out.set(year, { statuses, publishedGrades, publishedJudgements });
    }
    return out;
  }

  /** The year as one audience sees it, made by `restrict` from the full year once per data and process version. */
  restrictedYear(year: number, audience: string, restrict: (view: YearView) => YearView): Promise<YearView> {
    const key = `${year} ${audience}`;
    let held = this.#restricted.get(key);
    if (!held) {
      const made = this.year(year).then(restrict);
      held = made;
      this.#restricted.set(key, made);
      made.catch(() => this.#restricted.get(key) === made && this.#restricted.delete(key));
    }
    return held;
  }

  /** After a move, a comment or an answer made through this server. */
  processChanged(): void {
    this.#processes = null;
    this.#restricted.clear();
    this.#processVersion++;
  }

  /**
   * Before each request: if another process (the CLI, a second server on the same database) has committed a change
   * since the last request, everything assessed is dropped and read again on demand, so a judgement recorded
   * elsewhere shows without a restart. One cheap read of the store's version per request.
   */
  async followStore(): Promise<void> {
    const process = await this.#store.externalProcessVersion();
    if (this.#externalProcess !== null && process !== this.#externalProcess) this.processChanged();
    this.#externalProcess = process;
    const now = await this.#store.externalVersion();
    if (this.#external !== null && now !== this.#external) {
      this.#years.clear();
      this.#resolved.clear();
      this.#reads = sharedReads(this.#store);
      this.#ownSettings = new Map();
      this.#las = null;
      this.#hexes = null;
      this.#profiles.clear();
      this.#restricted.clear();
      this.#version++;
    }
    this.#external = now;
  }

  /** After a change through the site: the year and the one after it (whose direction of travel reads it). */
  changed(year: number): void {
    this.#years.delete(year);
    this.#years.delete(year + 1);
    this.#resolved.delete(year);
    this.#resolved.delete(year + 1);
    this.#profiles.clear();
    this.#restricted.clear();
    this.#version++;
  }
}

/**
 * The assessment as assessAll made it, its properties in the same order, but with its profile read through `profileOf`
 * (made again, or kept) rather than held: what a page, a spread or JSON reads of it is the same.
 */
function withProfileOnRequest(a: Extract<Assessment, { status: 'assessed' }>, profileOf: (this: Extract<Assessment, { status: 'assessed' }>) => LaProfile): Assessment {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(a)) {
    if (key === 'profile') Object.defineProperty(out, key, { get: profileOf, enumerable: true });
    else out[key] = value;
  }
  return out as Assessment;
}
