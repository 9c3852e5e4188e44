import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorOf } from '../domain/account.ts';
import type { SystemActor } from '../domain/audit.ts';
import { ForbiddenError, InvalidFieldError } from '../domain/errors.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Actor } from '../domain/roles.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { assessOne } from '../judgement/assess.ts';
import type { Store } from '../store/repository.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LA_BATCH } from '../../test/support/las.ts';
import { openStore, tempDir } from '../../test/support/store.ts';
import { addAccount } from './accounts.ts';
import { composeLetter } from './compose-letter.ts';
import { importData } from './import-data.ts';
import { loadAssessInput } from './load-evidence.ts';
import { publishableLetter } from './publishable-letter.ts';
import { addComment, answerComment, moveAssessment, moveAssessments, recordGrades, statusFor } from './workflow.ts';
import type { LetterSource } from './workflow.ts';

const CLI: SystemActor = { kind: 'system', name: 'test' };
const STOCKPORT = '356' as LaCode;
const YEAR = 2011;
let clock = Date.parse('2011-08-18T09:00:00.000Z');
const at = () => new Date((clock += 60_000)).toISOString();

describe('the assessment as a process (application/workflow.ts)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  const people: Record<'analyst' | 'inspector' | 'moderator' | 'la' | 'otherLa', Actor> = {} as never;
  const framework = frameworkFor(YEAR);
  const letterOf: LetterSource = async (la) => {
    const a = assessOne(await loadAssessInput(store, framework), (await store.localAuthority(la))!);
    if (a.status !== 'assessed') return null;
    return publishableLetter((await composeLetter(store, a, framework, null)).letter);
  };
  const move = (who: Actor, name: string, reason: string | null = null) => moveAssessment(store, YEAR, { la: STOCKPORT, move: name, reason }, { at: at(), actor: who, letterOf });

  before(async () => {
    tmp = tempDir();
    store = await openStore(tmp.dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    const [seed] = await importData(store, { dataDir: undefined, bundles: [seedFixture('stockport-2011-assessment')], dryRun: false, today: '2026-06-01' });
    assert.equal(seed!.status, 'written');
    for (const [key, request] of [
      ['analyst', { name: 'Ann Analyst', role: 'analyst' }],
      ['inspector', { name: 'Ivy Inspector', role: 'inspector' }],
      ['moderator', { name: 'Mo Moderator', role: 'moderator' }],
      ['la', { name: 'Lee Stockport', role: 'la', la: '356' }],
      ['otherLa', { name: 'Tam Trafford', role: 'la', la: '358' }],
    ] as const) {
      people[key] = actorOf((await addAccount(store, request, { at: at(), by: CLI })).account);
    }
  });
  after(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('refuses a move that is not the role\'s, with 403 to staff and 404 to an LA user of another LA', async () => {
    await assert.rejects(move(people.inspector, 'release-profile'), (e: unknown) => e instanceof ForbiddenError && e.status === 403 && /an inspector may not release/i.test(e.message));
    await assert.rejects(move(people.otherLa, 'release-profile'), (e: unknown) => e instanceof ForbiddenError && e.status === 404);
    assert.equal((await statusFor(store, STOCKPORT, YEAR)).state, 'not-started');
  });

  it('takes an LA-year from release to publication, each move recorded under the signed-in person, the content hashed', async () => {
    assert.equal((await move(people.analyst, 'release-profile')).state, 'profile-released');
    assert.equal((await move(people.inspector, 'start-draft')).state, 'draft');
    await assert.rejects(move(people.inspector, 'send-for-check'), (e: unknown) => e instanceof InvalidFieldError && /no grade is proposed/.test(e.message));
    const derived = (await letterOf(STOCKPORT, YEAR))!.statedGrade!;
    const [proposed] = await recordGrades(store, framework, [{ la: STOCKPORT, grade: derived, rationale: 'As derived.' }], { at: at(), actor: people.inspector, stage: 'proposed' });
    assert.ok(proposed!.ok);
    assert.equal((await move(people.inspector, 'send-for-check')).state, 'factual-accuracy-check');

    // The LA comments; the inspector may not send it on until every comment is answered.
    const sentences = new Set(['headline', 'a:special']);
    await assert.rejects(addComment(store, { la: STOCKPORT, year: YEAR, sentence: 'no-such-sentence', text: 'About nothing.', sentences }, { at: at(), actor: people.la }), (e: unknown) => e instanceof InvalidFieldError && e.field === 'sentence');
    const comment = await addComment(store, { la: STOCKPORT, year: YEAR, sentence: 'a:special', text: 'The fostering figure is for 2010, not 2011.', sentences }, { at: at(), actor: people.la });
    await assert.rejects(addComment(store, { la: STOCKPORT, year: YEAR, sentence: null, text: 'Not yours.', sentences }, { at: at(), actor: people.otherLa }), (e: unknown) => e instanceof ForbiddenError && e.status === 404);
    await assert.rejects(move(people.inspector, 'send-to-moderation'), /1 of the LA's comments is unanswered/);
    await answerComment(store, { la: STOCKPORT, year: YEAR, comment, text: 'Checked: the figure is 2011\'s.' }, { at: at(), actor: people.inspector });
    assert.equal((await move(people.inspector, 'send-to-moderation')).state, 'moderation');

    // The inspector may not sign off; the moderator may once a final grade is recorded.
    await assert.rejects(move(people.inspector, 'sign-off'), (e: unknown) => e instanceof ForbiddenError && e.status === 403);
    await assert.rejects(move(people.moderator, 'sign-off'), /no final grade is recorded/);
    await recordGrades(store, framework, [{ la: STOCKPORT, grade: derived, rationale: 'Agreed.' }], { at: at(), actor: people.moderator, stage: 'final' });
    assert.equal((await move(people.moderator, 'sign-off')).state, 'signed-off');
    const published = await move(people.moderator, 'publish');
    assert.equal(published.state, 'published');
    assert.equal(published.version, 1);
    const content = (await store.publishedContent(STOCKPORT, YEAR))!;
    assert.equal(content.hash, published.versions[0]!.hash);
    assert.equal(content.grade, derived);
    assert.match(content.markdown, /Stockport/);

    const events = await store.workflowEvents(YEAR, STOCKPORT);
    assert.deepEqual(events.map((e) => [e.move, e.by.name]), [
      ['release-profile', 'Ann Analyst'],
      ['start-draft', 'Ivy Inspector'],
      ['send-for-check', 'Ivy Inspector'],
      ['send-to-moderation', 'Ivy Inspector'],
      ['sign-off', 'Mo Moderator'],
      ['publish', 'Mo Moderator'],
    ]);
    const audit = await store.auditEvents({ la: STOCKPORT, year: YEAR });
    assert.deepEqual(
      audit.map((e) => e.action),
      ['workflow-moved', 'workflow-moved', 'judgement-recorded', 'workflow-moved', 'comment-added', 'comment-answered', 'workflow-moved', 'judgement-recorded', 'workflow-moved', 'workflow-moved'],
    );
    assert.deepEqual(audit.at(-1)!.before, { state: 'signed-off' });
  });

  it('refuses a correction that changes nothing, and publishes a changed one as version 2 with its reason, version 1 still readable', async () => {
    await assert.rejects(move(people.moderator, 'correct', 'No change.'), /identical to version 1/);
    await assert.rejects(move(people.moderator, 'correct'), /no reason is given/);
    const v1 = (await store.publishedContent(STOCKPORT, YEAR, 1))!;
    const other = v1.grade === 4 ? 3 : v1.grade + 1;
    await recordGrades(store, framework, [{ la: STOCKPORT, grade: other, rationale: 'A finding resolved after publication.' }], { at: at(), actor: people.moderator, stage: 'final' });
    const corrected = await move(people.moderator, 'correct', 'The grade was corrected after a finding was resolved.');
    assert.deepEqual([corrected.state, corrected.version, corrected.versions.length], ['published', 2, 2]);
    const v2 = (await store.publishedContent(STOCKPORT, YEAR))!;
    assert.deepEqual([v2.version, v2.grade], [2, other]);
    assert.notEqual(v2.hash, v1.hash);
    assert.deepEqual((await store.publishedContent(STOCKPORT, YEAR, 1))!, v1, 'version 1 is kept as it was published');
    assert.equal(corrected.versions[1]!.reason, 'The grade was corrected after a finding was resolved.');
  });

  it('reports each LA of a batch in its place: one refused, the others moved', async () => {
    const results = await moveAssessments(store, YEAR, [{ la: '358' as LaCode, move: 'release-profile' }, { la: STOCKPORT, move: 'release-profile' }], { at: at(), actor: people.analyst, letterOf });
    assert.deepEqual(results.map((r) => [r.la, r.ok]), [['358', true], ['356', false]]);
    assert.equal((await statusFor(store, '358' as LaCode, YEAR)).state, 'profile-released');
  });
});
