import type { LetterEdit, LetterEditOp } from '../domain/letter-edit.ts';
import { prepareEdits } from '../narrative/edits.ts';
import type { LetterDraft } from '../narrative/letter.ts';
import type { Store } from '../store/repository.ts';
import { auditEvent } from '../domain/audit.ts';
import type { AuditActor, JsonValue } from '../domain/audit.ts';

/**
 * Records an inspector's edits to a letter, for the command line (`kingsway letter edit`) and the letter page alike
 * (issue 14): each change checked against the letter as it stands after the ones before it (prepareEdits, which
 * refuses the batch on the first bad change, and refuses a batch that would leave the letter stating a grade other
 * than its own, or none: issue 15), then all of them written in one transaction, so a batch is recorded whole or not
 * at all. Every refusal is a UsageError, which the command line prints and the letter page's form shows beside the
 * action (src/web/server.ts). The time is the caller's (the shell's clock).
 */
export async function recordLetterEdits(
  store: Store,
  generated: LetterDraft,
  changes: readonly LetterEditOp[],
  by: string,
  at: string,
  /** Who is recording, for the audit log: a signed-in inspector, or the command line (the system). */
  actor: AuditActor = { kind: 'system', name: 'kingsway letter edit' },
): Promise<{ readonly ids: readonly number[]; readonly records: readonly Omit<LetterEdit, 'id'>[] }> {
  const records = prepareEdits(generated, await store.letterEdits(generated.la.code, generated.year), changes, by, at);
  const ids = await store.recordLetterEdits(records, (ids) => [
    auditEvent(actor, at, 'letter-edits-recorded', `edit${ids.length === 1 ? '' : 's'} ${ids.join(', ')} to the letter`, { la: generated.la.code, year: generated.year, after: records.map((r, i) => ({ id: ids[i]!, change: r.change as unknown as JsonValue, author: r.author })) }),
  ]);
  return { ids, records };
}
