import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { LaCode } from './local-authority.ts';
import { PUBLIC, type Actor, type Role } from './roles.ts';
import {
  MOVE_NAMES,
  MOVES,
  WORKFLOW_STATES,
  decideMove,
  movesFor,
  renderMovesMarkdown,
  stateOf,
  type MoveFacts,
  type MoveName,
  type WorkflowEvent,
  type WorkflowState,
} from './workflow.ts';

const LA = '356' as LaCode;
const YEAR = 2011;
const ANALYST: Actor = { kind: 'user', id: 1, name: 'Ada Analyst', role: 'analyst', la: null };
const INSPECTOR: Actor = { kind: 'user', id: 2, name: 'Ian Inspector', role: 'inspector', la: null };
const MODERATOR: Actor = { kind: 'user', id: 3, name: 'Mo Moderator', role: 'moderator', la: null };
const LA_USER: Actor = { kind: 'user', id: 4, name: 'Lee Stockport', role: 'la', la: LA };
const ACTOR_OF: Readonly<Record<Role, Actor>> = { analyst: ANALYST, inspector: INSPECTOR, moderator: MODERATOR, la: LA_USER, public: PUBLIC };

const HASH_1 = 'a'.repeat(64);
const HASH_2 = 'b'.repeat(64);
/** Every fact met: a move refused with these is refused for its role or state alone. */
const MET: MoveFacts = { proposedGrade: 3, finalGrade: 3, letterGrade: 3, unansweredComments: 0, contentHash: HASH_1 };

let clock = 0;
const at = () => `2011-10-01T09:${String(clock++ % 60).padStart(2, '0')}:00Z`;

function attempt(history: readonly WorkflowEvent[], move: MoveName, actor: Actor, reason: string | null = null, facts: Partial<MoveFacts> = MET) {
  return decideMove(history, { la: LA, year: YEAR, move, actor, reason, at: at(), facts });
}

/** The history after making each move in turn; each must be accepted. */
function historyOf(steps: readonly (readonly [MoveName, Actor, string?, Partial<MoveFacts>?])[]): WorkflowEvent[] {
  const history: WorkflowEvent[] = [];
  for (const [move, actor, reason, facts] of steps) {
    const outcome = attempt(history, move, actor, reason ?? null, facts ?? MET);
    assert.ok(outcome.ok, `${move}: ${outcome.ok ? '' : outcome.refusal.message}`);
    history.push(outcome.event);
  }
  return history;
}

const TO_MODERATION = [
  ['release-profile', ANALYST],
  ['start-draft', INSPECTOR],
  ['send-for-check', INSPECTOR],
  ['send-to-moderation', INSPECTOR],
] as const;
const TO_PUBLISHED = [...TO_MODERATION, ['sign-off', MODERATOR], ['publish', MODERATOR]] as const;

/** A shortest history reaching each state, found by walking the move table. */
function pathsToEveryState(): Map<WorkflowState, WorkflowEvent[]> {
  const paths = new Map<WorkflowState, WorkflowEvent[]>([['not-started', []]]);
  const queue: WorkflowState[] = ['not-started'];
  while (queue.length > 0) {
    const state = queue.shift()!;
    for (const name of MOVE_NAMES) {
      const m = MOVES[name];
      if (!m.from.includes(state) || paths.has(m.to)) continue;
      const outcome = attempt(paths.get(state)!, name, ACTOR_OF[m.by[0]!], 'a reason');
      assert.ok(outcome.ok, name);
      paths.set(m.to, [...paths.get(state)!, outcome.event]);
      queue.push(m.to);
    }
  }
  return paths;
}

