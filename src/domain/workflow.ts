import type { AssessmentGrade } from './grade.ts';
import type { LaCode } from './local-authority.ts';
import { ROLE_WORDS, roleOf, type AccountRole, type Actor, type StaffRole } from './roles.ts';
import { userTextProblem } from './user-text.ts';

/**
 * The assessment of one LA and year as a process (issue 15; ../shared/docs/process.md): the profile is released to the
 * LA, an inspector drafts the grade and the letter, the LA checks the draft for factual accuracy, moderation settles
 * the grade, a moderator signs it off and publishes it, or withholds it with a reason. Every move is an event in an
 * append-only history; the state is never stored, only folded from the history (`stateOf`), so the record of who did
 * what and when is the only truth (process.md, "What a system must keep"). Pure: the shell sets `at` and stores.
 */
export const WORKFLOW_STATES = [
  'not-started',
  'profile-released',
  'draft',
  'factual-accuracy-check',
  'moderation',
  'signed-off',
  'published',
  'withheld',
] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** A state in words, after "356 2011 is …". */
export const STATE_WORDS: Readonly<Record<WorkflowState, string>> = {
  'not-started': 'not started',
  'profile-released': 'profile released',
  draft: 'in draft',
  'factual-accuracy-check': 'in the factual accuracy check',
  moderation: 'in moderation',
  'signed-off': 'signed off',
  published: 'published',
  withheld: 'withheld',
};

/**
 * What a move needs besides the right role and state. Facts about records kept elsewhere (the LA's comments, the
 * grades, the letter) are given by the caller in `MoveFacts`; a fact not given counts as not met, so a caller that
 * forgets one is refused rather than let through.
 */
export const NEEDS = ['reason', 'proposed-grade', 'comments-answered', 'final-grade', 'letter-agrees', 'content-hash', 'content-changed'] as const;
export type Need = (typeof NEEDS)[number];

export const NEED_WORDS: Readonly<Record<Need, string>> = {
  reason: 'a reason',
  'proposed-grade': 'a grade proposed by the inspector',
  'comments-answered': "every one of the LA's comments answered",
  'final-grade': 'a final grade recorded',
  'letter-agrees': "the letter's grade sentence agreeing with the final grade",
  'content-hash': "the version's content hash (SHA-256 of the grade and letter as published)",
  'content-changed': 'content that differs from the version in force',
};

export interface Move {
  readonly from: readonly WorkflowState[];
  readonly to: WorkflowState;
  /** Who may make it. Only Ofsted's people move an assessment on; the LA's part is its comments. */
  readonly by: readonly StaffRole[];
  readonly needs: readonly Need[];
  /** The move as a verb phrase: "sign off the final grade and letter". */
  readonly what: string;
  /** Where it comes from, marked as process.md marks it. */
  readonly basis: string;
  /** Publish and correct: the move publishes a new version (1, then n + 1). */
  readonly publishes: boolean;
}

export const MOVE_NAMES = ['release-profile', 'start-draft', 'send-for-check', 'send-to-moderation', 'return-to-draft', 'sign-off', 'reopen', 'publish', 'correct', 'withhold', 'resume'] as const;
export type MoveName = (typeof MOVE_NAMES)[number];
export const isMoveName = (value: string): value is MoveName => (MOVE_NAMES as readonly string[]).includes(value);

