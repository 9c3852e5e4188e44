import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { FRAMEWORKS } from '../frameworks/index.ts';
import { previousIndicatorFramework } from '../frameworks/indicators/definition.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment, DistributionRow } from '../judgement/assess.ts';
import { assessAll, compareWithPublished, distribution } from '../judgement/assess.ts';
import { loadAssessInput } from '../application/load-evidence.ts';
import type { LoadedAssessInput } from '../application/load-evidence.ts';
import { sharedReads } from '../application/shared-reads.ts';
import type { EvidenceRepository, Hex, Store } from '../store/repository.ts';
import { DEFAULT_LETTER_SETTINGS } from '../narrative/letter-settings.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';

/**
 * What the web pages read: each framework year assessed once for every LA and kept, so that a page is a lookup and a
 * render. A year is loaded on first use (or warmed at start-up) and forgotten when something it depends on changes
 * (an inspector's judgement or letter edit made through the site), so the next request assesses it afresh.
 */
export interface YearView {
  readonly framework: Framework;
  /** With each LA's provenance: every assessment carries it too, and every page that shows a figure reads it. */
  readonly input: LoadedAssessInput;
  readonly results: readonly Assessment[];
  readonly byCode: ReadonlyMap<LaCode, Assessment>;
  readonly distribution: readonly DistributionRow[];
}

export class SiteData {
  readonly #store: Store;
  /** The evidence reads every year makes, shared between them (application/shared-reads.ts); renewed on a change. */
  #reads: EvidenceRepository;
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
    const input = await loadAssessInput(this.#reads, framework, undefined, previousDerived ? { previousDerived } : {});
    const results = assessAll(input);
    return {
      framework,
      input,
      results,
      byCode: new Map(results.map((r) => [r.la.code, r])),
      distribution: compareWithPublished(distribution(results), framework.published, framework),
    };
  }

  #external: number | null = null;

  /**
   * Before each request: if another process (the CLI, a second server on the same database) has committed a change
   * since the last request, everything assessed is dropped and read again on demand, so a judgement recorded
   * elsewhere shows without a restart. One cheap read of the store's version per request.
   */
  async followStore(): Promise<void> {
    const now = await this.#store.externalVersion();
    if (this.#external !== null && now !== this.#external) {
      this.#years.clear();
      this.#resolved.clear();
      this.#reads = sharedReads(this.#store);
      this.#las = null;
      this.#hexes = null;
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
    this.#version++;
  }
}
