import type { Area } from '../domain/indicator.ts';
import type { Judgement } from '../domain/judgement.ts';
import { judgementRank } from '../domain/judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { FigureBasis } from '../domain/outcome-count.ts';
import type { Ownership, Provider, ProviderInspection, ProviderType, SubJudgementName } from '../domain/provider.ts';
import type { BlockAGroup, Framework } from '../frameworks/types.ts';
import type { EvidenceIndex } from './evidence.ts';

/**
 * Block A of the performance profile: for each group of settings, the latest overall effectiveness of each setting at
 * the profile date, counted, as shares, against similar areas and England, and against last year. The ADCS's account
 * of the profile (evidence to the Commons committee, 20 January 2010) is that a provider type was read by the share of
 * its settings good or better at their latest inspection.
 */
export interface OutcomeTally {
  readonly inspected: number;
  readonly outstanding: number;
  readonly good: number;
  /** Satisfactory, adequate or requires improvement: the third grade of each regime. */
  readonly satisfactory: number;
  readonly inadequate: number;
}

/** Shares of the inspected, 0 to 1; `null` where nothing was inspected (never a zero in its place). */
export interface OutcomeShares {
  readonly outstanding: number | null;
  readonly goodOrBetter: number | null;
  readonly satisfactory: number | null;
  readonly inadequate: number | null;
}

/** One setting's judgement as counted, and where it came from. */
export interface CountedSetting {
  readonly urn: string;
  readonly name: string;
  /**
   * Its kind and who runs it, so that a letter can speak of the LA's own schools apart from academies, of special
   * school sixth forms apart from school sixth forms, of LA-run apart from commissioned homes (stoke-on-trent-2011:
   * "almost half of the local authority secondary schools"; "The two special school sixth forms are outstanding").
   */
  readonly type: ProviderType;
  readonly ownership: Ownership;
  readonly judgement: Judgement;
  readonly inspectedOn: string;
  /** Set where a new setting (an academy) has no inspection yet and its predecessor's latest is read instead. */
  readonly viaPredecessor: string | null;
  /** The setting it replaced (a school before it became an academy), to follow one school across the change. */
  readonly predecessorUrn: string | null;
  /** The sub-judgements of that same inspection (staying safe, enjoying and achieving…), as recorded. */
  readonly sub: Readonly<Partial<Record<SubJudgementName, Judgement>>>;
}

/**
 * A sub-judgement across a group's settings (trafford-2009: "Judgements on staying safe are all good or better in all
 * settings …, and are good or better in enjoying and achieving except for the pupil referral unit"). Counted over the
 * settings whose latest inspection made that judgement; aggregates carry none.
 */
export interface SubJudgementOutcomes {
  readonly name: SubJudgementName;
  readonly tally: OutcomeTally;
  readonly shares: OutcomeShares;
}

export interface AreaOutcomes {
  readonly tally: OutcomeTally;
  readonly shares: OutcomeShares;
  readonly basis: FigureBasis;
}

export interface ComparatorOutcomes {
  readonly shares: OutcomeShares;
  readonly basis: FigureBasis;
  /** For similar areas: how the neighbours were combined, and which contributed. */
  readonly method?: 'mean' | 'median' | 'pooled';
  readonly contributors?: readonly LaCode[];
}

export interface BlockARow {
  readonly group: BlockAGroup;
  readonly asAt: string;
  readonly la: AreaOutcomes;
  readonly settings: readonly CountedSetting[];
  /** The framework's sub-judgements (2009 on: staying safe, enjoying and achieving) over the settings. */
  readonly subJudgements: readonly SubJudgementOutcomes[];
  readonly similarAreas: ComparatorOutcomes | null;
  readonly england: ComparatorOutcomes | null;
  readonly lastYear: AreaOutcomes;
  /**
   * The settings counted at last year's profile date, each with its judgement then (empty where last year's figures
   * are supplied aggregates): which settings moved, and which were inadequate then and are not now.
   */
  readonly lastYearSettings: readonly CountedSetting[];
  /** Change in the share good or better since last year, in percentage points; `null` if either year has none. */
  readonly goodOrBetterChange: number | null;
}