/** The moves: the one table the fold, the refusals, the permissions (permissions.ts) and docs/workflow.md read. */
export const MOVES: Readonly<Record<MoveName, Move>> = {
  'release-profile': {
    from: ['not-started'], to: 'profile-released', by: ['analyst'], needs: [], publishes: false,
    what: 'release the performance profile to the LA',
    basis: 'the profile was released to each LA (18 August in 2010) [sourced: Calderdale]; by an analyst [reconstruction]',
  },
  'start-draft': {
    from: ['profile-released'], to: 'draft', by: ['inspector'], needs: [], publishes: false,
    what: 'start the draft grade and letter',
    basis: 'inspectors read the profile and draft the assessment and the letter [reconstruction]',
  },
  'send-for-check': {
    from: ['draft'], to: 'factual-accuracy-check', by: ['inspector'], needs: ['proposed-grade'], publishes: false,
    what: 'send the draft to the LA for its factual accuracy check',
    basis: 'a draft assessment in October [sourced: Calderdale]; the LA checks it for factual accuracy [reconstruction: the APA handbook 070038 has "representation procedures"]',
  },
  'send-to-moderation': {
    from: ['factual-accuracy-check'], to: 'moderation', by: ['inspector'], needs: ['comments-answered'], publishes: false,
    what: 'send the checked draft to moderation',
    basis: 'each of the LA\'s comments answered (issue 15); moderation across LAs [reconstruction]',
  },
  'return-to-draft': {
    from: ['moderation'], to: 'draft', by: ['moderator'], needs: ['reason'], publishes: false,
    what: "return the assessment to the inspector's draft",
    basis: '[reconstruction]: moderation may send a draft back; the LA then checks the new draft',
  },
  'sign-off': {
    from: ['moderation'], to: 'signed-off', by: ['moderator'], needs: ['final-grade', 'letter-agrees'], publishes: false,
    what: 'sign off the final grade and letter',
    basis: 'a divisional manager signs each letter [seed]; by a moderator [reconstruction]',
  },
  reopen: {
    from: ['signed-off'], to: 'moderation', by: ['moderator'], needs: ['reason'], publishes: false,
    what: 'reopen a signed-off assessment before publication',
    basis: '[reconstruction]: a fault found before publication is mended in moderation, not by a correction',
  },
  publish: {
    from: ['signed-off'], to: 'published', by: ['moderator'], needs: ['final-grade', 'letter-agrees', 'content-hash'], publishes: true,
    what: 'publish the grade and letter as version 1',
    basis: 'letters dated 9 December 2010 and 8 November 2011 [seed; 2011 date sourced: LGC]; the published letter kept with a content hash (process.md)',
  },
  correct: {
    from: ['published'], to: 'published', by: ['moderator'], needs: ['reason', 'final-grade', 'letter-agrees', 'content-hash', 'content-changed'], publishes: true,
    what: 'correct the published grade or letter as a new version',
    basis: 'a later correction is a new version with its reason; the earlier one stays readable (process.md)',
  },
  withhold: {
    from: ['moderation', 'signed-off'], to: 'withheld', by: ['moderator'], needs: ['reason'], publishes: false,
    what: 'withhold the outcome',
    basis: 'five 2011 outcomes (six in 2010) not published "as further inspections are due" [sourced: Ofsted press release]',
  },
  resume: {
    from: ['withheld'], to: 'moderation', by: ['moderator'], needs: ['reason'], publishes: false,
    what: 'resume a withheld assessment in moderation',
    basis: '[reconstruction]: a withheld outcome is settled once the further inspection is done',
  },
};

/** The moves a role may make from a state: what a page offers as buttons. */
export const movesFor = (state: WorkflowState, role: AccountRole): MoveName[] =>
  MOVE_NAMES.filter((m) => MOVES[m].from.includes(state) && (MOVES[m].by as readonly string[]).includes(role));

/** Who made a move: the signed-in account, never a typed name. */
export interface EventActor {
  readonly id: number;
  readonly name: string;
  readonly role: AccountRole;
}

/** One recorded move. Appended, never changed; the list's order is the order the moves were made. */
export interface WorkflowEvent {
  readonly la: LaCode;
  readonly year: number;
  readonly move: MoveName;
  readonly by: EventActor;
  /** ISO 8601 instant (set by the shell, never by the core). */
  readonly at: string;
  readonly reason: string | null;
  /** On `publish` and `correct`: the version this move published, and its content hash. */
  readonly version?: number;
  readonly hash?: string;
}

export interface PublishedVersion {
  readonly version: number;
  readonly hash: string;
  readonly at: string;
  readonly by: EventActor;
  /** Why a correction was made; `null` for version 1. */
  readonly reason: string | null;
}

