import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LetterEdit } from '../../domain/letter-edit.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { SqliteStore } from './sqlite-store.ts';

const edit = (text: string): Omit<LetterEdit, 'id'> => ({ la: '356' as LaCode, year: 2011, change: { op: 'add', after: 'summary-1', text } as unknown as LetterEdit['change'], basis: null, author: 'An Inspector', recordedAt: '2011-10-01T09:00:00.000Z' });

test('a batch of letter edits is recorded whole, in order, in one transaction', async () => {
  const store = await SqliteStore.open(':memory:');
  try {
    const ids = await store.recordLetterEdits([edit('First.'), edit('Second.')]);
    assert.equal(ids.length, 2);
    assert.ok(ids[0]! < ids[1]!);
    assert.deepEqual((await store.letterEdits('356' as LaCode, 2011)).map((e) => e.id), ids);
  } finally {
    await store.close();
  }
});

test('a batch that fails part way records none of it', async () => {
  const store = await SqliteStore.open(':memory:');
  try {
    // The third edit breaks a NOT NULL constraint after two have been inserted: the transaction takes them back.
    const broken = { ...edit('Third.'), author: null as unknown as string };
    await assert.rejects(store.recordLetterEdits([edit('First.'), edit('Second.'), broken]));
    assert.deepEqual(await store.letterEdits('356' as LaCode, 2011), []);
  } finally {
    await store.close();
  }
});
