import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore as openAt, storeLocation } from '../../src/store/open-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { EvidenceRepository, Store } from '../../src/store/repository.ts';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'kingsway-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Copies a fixture bundle into a temp folder so a test can break it without touching the original. */
export function copyBundle(fixture: string, into: string): string {
  const dir = join(into, fixture.split('/').at(-1)!);
  cpSync(new URL(`../fixtures/bundles/${fixture}`, import.meta.url), dir, { recursive: true });
  return dir;
}

/**
 * Which store the tests run on: SQLite by default; PostgreSQL when KINGSWAY_TEST_STORE=postgres, on the server
 * KINGSWAY_TEST_POSTGRES names (scripts/postgres.sh starts a throwaway one), each test's store in a schema of its own.
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env['KINGSWAY_TEST_STORE'] === 'postgres' ? 'postgres' : 'sqlite';

/** The throwaway PostgreSQL server, if one is running for this test run. */
export const TEST_POSTGRES: string | undefined = process.env['KINGSWAY_TEST_POSTGRES'] || undefined;

/** A URL for the schema `name` on the test server: a store of its own, empty until first opened. */
export function postgresUrl(name: string): string {
  if (TEST_POSTGRES === undefined) throw new Error('KINGSWAY_TEST_POSTGRES is not set: start a server with scripts/postgres.sh (bash scripts/test.sh does)');
  return `${TEST_POSTGRES}${TEST_POSTGRES.includes('?') ? '&' : '?'}schema=${name}`;
}

/** What `--db` is for the store of a test's folder: the folder's kingsway.db, or a schema named after the folder. */
export function dbOf(dir: string): string {
  if (TEST_STORE === 'sqlite') return join(dir, 'kingsway.db');
  return postgresUrl(`t_${createHash('sha256').update(dir).digest('hex').slice(0, 20)}`);
}

/** Opens what `--db` would: a file, or a postgres:// URL. */
export async function openSpec(db: string): Promise<Store> {
  return openAt(storeLocation(db));
}

/** The store of a test's folder (dbOf). */
export async function openStore(dir: string): Promise<Store> {
  return openSpec(dbOf(dir));
}

let scratchCount = 0;
/** A fresh store that nothing else will open: SQLite in memory, or a new schema. */
export async function scratchStore(): Promise<Store> {
  if (TEST_STORE === 'sqlite') return SqliteStore.open(':memory:');
  scratchCount++;
  return openSpec(postgresUrl(`s_${process.pid}_${scratchCount}_${Date.now().toString(36)}`));
}

/**
 * A fingerprint of everything in a store (Store.fingerprint: every row of every table). Two equal fingerprints mean
 * the import changed nothing a query could see. Takes what `--db` takes: a file, or a postgres:// URL.
 */
export async function fingerprint(db: string): Promise<string> {
  const store = await openSpec(db);
  try {
    return await store.fingerprint();
  } finally {
    await store.close();
  }
}

/** Every fact the repository can return, as the core would see it (surrogate row ids are not part of it). */
export async function readEverything(store: EvidenceRepository): Promise<unknown> {
  const las = await store.localAuthorities();
  return {
    las,
    providers: await store.providers(),
    providerInspections: await store.providerInspections(),
    laInspections: await store.laInspections(),
    indicators: await store.indicators(),
    indicatorValues: await store.indicatorValues(),
    outcomeCounts: await store.outcomeCounts(),
    addressees: await Promise.all(las.map((la) => store.addressee(la.code, 2011))),
    hexes: await store.hexes(),
  };
}
