/**
 * The small set of named faults Kingsway reports. Each message names the offending value, so a user can find it.
 * Anything else that is thrown is a bug.
 */

/** One rejected value in an input file. Lines and columns are 1-based, as an editor shows them. */
export interface Rejection {
  readonly file: string;
  readonly line: number | null;
  /** Column number and header name, e.g. `5 (Values)`; `null` when the fault is the whole line or file. */
  readonly column: string | null;
  readonly value: string;
  readonly reason: string;
}

export function formatRejection(r: Rejection): string {
  const where = [r.file, r.line === null ? null : `line ${r.line}`, r.column === null ? null : `column ${r.column}`]
    .filter((part) => part !== null)
    .join(', ');
  return `${where}: ${JSON.stringify(r.value)}: ${r.reason}`;
}

/** An input was refused; nothing from it was written. Carries every rejected value, not only the first. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';
  readonly rejections: readonly Rejection[];
  readonly source: string;
  constructor(source: string, rejections: readonly Rejection[]) {
    const shown = rejections.slice(0, 5).map(formatRejection).join('\n  ');
    const more = rejections.length > 5 ? `\n  … and ${rejections.length - 5} more` : '';
    super(`${source} was rejected (${rejections.length} problem${rejections.length === 1 ? '' : 's'}); nothing was written:\n  ${shown}${more}`);
    this.source = source;
    this.rejections = rejections;
  }
}

/** Something the user asked for does not exist: an LA code, a dataset, a year with no data. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A command-line or configuration value is not acceptable. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * One field of a request is not acceptable, named by the use case's own name for it (`rationale`, `only`) and not by
 * any front door's: the command line maps it to its flag (`--by` for `author`), a form puts the message beside its
 * field. The message is the field then the problem ("rationale must say why").
 */
export class InvalidFieldError<F extends string = string> extends UsageError {
  readonly field: F;
  readonly problem: string;
  constructor(field: F, problem: string) {
    super(`${field} ${problem}`);
    this.field = field;
    this.problem = problem;
  }
}

/** The store cannot be used: a newer schema than this build knows, or a file that is not a Kingsway database. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

/**
 * Someone may not do what they asked: not their role, not their LA, or not in this state of the assessment. `status`
 * is what the web answers with: 403 when the person may know the thing exists, 404 when even that is not theirs to know
 * (an LA user asking for another LA's draft, the public for an unpublished letter: issue 15).
 */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly status: 403 | 404;
  constructor(message: string, status: 403 | 404 = 403) {
    super(message);
    this.status = status;
  }
}

/** A move was decided from a state that another person's move has since changed: nothing was written; try again. */
export class WorkflowConflictError extends Error {
  override readonly name = 'WorkflowConflictError';
}
