import type { LaCode } from './local-authority.ts';
import { ROLE_WORDS, ROLES, roleOf, type Actor, type Role } from './roles.ts';
import { MOVE_NAMES, MOVES, STATE_WORDS, WORKFLOW_STATES, type MoveName, type WorkflowState } from './workflow.ts';

/**
 * Who may do what (issue 15): one table, read by every use case, by docs/permissions.md (rendered from it, and its
 * test checks the file) and by the tests. The workflow's moves take their roles and states from the move table
 * (workflow.ts, MOVES), so the two cannot disagree. The embargo is in the types: the public's only rule is
 * "published", and an LA user's rule for any LA but its own is "published" too (process.md: "nothing is public before
 * publication day"). Everything here is [reconstruction] unless docs/permissions.md says otherwise.
 */

/** Named sets of states, so the table reads as words. */
export const STATE_SETS = {
  any: WORKFLOW_STATES,
  /** Once the analysts have released the profile to the LA. */
  released: WORKFLOW_STATES.filter((s) => s !== 'not-started'),
  /** Once an inspector has started the draft (including after publication or withholding). */
  drafted: WORKFLOW_STATES.filter((s) => s !== 'not-started' && s !== 'profile-released'),
} as const satisfies Record<string, readonly WorkflowState[]>;
export type StateSet = keyof typeof STATE_SETS;

type When = StateSet | readonly WorkflowState[];
export interface StaffRule {
  readonly when: When;
}
/** An LA user: its own LA in the states given, or any LA's published outcome, as the public. */
export type LaRule = { readonly ownLa: true; readonly when: When } | { readonly ownLa: false; readonly when: readonly ['published'] };
export interface PublicRule {
  readonly when: readonly ['published'];
}

/** `la-year`: about one LA's assessment of one year; `national`: a year's assessments of every LA; `system`: neither. */
export type Scope = 'la-year' | 'national' | 'system';

export interface Permission {
  /** The action as a verb phrase: "view the draft grade and letter". */
  readonly what: string;
  readonly scope: Scope;
  /** The roles that may, each with its conditions; a role not named may not. */
  readonly roles: {
    readonly analyst?: StaffRule;
    readonly inspector?: StaffRule;
    readonly moderator?: StaffRule;
    readonly la?: LaRule;
    readonly public?: PublicRule;
  };
}

export const ACTIONS = [
  'view-profile',
  'view-draft',
  'view-published',
  'view-national-unpublished',
  'import-data',
  'assess',
  'evaluate',
  'edit-letter',
  'propose-grade',
  'comment-on-draft',
  'answer-comment',
  'record-final-grade',
  ...MOVE_NAMES,
  'read-audit-log',
  'export-audit-csv',
  'manage-users',
] as const;
export type Action = (typeof ACTIONS)[number];
export const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);

/** A workflow move's row: its roles, each from the states the move starts from. */
function moveRow(name: MoveName): Permission {
  const m = MOVES[name];
  return { what: m.what, scope: 'la-year', roles: Object.fromEntries(m.by.map((r) => [r, { when: m.from }])) };
}

const staff = (when: When) => ({ analyst: { when }, inspector: { when }, moderator: { when } });
const PUBLISHED = ['published'] as const;

export const PERMISSIONS: Readonly<Record<Action, Permission>> = {
  'view-profile': { what: 'view the performance profile', scope: 'la-year', roles: { ...staff('any'), la: { ownLa: true, when: 'released' } } },
  'view-draft': {
    what: "view the draft: derived and proposed grades, the trace, the letter, the LA's comments and their answers",
    scope: 'la-year',
    roles: { ...staff('drafted'), la: { ownLa: true, when: ['factual-accuracy-check'] } },
  },
  'view-published': {
    what: 'view the published grade and letter, every version, and the profile they rest on',
    scope: 'la-year',
    roles: { ...staff(PUBLISHED), la: { ownLa: false, when: PUBLISHED }, public: { when: PUBLISHED } },
  },
  'view-national-unpublished': { what: 'view the unpublished national table, distribution and hex map', scope: 'national', roles: staff('any') },
  'import-data': { what: 'import published data and evidence bundles', scope: 'system', roles: { analyst: { when: 'any' } } },
  assess: { what: "assess a year's LAs (derive the grades)", scope: 'national', roles: { analyst: { when: 'any' } } },
  evaluate: { what: "evaluate the derived grades against inspectors' grades", scope: 'national', roles: { analyst: { when: 'any' } } },
  // After publication, for a correction: what is public stays the version published until a moderator publishes another.
  'edit-letter': { what: 'edit the draft letter (after publication: a correction, public only once published)', scope: 'la-year', roles: { inspector: { when: ['draft', 'factual-accuracy-check', 'published'] } } },
  'propose-grade': { what: 'propose a grade', scope: 'la-year', roles: { inspector: { when: ['draft', 'factual-accuracy-check'] } } },
  'comment-on-draft': { what: 'comment on the draft for factual accuracy', scope: 'la-year', roles: { la: { ownLa: true, when: ['factual-accuracy-check'] } } },
  'answer-comment': { what: "answer the LA's comments", scope: 'la-year', roles: { inspector: { when: ['factual-accuracy-check'] } } },
  'record-final-grade': { what: 'agree or change the final grade, with a rationale (after publication: for a correction)', scope: 'la-year', roles: { moderator: { when: ['moderation', 'published'] } } },
  ...(Object.fromEntries(MOVE_NAMES.map((m) => [m, moveRow(m)])) as Record<MoveName, Permission>),
  'read-audit-log': { what: 'read the audit log', scope: 'system', roles: { moderator: { when: 'any' } } },
  'export-audit-csv': { what: 'export the audit log as CSV', scope: 'system', roles: { moderator: { when: 'any' } } },
  'manage-users': { what: 'manage user accounts', scope: 'system', roles: { moderator: { when: 'any' } } },
};

