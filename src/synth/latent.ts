import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import { NEIGHBOUR_EFFECT } from './national-figures.ts';
import { stream } from './random.ts';

/**
 * Each LA's hidden traits: a quality score (standard normal), blended with its statistical neighbours' own scores so
 * that "similar areas" resemble one another, and a size weight that shares national totals out among LAs.
 */
export interface LaTraits {
  readonly la: LocalAuthority;
  /** Standard normal: higher is better. */
  readonly quality: number;
  /** Relative size; shares of national totals are proportional to it. */
  readonly size: number;
}

/**
 * Relative sizes by LA type (assumption, from the typical child population of each: shire counties several times a
 * unitary authority); a seeded log-normal spread varies LAs of a type. The City of London and the Isles of Scilly
 * are tiny, and are sized so.
 */
const TYPE_SIZE: Readonly<Record<LocalAuthority['type'], number>> = { SC: 3.6, MD: 1.3, UA: 0.85, OLB: 0.95, ILB: 0.8 };
const TINY: ReadonlySet<string> = new Set(['201', '420']);

export function laTraits(las: readonly LocalAuthority[], neighbours: ReadonlyMap<LaCode, readonly LaCode[]>, seed: number): Map<LaCode, LaTraits> {
  const own = new Map<LaCode, number>();
  const size = new Map<LaCode, number>();
  for (const la of las) {
    const rng = stream(`${seed}|${la.code}|traits`);
    own.set(la.code, rng.normal());
    size.set(la.code, TINY.has(la.code) ? 0.02 : TYPE_SIZE[la.type] * Math.exp(0.35 * rng.normal()));
  }
  const traits = new Map<LaCode, LaTraits>();
  for (const la of las) {
    // Fall back to same-region LAs where no neighbour set is stored for this LA.
    const near = (neighbours.get(la.code) ?? las.filter((o) => o.region === la.region && o.code !== la.code).map((o) => o.code)).filter((c) => own.has(c));
    const mean = near.length === 0 ? 0 : near.reduce((s, c) => s + own.get(c)!, 0) / near.length;
    // Blend and rescale so the quality stays standard normal across LAs (the mean of ten has variance about 1/10).
    const w = NEIGHBOUR_EFFECT;
    const spread = Math.sqrt((1 - w) ** 2 + (w ** 2) / Math.max(1, near.length));
    traits.set(la.code, { la, quality: ((1 - w) * own.get(la.code)! + w * mean) / spread, size: size.get(la.code)! });
  }
  return traits;
}

/** Shares `total` out among LAs in proportion to size, rounding so the shares add up exactly (largest remainder). */
export function apportion(total: number, traits: readonly LaTraits[]): Map<LaCode, number> {
  const sum = traits.reduce((s, t) => s + t.size, 0);
  const exact = traits.map((t) => ({ code: t.la.code, value: (total * t.size) / sum }));
  const out = new Map(exact.map((e) => [e.code, Math.floor(e.value)]));
  let left = total - [...out.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1) || a.code.localeCompare(b.code))) {
    if (left-- <= 0) break;
    out.set(e.code, out.get(e.code)! + 1);
  }
  return out;
}
