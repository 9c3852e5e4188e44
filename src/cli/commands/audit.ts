import { AUDIT_ACTIONS, AUDIT_PAGE, isAuditAction } from '../../domain/audit.ts';
import type { AuditAction, AuditEvent, AuditQuery } from '../../domain/audit.ts';
import { UsageError } from '../../domain/errors.ts';
import { isLaCode } from '../../domain/local-authority.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { toCsv } from '../../render/csv.ts';
import type { AuditLog } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway audit`: the audit log (issue 15), oldest first, all of it or one LA's, year's or action's: a table, or
 * CSV (through src/render/csv.ts, so that no typed name or text can run as a spreadsheet formula). Read a page at a
 * time; CSV is written a page at a time too, so an export of a long log is never held whole (the table, aligned, is).
 */

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'la', 'year', 'subject', 'before', 'after'] as const;

const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));

/** The query the flags ask for, checked in their words. */
export function auditQuery(options: { la?: string; year?: number; action?: string }): AuditQuery {
  let la: LaCode | undefined;
  if (options.la !== undefined) {
    if (!isLaCode(options.la)) throw new UsageError(`--la ${JSON.stringify(options.la)} is not a three-digit DfE code such as 356`);
    la = options.la;
  }
  let action: AuditAction | undefined;
  if (options.action !== undefined) {
    if (!isAuditAction(options.action)) throw new UsageError(`--action ${JSON.stringify(options.action)} is not one of ${AUDIT_ACTIONS.join(', ')}`);
    action = options.action;
  }
  return { ...(la === undefined ? {} : { la }), ...(options.year === undefined ? {} : { year: options.year }), ...(action === undefined ? {} : { action }) };
}

/** Every event the query matches, page by page. */
async function* events(log: AuditLog, query: AuditQuery): AsyncGenerator<AuditEvent[]> {
  let afterId: number | undefined;
  for (;;) {
    const page = await log.auditEvents({ ...query, limit: AUDIT_PAGE, ...(afterId === undefined ? {} : { afterId }) });
    if (page.length === 0) return;
    yield page;
    if (page.length < AUDIT_PAGE) return;
    afterId = page.at(-1)!.id;
  }
}

export async function runAudit(log: AuditLog, options: { la?: string; year?: number; action?: string; csv: boolean }, io: Io): Promise<number> {
  const query = auditQuery(options);
  let count = 0;
  if (options.csv) {
    for await (const page of events(log, query)) {
      const rows = page.map((e) => ({
        id: e.id,
        at: e.at,
        actor_id: e.actor.id ?? '',
        actor_name: e.actor.name,
        actor_role: e.actor.role,
        action: e.action,
        la: e.la ?? '',
        year: e.year ?? '',
        subject: e.subject,
        before: json(e.before),
        after: json(e.after),
      }));
      const csv = toCsv(rows, { columns: AUDIT_CSV_COLUMNS });
      // The header once, on the first page.
      io.out(count === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
      count += page.length;
    }
    if (count === 0) io.out(AUDIT_CSV_COLUMNS.join(','));
    return count;
  }
  const rows: string[][] = [];
  for await (const page of events(log, query)) {
    for (const e of page) rows.push([String(e.id), e.at, e.actor.name, e.actor.role, e.action, e.la ?? '', e.year === null ? '' : String(e.year), e.subject, json(e.before), json(e.after)]);
    count += page.length;
  }
  if (count === 0) {
    io.out('no audit events match');
    return 0;
  }
  io.out(formatTable([['id', 'at', 'who', 'role', 'action', 'la', 'year', 'subject', 'before', 'after'], ...rows]));
  return count;
}