const EMPTY: OutcomeTally = { inspected: 0, outstanding: 0, good: 0, satisfactory: 0, inadequate: 0 };

export function tally(judgements: Iterable<Judgement>): OutcomeTally {
  let outstanding = 0;
  let good = 0;
  let satisfactory = 0;
  let inadequate = 0;
  for (const j of judgements) {
    const rank = judgementRank(j);
    if (rank === 1) outstanding++;
    else if (rank === 2) good++;
    else if (rank === 3) satisfactory++;
    else inadequate++;
  }
  return { inspected: outstanding + good + satisfactory + inadequate, outstanding, good, satisfactory, inadequate };
}

export function shares(t: OutcomeTally): OutcomeShares {
  if (t.inspected === 0) return { outstanding: null, goodOrBetter: null, satisfactory: null, inadequate: null };
  return { outstanding: t.outstanding / t.inspected, goodOrBetter: (t.outstanding + t.good) / t.inspected, satisfactory: t.satisfactory / t.inspected, inadequate: t.inadequate / t.inspected };
}

/** The latest inspection with an overall judgement on or before the date (inspections are oldest first). */
function latestJudged(inspections: readonly ProviderInspection[] | undefined, asAt: string): ProviderInspection | undefined {
  if (!inspections) return undefined;
  for (let i = inspections.length - 1; i >= 0; i--) {
    const inspection = inspections[i]!;
    if (inspection.date <= asAt && inspection.overall !== null) return inspection;
  }
  return undefined;
}

const openOn = (p: Provider, date: string) => (p.openedOn === null || p.openedOn <= date) && (p.closedOn === null || p.closedOn >= date);

/** A group that reads the register (today's years) counts a setting only where its registration is on record. */
const inGroup = (group: BlockAGroup, p: Provider) => group.providerTypes.includes(p.type) && (group.ownership === undefined || p.ownership === group.ownership) && (group.registered !== true || p.openedOn !== null);

/**
 * The settings of a group open in an LA at a date, each with its latest judgement. A setting not yet inspected is
 * read through its predecessor (Stoke-on-Trent 2011: "some schools have become academies. The most recent inspection
 * judgements for these schools have been taken into account"); one with neither is not counted.
 */
export function countedSettings(index: EvidenceIndex, la: LaCode, group: BlockAGroup, asAt: string): CountedSetting[] {
  const out: CountedSetting[] = [];
  for (const type of group.providerTypes) {
    for (const p of index.providersByLaType.get(`${la}|${type}`) ?? []) {
      if (!inGroup(group, p) || !openOn(p, asAt)) continue;
      const latest = latestFor(index, p, asAt);
      if (latest) out.push(countedSetting(p, latest.inspection, latest.via));
    }
  }
  return out;
}

/**
 * The setting as counted from an inspection. A setting's latest inspection seldom changes from one year's date to the
 * next, so the setting counted at one is kept with its provider and given again at the next where it would be the
 * same (issue 14: 571,000 of them on the demo store, where the web site keeps every LA's settings at every date of 14
 * years). Equal fields, so nothing that reads it can tell.
 */
const LAST_COUNTED = new WeakMap<Provider, CountedSetting>();
function countedSetting(p: Provider, inspection: ProviderInspection, via: string | null): CountedSetting {
  const kept = LAST_COUNTED.get(p);
  if (kept && kept.judgement === inspection.overall && kept.inspectedOn === inspection.date && kept.viaPredecessor === via && kept.sub === inspection.sub) return kept;
  const setting: CountedSetting = { urn: p.urn, name: p.name, type: p.type, ownership: p.ownership, judgement: inspection.overall!, inspectedOn: inspection.date, viaPredecessor: via, predecessorUrn: p.predecessorUrn, sub: inspection.sub };
  LAST_COUNTED.set(p, setting);
  return setting;
}

