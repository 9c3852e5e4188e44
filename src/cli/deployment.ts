import { UsageError } from '../domain/errors.ts';
import { checkUserText } from '../domain/user-text.ts';
import { DEFAULT_LETTER_SETTINGS } from '../narrative/letter-settings.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';

/**
 * The deployment's settings, read from the environment by the shell (CLI and server alike) and handed to the core:
 *   KINGSWAY_SIGNATORY_TITLE  the role that signs letters (default "Assessment lead, Kingsway")
 *   KINGSWAY_SIGNATORY_NAME   a person's name above it (default none: the role signs alone)
 *   KINGSWAY_LETTER_SENDER    the sender block, its lines separated by "|" (default "Kingsway|Children's services assessment")
 * Each is checked as any typed name is (src/domain/user-text.ts).
 */
export function letterSettingsFrom(env: NodeJS.ProcessEnv): LetterSettings {
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : checkUserText(value, 'name', name);
  };
  const title = read('KINGSWAY_SIGNATORY_TITLE');
  const name = read('KINGSWAY_SIGNATORY_NAME') ?? null;
  if (name !== null && title === undefined) throw new UsageError('KINGSWAY_SIGNATORY_NAME is set without KINGSWAY_SIGNATORY_TITLE: a name signs with a role beneath it');
  const senderRaw = env['KINGSWAY_LETTER_SENDER'];
  const sender = senderRaw === undefined || senderRaw.trim() === '' ? DEFAULT_LETTER_SETTINGS.sender : senderRaw.split('|').map((line) => checkUserText(line, 'name', 'a line of KINGSWAY_LETTER_SENDER'));
  return { sender, signatory: { name, title: title ?? DEFAULT_LETTER_SETTINGS.signatory.title } };
}
