// npm links the bins of dependencies into node_modules/.bin, but not the root package's own; this `prepare` step does,
// so that `node_modules/.bin/kingsway` works after `npm install` or `npm ci`. Plain JavaScript: it runs under any Node.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
mkdirSync(bin, { recursive: true });
rmSync(join(bin, 'kingsway'), { force: true });
symlinkSync(join('..', '..', 'bin', 'kingsway.js'), join(bin, 'kingsway'));
chmodSync(join(root, 'bin', 'kingsway.js'), 0o755);