/** A setting's latest judged inspection at a date, read through its predecessors where it has none of its own. */
function latestFor(index: EvidenceIndex, p: Provider, asAt: string): { inspection: ProviderInspection; via: string | null } | undefined {
  const own = latestJudged(index.inspectionsByUrn.get(p.urn), asAt);
  if (own) return { inspection: own, via: null };
  let predecessor = p.predecessorUrn;
  const seen = new Set([p.urn]);
  while (predecessor !== null && !seen.has(predecessor)) {
    seen.add(predecessor);
    const found = latestJudged(index.inspectionsByUrn.get(predecessor), asAt);
    if (found) return { inspection: found, via: predecessor };
    predecessor = index.providerByUrn.get(predecessor)?.predecessorUrn ?? null;
  }
  return undefined;
}

/**
 * Every LA's outcomes for each of some groups at a date, from one pass over the nation's settings (rather than one pass
 * per LA, or per group): what similar areas and England are made of. An LA with no settings of a group takes its
 * supplied aggregate counts for it, if any.
 */
export function nationalOutcomes(index: EvidenceIndex, groups: readonly BlockAGroup[], asAt: string): Map<string, Map<LaCode, AreaOutcomes>> {
  // Which groups a setting of each type counts in, and under which ownership (LA-run and commissioned homes differ).
  const groupsOfType = new Map<string, { at: number; ownership: BlockAGroup['ownership']; registered: boolean }[]>();
  groups.forEach((group, at) => {
    for (const type of group.providerTypes) {
      const list = groupsOfType.get(type) ?? [];
      list.push({ at, ownership: group.ownership, registered: group.registered === true });
      groupsOfType.set(type, list);
    }
  });
  const counts = new Map<LaCode, Int32Array>();
  const histories = index.inspectionsByUrn;
  for (const p of index.evidence.providers) {
    const targets = groupsOfType.get(p.type);
    if (!targets || !openOn(p, asAt)) continue;
    // The common case inline (a setting's own latest inspection); predecessors only where it has none.
    const judged = latestJudged(histories.get(p.urn), asAt) ?? (p.predecessorUrn === null ? undefined : latestFor(index, p, asAt)?.inspection);
    if (!judged) continue;
    const rank = judgementRank(judged.overall!) - 1;
    for (const target of targets) {
      if (target.ownership !== undefined && p.ownership !== target.ownership) continue;
      if (target.registered && p.openedOn === null) continue;
      let c = counts.get(p.la);
      if (!c) counts.set(p.la, (c = new Int32Array(groups.length * 4)));
      c[target.at * 4 + rank]!++;
    }
  }
  const out = new Map<string, Map<LaCode, AreaOutcomes>>();
  groups.forEach((group, at) => {
    const byLa = new Map<LaCode, AreaOutcomes>();
    for (const la of index.evidence.las) {
      const c = counts.get(la.code);
      const o = c ? c[at * 4]! : 0;
      const g = c ? c[at * 4 + 1]! : 0;
      const sat = c ? c[at * 4 + 2]! : 0;
      const inad = c ? c[at * 4 + 3]! : 0;
      if (o + g + sat + inad > 0) {
        const t: OutcomeTally = { inspected: o + g + sat + inad, outstanding: o, good: g, satisfactory: sat, inadequate: inad };
        byLa.set(la.code, { tally: t, shares: shares(t), basis: 'provider-level' });
      } else {
        byLa.set(la.code, fromSupplied(index, la.code, group, asAt));
      }
    }
    out.set(group.id, byLa);
  });
  return out;
}

