import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { LaCode, LocalAuthority } from '../domain/local-authority.ts';
import type { Hex } from '../store/repository.ts';
import { hexMapSvg, placeLas } from './hexmap.ts';

const hex = (gss: string, name: string, q: number, r: number): Hex => ({ layout: 'uk-upper-tier (odd-r)', gss, name, q, r });
const la = (code: string, name: string, gss: string): LocalAuthority => ({ code: code as LaCode, gss, name, formalName: name, type: 'UA', region: 'South West', openedOn: null, closedOn: null, note: null });

// Positions from shared/data/odileeds-hexmaps/uk-upper-tier-local-authorities.hexjson.
const HEXES = [hex('E08000007', 'Stockport', 8, 10), hex('E08000037', 'Gateshead', 8, 15), hex('E06000055', 'Bedford', 10, 9), hex('E06000056', 'Central Bedfordshire', 11, 9), hex('E06000058', 'Bournemouth, Christchurch and Poole', 5, 2), hex('E06000059', 'Dorset', 3, 1)];

describe('the hex map, fitted to a year’s boundaries', () => {
  it('places an LA by its GSS code, or by its name where only the code changed', () => {
    const placed = placeLas(HEXES, [la('356', 'Stockport', 'E08000007'), la('390', 'Gateshead', 'E08000020')]);
    assert.deepEqual(placed.map((p) => [p.la.code, p.q, p.r, p.note]), [['356', 8, 10, null], ['390', 8, 15, 'placed on the hex of Gateshead (E08000037)']]);
  });

  it('gives Bournemouth the BCP hex, Poole the free cell beside it, and the old Dorset county the new Dorset’s', () => {
    const placed = placeLas(HEXES, [la('835', 'Dorset', 'E10000009'), la('836', 'Poole', 'E06000029'), la('837', 'Bournemouth', 'E06000028')]);
    const at = Object.fromEntries(placed.map((p) => [p.la.name, [p.q, p.r]]));
    assert.deepEqual(at['Dorset'], [3, 1]);
    assert.deepEqual(at['Bournemouth'], [5, 2]);
    assert.notDeepEqual(at['Poole'], [5, 2]);
    assert.ok(placed.find((p) => p.la.name === 'Poole')!.note!.startsWith('placed at the free cell nearest the hex of Bournemouth, Christchurch and Poole'));
  });

  it('finds a free cell further out where every neighbour of the shared hex is taken (West Northamptonshire, 2021 on)', () => {
    const ring = [[8, 6], [6, 6], [6, 7], [7, 7], [6, 5], [7, 5]].map(([q, r], i) => hex(`E0900000${i}`, `Around ${i}`, q!, r!));
    const hexes = [...HEXES, hex('E10000021', 'Northamptonshire', 7, 6), ...ring];
    const las = [...ring.map((h, i) => la(String(700 + i), h.name, h.gss)), la('940', 'North Northamptonshire', 'E06000061'), la('941', 'West Northamptonshire', 'E06000062')];
    const placed = placeLas(hexes, las);
    assert.equal(placed.length, las.length);
    const west = placed.find((p) => p.la.code === '941')!;
    assert.ok(!placed.some((p) => p !== west && p.q === west.q && p.r === west.r), 'a cell of its own');
  });

  it('draws the old Bedfordshire on both its successors’ hexes (before April 2009)', () => {
    const placed = placeLas(HEXES, [la('820', 'Bedfordshire', 'E10000001')]);
    assert.deepEqual(placed.map((p) => [p.q, p.r]), [[10, 9], [11, 9]]);
  });

  it('draws each hex as a link with its label and a mark besides its colour (golden SVG)', () => {
    const placed = placeLas(HEXES, [la('356', 'Stockport', 'E08000007'), la('390', 'Gateshead', 'E08000020'), la('822', 'Bedford', 'E06000055')]);
    const svg = hexMapSvg(placed, 'uk-upper-tier (odd-r)', 'A test map', (l) => ({ href: `/2011/la/${l.code}`, label: `${l.name}: Performs well (3)`, mark: '3', fill: '#28A197', text: '#0b0c0c' }));
    assert.equal((svg.match(/<a href=/g) ?? []).length, 3);
    assert.match(svg, /<a href="\/2011\/la\/356"><title>Stockport: Performs well \(3\)<\/title>/);
    const golden = new URL('../../test/golden/hexmap.svg', import.meta.url);
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden, `${svg}\n`);
    assert.equal(`${svg}\n`, readFileSync(golden, 'utf8'));
  });
});
