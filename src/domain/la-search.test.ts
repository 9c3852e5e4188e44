import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode, LocalAuthority } from './local-authority.ts';
import { foldName, searchLas } from './la-search.ts';

const la = (code: string, name: string, formalName: string): LocalAuthority =>
  ({ code: code as LaCode, name, formalName, gss: 'E00000000', type: 'MD', region: 'North West', openedOn: null, closedOn: null, note: null }) as LocalAuthority;

const LAS = [
  la('342', 'St. Helens', 'St Helens Metropolitan Borough Council'),
  la('356', 'Stockport', 'Stockport Metropolitan Borough Council'),
  la('846', 'Brighton and Hove', 'Brighton and Hove City Council'),
  la('314', 'Kingston upon Thames', 'Royal Borough of Kingston upon Thames'),
  la('810', 'Kingston Upon Hull, City of', 'Hull City Council'),
  la('358', 'Trafford', 'Trafford Metropolitan Borough Council'),
];
const found = (q: string) => searchLas(LAS, q).map((m) => m.la.code);

describe('finding an LA by what is typed (domain/la-search.ts)', () => {
  it('forgives the full stop, the word saint, case and spacing', () => {
    for (const q of ['St Helens', 'st. helens', 'Saint Helens', '  ST  HELENS ']) assert.deepEqual(found(q), ['342'], q);
  });

  it("finds the council by its formal name, and by its code", () => {
    assert.deepEqual(found('Stockport Metropolitan Borough Council'), ['356']);
    assert.deepEqual(found('Hull City Council'), ['810']);
    assert.deepEqual(found('356'), ['356']);
  });

  it('reads "&" as "and"', () => {
    assert.deepEqual(found('Brighton & Hove'), ['846']);
  });

  it('lists every LA a shared word finds, the best match first', () => {
    // Both Kingstons start with the word: by name, Kingston upon Hull ("Kingston Upon Hull, City of") first.
    assert.deepEqual(found('Kingston'), ['810', '314']);
    assert.deepEqual(found('Hull'), ['810']);
    assert.deepEqual(searchLas(LAS, 'Stockport').map((m) => m.by), ['name']);
    assert.deepEqual(searchLas(LAS, 'Stock').map((m) => m.by), ['name-start']);
    // "Metropolitan" is in three formal names: all three, by name.
    assert.deepEqual(found('metropolitan'), ['342', '356', '358']);
  });

  it('finds nothing for nothing, or for what is not there', () => {
    assert.deepEqual(found(''), []);
    assert.deepEqual(found('!!!'), []);
    assert.deepEqual(found('Atlantis'), []);
    assert.equal(foldName("King's Lynn & West Norfolk"), 'kings lynn and west norfolk');
  });
});
