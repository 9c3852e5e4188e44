import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LaCode } from './local-authority.ts';
import { PUBLIC } from './roles.ts';
import type { Actor } from './roles.ts';
import { audienceKey, sightOf } from './visibility.ts';
import { WORKFLOW_STATES } from './workflow.ts';
import type { WorkflowState } from './workflow.ts';

const L356 = '356' as LaCode;
const L358 = '358' as LaCode;
const staff = (role: 'analyst' | 'inspector' | 'moderator'): Actor => ({ kind: 'user', id: 1, name: role, role, la: null });
const laUser = (la: LaCode): Actor => ({ kind: 'user', id: 2, name: `la ${la}`, role: 'la', la });
const sights = (actor: Actor, la: LaCode) => Object.fromEntries(WORKFLOW_STATES.map((s) => [s, sightOf(actor, la, 2011, s)])) as Record<WorkflowState, string>;

describe('the embargo: how much of an LA-year each person sees (domain/visibility.ts)', () => {
  it("shows Ofsted's staff everything as it stands, in every state", () => {
    for (const role of ['analyst', 'inspector', 'moderator'] as const) assert.ok(Object.values(sights(staff(role), L356)).every((s) => s === 'current'), role);
  });

  it('shows the public only what is published, and nothing of a withheld outcome', () => {
    const s = sights(PUBLIC, L356);
    assert.equal(s.published, 'published');
    for (const state of WORKFLOW_STATES.filter((x) => x !== 'published')) assert.equal(s[state], 'none', state);
  });

  it("shows an LA's own people their profile once released, their draft during the check, and the published outcome", () => {
    assert.deepEqual(sights(laUser(L356), L356), {
      'not-started': 'none',
      'profile-released': 'profile',
      draft: 'profile',
      'factual-accuracy-check': 'current',
      moderation: 'profile',
      'signed-off': 'profile',
      published: 'published',
      withheld: 'profile',
    });
  });

  it("shows an LA user another LA's outcome only once published, as the public sees it", () => {
    assert.deepEqual(sights(laUser(L358), L356), sights(PUBLIC, L356));
  });

  it('keys what is kept by who sees the same: all staff alike, each LA apart, the public', () => {
    assert.equal(audienceKey(staff('analyst')), audienceKey(staff('moderator')));
    assert.notEqual(audienceKey(laUser(L356)), audienceKey(laUser(L358)));
    assert.notEqual(audienceKey(laUser(L356)), audienceKey(PUBLIC));
    assert.notEqual(audienceKey(staff('inspector')), audienceKey(PUBLIC));
  });
});
