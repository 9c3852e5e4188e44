import type { LaInspection, LaInspectionKind } from '../domain/la-inspection.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Framework } from '../frameworks/types.ts';

/**
 * Block B of the performance profile: the inspections of the LA itself current at the profile date — the latest of
 * each kind the framework reads (framework.md §3). Serious case review evaluations are read as a set: every evaluation
 * in the twelve months to the profile date (trafford-2009: "There has been one serious case review which was judged
 * adequate"). [reconstruction: the twelve-month window]
 */
export interface BlockBEntry {
  readonly kind: LaInspectionKind;
  /** The latest inspection of the kind on or before the profile date; `null` if none. */
  readonly latest: LaInspection | null;
  /** For kinds read as a set (serious case reviews): all those in the window, oldest first. */
  readonly inWindow: readonly LaInspection[];
  /** The one before the latest, for "improved from satisfactory to outstanding". */
  readonly previous: LaInspection | null;
}

const SET_KINDS: ReadonlySet<LaInspectionKind> = new Set(['scr-evaluation']);

function yearBefore(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}

export function blockB(inspections: readonly LaInspection[], la: LaCode, framework: Framework): BlockBEntry[] {
  const asAt = framework.profileDate;
  const mine = inspections.filter((i) => i.la === la && i.endDate <= asAt).sort((a, b) => a.endDate.localeCompare(b.endDate));
  return framework.blockB.map((kind) => {
    const ofKind = mine.filter((i) => i.kind === kind);
    const from = yearBefore(asAt);
    return {
      kind,
      latest: ofKind.at(-1) ?? null,
      previous: ofKind.at(-2) ?? null,
      inWindow: SET_KINDS.has(kind) ? ofKind.filter((i) => i.endDate > from) : [],
    };
  });
}
