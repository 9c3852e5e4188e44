import { basename } from 'node:path';
import type { Rejection } from '../../domain/errors.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { ImportBatch, SourceFile } from '../../store/repository.ts';
import type { AliasTable } from '../columns.ts';
import type { ProgressFn, SourceRead } from '../source.ts';
import type { BundleContext } from './context.ts';
import { loadBundleText } from './files.ts';
import { MAX_MANIFEST_BYTES, dateLimit, shownValue } from './limits.ts';
import { Manifest } from './manifest.ts';
import { parseAddressees } from './parse-addressees.ts';
import { parseIndicatorValues, parseIndicators, parseOutcomeCounts } from './parse-indicators.ts';
import { laInspectionKey, parseFindings, parseLaInspections } from './parse-la-inspections.ts';
import { parseProviderInspections, parseProviders } from './parse-providers.ts';
import { loadBundleFile } from './load-file.ts';
import type { BundleColumn, BundleFileKind } from './spec.ts';

export interface BundleInput {
  readonly dir: string;
  readonly context: BundleContext;
  /** Extra column aliases (`--aliases FILE`), per file kind, added to the manifest's and the built-in ones. */
  readonly aliases?: Partial<Record<BundleFileKind, AliasTable>>;
  readonly onProgress?: ProgressFn;
  /**
   * Today's date (YYYY-MM-DD), from the caller: no date in the bundle may be later. The clock belongs to the shell,
   * so the reader stays pure; without it only the manifest's `as_at` (if any) limits dates.
   */
  readonly today?: string;
}

/** Every rejection as messages show it: a long value cut short, control characters made visible (limits.ts). */
const shown = (rejections: readonly Rejection[]): Rejection[] => rejections.map((r) => ({ ...r, value: shownValue(r.value) }));

/** V8 says where JSON broke ("… (line 3 column 5)" or "at position 45"); turn that into a line and column. */
function jsonPosition(text: string, message: string): { line: number | null; column: string | null } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: lc[2]! };
  const pos = /position (\d+)/.exec(message);
  if (!pos) return { line: null, column: null };
  const before = text.slice(0, Number(pos[1]));
  const lines = before.split('\n');
  return { line: lines.length, column: String(lines.at(-1)!.length + 1) };
}

export function readManifest(dir: string, display: string, today?: string): { ok: true; manifest: Manifest; file: SourceFile } | { ok: false; rejections: readonly Rejection[] } {
  const result = readManifestUnshown(dir, display, today);
  return result.ok ? result : { ok: false, rejections: shown(result.rejections) };
}