export const statesOf = (when: When): readonly WorkflowState[] => (typeof when === 'string' ? STATE_SETS[when] : when);

/** What an action is about: one LA's assessment of one year, in its current state (stateOf). */
export interface Target {
  readonly la: LaCode;
  readonly year: number;
  readonly state: WorkflowState;
}

export type Permit =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: 'role' | 'own-la' | 'state' | 'target'; readonly reason: string };

const ALLOWED: Permit = { allowed: true };

/**
 * Whether `actor` may do `action` to `target`, or why not. A refusal to anyone but Ofsted's people never names the
 * target's state: that an LA's outcome is withheld or in moderation is itself unpublished.
 */
export function can(actor: Actor, action: Action, target?: Target): Permit {
  const p = PERMISSIONS[action];
  const role = roleOf(actor);
  const refuse = (code: 'role' | 'own-la' | 'state' | 'target', reason: string): Permit => ({ allowed: false, code, reason });
  const rule = p.roles[role];
  if (!rule) return refuse('role', `${ROLE_WORDS[role]} may not ${p.what}`);
  if (p.scope !== 'la-year') return ALLOWED;
  if (!target) return refuse('target', `to ${p.what} needs an LA and a year`);
  if (actor.kind === 'user' && actor.role === 'la' && 'ownLa' in rule && rule.ownLa && actor.la !== target.la) {
    return refuse('own-la', `an LA user of ${actor.la} may ${p.what} for ${actor.la} only`);
  }
  const states = statesOf(rule.when);
  if (states.includes(target.state)) return ALLOWED;
  const only = states.map((s) => STATE_WORDS[s]).join(' or ');
  const isStaff = role === 'analyst' || role === 'inspector' || role === 'moderator';
  return refuse('state', isStaff ? `cannot ${p.what}: ${target.la} ${target.year} is ${STATE_WORDS[target.state]}, and this is done only when ${only}` : `${ROLE_WORDS[role]} may ${p.what} only when ${only}`);
}

const COLUMNS: readonly [Role, string][] = ROLES.map((r) => [r, r === 'la' ? 'LA user' : r]);

function cell(p: Permission, role: Role): string {
  const rule = p.roles[role];
  if (!rule) return '—';
  if (p.scope !== 'la-year') return 'yes';
  const when = typeof rule.when === 'string' ? `*${rule.when}*` : rule.when.map((s) => `\`${s}\``).join(', ');
  if (!('ownLa' in rule)) return when;
  return `${rule.ownLa ? 'own LA' : 'any LA'}: ${when}`;
}

/** The table as Markdown, with its legend: docs/permissions.md holds exactly this (permissions.test.ts). */
export function renderPermissionsMarkdown(): string {
  const head = `| action | what | scope | ${COLUMNS.map(([, h]) => h).join(' | ')} |`;
  const rule = `|${'---|'.repeat(3 + COLUMNS.length)}`;
  const rows = ACTIONS.map((a) => `| \`${a}\` | ${PERMISSIONS[a].what} | ${PERMISSIONS[a].scope} | ${COLUMNS.map(([r]) => cell(PERMISSIONS[a], r)).join(' | ')} |`);
  const legend = Object.entries(STATE_SETS).map(([name, states]) => `- *${name}*: ${states.map((s) => `\`${s}\``).join(', ')}`);
  return [head, rule, ...rows, '', '— : not allowed. yes : allowed (the action is not about one LA-year). Otherwise, allowed in the states listed:', '', ...legend].join('\n');
}