describe('the workflow of one LA-year: the happy path', () => {
  it('goes from nothing to published version 1, each move recorded under the actor', () => {
    const history = historyOf(TO_PUBLISHED);
    assert.deepEqual(history.map((e) => e.move), ['release-profile', 'start-draft', 'send-for-check', 'send-to-moderation', 'sign-off', 'publish']);
    assert.deepEqual(history[4]!.by, { id: 3, name: 'Mo Moderator', role: 'moderator' });
    const status = stateOf(history);
    assert.equal(status.state, 'published');
    assert.equal(status.version, 1);
    assert.deepEqual(status.versions.map((v) => [v.version, v.hash, v.reason]), [[1, HASH_1, null]]);
    assert.equal(history.at(-1)!.version, 1);
  });

  it('starts at not-started with nothing published', () => {
    assert.deepEqual(stateOf([]), { state: 'not-started', version: null, versions: [], withheldBecause: null });
  });

  it('reaches every state from not-started, and no state is a dead end', () => {
    const paths = pathsToEveryState();
    assert.deepEqual([...paths.keys()].sort(), [...WORKFLOW_STATES].sort());
    for (const s of WORKFLOW_STATES) if (s !== 'not-started') assert.ok(MOVE_NAMES.some((m) => MOVES[m].from.includes(s)), `${s} has no move out`);
  });
});

describe('the moves refused', () => {
  const inModeration = historyOf(TO_MODERATION);

  it('an inspector signing off is refused: only a moderator may', () => {
    const outcome = attempt(inModeration, 'sign-off', INSPECTOR);
    assert.ok(!outcome.ok);
    assert.equal(outcome.refusal.code, 'role');
    assert.equal(outcome.refusal.message, 'an inspector may not sign off the final grade and letter; only a moderator may');
  });

  it('leaving the factual accuracy check with an unanswered comment is refused, and so is not saying', () => {
    const inCheck = historyOf(TO_MODERATION.slice(0, 3));
    const one = attempt(inCheck, 'send-to-moderation', INSPECTOR, null, { ...MET, unansweredComments: 1 });
    assert.ok(!one.ok);
    assert.equal(one.refusal.code, 'needs');
    assert.deepEqual(one.refusal.unmet, ['comments-answered']);
    assert.match(one.refusal.message, /1 of the LA's comments is unanswered/);
    const unknown = attempt(inCheck, 'send-to-moderation', INSPECTOR, null, {});
    assert.ok(!unknown.ok);
    assert.deepEqual(unknown.refusal.unmet, ['comments-answered']);
    assert.ok(attempt(inCheck, 'send-to-moderation', INSPECTOR, null, { unansweredComments: 0 }).ok);
  });

  it('the draft goes to the LA only with a proposed grade', () => {
    const inDraft = historyOf(TO_MODERATION.slice(0, 2));
    const outcome = attempt(inDraft, 'send-for-check', INSPECTOR, null, { proposedGrade: null });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.refusal.unmet, ['proposed-grade']);
  });

  it('sign-off needs a final grade, and a letter whose grade sentence agrees with it', () => {
    const none = attempt(inModeration, 'sign-off', MODERATOR, null, { ...MET, finalGrade: null });
    assert.ok(!none.ok);
    assert.deepEqual(none.refusal.unmet, ['final-grade', 'letter-agrees']);
    const disagrees = attempt(inModeration, 'sign-off', MODERATOR, null, { ...MET, finalGrade: 2, letterGrade: 3 });
    assert.ok(!disagrees.ok);
    assert.deepEqual(disagrees.refusal.unmet, ['letter-agrees']);
    assert.match(disagrees.refusal.message, /the letter states grade 3, the final grade is 2/);
  });

  it('a move from the wrong state is refused, naming the state', () => {
    const outcome = attempt([], 'publish', MODERATOR);
    assert.ok(!outcome.ok);
    assert.equal(outcome.refusal.code, 'state');
    assert.equal(outcome.refusal.message, 'cannot publish the grade and letter as version 1: 356 2011 is not started, and this is done only when signed off');
  });

  it('no LA user and no member of the public makes any move', () => {
    const paths = pathsToEveryState();
    for (const actor of [LA_USER, PUBLIC]) {
      for (const [, history] of paths) {
        for (const move of MOVE_NAMES) {
          const outcome = attempt(history, move, actor, 'a reason');
          assert.ok(!outcome.ok && outcome.refusal.code === 'role', `${move} by ${actor.kind}`);
        }
      }
    }
  });

  it('refuses a reason holding a control character, and trims one it keeps', () => {
    const bad = attempt(inModeration, 'withhold', MODERATOR, 'further inspection\u202edue');
    assert.ok(!bad.ok);
    assert.equal(bad.refusal.code, 'reason');
    const good = attempt(inModeration, 'withhold', MODERATOR, '  further inspection due ');
    assert.ok(good.ok);
    assert.equal(good.event.reason, 'further inspection due');
  });
});

