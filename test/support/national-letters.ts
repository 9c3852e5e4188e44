import { join } from 'node:path';
import { defaultDataDir } from '../../src/ingest/data-dir.ts';
import { lastYearsLetters } from '../../src/application/compose-letter.ts';
import type { LaCode } from '../../src/domain/local-authority.ts';
import { frameworkFor } from '../../src/frameworks/index.ts';
import { readBundle } from '../../src/ingest/bundle/read.ts';
import { writeBundle } from '../../src/ingest/bundle/write.ts';
import { PUBLISHED_SOURCES } from '../../src/ingest/shared-data.ts';
import { assessAll } from '../../src/judgement/assess.ts';
import { draftLetter, reportedIn } from '../../src/narrative/letter.ts';
import type { LetterDraft } from '../../src/narrative/letter.ts';
import { loadAssessInput } from '../../src/application/load-evidence.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { generateNationalBundle } from '../../src/synth/generate.ts';
import { tempDir } from './store.ts';

/** The years of the national run the letter checks read: the synthetic 2009-2011 and today's indicator years. */
export const SYNTHETIC_LETTER_YEARS = [2009, 2010, 2011] as const;
export const INDICATOR_LETTER_YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/**
 * Every letter of the national run, as `kingsway letters` writes it before any edit: one store with the published
 * data the project carries (LA lists, neighbours, LAIT, ILACS), into which the synthetic national bundle of each of
 * 2009, 2010 and 2011 (seed 1) is generated from the stored LAs and neighbours as `kingsway generate` does, written,
 * read back and imported, in turn, before that year's letters; today's years are read after. About 35 s here;
 * KINGSWAY_LINT_TIMING=1 prints the time of each step on stderr.
 */
export async function nationalLetters(years: readonly number[] = [...SYNTHETIC_LETTER_YEARS, ...INDICATOR_LETTER_YEARS]): Promise<Map<number, LetterDraft[]>> {
  const tmp = tempDir('kingsway-lint-');
  const store = await SqliteStore.open(join(tmp.dir, 'kingsway.db'));
  try {
    const data = defaultDataDir(process.env);
    if (data === undefined) throw new Error('no published data folder (data/published)');
    const wantIndicators = years.some((y) => y >= 2016);
    for (const source of PUBLISHED_SOURCES) {
      if (!['la-codes', 'neighbours-2021', 'neighbours-2025', ...(wantIndicators ? ['lait', 'ilacs', 'ofsted-providers'] : [])].includes(source.name)) continue;
      const read = source.read(data, { las: await store.localAuthorities() });
      if (!read.ok) throw new Error(`${source.name} rejected: ${JSON.stringify(read.rejections.slice(0, 3))}`);
      await store.replaceDataset(read.batch);
    }
    const las = await store.localAuthorities();
    const vintage = (await store.neighbourVintages())[0]!;
    const neighbours = new Map<LaCode, LaCode[]>();
    for (const la of las) {
      const set = await store.neighbours(la.code, vintage);
      if (set) neighbours.set(la.code, set.neighbours.map((n) => n.code));
    }
    const context = { las: new Map(las.map((la) => [la.code as string, la])), storedIndicators: new Set((await store.indicators()).map((i) => i.id)) };
    const out = new Map<number, LetterDraft[]>();
    const timing = process.env['KINGSWAY_LINT_TIMING'] !== undefined;
    let t = performance.now();
    const lap = (what: string) => {
      if (timing) process.stderr.write(`${what}: ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
      t = performance.now();
    };
    lap('published data');
    for (const year of years) {
      if (year <= 2011) {
        // Each year's bundle has the same providers (URNs) as the others, which one dataset may own: each replaces
        // the last under one dataset id, as a store that had imported only that year's bundle would hold it.
        const generated = generateNationalBundle({ year, seed: 1, las, neighbours });
        const dir = join(tmp.dir, `synthetic-${year}`);
        writeBundle(dir, { ...generated.dataset, id: 'synthetic-national-seed1' }, generated.rows);
        const read = readBundle({ dir, context });
        if (!read.ok) throw new Error(`synthetic ${year} rejected: ${JSON.stringify(read.rejections.slice(0, 3))}`);
        await store.replaceDataset(read.batch);
      }
      const framework = frameworkFor(year);
      // What last year's letters said, for "as reported in last year's assessment": read from last year's letters of
      // this run where they were written from the same evidence (today's years), else assessed again as
      // `kingsway letters` does (a synthetic year's bundle holds the year before it too).
      const previous = out.get(year - 1);
      const lastYear = previous && year > 2011 ? new Map(previous.map((l) => [l.la.code, reportedIn(l)])) : await lastYearsLetters(store, year, undefined);
      const letters: LetterDraft[] = [];
      for (const a of assessAll(await loadAssessInput(store, framework))) {
        if (a.status !== 'assessed') continue;
        letters.push(draftLetter(a, framework, (await store.addressee(a.la.code, year)) ?? null, a.provenance.synthetic, lastYear.get(a.la.code) ?? null));
      }
      out.set(year, letters);
      lap(`letters ${year}`);
    }
    return out;
  } finally {
    await store.close();
    tmp.cleanup();
  }
}
