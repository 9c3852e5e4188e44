import type { IndicatorValue } from '../domain/indicator.ts';
import type { Provider, ProviderInspection } from '../domain/provider.ts';

/**
 * One copy of each repeated value in the evidence a long-running process keeps (issue 14). A store builds every row
 * afresh, so 211,000 provider inspections on the demo store held 211,000 strings "full", as many dates and judgements,
 * and a `sub` object each, where a few dozen distinct ones would do; each of 79,000 indicator values had its own period
 * and area objects. Kept for the web site's shared reads (shared-reads.ts), the evidence took about 60 MB more than its
 * distinct values need.
 *
 * The objects are the read's own (a store makes them for the call), so their fields are replaced in place rather than
 * the objects copied: nothing else holds them yet, and a copy would leave the originals as garbage the size of the
 * evidence. The values are equal to what they replace (a string by an equal string; an object by one whose JSON is the
 * same, so its fields in the same order), so nothing that reads them, or writes them out, can tell. An object a store
 * has frozen is left as it is.
 */
export class EvidenceInterner {
  readonly #strings = new Map<string, string>();
  readonly #objects = new Map<string, object>();

  /** The one copy of a string (kept for the interner's life: meant for vocabularies, codes and dates). */
  string<T extends string | null>(value: T): T {
    if (value === null) return value;
    const kept = this.#strings.get(value);
    if (kept !== undefined) return kept as T;
    this.#strings.set(value, value);
    return value;
  }

  /** The one copy of a small plain object with these fields in this order (JSON.stringify's text is its key). */
  object<T extends object>(value: T): T {
    const key = JSON.stringify(value);
    const kept = this.#objects.get(key);
    if (kept !== undefined) return kept as T;
    this.#objects.set(key, value);
    return value;
  }

  providers<A extends readonly Provider[]>(providers: A): A {
    for (const p of providers) {
      if (Object.isFrozen(p)) continue;
      const w = p as Mutable<Provider>;
      w.type = this.string(p.type);
      w.la = this.string(p.la);
      w.ownership = this.string(p.ownership);
      w.openedOn = this.string(p.openedOn);
      w.closedOn = this.string(p.closedOn);
    }
    return providers;
  }

  providerInspections<A extends readonly ProviderInspection[]>(inspections: A): A {
    // A URN is shared by a provider's inspections only (they arrive together): one copy each, for this read alone.
    const urns = new Map<string, string>();
    for (const i of inspections) {
      if (Object.isFrozen(i)) continue;
      const w = i as Mutable<ProviderInspection>;
      const urn = urns.get(i.urn);
      if (urn === undefined) urns.set(i.urn, i.urn);
      else w.urn = urn;
      w.date = this.string(i.date);
      w.kind = this.string(i.kind);
      w.overall = this.string(i.overall);
      w.sub = this.object(i.sub);
    }
    return inspections;
  }

  indicatorValues<A extends readonly IndicatorValue[]>(values: A): A {
    for (const v of values) {
      if (Object.isFrozen(v)) continue;
      const w = v as Mutable<IndicatorValue>;
      w.indicator = this.string(v.indicator);
      w.area = this.object(v.area);
      w.period = this.object(v.period);
      // A data symbol ("x", "c") is one of a few; a number's text is kept as read.
      if (v.value.kind === 'symbol') w.value = this.object(v.value);
      w.original = v.value.kind === 'symbol' ? this.string(v.original) : v.original;
    }
    return values;
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
