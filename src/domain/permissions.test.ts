import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { LaCode } from './local-authority.ts';
import { ACTIONS, PERMISSIONS, can, renderPermissionsMarkdown, type Action, type Target } from './permissions.ts';
import { PUBLIC, ROLES, type Actor, type Role } from './roles.ts';
import { MOVE_NAMES, MOVES, WORKFLOW_STATES, decideMove, stateOf, type MoveName, type WorkflowEvent, type WorkflowState } from './workflow.ts';

const L356 = '356' as LaCode;
const L358 = '358' as LaCode;
const ANALYST: Actor = { kind: 'user', id: 1, name: 'Ada', role: 'analyst', la: null };
const INSPECTOR: Actor = { kind: 'user', id: 2, name: 'Ian', role: 'inspector', la: null };
const MODERATOR: Actor = { kind: 'user', id: 3, name: 'Mo', role: 'moderator', la: null };
const LA_356: Actor = { kind: 'user', id: 4, name: 'Lee', role: 'la', la: L356 };
const ACTOR_OF: Readonly<Record<Role, Actor>> = { analyst: ANALYST, inspector: INSPECTOR, moderator: MODERATOR, la: LA_356, public: PUBLIC };
const UNPUBLISHED = WORKFLOW_STATES.filter((s) => s !== 'published');

const target = (la: LaCode, state: WorkflowState): Target => ({ la, year: 2011, state });
const allowed = (actor: Actor, action: Action, t?: Target) => can(actor, action, t).allowed;

describe('permissions: the key cases, by hand', () => {
  it('an inspector may not sign off; a moderator may, in moderation', () => {
    const refused = can(INSPECTOR, 'sign-off', target(L356, 'moderation'));
    assert.deepEqual(refused, { allowed: false, code: 'role', reason: 'an inspector may not sign off the final grade and letter' });
    assert.ok(allowed(MODERATOR, 'sign-off', target(L356, 'moderation')));
    assert.ok(!allowed(MODERATOR, 'sign-off', target(L356, 'draft')));
  });

  it("an LA user of 356 may not view 358's draft, nor comment on it; it may view and comment on its own in the check", () => {
    for (const action of ['view-draft', 'comment-on-draft', 'view-profile'] as const) {
      const refused = can(LA_356, action, target(L358, 'factual-accuracy-check'));
      assert.ok(!refused.allowed && refused.code === 'own-la', action);
    }
    assert.ok(allowed(LA_356, 'view-draft', target(L356, 'factual-accuracy-check')));
    assert.ok(allowed(LA_356, 'comment-on-draft', target(L356, 'factual-accuracy-check')));
    for (const s of ['draft', 'moderation', 'signed-off', 'withheld'] as const) {
      assert.ok(!allowed(LA_356, 'view-draft', target(L356, s)), s);
      assert.ok(!allowed(LA_356, 'comment-on-draft', target(L356, s)), s);
    }
  });

  it('an LA user sees its own profile once released, and any LA once published', () => {
    assert.ok(!allowed(LA_356, 'view-profile', target(L356, 'not-started')));
    assert.ok(allowed(LA_356, 'view-profile', target(L356, 'profile-released')));
    assert.ok(allowed(LA_356, 'view-published', target(L358, 'published')));
    assert.ok(!allowed(LA_356, 'view-published', target(L358, 'signed-off')));
  });

  it('the public may not view an unpublished letter, in any state; it may view a published one', () => {
    for (const s of UNPUBLISHED) {
      for (const action of ['view-published', 'view-draft', 'view-profile'] as const) assert.ok(!allowed(PUBLIC, action, target(L358, s)), `${action} ${s}`);
    }
    assert.ok(allowed(PUBLIC, 'view-published', target(L358, 'published')));
    assert.ok(!allowed(PUBLIC, 'view-national-unpublished'));
  });

  it('after publication the working letter and grade may change for a correction, which only a moderator publishes', () => {
    // The version published is kept as it was (the store's published_content); what changes is the draft behind it.
    assert.ok(allowed(INSPECTOR, 'edit-letter', target(L356, 'published')));
    assert.ok(!allowed(INSPECTOR, 'propose-grade', target(L356, 'published')));
    assert.ok(allowed(MODERATOR, 'record-final-grade', target(L356, 'published')));
    assert.ok(!allowed(LA_356, 'edit-letter', target(L356, 'published')));
    assert.ok(allowed(MODERATOR, 'correct', target(L356, 'published')));
    assert.ok(!allowed(INSPECTOR, 'correct', target(L356, 'published')));
    assert.ok(allowed(INSPECTOR, 'edit-letter', target(L356, 'factual-accuracy-check')));
  });

  it('the national and system actions go by role alone', () => {
    assert.ok(allowed(ANALYST, 'import-data') && allowed(ANALYST, 'assess') && allowed(ANALYST, 'evaluate'));
    assert.ok(!allowed(INSPECTOR, 'import-data') && !allowed(MODERATOR, 'assess'));
    assert.ok(allowed(INSPECTOR, 'view-national-unpublished') && !allowed(LA_356, 'view-national-unpublished'));
    assert.ok(allowed(MODERATOR, 'manage-users') && !allowed(ANALYST, 'manage-users'));
    assert.ok(allowed(MODERATOR, 'read-audit-log') && allowed(MODERATOR, 'export-audit-csv') && !allowed(INSPECTOR, 'read-audit-log') && !allowed(ANALYST, 'export-audit-csv'));
    assert.ok(!allowed(LA_356, 'read-audit-log') && !allowed(PUBLIC, 'read-audit-log'));
  });

  it('refuses an LA-year action without its LA and year', () => {
    const refused = can(INSPECTOR, 'edit-letter');
    assert.ok(!refused.allowed && refused.code === 'target');
  });
});

