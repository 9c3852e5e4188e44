import { z } from 'zod';
import type { Dataset } from '../../domain/dataset.ts';
import type { Rejection } from '../../domain/errors.ts';
import type { Hex } from '../../store/repository.ts';
import { loadText } from '../source.ts';
import type { SourceRead } from '../source.ts';

/**
 * An ODI HexJSON layout (Open Innovations, github.com/odileeds/hexmaps): `{ layout, hexes: { GSS: { n|name, q, r } } }`.
 * The upper-tier file has 151 English LAs in the 2020 vintage (BCP and the new Dorset), which the map of a year remaps
 * to that year's LAs (shared/data/README.md §5). The layout's orientation (odd-r…) is recorded in the layout name.
 */
const Hexes = z.object({
  layout: z.enum(['odd-r', 'even-r', 'odd-q', 'even-q']),
  hexes: z.record(
    z.string().regex(/^[EWSN]\d{8}$/, 'a GSS code such as E08000007'),
    z
      .object({ q: z.number().int(), r: z.number().int(), n: z.string().min(1).optional(), name: z.string().min(1).optional() })
      .refine((h) => h.n !== undefined || h.name !== undefined, 'a hex needs a name ("n" or "name")'),
  ),
});

export function hexDataset(layout: string): Dataset {
  return {
    id: `odileeds-hexmap-${layout}`,
    kind: 'real',
    title: `Hex map layout "${layout}" (Open Innovations HexJSON)`,
    source: 'github.com/odileeds/hexmaps',
    licence: 'MIT (Open Innovations)',
  };
}

export function readHexMap(input: { path: string; layout: string; display?: string }): SourceRead {
  const display = input.display ?? input.path;
  const loaded = loadText(input.path, display);
  if (!loaded.ok) return loaded;
  let json: unknown;
  try {
    json = JSON.parse(loaded.value.text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /line (\d+) column (\d+)/.exec(message);
    return { ok: false, rejections: [{ file: display, line: at ? Number(at[1]) : null, column: at ? at[2]! : null, value: '', reason: `not valid JSON: ${message}` }] };
  }
  const parsed = Hexes.safeParse(json);
  if (!parsed.success) {
    const rejections: Rejection[] = parsed.error.issues.map((issue) => {
      let value: unknown = json;
      for (const key of issue.path) value = value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key as PropertyKey] : undefined;
      return { file: display, line: null, column: issue.path.join('.') || null, value: value === undefined ? '' : JSON.stringify(value), reason: issue.message };
    });
    return { ok: false, rejections };
  }
  const layout = `${input.layout} (${parsed.data.layout})`;
  const hexes: Hex[] = Object.entries(parsed.data.hexes)
    .map(([gss, h]) => ({ layout, gss, name: (h.name ?? h.n)!, q: h.q, r: h.r }))
    .sort((a, b) => a.gss.localeCompare(b.gss));
  return { ok: true, batch: { dataset: hexDataset(input.layout), files: [{ ...loaded.value.file, rows: hexes.length }], hexes }, notes: [] };
}
