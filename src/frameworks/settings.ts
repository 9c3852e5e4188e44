import { z } from 'zod';
import { UsageError } from '../domain/errors.ts';
import { deepFreeze } from './define.ts';
import type { Framework } from './types.ts';

/**
 * An analyst's settings over a framework year: what the reconstruction leaves open (framework.md marks the cut-offs,
 * the tolerance and the similar-areas method as ours to choose) can be changed from a JSON file or the command line
 * without touching the engine. Each change is listed in the framework's `changes`, so it shows in every trace and
 * every explanation, beside what the year itself changed.
 */
const share = z.number().min(-1).max(1);
const bands = z.object({ 4: share, 3: share, 2: share }).partial().strict();

export const frameworkSettingsSchema = z
  .object({
    similarAreas: z.enum(['mean', 'median']),
    inLineTolerance: z.object({ points: z.number().min(0), relative: z.number().min(0).max(1) }).partial().strict(),
    cutOffs: z
      .object({ blockA: bands, blockC: bands, blockAWeight: z.number().min(0).max(1), fullWeightAt: z.number().int().min(1) })
      .partial()
      .strict(),
    /** Limiting rules to leave out, by id (a sensitivity run: what would the grade be without this rule?). */
    withoutRules: z.array(z.string()),
  })
  .partial()
  .strict();

export type FrameworkSettings = z.infer<typeof frameworkSettingsSchema>;

/** Reads settings from parsed JSON, naming every bad value. */
export function parseFrameworkSettings(value: unknown, source: string): FrameworkSettings {
  const parsed = frameworkSettingsSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new UsageError(`${source}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

function flatten(value: unknown, path: string): [string, unknown][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => flatten(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

export function applySettings(framework: Framework, settings: FrameworkSettings): Framework {
  const unknownRules = (settings.withoutRules ?? []).filter((id) => !framework.limitingRules.some((r) => r.id === id));
  if (unknownRules.length > 0) {
    throw new UsageError(`withoutRules: ${unknownRules.map((id) => JSON.stringify(id)).join(', ')} ${unknownRules.length === 1 ? 'is not a rule' : 'are not rules'} of ${framework.id}; its rules are ${framework.limitingRules.map((r) => r.id).join(', ') || 'none'}`);
  }
  const { cutOffs, inLineTolerance, similarAreas, withoutRules } = settings;
  const changed = flatten({ similarAreas, inLineTolerance, cutOffs }, '').filter(([, v]) => v !== undefined);
  if (changed.length === 0 && (withoutRules ?? []).length === 0) return framework;
  return deepFreeze({
    ...framework,
    similarAreas: similarAreas ?? framework.similarAreas,
    inLineTolerance: { ...framework.inLineTolerance, ...inLineTolerance },
    cutOffs: {
      ...framework.cutOffs,
      ...cutOffs,
      blockA: { ...framework.cutOffs.blockA, ...cutOffs?.blockA },
      blockC: { ...framework.cutOffs.blockC, ...cutOffs?.blockC },
    },
    limitingRules: framework.limitingRules.filter((r) => !(withoutRules ?? []).includes(r.id)),
    changes: [
      ...framework.changes,
      ...changed.map(([path, v]) => `analyst setting: ${path} = ${JSON.stringify(v)} (the year's own value is replaced)`),
      ...(withoutRules ?? []).map((id) => `analyst setting: limiting rule ${id} left out`),
    ],
  });
}
