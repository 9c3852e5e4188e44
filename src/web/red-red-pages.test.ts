import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import Papa from 'papaparse';
import type { Store } from '../store/repository.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { buildServer } from './server.ts';

/**
 * Red-reds (src/profile/red-red.ts) where a reader meets them, over the web tests' store (the Stockport 2011 seed
 * fixture, published): in it NI 81, the level 3 inequality gap, is worse than similar areas and England and widened.
 */
describe('red-reds on the LA page, the letter page and the API', () => {
  let store: Store;
  let app: FastifyInstance;
  before(async () => {
    store = await webFixtureStore();
    ({ app } = buildServer(store));
  });
  after(async () => {
    await app?.close();
    await store?.close();
  });
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    assert.equal(r.statusCode, 200, `${url}: ${r.body.slice(0, 300)}`);
    return r;
  };

  it('the LA page says how many there are, links to each row and tags it in the Block C table', async () => {
    const html = (await get('/2011/la/356')).body;
    const blockC = html.slice(html.indexOf('id="block-c"'), html.indexOf('id="neighbours"'));
    assert.match(blockC, /1 indicator is worse than similar areas and England and getting worse:/);
    assert.match(blockC, /A red-red is an indicator where the local authority is worse than similar areas, worse than England, and has got worse since the period before\./);
    const link = /<ul class="govuk-list govuk-list--bullet" id="red-reds-list"><li><a href="#(block-c-row-\d+)" class="govuk-link">([^<]+)<\/a> \(NI 81\): 30\.3 in 2010, against 27 for similar areas and 24\.4 for England; 29\.1 in 2009 \(widening, \+1\.2 points\)<\/li><\/ul>/.exec(blockC);
    assert.ok(link, blockC.slice(0, 2000));
    const row = new RegExp(`<tr class="govuk-table__row" id="${link[1]}">\\s*<th[^>]*>(.*?)</th>`, 's').exec(blockC);
    assert.ok(row, `a row with id ${link[1]}`);
    assert.match(row[1]!, /NI 81/);
    assert.match(row[1]!, /<strong class="govuk-tag govuk-tag--red kw-red-red">Red-red<span class="govuk-visually-hidden">: worse than similar areas and England and getting worse<\/span><\/strong>/);
    assert.equal((blockC.match(/kw-red-red/g) ?? []).length, 1, 'only NI 81 is tagged');
  });

  it('the Block C download has a redRed column', async () => {
    const parsed = Papa.parse<Record<string, string>>((await get('/2011/la/356/block-c.csv')).body.trim(), { header: true });
    assert.ok(parsed.meta.fields?.includes('redRed'), parsed.meta.fields?.join(','));
    assert.deepEqual(parsed.data.filter((r) => r['redRed'] === 'true').map((r) => r['id']), ['NI 81']);
    assert.ok(parsed.data.every((r) => r['redRed'] === 'true' || r['redRed'] === 'false'));
  });

  it('the profile API flags each Block C row', async () => {
    const profile = (await get('/api/2011/las/356/profile')).json() as { blockC: { indicator: { id: string }; redRed: boolean }[] };
    assert.deepEqual(profile.blockC.filter((r) => r.redRed).map((r) => r.indicator.id), ['NI 81']);
    assert.ok(profile.blockC.every((r) => typeof r.redRed === 'boolean'));
  });

  it('the letter page lists them below the letter, with the sentences that state them, and leaves the letter as it is', async () => {
    const html = (await get('/2011/la/356/letter')).body;
    const letterEnd = html.indexOf('id="red-reds"');
    assert.ok(letterEnd > html.indexOf('class="kw-letter"'), 'the section follows the letter');
    assert.doesNotMatch(html.slice(html.indexOf('class="kw-letter"'), letterEnd), /red-red/i, 'the letter itself is not marked');
    const section = html.slice(letterEnd);
    assert.match(section, /Indicators worse than similar areas and England and getting worse<\/h2>/);
    assert.match(section, /1 indicator is worse than similar areas and England and getting worse:/);
    assert.match(section, /\(NI 81, economic wellbeing\): 30\.3 in 2010, against 27 for similar areas and 24\.4 for England; 29\.1 in 2009 \(widening, \+1\.2 points\)\./);
    assert.match(section, /The letter (states it in: “[^”]+” <span class="govuk-body-s">\(c:[^)]*ni-81[^)]*\)<\/span>|does not state it\.)/);
  });
});