describe('published versions', () => {
  const published = historyOf(TO_PUBLISHED);

  it('cannot be edited: nothing moves a published outcome back to a draft, moderation or withholding', () => {
    for (const move of ['start-draft', 'return-to-draft', 'reopen', 'withhold', 'publish', 'sign-off'] as const) {
      const outcome = attempt(published, move, ACTOR_OF[MOVES[move].by[0]!], 'a reason');
      assert.ok(!outcome.ok, move);
      assert.equal(outcome.refusal.code, 'state', move);
    }
  });

  it('can be corrected, only with a reason, as version n + 1; the earlier versions stay', () => {
    const noReason = attempt(published, 'correct', MODERATOR, null, { ...MET, contentHash: HASH_2 });
    assert.ok(!noReason.ok);
    assert.deepEqual(noReason.refusal.unmet, ['reason']);
    const blank = attempt(published, 'correct', MODERATOR, '   ', { ...MET, contentHash: HASH_2 });
    assert.ok(!blank.ok);

    const corrected = attempt(published, 'correct', MODERATOR, 'the letter named the wrong inspection date', { ...MET, contentHash: HASH_2 });
    assert.ok(corrected.ok);
    assert.equal(corrected.event.version, 2);
    const status = stateOf([...published, corrected.event]);
    assert.equal(status.state, 'published');
    assert.equal(status.version, 2);
    assert.deepEqual(status.versions.map((v) => [v.version, v.hash, v.reason]), [
      [1, HASH_1, null],
      [2, HASH_2, 'the letter named the wrong inspection date'],
    ]);
  });

  it('a correction must change something, and must still agree with the grade', () => {
    const same = attempt(published, 'correct', MODERATOR, 'no change', MET);
    assert.ok(!same.ok);
    assert.deepEqual(same.refusal.unmet, ['content-changed']);
    const disagree = attempt(published, 'correct', MODERATOR, 'regrade', { ...MET, contentHash: HASH_2, finalGrade: 2 });
    assert.ok(!disagree.ok);
    assert.deepEqual(disagree.refusal.unmet, ['letter-agrees']);
  });

  it('publication needs a content hash', () => {
    const signedOff = historyOf(TO_PUBLISHED.slice(0, 5));
    const outcome = attempt(signedOff, 'publish', MODERATOR, null, { ...MET, contentHash: 'not-a-hash' });
    assert.ok(!outcome.ok);
    assert.deepEqual(outcome.refusal.unmet, ['content-hash']);
  });
});

describe('withholding', () => {
  it('needs a reason, keeps it while withheld, and resumes to moderation and on to version 1', () => {
    const inModeration = historyOf(TO_MODERATION);
    const noReason = attempt(inModeration, 'withhold', MODERATOR);
    assert.ok(!noReason.ok);
    assert.deepEqual(noReason.refusal.unmet, ['reason']);
    const history = historyOf([...TO_MODERATION, ['withhold', MODERATOR, 'further inspections are due to take place']]);
    assert.equal(stateOf(history).state, 'withheld');
    assert.equal(stateOf(history).withheldBecause, 'further inspections are due to take place');
    const later = historyOf([
      ...TO_MODERATION,
      ['withhold', MODERATOR, 'further inspections are due to take place'],
      ['resume', MODERATOR, 'the inspection has reported'],
      ['sign-off', MODERATOR],
      ['publish', MODERATOR],
    ]);
    assert.deepEqual([stateOf(later).state, stateOf(later).version, stateOf(later).withheldBecause], ['published', 1, null]);
  });
});

