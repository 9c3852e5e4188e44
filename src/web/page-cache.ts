/**
 * Rendered pages and JSON kept for reuse: a page is a pure function of the assessed year and what it reads of the
 * address, so once rendered it can be sent again until something it depends on changes (SiteData's version, part of
 * every key). Keys name what a page reads, normalised (server.ts), never the raw URL. Least recently used entries go
 * first beyond `entries`, or beyond `bytes` in all (a national page is several hundred KB). Letter pages are not
 * cached: an edit changes them.
 */
export interface PageCacheLimits {
  readonly entries?: number;
  readonly bytes?: number;
}

/**
 * 128 MB (it was 256): the server holds about 520 MB resident once warm on the benchmark's store (issue 14), and the
 * cache adds to that as it fills. It holds a year's LA pages and API profiles with room to spare (2011's: 152 × 66 KB
 * and 152 × 360 KB, on the synthetic national dataset), so that someone, or a load test, going round every LA of a year
 * finds them kept.
 */
export const PAGE_CACHE_LIMITS = { entries: 2000, bytes: 128 * 1024 * 1024 } as const;

type Entry<T> = { readonly made: Promise<T>; size: number };

/** Bytes held: a Buffer's length, or twice a string's (V8 keeps a string with any non-Latin-1 character in UTF-16). */
const sizeOf = (value: unknown): number => (typeof value === 'string' ? value.length * 2 : Buffer.isBuffer(value) ? value.byteLength : 0);

export class PageCache<T = string | Buffer> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #maxEntries: number;
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(limits: PageCacheLimits = {}) {
    this.#maxEntries = limits.entries ?? PAGE_CACHE_LIMITS.entries;
    this.#maxBytes = limits.bytes ?? PAGE_CACHE_LIMITS.bytes;
  }

  get<V extends T>(key: string, render: () => Promise<V>): Promise<V> {
    const held = this.#entries.get(key);
    if (held) {
      // Refresh its place: a Map keeps insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, held);
      return held.made as Promise<V>;
    }
    const made = render();
    const entry: Entry<T> = { made, size: 0 };
    this.#entries.set(key, entry);
    made.then(
      (value) => {
        if (this.#entries.get(key) !== entry) return;
        entry.size = sizeOf(value);
        this.#bytes += entry.size;
        this.#trim();
      },
      () => this.#forget(key, entry),
    );
    this.#trim();
    return made;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  #forget(key: string, entry: Entry<T>): void {
    if (this.#entries.get(key) !== entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.size;
  }

  #trim(): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) break;
      this.#forget(key, entry);
    }
  }
}
