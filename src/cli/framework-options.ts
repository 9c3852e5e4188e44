import { readFileSync } from 'node:fs';
import { UsageError } from '../domain/errors.ts';
import { frameworkFor } from '../frameworks/index.ts';
import type { Framework } from '../frameworks/types.ts';
import { applySettings, parseFrameworkSettings } from '../frameworks/settings.ts';
import type { FrameworkSettings } from '../frameworks/settings.ts';

/** `--settings file.json` and `--similar-areas mean|median`, merged (the flag wins), checked, named in errors. */
export function readSettings(options: { settings?: string; similarAreas?: string }): FrameworkSettings {
  let fromFile: FrameworkSettings = {};
  if (options.settings !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.settings, 'utf8');
    } catch (error) {
      throw new UsageError(`--settings ${JSON.stringify(options.settings)}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--settings ${JSON.stringify(options.settings)} is not JSON: ${(error as Error).message}`);
    }
    fromFile = parseFrameworkSettings(json, options.settings);
  }
  const flag = options.similarAreas === undefined ? {} : parseFrameworkSettings({ similarAreas: options.similarAreas }, '--similar-areas');
  return { ...fromFile, ...flag };
}

export function frameworkWith(year: number, settings: FrameworkSettings | undefined): Framework {
  return applySettings(frameworkFor(year), settings ?? {});
}
