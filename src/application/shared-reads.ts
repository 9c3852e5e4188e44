import type { EvidenceRepository } from '../store/repository.ts';
import { EvidenceInterner } from './intern-evidence.ts';

/**
 * The evidence reads a long-running process makes for every year, made once and shared (issue 14): the site assesses
 * up to 14 years, and each loaded its own copy of every provider, inspection and indicator value, so a server held about
 * 2.8 GB on the demo store. These reads change only when something is imported, which the site sees as another
 * process's commit (SiteData.followStore) and answers with a fresh set of shared reads. What a person records as they
 * work (judgements, letter edits, addressees) is never shared: it is read from the store each time.
 *
 * The arrays are handed out as they are, to every year: nothing downstream changes evidence (the core's functions are
 * pure over it). The largest (providers, their inspections, indicator values) keep one copy of each repeated string and
 * small object (intern-evidence.ts), about 60 MB fewer on the demo store.
 */
export function sharedReads(repo: EvidenceRepository): EvidenceRepository {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    let hit = memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = read();
      memo.set(key, hit);
      // A failed read is not kept: the next one tries again.
      hit.catch(() => memo.delete(key));
    }
    return hit;
  };
  const interner = new EvidenceInterner();
  return {
    datasets: () => repo.datasets(),
    localAuthorities: () => once('las', () => repo.localAuthorities()),
    localAuthority: (code) => repo.localAuthority(code),
    neighbourVintages: () => once('vintages', () => repo.neighbourVintages()),
    neighbours: (la, vintage) => once(`neighbours ${la} ${vintage}`, () => repo.neighbours(la, vintage)),
    providers: (query) => once(`providers ${JSON.stringify(query ?? {})}`, async () => interner.providers(await repo.providers(query))),
    providerInspections: (query) => once(`inspections ${JSON.stringify(query ?? {})}`, async () => interner.providerInspections(await repo.providerInspections(query))),
    laInspections: (la) => once(`la-inspections ${la ?? ''}`, () => repo.laInspections(la)),
    indicators: () => once('indicators', () => repo.indicators()),
    indicatorValues: (query) => once(`values ${JSON.stringify(query ?? {})}`, async () => interner.indicatorValues(await repo.indicatorValues(query))),
    outcomeCounts: (la) => once(`outcome-counts ${la ?? ''}`, () => repo.outcomeCounts(la)),
    addressee: (la, year) => repo.addressee(la, year),
    hexes: (layout) => repo.hexes(layout),
    laEvidenceSummary: (la) => repo.laEvidenceSummary(la),
    evidenceDatasets: (query) => repo.evidenceDatasets(query),
    inspectorJudgements: (year, la) => repo.inspectorJudgements(year, la),
    letterEdits: (la, year) => repo.letterEdits(la, year),
  };
}