export interface WorkflowStatus {
  readonly state: WorkflowState;
  /** The version in force: the latest published, or `null` before publication. */
  readonly version: number | null;
  /** Every published version, oldest first: each stays readable. */
  readonly versions: readonly PublishedVersion[];
  /** While withheld, the reason given. */
  readonly withheldBecause: string | null;
}

const START: WorkflowStatus = { state: 'not-started', version: null, versions: [], withheldBecause: null };
const SHA256 = /^[0-9a-f]{64}$/;
const isBlank = (text: string | null | undefined) => text === null || text === undefined || text.trim() === '';

/**
 * The current state of one LA-year, folded from its history. The history was accepted move by move (`decideMove`), so
 * a move that does not follow is a corrupt record, not a refusal: it throws, naming the event.
 */
export function stateOf(history: readonly WorkflowEvent[]): WorkflowStatus {
  let status = START;
  history.forEach((e, i) => {
    const fault = (why: string) => new Error(`workflow history of ${history[0]!.la} ${history[0]!.year}, event ${i + 1} (${e.move} at ${e.at}): ${why}`);
    if (e.la !== history[0]!.la || e.year !== history[0]!.year) throw fault(`belongs to ${e.la} ${e.year}`);
    if (!isMoveName(e.move)) throw fault('is not a move');
    const move = MOVES[e.move];
    if (!move.from.includes(status.state)) throw fault(`cannot follow ${status.state}`);
    if (!(move.by as readonly string[]).includes(e.by.role)) throw fault(`was made by ${ROLE_WORDS[e.by.role]}`);
    if (move.needs.includes('reason') && isBlank(e.reason)) throw fault('has no reason');
    status = applyMove(status, e, fault);
  });
  return status;
}

function applyMove(status: WorkflowStatus, e: WorkflowEvent, fault: (why: string) => Error): WorkflowStatus {
  const move = MOVES[e.move];
  let versions = status.versions;
  if (move.publishes) {
    const expected = versions.length + 1;
    if (e.version !== expected) throw fault(`publishes version ${e.version ?? 'none'}, not ${expected}`);
    if (e.hash === undefined || !SHA256.test(e.hash)) throw fault('has no content hash');
    versions = [...versions, { version: expected, hash: e.hash, at: e.at, by: e.by, reason: expected === 1 ? null : e.reason }];
  }
  return { state: move.to, version: versions.at(-1)?.version ?? null, versions, withheldBecause: move.to === 'withheld' ? e.reason : null };
}

/** What the caller knows of the records a move depends on (the app layer reads them from the store). */
export interface MoveFacts {
  readonly proposedGrade: AssessmentGrade | null;
  /** The moderator's final grade (an `InspectorJudgement` of kind `grade`), or `null` if none is recorded. */
  readonly finalGrade: AssessmentGrade | null;
  /** The grade the letter's grade sentence states. */
  readonly letterGrade: AssessmentGrade | null;
  readonly unansweredComments: number;
  /** SHA-256 (hex) of the grade and letter this move publishes. */
  readonly contentHash: string | null;
}

export interface ProposedMove {
  readonly la: LaCode;
  readonly year: number;
  readonly move: MoveName;
  readonly actor: Actor;
  readonly reason: string | null;
  /** ISO 8601 instant, set by the shell. */
  readonly at: string;
  readonly facts?: Partial<MoveFacts>;
}

export interface MoveRefusal {
  /** `role`: not theirs to make; `state`: not from here; `reason`: the reason given is unacceptable; `needs`: something is missing. */
  readonly code: 'role' | 'state' | 'reason' | 'needs';
  readonly message: string;
  readonly unmet: readonly Need[];
}

export type MoveOutcome =
  | { readonly ok: true; readonly status: WorkflowStatus; readonly event: WorkflowEvent }
  | { readonly ok: false; readonly refusal: MoveRefusal };

