import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UsageError } from '../domain/errors.ts';
import type { LetterEditOp } from '../domain/letter-edit.ts';

/**
 * An edit file (`kingsway letter edit --file edits.json`): the edits an inspector made to one letter, in order, as a
 * JSON array — for example
 *   [{ "op": "reword", "target": "a:primary", "text": "As was the case last year, …" },
 *    { "op": "remove", "target": "c:ni-117" },
 *    { "op": "add", "after": "a:special", "text": "The sixth school is making satisfactory progress." },
 *    { "op": "move", "target": "strengths:primary", "after": "strengths:specialist" }]
 * The ids are those of `kingsway letter --format json`. Every bad value is named with its place in the file.
 */
const text = z.string().trim().min(1, 'must not be empty');
const id = z.string().min(1, 'must name an id');
const editSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('reword'), target: id, text }).strict(),
  z.object({ op: z.literal('remove'), target: id }).strict(),
  z.object({ op: z.literal('add'), after: id, text }).strict(),
  z.object({ op: z.literal('move'), target: id, after: id }).strict(),
  z.object({ op: z.literal('revert'), edit: z.number().int().positive() }).strict(),
]);
const fileSchema = z.array(editSchema).min(1, 'must list at least one edit');

export function parseLetterEdits(value: unknown, source: string): LetterEditOp[] {
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? `[${i.path.join('].')}` : '(top)'}: ${i.message}`.replace(/\]\.([a-z])/g, '].$1'));
    throw new UsageError(`${source}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

export function readLetterEditsFile(path: string): LetterEditOp[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the edit file "${path}": ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new UsageError(`the edit file "${path}" is not JSON: ${(e as Error).message}`);
  }
  return parseLetterEdits(value, path);
}
