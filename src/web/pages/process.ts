import type { LaComment } from '../../domain/comment.ts';
import type { InspectorJudgement } from '../../domain/inspector-judgement.ts';
import type { LocalAuthority } from '../../domain/local-authority.ts';
import { can } from '../../domain/permissions.ts';
import { ROLE_WORDS, roleOf } from '../../domain/roles.ts';
import type { Actor } from '../../domain/roles.ts';
import { MOVES, movesFor, NEED_WORDS, STATE_WORDS, WORKFLOW_STATES } from '../../domain/workflow.ts';
import type { WorkflowEvent, WorkflowState, WorkflowStatus } from '../../domain/workflow.ts';
import { gradesOf } from '../../application/workflow.ts';

/**
 * An LA-year's assessment as a process (issue 15): where it stands, every move made (who, as what, when, why), the
 * grades (derived, proposed, final) side by side, the LA's comments with their answers, the published versions with
 * their content hashes, and, for whoever is signed in, the forms for what they may do next. Never kept in the page
 * cache: it is different for every person and changes with every move.
 */
export interface ProcessFormState {
  readonly errors: readonly { readonly field: string; readonly text: string }[];
  readonly values: Readonly<Record<string, string>>;
}

export const NO_FORM: ProcessFormState = { errors: [], values: {} };

/** The first letter a capital, the rest as written ("LA" stays "LA", which Nunjucks' capitalize would lower). */
export const upperFirst = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
const who = (by: { name: string; role: string }) => `${by.name} (${ROLE_WORDS[by.role as keyof typeof ROLE_WORDS]?.replace(/^(an?|the) /, '') ?? by.role})`;

/** The tag colour for each state, in GOV.UK's tag colours. */
export const STATE_TAG: Readonly<Record<WorkflowState, string>> = {
  'not-started': 'govuk-tag--grey',
  'profile-released': 'govuk-tag--light-blue',
  draft: 'govuk-tag--blue',
  'factual-accuracy-check': 'govuk-tag--yellow',
  moderation: 'govuk-tag--purple',
  'signed-off': 'govuk-tag--turquoise',
  published: 'govuk-tag--green',
  withheld: 'govuk-tag--red',
};

export function processPage(input: {
  readonly la: LocalAuthority;
  readonly year: number;
  readonly actor: Actor;
  readonly status: WorkflowStatus;
  readonly history: readonly WorkflowEvent[];
  readonly judgements: readonly InspectorJudgement[];
  readonly derived: number | null;
  readonly comments: readonly LaComment[];
  readonly sentences: readonly { readonly id: string; readonly text: string }[];
  readonly scaleLabel: (grade: number) => string;
  readonly form: ProcessFormState;
  readonly done: string | null;
}) {
  const { la, year, actor, status } = input;
  const base = `/${year}/la/${la.code}`;
  const target = { la: la.code, year, state: status.state };
  const role = roleOf(actor);
  const grades = gradesOf(input.judgements, la.code);
  const moves = actor.kind === 'user' ? movesFor(status.state, actor.role) : [];
  const judgementsOfLa = input.judgements.filter((j) => j.la === la.code);
  return {
    title: `${la.name}: the ${year} assessment process`,
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: la.name, href: base }, { text: 'Process' }],
    la,
    state: { words: STATE_WORDS[status.state], tag: STATE_TAG[status.state], withheldBecause: status.withheldBecause },
    states: WORKFLOW_STATES.filter((s) => s !== 'withheld').map((s) => ({ words: upperFirst(STATE_WORDS[s]), current: s === status.state })),
    // Publishing is "… as version 1" already; a correction names the version it made.
    history: input.history.map((e) => ({ what: upperFirst(MOVES[e.move].what) + (e.version !== undefined && e.move !== 'publish' ? ` (version ${e.version})` : ''), by: who(e.by), at: when(e.at), reason: e.reason, version: e.version ?? null, hash: e.hash ?? null })),
    grades: {
      derived: input.derived === null ? null : `${input.derived} (${input.scaleLabel(input.derived)})`,
      proposed: grades.proposed === null ? null : `${grades.proposed} (${input.scaleLabel(grades.proposed)})`,
      final: grades.final === null ? null : `${grades.final} (${input.scaleLabel(grades.final)})`,
      records: judgementsOfLa.map((j) => ({
        stage: j.stage === 'proposed' ? 'Proposed' : 'Final',
        decision: j.decision.kind === 'grade' ? `${j.decision.grade} (${input.scaleLabel(j.decision.grade)})` : 'Withheld',
        rationale: j.rationale,
        by: j.author,
        at: when(j.recordedAt),
      })),
    },
    versions: status.versions.map((v) => ({ version: v.version, at: when(v.at), by: who(v.by), reason: v.reason, hash: v.hash, href: `${base}/letter/v/${v.version}` })),
    comments: input.comments.map((c) => ({
      id: c.id,
      sentence: c.sentence,
      text: c.text,
      by: who(c.by),
      at: when(c.at),
      answers: c.answers.map((a) => ({ text: a.text, by: who(a.by), at: when(a.at) })),
    })),
    unanswered: input.comments.filter((c) => c.answers.length === 0).length,
    may: {
      comment: can(actor, 'comment-on-draft', target).allowed,
      answer: can(actor, 'answer-comment', target).allowed,
      propose: can(actor, 'propose-grade', target).allowed,
      final: can(actor, 'record-final-grade', target).allowed,
      editLetter: can(actor, 'edit-letter', target).allowed,
      viewDraft: can(actor, 'view-draft', target).allowed,
    },
    role: ROLE_WORDS[role],
    moves: moves.map((m) => ({ name: m, what: MOVES[m].what, label: upperFirst(MOVES[m].what), needsReason: MOVES[m].needs.includes('reason'), needs: MOVES[m].needs.filter((n) => n !== 'reason').map((n) => NEED_WORDS[n]) })),
    sentenceOptions: [{ value: '', text: 'The draft as a whole' }, ...input.sentences.map((s) => ({ value: s.id, text: `${s.id}: ${s.text.slice(0, 70)}${s.text.length > 70 ? '…' : ''}`, selected: input.form.values['sentence'] === s.id }))],
    gradeOptions: [4, 3, 2, 1].map((g) => ({ value: String(g), text: `${g}: ${input.scaleLabel(g)}`, checked: input.form.values['grade'] === String(g) })),
    action: `${base}/process`,
    form: { ...input.form, errorFor: Object.fromEntries(input.form.errors.map((e) => [e.field, { text: e.text }])) },
    done: input.done,
  };
}