/** Why a need is not met, or `null` if it is. */
function unmetBecause(need: Need, p: ProposedMove, status: WorkflowStatus): string | null {
  const f = p.facts ?? {};
  switch (need) {
    case 'reason':
      return isBlank(p.reason) ? 'no reason is given' : null;
    case 'proposed-grade':
      return f.proposedGrade == null ? 'no grade is proposed' : null;
    case 'comments-answered':
      if (f.unansweredComments === undefined) return "the LA's comments are not known";
      return f.unansweredComments > 0 ? `${f.unansweredComments} of the LA's comments ${f.unansweredComments === 1 ? 'is' : 'are'} unanswered` : null;
    case 'final-grade':
      return f.finalGrade == null ? 'no final grade is recorded' : null;
    case 'letter-agrees':
      if (f.letterGrade == null || f.finalGrade == null) return "the letter's grade is not known";
      return f.letterGrade !== f.finalGrade ? `the letter states grade ${f.letterGrade}, the final grade is ${f.finalGrade}` : null;
    case 'content-hash':
      return f.contentHash == null || !SHA256.test(f.contentHash) ? 'no SHA-256 content hash is given' : null;
    case 'content-changed': {
      const current = status.versions.at(-1);
      return current && f.contentHash === current.hash ? `the content is identical to version ${current.version}` : null;
    }
  }
}

/**
 * Whether `proposal` may be made after `history`, and if so the event to append and the status after it. Expected
 * refusals are results, never exceptions; only a corrupt history throws (see `stateOf`).
 */
export function decideMove(history: readonly WorkflowEvent[], p: ProposedMove): MoveOutcome {
  const other = history.find((e) => e.la !== p.la || e.year !== p.year);
  if (other) throw new Error(`workflow history for ${p.la} ${p.year} holds an event of ${other.la} ${other.year}`);
  const status = stateOf(history);
  const move = MOVES[p.move];
  const refuse = (code: MoveRefusal['code'], message: string, unmet: readonly Need[] = []): MoveOutcome => ({ ok: false, refusal: { code, message, unmet } });
  const role = roleOf(p.actor);
  if (p.actor.kind !== 'user' || !(move.by as readonly string[]).includes(role)) {
    return refuse('role', `${ROLE_WORDS[role]} may not ${move.what}; only ${move.by.map((r) => ROLE_WORDS[r]).join(' or ')} may`);
  }
  if (!move.from.includes(status.state)) {
    return refuse('state', `cannot ${move.what}: ${p.la} ${p.year} is ${STATE_WORDS[status.state]}, and this is done only when ${move.from.map((s) => STATE_WORDS[s]).join(' or ')}`);
  }
  const reasonProblem = isBlank(p.reason) ? null : userTextProblem(p.reason!, 'rationale');
  if (reasonProblem) return refuse('reason', `reason ${reasonProblem}`);
  const unmet = move.needs.map((n) => [n, unmetBecause(n, p, status)] as const).filter(([, why]) => why !== null);
  if (unmet.length > 0) {
    return refuse('needs', `cannot ${move.what} (${p.la} ${p.year}): ${unmet.map(([n, why]) => `it needs ${NEED_WORDS[n]}, and ${why}`).join('; ')}`, unmet.map(([n]) => n));
  }
  const event: WorkflowEvent = {
    la: p.la,
    year: p.year,
    move: p.move,
    by: { id: p.actor.id, name: p.actor.name, role: p.actor.role },
    at: p.at,
    reason: isBlank(p.reason) ? null : p.reason!.trim(),
    ...(move.publishes ? { version: status.versions.length + 1, hash: p.facts!.contentHash! } : {}),
  };
  return { ok: true, status: applyMove(status, event, (why) => new Error(why)), event };
}

/** The moves as a Markdown table, for docs/workflow.md (its test checks the file holds exactly this). */
export function renderMovesMarkdown(): string {
  const rows = MOVE_NAMES.map((name) => {
    const m = MOVES[name];
    const needs = m.needs.length === 0 ? '—' : m.needs.map((n) => NEED_WORDS[n]).join('; ');
    return `| \`${name}\` | ${m.from.map((s) => `\`${s}\``).join(', ')} | \`${m.to}\` | ${m.by.join(', ')} | ${needs} | ${m.basis} |`;
  });
  return ['| move | from | to | by | needs | basis |', '|---|---|---|---|---|---|', ...rows].join('\n');
}
