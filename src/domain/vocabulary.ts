import { spellingKey } from './judgement.ts';
import { memoByString } from './memo.ts';

/**
 * Builds a reader for a controlled vocabulary: each canonical value, plus the other spellings real files use,
 * compared after `spellingKey` (case, punctuation and spacing folded). Returns `undefined` for anything else, so
 * the importer can reject the value with its position rather than guess.
 */
export function vocabulary<T extends string>(
  values: readonly T[],
  spellings: Readonly<Record<string, T>> = {},
): (raw: string) => T | undefined {
  const map = new Map<string, T>();
  for (const value of values) map.set(spellingKey(value), value);
  for (const [spelling, value] of Object.entries(spellings)) map.set(spellingKey(spelling), value);
  return memoByString((raw) => map.get(spellingKey(raw)));
}