describe('the embargo, over every action and state', () => {
  it('the public may only view a published outcome', () => {
    for (const action of ACTIONS) {
      for (const s of WORKFLOW_STATES) assert.equal(allowed(PUBLIC, action, target(L358, s)), action === 'view-published' && s === 'published', `${action} ${s}`);
    }
  });

  it("an LA user may only view another LA's outcome once published", () => {
    for (const action of ACTIONS) {
      for (const s of WORKFLOW_STATES) assert.equal(allowed(LA_356, action, target(L358, s)), action === 'view-published' && s === 'published', `${action} ${s}`);
    }
  });

  it('whatever the public may do, every role may do', () => {
    for (const action of ACTIONS) {
      for (const s of WORKFLOW_STATES) {
        if (!allowed(PUBLIC, action, target(L356, s))) continue;
        for (const role of ROLES) assert.ok(allowed(ACTOR_OF[role], action, target(L356, s)), `${role} ${action} ${s}`);
      }
    }
  });

  it('a refusal to the public or an LA user never tells the unpublished state', () => {
    for (const actor of [PUBLIC, LA_356]) {
      for (const la of [L356, L358]) {
        for (const action of ACTIONS) {
          const reasons = new Set(UNPUBLISHED.map((s) => can(actor, action, target(la, s))).flatMap((p) => (p.allowed ? [] : [p.reason])));
          assert.ok(reasons.size <= 1, `${actor.kind} ${la} ${action}: ${[...reasons].join(' / ')}`);
        }
      }
    }
  });
});

describe('the table', () => {
  it('gives national and system actions no states, and the LA and the public only LA-year ones', () => {
    for (const action of ACTIONS) {
      const p = PERMISSIONS[action];
      if (p.scope === 'la-year') continue;
      for (const rule of Object.values(p.roles)) assert.equal(rule.when, 'any', action);
      assert.equal(p.roles.la, undefined, action);
      assert.equal(p.roles.public, undefined, action);
    }
  });

  it("agrees with the workflow: a move's row allows exactly what decideMove lets past its role and state checks", () => {
    const facts = { proposedGrade: 3, finalGrade: 3, letterGrade: 3, unansweredComments: 0, contentHash: 'c'.repeat(64) } as const;
    const decide = (history: readonly WorkflowEvent[], move: MoveName, actor: Actor) =>
      decideMove(history, { la: L356, year: 2011, move, actor, reason: 'a reason', at: '2011-10-01T09:00:00Z', facts });
    // A history reaching each state, walking the move table from not-started.
    const paths = new Map<WorkflowState, WorkflowEvent[]>([['not-started', []]]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [, history] of [...paths]) {
        for (const move of MOVE_NAMES) {
          const o = decide(history, move, ACTOR_OF[MOVES[move].by[0]!]);
          if (!o.ok || paths.has(o.status.state)) continue;
          paths.set(o.status.state, [...history, o.event]);
          grew = true;
        }
      }
    }
    assert.equal(paths.size, WORKFLOW_STATES.length);
    for (const move of MOVE_NAMES) {
      assert.deepEqual(Object.keys(PERMISSIONS[move].roles), MOVES[move].by, move);
      for (const [state, history] of paths) {
        assert.equal(stateOf(history).state, state);
        for (const role of ROLES) {
          const o = decide(history, move, ACTOR_OF[role]);
          const pastRoleAndState = o.ok || !['role', 'state'].includes(o.refusal.code);
          assert.equal(allowed(ACTOR_OF[role], move, target(L356, state)), pastRoleAndState, `${move} by ${role} in ${state}`);
        }
      }
    }
  });
});

describe('docs/permissions.md', () => {
  it('holds the table exactly as rendered from PERMISSIONS', () => {
    const doc = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');
    assert.ok(
      doc.includes(`<!-- permissions:begin -->\n${renderPermissionsMarkdown()}\n<!-- permissions:end -->`),
      'docs/permissions.md is out of date: paste the output of\n  node --input-type=module -e "import { renderPermissionsMarkdown } from \'./src/domain/permissions.ts\'; console.log(renderPermissionsMarkdown())"\nbetween its permissions markers',
    );
  });
});