describe('every move, for every role and every state', () => {
  // Written by hand, not read from MOVES, so that a change to the table must be made here too.
  const WHO: Readonly<Record<MoveName, Role>> = {
    'release-profile': 'analyst',
    'start-draft': 'inspector',
    'send-for-check': 'inspector',
    'send-to-moderation': 'inspector',
    'return-to-draft': 'moderator',
    'sign-off': 'moderator',
    reopen: 'moderator',
    publish: 'moderator',
    correct: 'moderator',
    withhold: 'moderator',
    resume: 'moderator',
  };
  const FROM: Readonly<Record<MoveName, readonly WorkflowState[]>> = {
    'release-profile': ['not-started'],
    'start-draft': ['profile-released'],
    'send-for-check': ['draft'],
    'send-to-moderation': ['factual-accuracy-check'],
    'return-to-draft': ['moderation'],
    'sign-off': ['moderation'],
    reopen: ['signed-off'],
    publish: ['signed-off'],
    correct: ['published'],
    withhold: ['moderation', 'signed-off'],
    resume: ['withheld'],
  };

  it('is allowed exactly for its one role, from its states', () => {
    const paths = pathsToEveryState();
    for (const move of MOVE_NAMES) {
      for (const [state, history] of paths) {
        for (const role of Object.keys(ACTOR_OF) as Role[]) {
          const outcome = attempt(history, move, ACTOR_OF[role], 'a reason', { ...MET, contentHash: HASH_2 });
          assert.equal(outcome.ok, WHO[move] === role && FROM[move].includes(state), `${move} by ${role} from ${state}`);
        }
      }
    }
  });

  it('offers each role the moves it may make', () => {
    assert.deepEqual(movesFor('moderation', 'moderator'), ['return-to-draft', 'sign-off', 'withhold']);
    assert.deepEqual(movesFor('moderation', 'inspector'), []);
    assert.deepEqual(movesFor('factual-accuracy-check', 'la'), []);
  });
});

describe('a history that does not follow is a corrupt record, not a refusal', () => {
  const good = historyOf(TO_PUBLISHED);
  it('throws on a move out of order, by the wrong role, or publishing the wrong version', () => {
    assert.throws(() => stateOf([good[1]!]), /event 1 \(start-draft .*\): cannot follow not-started/);
    assert.throws(() => stateOf([{ ...good[0]!, by: { id: 2, name: 'Ian', role: 'inspector' } }]), /was made by an inspector/);
    assert.throws(() => stateOf([...good.slice(0, 5), { ...good[5]!, version: 2 }]), /publishes version 2, not 1/);
    assert.throws(() => stateOf([...good.slice(0, 5), { ...good[5]!, hash: undefined }]), /no content hash/);
    assert.throws(() => stateOf([good[0]!, { ...good[1]!, la: '358' as LaCode }]), /belongs to 358 2011/);
  });
  it('refuses to decide on another LA-year\'s history', () => {
    assert.throws(() => decideMove(good, { la: '358' as LaCode, year: YEAR, move: 'correct', actor: MODERATOR, reason: 'x', at: at() }), /holds an event of 356 2011/);
  });
});

describe('docs/workflow.md', () => {
  it('holds the move table exactly as rendered from MOVES', () => {
    const doc = readFileSync(new URL('../../docs/workflow.md', import.meta.url), 'utf8');
    const rendered = renderMovesMarkdown();
    assert.ok(
      doc.includes(`<!-- moves:begin -->\n${rendered}\n<!-- moves:end -->`),
      'docs/workflow.md is out of date: paste the output of\n  node --input-type=module -e "import { renderMovesMarkdown } from \'./src/domain/workflow.ts\'; console.log(renderMovesMarkdown())"\nbetween its moves markers',
    );
  });
});
