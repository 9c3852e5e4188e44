import { AUDIT_ACTIONS, AUDIT_PAGE, isAuditAction } from '../domain/audit.ts';
import type { AuditAction, AuditEvent, AuditQuery } from '../domain/audit.ts';
import { InvalidFieldError } from '../domain/errors.ts';
import { isLaCode } from '../domain/local-authority.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { AuditLog } from '../store/repository.ts';

/**
 * Reading the audit log (issue 15), for `kingsway audit` and the moderators' audit page and its CSV: the query a front
 * door's fields ask for, checked; every matching event, a page at a time (so an export of a long log is never held
 * whole); and each event as a CSV row.
 */

export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor_name', 'actor_role', 'action', 'la', 'year', 'subject', 'before', 'after'] as const;
export type AuditQueryField = 'la' | 'year' | 'action';

const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));

/** The query the fields ask for, each refused in the use case's own name for it (the CLI names its flag). */
export function auditQuery(fields: { la?: string; year?: number; action?: string }): AuditQuery {
  let la: LaCode | undefined;
  if (fields.la !== undefined) {
    if (!isLaCode(fields.la)) throw new InvalidFieldError<AuditQueryField>('la', `${JSON.stringify(fields.la)} is not a three-digit DfE code such as 356`);
    la = fields.la;
  }
  let action: AuditAction | undefined;
  if (fields.action !== undefined) {
    if (!isAuditAction(fields.action)) throw new InvalidFieldError<AuditQueryField>('action', `${JSON.stringify(fields.action)} is not one of ${AUDIT_ACTIONS.join(', ')}`);
    action = fields.action;
  }
  if (fields.year !== undefined && !(Number.isInteger(fields.year) && fields.year >= 2000 && fields.year <= 2100)) throw new InvalidFieldError<AuditQueryField>('year', `${fields.year} is not a year`);
  return { ...(la === undefined ? {} : { la }), ...(fields.year === undefined ? {} : { year: fields.year }), ...(action === undefined ? {} : { action }) };
}

/** Every event the query matches, page by page, oldest first. */
export async function* auditPages(log: AuditLog, query: AuditQuery): AsyncGenerator<AuditEvent[]> {
  let afterId: number | undefined;
  for (;;) {
    const page = await log.auditEvents({ ...query, limit: AUDIT_PAGE, ...(afterId === undefined ? {} : { afterId }) });
    if (page.length === 0) return;
    yield page;
    if (page.length < AUDIT_PAGE) return;
    afterId = page.at(-1)!.id;
  }
}

/** An event as a CSV row (src/render/csv.ts guards every cell against running as a spreadsheet formula). */
export function auditCsvRow(e: AuditEvent): Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number> {
  return {
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
  };
}
