import { AUDIT_CSV_COLUMNS, auditCsvRow, auditPages, auditQuery as checkedQuery } from '../../application/audit-log.ts';
import type { AuditQueryField } from '../../application/audit-log.ts';
import type { AuditQuery } from '../../domain/audit.ts';
import { InvalidFieldError, UsageError } from '../../domain/errors.ts';
import { toCsv } from '../../render/csv.ts';
import type { AuditLog } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/**
 * `kingsway audit`: the audit log (issue 15), oldest first, all of it or one LA's, year's or action's: a table, or
 * CSV (through src/render/csv.ts, so that no typed name or text can run as a spreadsheet formula). Read a page at a
 * time; CSV is written a page at a time too, so an export of a long log is never held whole (the table, aligned, is).
 */

const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));
const FLAG: Readonly<Record<AuditQueryField, string>> = { la: '--la', year: '--year', action: '--action' };

/** The query the flags ask for, refused in the flags' words. */
export function auditQuery(options: { la?: string; year?: number; action?: string }): AuditQuery {
  try {
    return checkedQuery(options);
  } catch (e) {
    if (e instanceof InvalidFieldError) throw new UsageError(`${FLAG[e.field as AuditQueryField]} ${e.problem}`);
    throw e;
  }
}

export async function runAudit(log: AuditLog, options: { la?: string; year?: number; action?: string; csv: boolean }, io: Io): Promise<number> {
  const query = auditQuery(options);
  let count = 0;
  if (options.csv) {
    for await (const page of auditPages(log, query)) {
      const rows = page.map(auditCsvRow);
      const csv = toCsv(rows, { columns: AUDIT_CSV_COLUMNS });
      // The header once, on the first page.
      io.out(count === 0 ? csv : csv.slice(csv.indexOf('\n') + 1));
      count += page.length;
    }
    if (count === 0) io.out(AUDIT_CSV_COLUMNS.join(','));
    return count;
  }
  const rows: string[][] = [];
  for await (const page of auditPages(log, query)) {
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
