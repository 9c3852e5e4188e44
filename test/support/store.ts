import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { EvidenceRepository } from '../../src/store/repository.ts';

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

export async function openStore(dir: string): Promise<SqliteStore> {
  return SqliteStore.open(join(dir, 'kingsway.db'));
}

/**
 * A fingerprint of everything in a database file: every row of every table, in key order. Two equal fingerprints
 * mean the import changed nothing a query could see.
 */
export function fingerprint(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables) {
      hash.update(`#${name}\n`);
      const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((row) => JSON.stringify(row)).sort();
      for (const row of rows) hash.update(`${row}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
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
