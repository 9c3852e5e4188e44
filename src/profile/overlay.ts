/**
 * A read-only map that is `base` with one key set to a new value, without copying `base` (114,000 providers would
 * take longer to copy than the whole incremental update is allowed). Layers stack: an overlay of an overlay works.
 */
export function overlay<K, V>(base: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> {
  const has = base.has(key);
  function* entries(): Generator<[K, V], undefined, unknown> {
    for (const entry of base) yield entry[0] === key ? [key, value] : entry;
    if (!has) yield [key, value];
    return undefined;
  }
  function* keys(): Generator<K, undefined, unknown> {
    for (const [k] of entries()) yield k;
    return undefined;
  }
  function* values(): Generator<V, undefined, unknown> {
    for (const [, v] of entries()) yield v;
    return undefined;
  }
  const map: ReadonlyMap<K, V> = {
    get: (k) => (k === key ? value : base.get(k)),
    has: (k) => k === key || base.has(k),
    get size() {
      return base.size + (has ? 0 : 1);
    },
    forEach(callback, thisArg) {
      for (const [k, v] of entries()) callback.call(thisArg, v, k, map);
    },
    entries,
    keys,
    values,
    [Symbol.iterator]: entries,
  };
  return map;
}
