import d3hexjson from 'd3-hexjson';
import type { LocalAuthority } from '../domain/local-authority.ts';
import type { Hex } from '../store/repository.ts';

/**
 * The England hex map of LAs (ODI Leeds' upper-tier layout, 2020 vintage), remapped to a year's boundaries and drawn
 * as SVG by d3-hexjson's geometry. Each hex is a link to the LA's page and shows the grade as a number as well as a
 * colour, so that no meaning is in colour alone; the table of every LA on the same page is its text alternative.
 *
 * Remapping, for LAs the 2020 layout does not have (shared/data/README.md §5):
 * - by name where only the GSS code changed (Gateshead, Northumberland);
 * - Bournemouth takes the Bournemouth, Christchurch and Poole hex, Poole the nearest free cell beside it, and the old
 *   Dorset county the new Dorset's hex (2009-2018);
 * - the old Bedfordshire and Cheshire (to March 2009) take both hexes of their successors;
 * - the new North and West Northamptonshire (2021) and Cumberland and Westmorland and Furness (2023) take the hexes
 *   of what they replaced, and the next free cell beside it.
 * Each remapping is listed under the map.
 */
export interface Placement {
  readonly la: LocalAuthority;
  readonly q: number;
  readonly r: number;
  readonly note: string | null;
}

const SUCCESSORS: Readonly<Record<string, readonly string[]>> = {
  // Old county → the hexes of its successors, in the 2020 layout.
  E10000001: ['E06000055', 'E06000056'], // Bedfordshire → Bedford, Central Bedfordshire
  E10000004: ['E06000049', 'E06000050'], // Cheshire → Cheshire East, Cheshire West and Chester
  E10000009: ['E06000059'], // Dorset county → Dorset
  E06000028: ['E06000058'], // Bournemouth → BCP
  E06000061: ['E10000021'], // North Northamptonshire → Northamptonshire
  E06000062: ['E10000021'], // West Northamptonshire → Northamptonshire
  E06000063: ['E10000006'], // Cumberland → Cumbria
  E06000064: ['E10000006'], // Westmorland and Furness → Cumbria
};
const normal = (name: string) => name.toLowerCase().replace(/, city of$|, county of$/, '').replace(/[^a-z]/g, '');

/** The cells around (q, r) in an odd-r layout, in a fixed order. */
function around(q: number, r: number): [number, number][] {
  const odd = Math.abs(r) % 2 === 1;
  const d = odd ? [[1, 0], [-1, 0], [0, 1], [1, 1], [0, -1], [1, -1]] : [[1, 0], [-1, 0], [-1, 1], [0, 1], [-1, -1], [0, -1]];
  return d.map(([dq, dr]) => [q + dq!, r + dr!]);
}

/** The nearest free cell to (q, r), ring by ring (an inland hex may have no free neighbour), in a fixed order. */
function nearestFree(q: number, r: number, taken: ReadonlySet<string>): [number, number] | undefined {
  const seen = new Set([`${q},${r}`]);
  let ring: [number, number][] = [[q, r]];
  for (let distance = 1; distance <= 4; distance++) {
    const next: [number, number][] = [];
    for (const [cq, cr] of ring) {
      for (const [nq, nr] of around(cq, cr)) {
        const key = `${nq},${nr}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (!taken.has(key)) return [nq, nr];
        next.push([nq, nr]);
      }
    }
    ring = next;
  }
  return undefined;
}

export function placeLas(hexes: readonly Hex[], las: readonly LocalAuthority[]): Placement[] {
  const byGss = new Map(hexes.map((h) => [h.gss, h]));
  const byName = new Map(hexes.map((h) => [normal(h.name), h]));
  const taken = new Set<string>();
  const out: Placement[] = [];
  const later: LocalAuthority[] = [];
  const place = (la: LocalAuthority, q: number, r: number, note: string | null) => {
    taken.add(`${q},${r}`);
    out.push({ la, q, r, note });
  };
  for (const la of las) {
    const hex = byGss.get(la.gss) ?? byName.get(normal(la.name));
    if (hex && !taken.has(`${hex.q},${hex.r}`)) place(la, hex.q, hex.r, hex.gss === la.gss ? null : `placed on the hex of ${hex.name} (${hex.gss})`);
    else later.push(la);
  }
  for (const la of later) {
    const targets = (SUCCESSORS[la.gss] ?? []).map((g) => byGss.get(g)).filter((h) => h !== undefined);
    const free = targets.find((h) => !taken.has(`${h.q},${h.r}`));
    if (free) {
      place(la, free.q, free.r, `placed on the hex of ${free.name} (${free.gss})`);
      for (const extra of targets.filter((h) => h !== free && !taken.has(`${h.q},${h.r}`))) place(la, extra.q, extra.r, `also drawn on the hex of ${extra.name} (${extra.gss})`);
      continue;
    }
    // Beside the hex it shares (Poole beside Bournemouth's; the second of two new unitaries beside the first).
    const anchor = targets[0] ?? (la.gss === 'E06000029' ? byGss.get('E06000058') : undefined);
    const cell = anchor ? nearestFree(anchor.q, anchor.r, taken) : undefined;
    if (anchor && cell) place(la, cell[0], cell[1], `placed at the free cell nearest the hex of ${anchor.name} (${anchor.gss}), which another LA of the year takes`);
  }
  return out;
}

export interface HexCell {
  readonly href: string;
  readonly label: string;
  /** What the hex shows: the grade's number, or a short mark. */
  readonly mark: string;
  readonly fill: string;
  readonly text: string;
}

/** An SVG of the placements, each a link with its label; `cell` says how to draw each LA. */
export function hexMapSvg(placements: readonly Placement[], layout: string, title: string, cell: (la: LocalAuthority) => HexCell): string {
  if (placements.length === 0) return '';
  const keys = placements.map((p, i): [string, Placement] => [`h${i}`, p]);
  const rendered = d3hexjson.renderHexJSON({ layout: (layout.match(/\((odd-r|even-r|odd-q|even-q)\)/)?.[1] ?? 'odd-r') as 'odd-r', hexes: Object.fromEntries(keys.map(([k, p]) => [k, { q: p.q, r: p.r }])) }, 640, 780);
  const byKey = new Map(keys);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const parts = rendered
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((h) => {
      const p = byKey.get(h.key)!;
      const c = cell(p.la);
      // The link's name is its <title> ("Stockport: Performs well (3)"), which holds the visible mark.
      return `<a href="${esc(c.href)}"><title>${esc(c.label)}</title><g transform="translate(${h.x.toFixed(1)},${h.y.toFixed(1)})"><polygon points="${h.points}" fill="${c.fill}" stroke="#ffffff" stroke-width="1.5"/><text text-anchor="middle" dy="0.35em" fill="${c.text}" font-size="12" font-weight="700">${esc(c.mark)}</text></g></a>`;
    });
  // Fit the drawing: d3-hexjson sizes hexes to the box, which leaves space on one side.
  const xs = rendered.map((h) => h.x);
  const ys = rendered.map((h) => h.y);
  const pad = 24;
  const box = [Math.min(...xs) - pad, Math.min(...ys) - pad, Math.max(...xs) - Math.min(...xs) + 2 * pad, Math.max(...ys) - Math.min(...ys) + 2 * pad].map((n) => n.toFixed(0)).join(' ');
  return `<svg class="kw-hexmap" viewBox="${box}" width="100%" role="group" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg" style="max-width:640px;font-family:&quot;GDS Transport&quot;, arial, sans-serif">${parts.join('')}</svg>`;
}