function fromSupplied(index: EvidenceIndex, la: LaCode, group: BlockAGroup, asAt: string): AreaOutcomes {
  const supplied = suppliedTally(index, { kind: 'la', code: la }, group, asAt);
  const t = supplied ?? EMPTY;
  return { tally: t, shares: shares(t), basis: supplied ? 'aggregate' : 'provider-level' };
}

/** Counts supplied by a bundle for an area, a group and a date, where provider rows are not given. */
function suppliedTally(index: EvidenceIndex, area: Area, group: BlockAGroup, asAt: string): OutcomeTally | null {
  // A supplied count names a provider type, not who runs the settings: a group of one ownership (children's homes run
  // by the LA, apart from those commissioned) cannot read it, or both groups would count the same homes (found by the
  // what-if's tests, issue 16). Such a group is counted from provider rows only.
  if (group.ownership !== undefined) return null;
  const rows = (index.outcomeCountsByArea.get(`${area.kind}|${area.code}|${asAt}`) ?? []).filter((c) => group.providerTypes.includes(c.providerType));
  if (rows.length === 0) return null;
  const t = { ...EMPTY };
  for (const r of rows) {
    const rank = judgementRank(r.judgement);
    const key = rank === 1 ? 'outstanding' : rank === 2 ? 'good' : rank === 3 ? 'satisfactory' : 'inadequate';
    (t as Record<keyof OutcomeTally, number>)[key] += r.count;
    (t as Record<keyof OutcomeTally, number>).inspected += r.count;
  }
  return t;
}

/** An LA's own outcomes for a group: provider-level where it has settings of the group, else supplied aggregates. */
export function laOutcomes(index: EvidenceIndex, la: LaCode, group: BlockAGroup, asAt: string): { outcomes: AreaOutcomes; settings: CountedSetting[] } {
  const settings = countedSettings(index, la, group, asAt);
  if (settings.length === 0) return { outcomes: fromSupplied(index, la, group, asAt), settings };
  const t = tally(settings.map((s) => s.judgement));
  return { outcomes: { tally: t, shares: shares(t), basis: 'provider-level' }, settings };
}

