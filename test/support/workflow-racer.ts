import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { WorkflowConflictError } from '../../src/domain/errors.ts';
import { openStore, storeLocation } from '../../src/store/open-store.ts';
import type { WorkflowAppend } from '../../src/store/repository.ts';

/** How a racer ended: its move stored, refused as a conflict, or failed some other way (its stack on stderr). */
export type RaceOutcome = 'stored' | 'conflict' | 'failed';
const CONFLICT = 3;

/**
 * The process contract's racers, each in a process of its own (as two servers would be): each opens the store `db`,
 * says it is ready, and when every racer is, appends its move at once. A barrier rather than a timer, so the appends
 * really overlap; on SQLite, two connections in one process cannot wait for each other's lock (better-sqlite3 waits
 * synchronously), which is why they are processes.
 */
export async function raceToAppend(db: string, moves: readonly WorkflowAppend[]): Promise<RaceOutcome[]> {
  const racers = moves.map((move) => spawn(process.execPath, [fileURLToPath(import.meta.url), db, JSON.stringify(move)], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const exits = racers.map((r) => once(r, 'exit').then(([code]) => code as number | null));
  await Promise.all(racers.map((r) => Promise.race([ready(r), exits[racers.indexOf(r)]])));
  for (const r of racers) r.stdin!.end('go\n');
  return (await Promise.all(exits)).map((code) => (code === 0 ? 'stored' : code === CONFLICT ? 'conflict' : 'failed'));
}

function ready(racer: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    let said = '';
    racer.stdout!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('ready\n')) resolve();
    });
  });
}

async function main(db: string, move: WorkflowAppend): Promise<void> {
  const store = await openStore(storeLocation(db));
  try {
    process.stdout.write('ready\n');
    await once(process.stdin, 'data');
    process.stdin.destroy();
    await store.appendWorkflowEvents([move]);
  } catch (error) {
    if (!(error instanceof WorkflowConflictError)) throw error;
    process.exitCode = CONFLICT;
  } finally {
    await store.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [db, move] = process.argv.slice(2);
  main(db!, JSON.parse(move!) as WorkflowAppend).catch((error: unknown) => {
    process.stderr.write(`workflow racer: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  });
}
