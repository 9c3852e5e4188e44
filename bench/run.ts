import { benchAssessment } from './assessment.bench.ts';
import { benchLaitImport } from './lait-import.bench.ts';
import { benchLetters } from './letters.bench.ts';
import { benchProviderImport } from './provider-import.bench.ts';
import { benchStoreImport } from './store-import.bench.ts';
import { benchWeb } from './web.bench.ts';
import { benchWhatIf } from './what-if.bench.ts';
import type { BenchLine } from './support.ts';

/**
 * `npm run bench`: every performance target in the issues, each measured against a reference run in the same
 * process (never as a timed unit test). Prints a table; exits 1 if a target is missed.
 */
const lines: BenchLine[] = [];
const only = process.argv[2];
for (const [name, bench] of [['LAIT import', benchLaitImport], ['provider import', benchProviderImport], ['store import', benchStoreImport], ['assessment', benchAssessment], ['letters', benchLetters], ['what-if', benchWhatIf], ['web', benchWeb]] as const) {
  if (only !== undefined && !name.includes(only)) continue;
  process.stderr.write(`running ${name}…\n`);
  lines.push(...(await bench()));
}
const rows = [['benchmark', 'measure', 'value', 'target', 'met'], ...lines.map((l) => [l.benchmark, l.measure, l.value, l.target ?? '', l.met === undefined ? '' : l.met ? 'yes' : 'NO'])];
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
if (lines.some((l) => l.met === false)) process.exitCode = 1;