function combine(values: readonly number[], method: 'mean' | 'median'): number {
  if (method === 'mean') return values.reduce((a, b) => a + b, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Similar areas: a comparator supplied by a bundle (the published figure) where there is one; otherwise the
 * neighbours' shares combined by the framework's method (LAIT's simple mean, dropping neighbours with nothing
 * inspected; or the median).
 */
export function similarAreasOutcomes(index: EvidenceIndex, la: LaCode, group: BlockAGroup, asAt: string, method: 'mean' | 'median', own: (code: LaCode) => AreaOutcomes): ComparatorOutcomes | null {
  const supplied = suppliedTally(index, { kind: 'similar-areas', code: la }, group, asAt);
  if (supplied) return { shares: shares(supplied), basis: 'supplied-comparator' };
  const neighbours = index.evidence.neighbours.get(la) ?? [];
  const contributing = neighbours.map((code) => ({ code, o: own(code) })).filter((n) => n.o.tally.inspected > 0);
  if (contributing.length > 0) {
    const pick = (key: keyof OutcomeShares) => combine(contributing.map((n) => n.o.shares[key]!), method);
    return {
      shares: { outstanding: pick('outstanding'), goodOrBetter: pick('goodOrBetter'), satisfactory: pick('satisfactory'), inadequate: pick('inadequate') },
      basis: 'provider-level',
      method,
      contributors: contributing.map((n) => n.code),
    };
  }
  return null;
}

/**
 * England: a supplied national figure (the published one) where there is one, so that a store holding a few LAs does
 * not call their pooled settings "England"; otherwise every LA's settings pooled (the national share of settings).
 */
export function englandOutcomes(index: EvidenceIndex, group: BlockAGroup, asAt: string, national: ReadonlyMap<LaCode, AreaOutcomes>): ComparatorOutcomes | null {
  const supplied = suppliedTally(index, { kind: 'england', code: '970' }, group, asAt);
  if (supplied) return { shares: shares(supplied), basis: 'supplied-comparator' };
  const pooled = { ...EMPTY };
  let any = false;
  for (const o of national.values()) {
    if (o.tally.inspected === 0) continue;
    any = true;
    for (const key of Object.keys(pooled) as (keyof OutcomeTally)[]) (pooled as Record<keyof OutcomeTally, number>)[key] += o.tally[key];
  }
  return any ? { shares: shares(pooled), basis: 'provider-level', method: 'pooled' } : null;
}

/**
 * Memos for one profiling run: each LA's own settings per group and date (for its own rows), every LA's outcomes per
 * group and date from one national pass (for similar areas), and England's, so that comparators (each LA is someone's
 * neighbour, and everyone's England) are computed once however many LAs are profiled. Memoisation only: a context
 * answers exactly what the pure functions above would.
 */
export interface BlockAContext {
  readonly own: (la: LaCode, group: BlockAGroup, asAt: string) => { outcomes: AreaOutcomes; settings: CountedSetting[] };
  readonly outcomes: (la: LaCode, group: BlockAGroup, asAt: string) => AreaOutcomes;
  readonly england: (group: BlockAGroup, asAt: string) => ComparatorOutcomes | null;
  /**
   * A context over an index in which one setting of one LA has a new inspection: it keeps every memo the change
   * cannot reach, and updates that LA's entry in the national outcomes of the groups the setting belongs to.
   */
  readonly after: (index: EvidenceIndex, change: { readonly la: LaCode; readonly providerType: Provider['type'] }) => BlockAContext;
}

export interface BlockAMemo {
  readonly owns: Map<string, { outcomes: AreaOutcomes; settings: CountedSetting[] }>;
  readonly nationals: Map<string, { group: BlockAGroup; asAt: string; byLa: Map<LaCode, AreaOutcomes> }>;
  readonly englands: Map<string, ComparatorOutcomes | null>;
}
type Memo = BlockAMemo;

/**
 * Memos for a context. `owns` may be given, to share the LAs' own settings between the runs of several years over the
 * same evidence index (the web site's 14 years: issue 14): an LA's own settings read only the index, never the year,
 * and each year's previous date is the current date of the year before, so the years would otherwise count the same
 * settings twice and keep both. Entries are keyed by what a group counts (its types, ownership and register), so
 * that years whose groups of one name differ never share them. Sharing it between runs over different evidence would
 * be wrong: it is for one index's runs only.
 */
export function blockAMemo(options: { readonly owns?: BlockAMemo['owns'] } = {}): BlockAMemo {
  return { owns: options.owns ?? new Map(), nationals: new Map(), englands: new Map() };
}

/** What a group counts, as a number: two groups with the same number count the same settings of an LA. */
const GROUP_KEYS = new WeakMap<BlockAGroup, number>();
const GROUP_NUMBERS = new Map<string, number>();
function groupKey(group: BlockAGroup): number {
  let key = GROUP_KEYS.get(group);
  if (key === undefined) {
    const counts = JSON.stringify([group.id, group.providerTypes, group.ownership ?? null, group.registered === true]);
    key = GROUP_NUMBERS.get(counts);
    if (key === undefined) GROUP_NUMBERS.set(counts, (key = GROUP_NUMBERS.size));
    GROUP_KEYS.set(group, key);
  }
  return key;
}

/**
 * `groups` are those the run's framework reads: the first comparator asked for at a date computes all of them in
 * one pass over the settings (a group outside them is computed alone).
 */
export function blockAContext(index: EvidenceIndex, groups: readonly BlockAGroup[] = [], memo: Memo = blockAMemo()): BlockAContext {
  const { owns, nationals, englands } = memo;
  const own: BlockAContext['own'] = (la, group, asAt) => {
    const key = `${la}|${groupKey(group)}|${asAt}`;
    let hit = owns.get(key);
    if (!hit) owns.set(key, (hit = laOutcomes(index, la, group, asAt)));
    return hit;
  };
  const national = (group: BlockAGroup, asAt: string) => {
    const key = `${group.id}|${asAt}`;
    let hit = nationals.get(key);
    if (!hit) {
      const batch = groups.includes(group) ? groups.filter((g) => !nationals.has(`${g.id}|${asAt}`)) : [group];
      for (const [id, byLa] of nationalOutcomes(index, batch, asAt)) nationals.set(`${id}|${asAt}`, { group: batch.find((g) => g.id === id)!, asAt, byLa });
      hit = nationals.get(key)!;
    }
    return hit.byLa;
  };
  const outcomes: BlockAContext['outcomes'] = (la, group, asAt) => national(group, asAt).get(la) ?? fromSupplied(index, la, group, asAt);
  const england: BlockAContext['england'] = (group, asAt) => {
    const key = `${group.id}|${asAt}`;
    if (!englands.has(key)) englands.set(key, englandOutcomes(index, group, asAt, national(group, asAt)));
    return englands.get(key)!;
  };
  const after: BlockAContext['after'] = (next, change) => {
    const nextMemo: Memo = { owns: new Map(), nationals: new Map(), englands: new Map() };
    for (const [key, value] of owns) if (!key.startsWith(`${change.la}|`)) nextMemo.owns.set(key, value);
    for (const [key, value] of nationals) {
      if (!value.group.providerTypes.includes(change.providerType)) {
        nextMemo.nationals.set(key, value);
        if (englands.has(key)) nextMemo.englands.set(key, englands.get(key)!);
        continue;
      }
      // One LA's entry changes; the other 151 are shared. England is pooled again from them when next asked.
      const byLa = new Map(value.byLa);
      byLa.set(change.la, laOutcomes(next, change.la, value.group, value.asAt).outcomes);
      nextMemo.nationals.set(key, { ...value, byLa });
    }
    return blockAContext(next, groups, nextMemo);
  };
  return { own, outcomes, england, after };
}

/**
 * The dates Block A counts at: the profile date and the year before, or where the framework says (today's years), the
 * dates of the files in force then (31 March). The memos of a context are keyed by these dates, whichever they are.
 */
export function blockADates(framework: Pick<Framework, 'profileDate' | 'previousProfileDate' | 'blockAAsAt'>): { readonly current: string; readonly previous: string } {
  return framework.blockAAsAt ? { current: framework.blockAAsAt.current, previous: framework.blockAAsAt.previous } : { current: framework.profileDate, previous: framework.previousProfileDate };
}

export function blockA(index: EvidenceIndex, la: LaCode, framework: Framework, context: BlockAContext = blockAContext(index)): BlockARow[] {
  const dates = blockADates(framework);
  return framework.blockA.map((group) => {
    const asAt = dates.current;
    const current = context.own(la, group, asAt);
    const last = context.outcomes(la, group, dates.previous);
    const now = current.outcomes.shares.goodOrBetter;
    const before = last.shares.goodOrBetter;
    return {
      group,
      asAt,
      la: current.outcomes,
      settings: current.settings,
      subJudgements: framework.subJudgements.map((name) => {
        const judged: Judgement[] = [];
        for (const setting of current.settings) {
          const j = setting.sub[name];
          if (j) judged.push(j);
        }
        const t = tally(judged);
        return { name, tally: t, shares: shares(t) };
      }),
      similarAreas: similarAreasOutcomes(index, la, group, asAt, framework.similarAreas, (code) => context.outcomes(code, group, asAt)),
      england: context.england(group, asAt),
      lastYear: last,
      lastYearSettings: last.basis === 'provider-level' && last.tally.inspected > 0 ? context.own(la, group, dates.previous).settings : [],
      goodOrBetterChange: now === null || before === null ? null : Math.round((now - before) * 1000) / 10,
    };
  });
}
