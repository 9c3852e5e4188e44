import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { z } from 'zod';
import { generatedLetter } from '../src/cli/commands/letter.ts';
import type { LaCode } from '../src/domain/local-authority.ts';
import { readBundle } from '../src/ingest/bundle/read.ts';
import type { LetterDraft } from '../src/narrative/letter.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { seedFixture } from './support/cli.ts';
import { FIXTURE_LA_BATCH, FIXTURE_LAS } from './support/las.ts';
import { SEED_LETTERS } from './support/seed-letters.ts';
import { tempDir } from './support/store.ts';

/**
 * The metamorphic suite of the letters (issue 12): each case changes one fact in a seed fixture's evidence and says
 * what must then change in the letter. The cases are data (test/fixtures/metamorphic/cases.json), for a reader to scan:
 * the seed, the perturbations of its CSV files, and the expectations, each with what it gives on the unperturbed
 * letter (`before`), so that a case proves the perturbation made the difference, not the fixture.
 *
 * A perturbation names a file of the bundle and one of: `set` (change columns of every row matching `where`), `add`
 * (append a row; columns not given are empty) or `remove` (drop every row matching `where`). `where` matches rows
 * whose given columns equal the given strings. An expectation names a section of the letter (`summary`, `strengths`,
 * `areas`, or `any` for the whole body) and a pattern it must or must not match; the text is the section's sentences
 * joined with spaces.
 */
const CASES = fileURLToPath(new URL('./fixtures/metamorphic/cases.json', import.meta.url));

const Row = z.record(z.string(), z.string());
const Perturbation = z.union([
  z.object({ file: z.string(), where: Row, set: Row }).strict(),
  z.object({ file: z.string(), add: Row }).strict(),
  z.object({ file: z.string(), remove: Row }).strict(),
]);
const Expectation = z.union([
  z.object({ section: z.string(), matches: z.string(), before: z.boolean().optional() }).strict(),
  z.object({ section: z.string(), notMatches: z.string(), before: z.boolean().optional() }).strict(),
]);
const Case = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    item: z.number().int().min(1).max(11),
    seed: z.enum(SEED_LETTERS.map((s) => s.folder) as [string, ...string[]]),
    year: z.number().int(),
    la: z.string().regex(/^\d{3}$/),
    description: z.string().min(1),
    perturb: z.array(Perturbation).min(1),
    expect: z.array(Expectation).min(1),
  })
  .strict();
const CaseFile = z.object({ cases: z.array(Case) }).strict();
type Case = z.infer<typeof Case>;
type Perturbation = z.infer<typeof Perturbation>;

function loadCases(): Case[] {
  const parsed = CaseFile.safeParse(JSON.parse(readFileSync(CASES, 'utf8')));
  if (!parsed.success) throw new Error(`${CASES}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.cases;
}

const matchesAll = (row: Record<string, string>, where: Record<string, string>) => Object.entries(where).every(([k, v]) => row[k] === v);

/** Applies the perturbations to a copy of the bundle's CSV files, keeping the manifest's row counts true. */
function perturb(dir: string, perturbations: readonly Perturbation[]): void {
  const byFile = new Map<string, Perturbation[]>();
  for (const p of perturbations) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: { path: string; rows?: number }[] };
  for (const [file, list] of byFile) {
    const path = join(dir, file);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
    const fields = parsed.meta.fields ?? [];
    let rows = parsed.data;
    for (const p of list) {
      if ('set' in p) {
        const hits = rows.filter((r) => matchesAll(r, p.where));
        assert.ok(hits.length > 0, `${file}: no row matches ${JSON.stringify(p.where)}`);
        for (const r of hits) Object.assign(r, p.set);
      } else if ('add' in p) {
        for (const column of Object.keys(p.add)) assert.ok(fields.includes(column), `${file} has no column ${column}`);
        rows.push(Object.fromEntries(fields.map((f) => [f, p.add[f] ?? ''])));
      } else {
        const before = rows.length;
        rows = rows.filter((r) => !matchesAll(r, p.remove));
        assert.ok(rows.length < before, `${file}: no row matches ${JSON.stringify(p.remove)}`);
      }
    }
    writeFileSync(path, `${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f] ?? '')) }, { newline: '\n' })}\n`);
    const entry = manifest.files.find((f) => f.path === file);
    assert.ok(entry, `the manifest lists no ${file}`);
    if (entry.rows !== undefined) entry.rows = rows.length;
  }
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** The letter Kingsway writes from a bundle, in a store of its own (with last year's published grade, as the seed tests have it). */
async function letterFrom(dir: string, c: Case): Promise<LetterDraft> {
  const store = await SqliteStore.open(':memory:');
  try {
    await store.replaceDataset(FIXTURE_LA_BATCH);
    const read = readBundle({ dir, context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
    assert.ok(read.ok, read.ok ? '' : JSON.stringify(read.rejections.slice(0, 3)));
    await store.replaceDataset(read.batch);
    const seed = SEED_LETTERS.find((s) => s.folder === c.seed)!;
    if (seed.previous !== null) {
      await store.recordJudgement({ la: seed.la as LaCode, year: seed.year - 1, decision: { kind: 'grade', grade: seed.previous }, rationale: 'Published outcome of the year before', author: 'Ofsted (published)', stage: 'final', authorId: null, recordedAt: '2010-12-09T00:00:00Z', derivedAtTheTime: null });
    }
    return await generatedLetter(store, { la: c.la, year: c.year });
  } finally {
    await store.close();
  }
}

const sectionText = (letter: LetterDraft, section: string) =>
  letter.sections
    .filter((s) => section === 'any' || s.id === section)
    .flatMap((s) => s.blocks.flatMap((b) => b.sentences.map((x) => x.text)))
    .join(' ');

const holds = (letter: LetterDraft, e: z.infer<typeof Expectation>) => ('matches' in e ? new RegExp(e.matches).test(sectionText(letter, e.section)) : !new RegExp(e.notMatches).test(sectionText(letter, e.section)));
const describeExpectation = (e: z.infer<typeof Expectation>) => ('matches' in e ? `the ${e.section} matches /${e.matches}/` : `the ${e.section} does not match /${e.notMatches}/`);

describe('letters under perturbed evidence (the metamorphic suite)', () => {
  const cases = loadCases();
  let tmp: ReturnType<typeof tempDir>;
  const baselines = new Map<string, Promise<LetterDraft>>();
  before(() => {
    tmp = tempDir();
  });
  after(() => tmp.cleanup());

  it('has a case for every numbered fault of the issue, 40 or more in all, each id once', () => {
    assert.ok(cases.length >= 40, `only ${cases.length} cases`);
    assert.deepEqual([...new Set(cases.map((c) => c.item))].sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
  });

  for (const c of cases) {
    it(`${c.id} (item ${c.item}): ${c.description}`, async () => {
      const key = `${c.seed} ${c.la} ${c.year}`;
      if (!baselines.has(key)) baselines.set(key, letterFrom(seedFixture(c.seed), c));
      const baseline = await baselines.get(key)!;
      const dir = join(tmp.dir, c.id);
      cpSync(seedFixture(c.seed), dir, { recursive: true });
      perturb(dir, c.perturb);
      const letter = await letterFrom(dir, c);
      for (const e of c.expect) {
        if (e.before !== undefined) assert.equal(holds(baseline, e), e.before, `before the change, ${describeExpectation(e)} should be ${e.before}:\n${sectionText(baseline, e.section)}`);
        assert.ok(holds(letter, e), `after the change, ${describeExpectation(e)}:\n${sectionText(letter, e.section)}`);
      }
    });
  }
});
