import type { LocalAuthority } from './local-authority.ts';

/**
 * Finding an LA by what someone types (issue 16): its name, its council's formal name or its DfE code, forgiving of
 * case, punctuation and the usual variants, so that "St Helens" finds "St. Helens", "saint helens" finds it too,
 * "Brighton & Hove" finds "Brighton and Hove" and "Stockport Metropolitan Borough Council" finds Stockport. Pure: the
 * web's header search (src/web/search.ts) calls it over the stored LAs.
 */

/** A name as compared: lower case, "&" as "and", "saint" as "st", apostrophes and full stops dropped, any other run of punctuation a space. */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .trim();
}

export interface LaMatch {
  readonly la: LocalAuthority;
  /** How it matched, best first: the code, the whole name, the whole formal name, the start of the name, every word. */
  readonly by: 'code' | 'name' | 'formal-name' | 'name-start' | 'words';
}

const RANK: Readonly<Record<LaMatch['by'], number>> = { code: 0, name: 1, 'formal-name': 2, 'name-start': 3, words: 4 };

/** The most anyone is shown: a query of one common word ("city") matches many. */
export const SEARCH_LIMIT = 20;

/** The LAs the query finds, best match first, then by name; none for a query with nothing to compare. */
export function searchLas(las: readonly LocalAuthority[], query: string): LaMatch[] {
  const wanted = foldName(query.slice(0, 200));
  if (wanted === '') return [];
  const words = wanted.split(' ');
  const out: LaMatch[] = [];
  for (const la of las) {
    const name = foldName(la.name);
    const formal = foldName(la.formalName);
    const by: LaMatch['by'] | null =
      la.code === wanted
        ? 'code'
        : name === wanted
          ? 'name'
          : formal === wanted
            ? 'formal-name'
            : name.startsWith(wanted)
              ? 'name-start'
              : words.every((w) => ` ${name} ${formal} `.includes(` ${w}`))
                ? 'words'
                : null;
    if (by) out.push({ la, by });
  }
  return out.sort((a, b) => RANK[a.by] - RANK[b.by] || a.la.name.localeCompare(b.la.name)).slice(0, SEARCH_LIMIT);
}
