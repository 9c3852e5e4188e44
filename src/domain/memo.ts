/**
 * Remembers a pure reader's answers for the raw strings it has seen. Input files repeat the same few words and dates
 * hundreds of thousands of times (every inspection says "good" or "outstanding"), so reading each distinct spelling
 * once makes an import several times faster. Bounded: past `limit` distinct strings it stops remembering new ones.
 */
export function memoByString<T>(read: (raw: string) => T, limit = 20_000): (raw: string) => T {
  const seen = new Map<string, T>();
  // Columns often repeat the row before ("full", "full", "full"…): compare with it before hashing.
  let lastRaw: string | undefined;
  let lastValue: T;
  return (raw) => {
    if (raw === lastRaw) return lastValue;
    lastRaw = raw;
    const hit = seen.get(raw);
    lastValue = hit as T;
    if (hit !== undefined || seen.has(raw)) return hit as T;
    const value = read(raw);
    lastValue = value;
    if (seen.size < limit) seen.set(raw, value);
    return value;
  };
}
