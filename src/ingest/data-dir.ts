import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The published data Kingsway carries (data/published/, with SOURCES.md and checksums.sha256), so that the main job
 * runs from a fresh clone with nothing beside it. A reviewer found that without `../shared/data` the quick start
 * served an empty site and exited 0; the copy in the checkout is what the main job now reads by default.
 */
export const BUNDLED_DATA_DIR = fileURLToPath(new URL('../../data/published/', import.meta.url));

/**
 * The data folder a command reads when `--data` is not given: `KINGSWAY_DATA` when set (the shared reference data,
 * `../shared/data`, may be named there), else the copy the project carries. `undefined` only if that copy has been
 * removed from the checkout.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv, bundled: string = BUNDLED_DATA_DIR): string | undefined {
  if (env['KINGSWAY_DATA']) return env['KINGSWAY_DATA'];
  return existsSync(bundled) ? bundled : undefined;
}

/** What to tell a user who has no data folder at all. */
export const NO_DATA_FOLDER =
  'no published data folder found: the copy this project carries (data/published/) is missing from the checkout. Restore it (git checkout -- data/published), or name a folder laid out the same way with --data or KINGSWAY_DATA';
