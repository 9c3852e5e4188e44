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
    const cache = new PageCache(2);
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a again');
    await cache.get('c', async () => 'c');
    assert.equal(cache.size, 2);
    assert.equal(await cache.get('b', async () => 'b rendered again'), 'b rendered again');
    await assert.rejects(cache.get('x', async () => Promise.reject(new Error('no'))));
    assert.equal(await cache.get('x', async () => 'x'), 'x');
  });
});
