/**
 * Rendered pages and JSON kept for reuse: a page is a pure function of the assessed year and the address, so once
 * rendered it can be sent again until something it depends on changes (SiteData's version, part of every key). Least
 * recently used entries go first beyond `limit`. Letter pages are not cached: an edit changes them.
 */
export class PageCache<T = string | Buffer> {
  readonly #limit: number;
  readonly #entries = new Map<string, Promise<T>>();

  constructor(limit = 2000) {
    this.#limit = limit;
  }

  get<V extends T>(key: string, render: () => Promise<V>): Promise<V> {
    const held = this.#entries.get(key);
    if (held) {
      // Refresh its place: a Map keeps insertion order, so the first key is the least recently used.
      this.#entries.delete(key);
      this.#entries.set(key, held);
      return held as Promise<V>;
    }
    const made = render();
    this.#entries.set(key, made);
    made.catch(() => this.#entries.delete(key));
    if (this.#entries.size > this.#limit) this.#entries.delete(this.#entries.keys().next().value!);
    return made;
  }

  get size(): number {
    return this.#entries.size;
  }
}