function readManifestUnshown(dir: string, display: string, today: string | undefined): { ok: true; manifest: Manifest; file: SourceFile } | { ok: false; rejections: readonly Rejection[] } {
  const file = `${display}/manifest.json`;
  const loaded = loadBundleText(dir, 'manifest.json', { display: file, manifest: null }, 'utf-8', MAX_MANIFEST_BYTES);
  if (!loaded.ok) return { ok: false, rejections: loaded.rejections.map((r) => (r.reason === 'no such file' ? { ...r, reason: 'no such file: a bundle folder needs a manifest.json (see docs/evidence-bundle.md)' } : r)) };
  let json: unknown;
  try {
    json = JSON.parse(loaded.value.text);
  } catch (error) {
    const at = jsonPosition(loaded.value.text, (error as Error).message);
    return { ok: false, rejections: [{ file, ...at, value: loaded.value.text.split('\n')[(at.line ?? 1) - 1]?.trim() ?? '', reason: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      rejections: parsed.error.issues.map((issue) => {
        const path = issue.path.join('.');
        // A string is shown as it is (formatRejection quotes every value); anything else as its JSON.
        let value: unknown = json;
        for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
        return { file, line: null, column: path || null, value: value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value), reason: issue.message };
      }),
    };
  }
  const kinds = parsed.data.files.map((f) => f.kind);
  const repeated = kinds.filter((k, i) => kinds.indexOf(k) !== i);
  if (repeated.length > 0) {
    return { ok: false, rejections: [{ file, line: null, column: 'files', value: repeated[0]!, reason: 'the manifest lists this kind of file twice; a bundle has one file of each kind' }] };
  }
  if (today !== undefined && parsed.data.as_at !== undefined && parsed.data.as_at > today) {
    return { ok: false, rejections: [{ file, line: null, column: 'as_at', value: parsed.data.as_at, reason: `the as-at date is after today (${today}); evidence cannot be as at a future date` }] };
  }
  return { ok: true, manifest: parsed.data, file: { ...loaded.value.file, rows: parsed.data.files.length } };
}

/**
 * Reads an evidence bundle (docs/evidence-bundle.md) into one import batch, checking every file against the bundle
 * spec and against each other (inspections of providers in the bundle, findings of inspections in the bundle,
 * values of indicators defined here or already stored, LAs that exist in the store). Any rejection anywhere means
 * the whole bundle is refused and every rejection is returned.
 */
export function readBundle(input: BundleInput): SourceRead {
  const read = readBundleUnshown(input);
  return read.ok ? read : { ok: false, rejections: shown(read.rejections) };
}

function readBundleUnshown(input: BundleInput): SourceRead {
  const display = basename(input.dir.replace(/[/\\]+$/, '')) || input.dir;
  const m = readManifestUnshown(input.dir, display, input.today);
  if (!m.ok) return m;
  const { manifest } = m;
  const ctx: BundleContext = { ...input.context, latestDate: dateLimit(manifest.as_at, input.today) };
  const rejections: Rejection[] = [];
  const files: SourceFile[] = [m.file];
  // Files are loaded one at a time, as each is needed, and let go once read: a national bundle's parsed text is
  // millions of strings, and holding one file's while the next is parsed doubles the garbage collector's work. Once a
  // file is refused whole (its encoding, its row count, its columns), the rest are still loaded, so that every such
  // problem is reported, but their rows are not read against it.
  let fileRefused = false;
  let loadedFiles = 0;
  const load = <K extends BundleFileKind>(kind: K) => {
    const entry = manifest.files.find((f) => f.kind === kind);
    if (!entry) return undefined;
    input.onProgress?.('bundle files', loadedFiles++, manifest.files.length);
    const loaded = loadBundleFile(input, manifest, entry, display);
    if (!loaded.ok) {
      rejections.push(...loaded.rejections);
      fileRefused = true;
      return undefined;
    }
    files.push(loaded.loaded.file);
    if (fileRefused) return undefined;
    return [loaded.loaded.table, { index: loaded.loaded.index as Record<BundleColumn<K>, number>, unknown: [] }] as const;
  };
  const take = <T>(result: { rows: T[]; rejections: Rejection[] }): T[] => {
    rejections.push(...result.rejections);
    return result.rows;
  };

  // Each file is held only inside its `read` call, so that it can be collected before the next is loaded.
  const read = <K extends BundleFileKind, T>(kind: K, parse: (file: NonNullable<ReturnType<typeof load<K>>>) => T, absent: T): T => {
    const file = load(kind);
    return file ? parse(file) : absent;
  };
  const providersRead = read('providers', (f) => parseProviders(...f, ctx), { rows: [], rejections: [], indexOf: new Map<number, number>(), rejected: new Set<number>() });
  const providers = take(providersRead);
  const providerByUrn = providersRead.indexOf;
  const providerInspections = take(read('provider-inspections', (f) => parseProviderInspections(...f, providers, providerByUrn, providersRead.rejected, ctx), { rows: [], rejections: [] }));
  const laRead = read('la-inspections', (f) => parseLaInspections(...f, ctx), { rows: [], rejections: [], rejected: new Set<string>() });
  const laRows = take(laRead);
  const laKeys = new Set(laRows.map((i) => laInspectionKey(i.la, i.kind, i.endDate)));
  const findings = read(
    'la-inspection-findings',
    (f) => {
      const parsed = parseFindings(...f, ctx, laKeys, laRead.rejected);
      rejections.push(...parsed.rejections);
      return parsed.byInspection;
    },
    new Map<string, LaInspection['findings'][number][]>(),
  );
  const laInspections: LaInspection[] = laRows.map((i) => ({ ...i, findings: findings.get(laInspectionKey(i.la, i.kind, i.endDate)) ?? [] }));
  const indicatorsRead = read('indicators', (f) => parseIndicators(...f), { rows: [], rejections: [], rejected: new Set<string>() });
  const indicators = take(indicatorsRead);
  const defined = new Set(indicators.map((i) => i.id));
  const indicatorValues = take(read('indicator-values', (f) => parseIndicatorValues(...f, ctx, defined, indicatorsRead.rejected), { rows: [], rejections: [] }));
  const outcomeCounts = take(read('outcome-counts', (f) => parseOutcomeCounts(...f, ctx), { rows: [], rejections: [] }));
  const addressees = take(read('addressees', (f) => parseAddressees(...f, ctx), { rows: [], rejections: [] }));
  input.onProgress?.('bundle files', manifest.files.length, manifest.files.length);

  // Predecessor URNs must name a provider in this bundle, or the chain cannot be followed.
  for (const p of providers) {
    if (p.predecessorUrn !== null && !providerByUrn.has(Number(p.predecessorUrn)) && !providersRead.rejected.has(Number(p.predecessorUrn))) {
      rejections.push({ file: `${display}/${manifest.files.find((f) => f.kind === 'providers')!.path}`, line: null, column: 'predecessor_urn', value: p.predecessorUrn, reason: `URN ${p.urn} names a predecessor that is not in the providers file` });
    }
  }
  if (rejections.length > 0) return { ok: false, rejections };

  // In the manifest's order, whatever order they were read in.
  const order = (f: SourceFile) => manifest.files.findIndex((e) => `${display}/${e.path}` === f.path);
  const batch: ImportBatch = {
    dataset: manifest.dataset,
    files: [files[0]!, ...files.slice(1).sort((a, b) => order(a) - order(b))],
    providers,
    providerInspections,
    laInspections,
    indicators,
    indicatorValues,
    outcomeCounts,
    addressees,
  };
  const notes = manifest.dataset.kind === 'synthetic' ? [`dataset "${manifest.dataset.id}" is SYNTHETIC: it is labelled so wherever it is shown`] : [];
  return { ok: true, batch, notes };
}

