import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The default data folder: `KINGSWAY_DATA`, else `../shared/data` beside the checkout (as CI lays it out). */
export function defaultDataDir(cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env['KINGSWAY_DATA']) return env['KINGSWAY_DATA'];
  const sibling = join(cwd, '..', 'shared', 'data');
  return existsSync(sibling) ? sibling : undefined;
}
