import { basename, join } from 'node:path';
import type { Rejection } from '../../domain/errors.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { ImportBatch, SourceFile } from '../../store/repository.ts';
import type { AliasTable } from '../columns.ts';
import { loadText } from '../source.ts';
import type { ProgressFn, SourceRead } from '../source.ts';
import type { BundleContext } from './context.ts';
import { Manifest } from './manifest.ts';
import { parseAddressees } from './parse-addressees.ts';
import { parseIndicatorValues, parseIndicators, parseOutcomeCounts } from './parse-indicators.ts';
import { laInspectionKey, parseFindings, parseLaInspections } from './parse-la-inspections.ts';
import { parseProviderInspections, parseProviders } from './parse-providers.ts';
import { loadBundleFile } from './load-file.ts';
import type { LoadedTable } from './load-file.ts';
import type { BundleColumn, BundleFileKind } from './spec.ts';

export interface BundleInput {
  readonly dir: string;
  readonly context: BundleContext;
  /** Extra column aliases (`--aliases FILE`), per file kind, added to the manifest's and the built-in ones. */
  readonly aliases?: Partial<Record<BundleFileKind, AliasTable>>;
  readonly onProgress?: ProgressFn;
}

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

export function readManifest(dir: string, display: string): { ok: true; manifest: Manifest; file: SourceFile } | { ok: false; rejections: readonly Rejection[] } {
  const file = `${display}/manifest.json`;
  const loaded = loadText(join(dir, 'manifest.json'), file);
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
        let value: unknown = json;
        for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
        return { file, line: null, column: path || null, value: value === undefined ? '' : JSON.stringify(value), reason: issue.message };
      }),
    };
  }
  const kinds = parsed.data.files.map((f) => f.kind);
  const repeated = kinds.filter((k, i) => kinds.indexOf(k) !== i);
  if (repeated.length > 0) {
    return { ok: false, rejections: [{ file, line: null, column: 'files', value: repeated[0]!, reason: 'the manifest lists this kind of file twice; a bundle has one file of each kind' }] };
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
  const display = basename(input.dir.replace(/[/\\]+$/, '')) || input.dir;
  const m = readManifest(input.dir, display);
  if (!m.ok) return m;
  const { manifest } = m;
  const rejections: Rejection[] = [];
  const files: SourceFile[] = [m.file];
  const tables = new Map<BundleFileKind, LoadedTable>();
  manifest.files.forEach((entry, n) => {
    input.onProgress?.('bundle files', n, manifest.files.length);
    const loaded = loadBundleFile(input, manifest, entry, display);
    if (!loaded.ok) rejections.push(...loaded.rejections);
    else {
      tables.set(entry.kind, loaded.loaded);
      files.push(loaded.loaded.file);
    }
  });
  if (rejections.length > 0) return { ok: false, rejections };
  return readTables(input, manifest, display, files, tables);
}

/** Every file loaded and its columns found: read the rows, each file against the others. */
function readTables(input: BundleInput, manifest: Manifest, display: string, files: readonly SourceFile[], tables: ReadonlyMap<BundleFileKind, LoadedTable>): SourceRead {
  const rejections: Rejection[] = [];
  const ctx = input.context;
  const columnsOf = <K extends BundleFileKind>(kind: K) => {
    const t = tables.get(kind)!;
    return [t.table, { index: t.index as Record<BundleColumn<K>, number>, unknown: [] }] as const;
  };
  const take = <T>(result: { rows: T[]; rejections: Rejection[] }): T[] => {
    rejections.push(...result.rejections);
    return result.rows;
  };

  const providersRead = tables.has('providers') ? parseProviders(...columnsOf('providers'), ctx) : { rows: [], rejections: [], indexOf: new Map<number, number>() };
  const providers = take(providersRead);
  const providerByUrn = providersRead.indexOf;
  const providerInspections = tables.has('provider-inspections') ? take(parseProviderInspections(...columnsOf('provider-inspections'), providers, providerByUrn)) : [];
  const laRows = tables.has('la-inspections') ? take(parseLaInspections(...columnsOf('la-inspections'), ctx)) : [];
  const laKeys = new Set(laRows.map((i) => laInspectionKey(i.la, i.kind, i.endDate)));
  let findings = new Map<string, LaInspection['findings'][number][]>();
  if (tables.has('la-inspection-findings')) {
    const parsed = parseFindings(...columnsOf('la-inspection-findings'), ctx, laKeys);
    rejections.push(...parsed.rejections);
    findings = parsed.byInspection;
  }
  const laInspections: LaInspection[] = laRows.map((i) => ({ ...i, findings: findings.get(laInspectionKey(i.la, i.kind, i.endDate)) ?? [] }));
  const indicators = tables.has('indicators') ? take(parseIndicators(...columnsOf('indicators'))) : [];
  const defined = new Set(indicators.map((i) => i.id));
  const indicatorValues = tables.has('indicator-values') ? take(parseIndicatorValues(...columnsOf('indicator-values'), ctx, defined)) : [];
  const outcomeCounts = tables.has('outcome-counts') ? take(parseOutcomeCounts(...columnsOf('outcome-counts'), ctx)) : [];
  const addressees = tables.has('addressees') ? take(parseAddressees(...columnsOf('addressees'), ctx)) : [];
  input.onProgress?.('bundle files', manifest.files.length, manifest.files.length);

  // Predecessor URNs must name a provider in this bundle, or the chain cannot be followed.
  for (const p of providers) {
    if (p.predecessorUrn !== null && !providerByUrn.has(Number(p.predecessorUrn))) {
      rejections.push({ file: `${display}/${manifest.files.find((f) => f.kind === 'providers')!.path}`, line: null, column: 'predecessor_urn', value: p.predecessorUrn, reason: `URN ${p.urn} names a predecessor that is not in the providers file` });
    }
  }
  if (rejections.length > 0) return { ok: false, rejections };

  const batch: ImportBatch = {
    dataset: manifest.dataset,
    files,
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

