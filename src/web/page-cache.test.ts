import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from './page-cache.ts';

describe('the page cache', () => {
  it('renders a page once, and again only when its key (with the data version) changes', async () => {
    const cache = new PageCache();
    let renders = 0;
    const page = (v: number) => cache.get(`v${v} /2011/la/356`, async () => `page ${++renders}`);
    assert.equal(await page(1), 'page 1');
    assert.equal(await page(1), 'page 1');
    assert.equal(await page(2), 'page 2');
  });

  it('forgets the least recently used beyond its limit, and never keeps a failure', async () => {
    const cache = new PageCache({ entries: 2 });
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a again');
    await cache.get('c', async () => 'c');
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('b', async () => 'b rendered again'), 'b rendered again');
    await assert.rejects(cache.get('x', async () => Promise.reject(new Error('no'))));
    assert.equal(await cache.get('x', async () => 'x'), 'x');
  });

  it('forgets the least recently used beyond its size in bytes', async () => {
    const cache = new PageCache({ bytes: 2500 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => Buffer.alloc(1000));
    assert.equal(cache.size, 2);
    assert.equal(cache.bytes, 2000);
    let rendered = false;
    await cache.get('a', async () => ((rendered = true), Buffer.alloc(1000)));
    assert.ok(rendered, 'a, the oldest, was forgotten');
    // A page bigger than the whole cache is sent, not kept.
    await cache.get('huge', async () => Buffer.alloc(5000));
    assert.ok(cache.bytes <= 2500);
  });
});
