import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LaCode } from '../../src/domain/local-authority.ts';
import { openStore, storeLocation } from '../../src/store/open-store.ts';

/** How many judgements, and how many edits, each writer records. */
export const WRITES = 15;

/**
 * One of the contract suite's concurrent writers, in a process of its own: opens the store `db`, and at once records
 * WRITES judgements and WRITES single-edit batches for Stockport 2011, and imports a one-addressee dataset named
 * after it (Trafford's Director, 2009 for "left", 2010 otherwise). Exits 0 when all of it is stored.
 */
export function concurrentWriter(db: string, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), db, name], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main(db: string, name: string): Promise<void> {
  const store = await openStore(storeLocation(db));
  try {
    const la = '356' as LaCode;
    await Promise.all([
      ...Array.from({ length: WRITES }, (_, n) =>
        store.recordJudgement({ la, year: 2011, decision: { kind: 'grade', grade: 3 }, rationale: `${name} ${n}`, author: `Writer ${name}`, stage: 'final', authorId: null, recordedAt: `2011-10-10T10:00:${String(n).padStart(2, '0')}.000Z`, derivedAtTheTime: 3 }),
      ),
      ...Array.from({ length: WRITES }, (_, n) => store.recordLetterEdits([{ la, year: 2011, change: { op: 'remove', target: `${name}-${n}` }, basis: null, author: `Writer ${name}`, recordedAt: '2011-10-10T11:00:00.000Z' }])),
      store.replaceDataset({
        dataset: { id: `writer-${name}`, kind: 'synthetic', title: name, source: 'test/support/concurrent-writer.ts', licence: 'OGL' },
        files: [{ path: `${name}.csv`, sha256: name, rows: 1 }],
        addressees: [{ la: '358' as LaCode, year: name === 'left' ? 2009 : 2010, honorific: 'Ms', name, jobTitle: 'Director', council: 'Trafford', addressLines: ['Town Hall'], postcode: 'M32 0TH' }],
      }),
    ]);
  } finally {
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [db, name] = process.argv.slice(2);
  main(db!, name!).catch((error: unknown) => {
    process.stderr.write(`concurrent writer ${name}: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
