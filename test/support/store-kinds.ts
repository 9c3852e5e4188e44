import { join } from 'node:path';
import { after } from 'node:test';
import { postgresUrl, tempDir } from './store.ts';

/** A store the contract suites run on, and how to make a new, empty one (its `--db`). */
export interface StoreKind {
  readonly name: 'sqlite' | 'postgres';
  readonly fresh: () => string;
}

/**
 * SQLite files in a temporary folder (removed after the suite) and PostgreSQL schemas on the test server, each new
 * store named with `prefix`: the two kinds every contract suite runs on.
 */
export function storeKinds(prefix: string): { readonly kinds: readonly StoreKind[]; readonly dir: string; readonly next: () => number } {
  const tmp = tempDir(`kingsway-${prefix}-`);
  after(() => tmp.cleanup());
  let serial = 0;
  const next = () => ++serial;
  return {
    kinds: [
      { name: 'sqlite', fresh: () => join(tmp.dir, `store-${next()}.db`) },
      { name: 'postgres', fresh: () => postgresUrl(`${prefix}_${process.pid}_${next()}`) },
    ],
    dir: tmp.dir,
    next,
  };
}
