import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { signedInAs } from '../../test/support/web-session.ts';
import { buildServer } from './server.ts';

describe('finding an LA from the header (/search, issue 16)', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore();
    app = buildServer(store, { logStream: { write: () => undefined }, secureCookies: false }).app;
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  it('has the form on every page, and goes straight to the one LA a name, formal name or code finds', async () => {
    assert.match((await get('/2011')).body, /<form method="get" action="\/search" role="search"/);
    for (const q of ['Stockport', 'stockport metropolitan borough council', '356', 'STOCKPORT.']) {
      const r = await get(`/search?q=${encodeURIComponent(q)}`);
      assert.equal(r.statusCode, 303, q);
      assert.equal(r.headers.location, '/2011/la/356', q);
    }
  });

  it('lists an LA with nothing published without a link for the public, and with one for staff', async () => {
    const page = await get('/search?q=Trafford');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Trafford \(358\): nothing published yet/);
    assert.doesNotMatch(page.body, /href="\/\d{4}\/la\/358"/);
    const analyst = await signedInAs(app, store, 'analyst');
    const staff = await get('/search?q=Trafford', analyst.headers);
    assert.equal(staff.statusCode, 303);
    assert.match(String(staff.headers.location), /^\/\d{4}\/la\/358$/);
  });

  it('says so when nothing matches, and lists every match of a shared word', async () => {
    assert.match((await get('/search?q=Atlantis')).body, /No local authority matches “Atlantis”/);
    const bed = (await get('/search?q=Bedford')).body;
    assert.match(bed, /Bedford \(822\)/);
    assert.match(bed, /Bedfordshire \(820\)/);
    assert.equal((await get(`/search?q=${'x'.repeat(201)}`)).statusCode, 400, 'a query longer than any name is refused');
  });
});
