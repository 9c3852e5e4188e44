import type { LaCode, LocalAuthority } from '../../domain/local-authority.ts';
import { existsOn } from '../../domain/local-authority.ts';

/**
 * Ofsted's provider files name the LA a setting is in, not its code, and spell names as Ofsted does rather than as
 * DfE's list does: "Bristol" for "Bristol, City of", "Herefordshire" for "Herefordshire, County of", "Kingston upon
 * Hull" for "Kingston upon Hull, City of", "Durham" for "County Durham", "Southend on Sea", "St Helens" and
 * "Bournemouth, Christchurch & Poole". Names are compared folded (case, punctuation, "&" as "and") with DfE's
 * ", City of" / ", County of" tail and a leading "County " dropped, and each is read as the LA of that name that
 * existed on the file's date: "Dorset" is the county (835) in the file of 31 March 2019 and the unitary (838) from
 * 2020; "Bournemouth" and "Poole" are 837 and 836 to 2019; "Northamptonshire" is 928 to 2021 and "Cumbria" 909 to 2023.
 */
const fold = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/,\s*(city|county) of\s*$/, '')
    .replace(/^county\s+/, '')
    .replace(/[^a-z0-9]+/g, '');

/**
 * The 22 principal areas of Wales (Local Government (Wales) Act 1994, Schedule 1, by their English names): a few
 * providers registered with Ofsted give one as their LA (Cardiff, Conwy, Newport and Wrexham in 2025). They are not
 * in England and are counted apart, not refused as unknown names.
 */
const WALES = new Set(
  [
    'Blaenau Gwent', 'Bridgend', 'Caerphilly', 'Cardiff', 'Carmarthenshire', 'Ceredigion', 'Conwy', 'Denbighshire', 'Flintshire', 'Gwynedd', 'Isle of Anglesey',
    'Merthyr Tydfil', 'Monmouthshire', 'Neath Port Talbot', 'Newport', 'Pembrokeshire', 'Powys', 'Rhondda Cynon Taf', 'Swansea', 'Torfaen', 'Vale of Glamorgan', 'Wrexham',
  ].map(fold),
);

export type PlacedLa = { readonly kind: 'la'; readonly code: LaCode } | { readonly kind: 'outside-england' } | { readonly kind: 'unknown'; readonly reason: string };

/** Reads LA names as of a date, against the stored LA list. */
export function laNameReader(las: readonly LocalAuthority[]): (name: string, asAt: string) => PlacedLa {
  const byKey = new Map<string, LocalAuthority[]>();
  for (const la of las) {
    const key = fold(la.name);
    byKey.set(key, [...(byKey.get(key) ?? []), la]);
  }
  const memo = new Map<string, PlacedLa>();
  return (name, asAt) => {
    const memoKey = `${asAt}|${name}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    const key = fold(name);
    const named = byKey.get(key) ?? [];
    const open = named.filter((la) => existsOn(la, asAt));
    let placed: PlacedLa;
    if (open.length === 1) placed = { kind: 'la', code: open[0]!.code };
    else if (open.length > 1) placed = { kind: 'unknown', reason: `two LAs of this name existed on ${asAt} (${open.map((la) => la.code).join(', ')})` };
    else if (named.length > 0) placed = { kind: 'unknown', reason: `no LA of this name existed on ${asAt} (${named.map((la) => `${la.code} ${la.openedOn ?? '…'} to ${la.closedOn ?? '…'}`).join('; ')})` };
    else if (WALES.has(key)) placed = { kind: 'outside-england' };
    else placed = { kind: 'unknown', reason: las.length === 0 ? 'unknown LA name: no LAs are stored (run `kingsway import --only la-codes` first)' : 'unknown LA name: it is not an English LA in the stored list (nor a Welsh principal area)' };
    memo.set(memoKey, placed);
    return placed;
  };
}
