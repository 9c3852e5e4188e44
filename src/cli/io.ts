import { SingleBar } from 'cli-progress';
import type { ProgressFn } from '../ingest/source.ts';
import { CONTROL_CHARACTER } from '../domain/user-text.ts';

/** Where a command writes: results to `out`, messages and progress to `err`, so `--json` output stays clean. */
export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly progress: ProgressFn;
  /** Ends any progress display (a bar on a terminal). */
  readonly endProgress: () => void;
}

/**
 * A progress display for long work: a bar on a terminal, and plain lines (at most one per 10%) otherwise, so CI
 * logs and pipes show progress without control characters.
 */
export function processIo(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Io {
  let bar: SingleBar | undefined;
  let label = '';
  let lastTenth = -1;
  const endProgress = () => {
    bar?.stop();
    bar = undefined;
    label = '';
    lastTenth = -1;
  };
  const progress: ProgressFn = (what, done, total) => {
    if (stderr.isTTY) {
      if (label !== what) {
        endProgress();
        label = what;
        bar = new SingleBar({ format: `  ${what} [{bar}] {percentage}% {value}/{total}`, stream: stderr, hideCursor: true, clearOnComplete: true });
        bar.start(total, done);
      }
      bar!.update(done);
      if (done >= total) endProgress();
      return;
    }
    if (label !== what) {
      label = what;
      lastTenth = -1;
    }
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stderr.write(`  ${what}: ${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} (${tenth * 10}%)\n`);
    }
  };
  return { out: (t) => stdout.write(`${t}\n`), err: (t) => stderr.write(`${t}\n`), progress, endProgress };
}

// C0 and C1 controls, DEL, the bidi controls and the line separators: what could move the cursor, colour the terminal,
// start a new row or reorder what is shown.
const UNPRINTABLE = new RegExp(CONTROL_CHARACTER.source, 'gu');

/**
 * Text someone typed, made safe to print in a row of output: every control character shown as an escape (`\n`,
 * `\u001b`). New names and texts are refused at entry (src/domain/user-text.ts); this covers what was stored before
 * that check, so no stored value can forge a row or an ANSI sequence in a listing.
 */
export function printable(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  return text.replace(UNPRINTABLE, (c) => named[c] ?? `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/**
 * Ends the process quietly when whatever reads its output goes away (`kingsway letter edits … | head`): a closed
 * pipe is the reader's choice, not a fault, and must not print a stack trace.
 */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/** Pads columns for a plain-text table; the first row is the header. Cells are printed with `printable`. */
export function formatTable(input: readonly (readonly string[])[]): string {
  const rows = input.map((row) => row.map(printable));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
