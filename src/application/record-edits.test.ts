import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { UsageError } from '../domain/errors.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { readBundle } from '../ingest/bundle/read.ts';
import { assessAll } from '../judgement/assess.ts';
import { draftLetter } from '../narrative/letter.ts';
import type { LetterDraft } from '../narrative/letter.ts';
import type { Store } from '../store/repository.ts';
import { buildServer } from '../web/server.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LAS } from '../../test/support/las.ts';
import { runOver } from '../../test/support/stockport-run.ts';
import { scratchStore } from '../../test/support/store.ts';
import { webFixtureStore } from '../../test/support/web.ts';
import { postForm, signedInAs } from '../../test/support/web-session.ts';
import { recordLetterEdits } from './record-edits.ts';

const STOCKPORT = '356' as LaCode;
const AT = '2011-10-20T10:00:00.000Z';

/** The Stockport 2011 seed fixture's letter as generated: performs well (3). */
function stockportLetter(): LetterDraft {
  const read = readBundle({ dir: seedFixture('stockport-2011-assessment'), context: { las: new Map(FIXTURE_LAS.map((l) => [l.code as string, l])), storedIndicators: new Set() } });
  assert.ok(read.ok);
  const [a] = assessAll({ run: runOver(read.batch, { year: 2011 }), judgements: new Map(), previous: new Map() }, [STOCKPORT]);
  assert.ok(a?.status === 'assessed' && a.grade === 3);
  return draftLetter(a, frameworkFor(2011), null, true);
}

describe('recording letter edits keeps the letter stating its own grade (issue 15)', () => {
  let store: Store;
  before(async () => {
    store = await scratchStore();
  });
  after(async () => {
    await store.close();
  });

  it('refuses a batch that would state another grade, and records none of it', async () => {
    const letter = stockportLetter();
    await assert.rejects(
      recordLetterEdits(store, letter, [{ op: 'remove', target: 'headline' }, { op: 'reword', target: 'grade', text: "Children's services in Stockport Metropolitan Borough Council perform excellently." }], 'A Inspector', AT),
      (e: unknown) => e instanceof UsageError && /^these edits would make sentence grade say .*, grade 4 \(performs excellently\), but the letter's grade is 3 \(performs well\)/.test(e.message),
    );
    await assert.rejects(recordLetterEdits(store, letter, [{ op: 'remove', target: 'grade' }], 'A Inspector', AT), /would leave no sentence stating the letter's grade, 3 \(performs well\)/);
    assert.deepEqual(await store.letterEdits(STOCKPORT, 2011), []);
  });

  it('records a rewording of the grade sentence that keeps its grade', async () => {
    const { ids } = await recordLetterEdits(store, stockportLetter(), [{ op: 'reword', target: 'grade', text: "Overall, children's services in Stockport Metropolitan Borough Council continue to perform well." }], 'A Inspector', AT);
    assert.equal(ids.length, 1);
    assert.deepEqual((await store.letterEdits(STOCKPORT, 2011)).map((e) => e.change.op), ['reword']);
  });
});

/**
 * The letter page's edit form (POST /:year/la/:code/letter/edits, src/web/server.ts, through recordSiteEdits in
 * src/web/letters.ts) shows the refusal as the form's error, as it shows every UsageError, and records nothing.
 */
describe('the letter page refuses, on its form, an edit stating another grade', () => {
  let store: Store;
  let app: ReturnType<typeof buildServer>['app'];
  before(async () => {
    store = await webFixtureStore();
    ({ app } = buildServer(store));
  });
  after(async () => {
    await app.close();
    await store.close();
  });

  it('answers 400 with the message beside the action, and records nothing', async () => {
    // Editing a draft letter is an inspector's (src/domain/permissions.ts), signed in, on a form with its CSRF token.
    const inspector = await signedInAs(app, store, 'inspector');
    const form = (fields: Record<string, string>) => postForm(app, '/2011/la/356/letter/edits', fields, inspector);
    const r = await form({ action: 'reword', target: 'grade', text: "Children's services in Stockport Metropolitan Borough Council perform poorly." });
    assert.equal(r.statusCode, 400, r.body.slice(0, 400));
    const text = r.body.replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    assert.match(text, /The edit would make sentence grade say "Children's services in Stockport Metropolitan Borough Council perform poorly", grade 1 \(performs poorly\), but the letter's grade is 3 \(performs well\): change the grade through a judgement, not the letter/);
    assert.deepEqual(await store.letterEdits(STOCKPORT, 2011), []);
    const kept = await form({ action: 'reword', target: 'grade', text: "Children's services in Stockport Metropolitan Borough Council continue to perform well." });
    assert.equal(kept.statusCode, 303);
    // The author is the inspector signed in: the form has no name to give (issue 15).
    assert.deepEqual((await store.letterEdits(STOCKPORT, 2011)).map((e) => e.author), [inspector.name]);
  });
});
