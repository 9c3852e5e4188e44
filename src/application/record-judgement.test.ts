import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InvalidFieldError, NotFoundError, UsageError } from '../domain/errors.ts';
import { frameworkFor } from '../frameworks/index.ts';
import type { Store } from '../store/repository.ts';
import { seedFixture } from '../../test/support/cli.ts';
import { FIXTURE_LA_BATCH } from '../../test/support/las.ts';
import { openStore, tempDir } from '../../test/support/store.ts';
import { importData } from './import-data.ts';
import { checkJudgement, recordJudgement, recordJudgements } from './record-judgement.ts';
import type { JudgementField, JudgementRequest } from './record-judgement.ts';

const AT = '2011-11-01T10:00:00.000Z';

describe('recording a judgement (application/record-judgement.ts)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: Store;
  before(async () => {
    tmp = tempDir();
    store = await openStore(tmp.dir);
    await store.replaceDataset(FIXTURE_LA_BATCH);
    const [seed] = await importData(store, { dataDir: undefined, bundles: [seedFixture('stockport-2011-assessment')], dryRun: false, today: '2026-06-01' });
    assert.equal(seed!.status, 'written', JSON.stringify(seed!.rejections));
  });
  after(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('records each judgement of a batch with the derived grade at the time, and reports each refused one in its place', async () => {
    const results = await recordJudgements(
      store,
      frameworkFor(2011),
      [
        { la: '356', grade: 4, rationale: '  Moderation: consistently strong social care ', author: 'A Inspector' },
        { la: '358', grade: 3, rationale: ' ', author: 'A Inspector' },
        { la: '999', grade: 2, rationale: 'Agreed', author: 'A Inspector' },
        { la: '861', withhold: true, rationale: 'Full inspection under way', author: 'Panel' },
      ],
      { at: AT },
    );
    assert.deepEqual(results.map((r) => r.ok), [true, false, false, true]);
    const [stockport, trafford, unknown, stoke] = results as [(typeof results)[number], (typeof results)[number], (typeof results)[number], (typeof results)[number]];
    assert.ok(stockport.ok && stoke.ok && !trafford.ok && !unknown.ok);
    assert.deepEqual(stockport.judgement, { la: '356', year: 2011, decision: { kind: 'grade', grade: 4 }, rationale: 'Moderation: consistently strong social care', author: 'A Inspector', stage: 'final', authorId: null, recordedAt: AT, derivedAtTheTime: 3 });
    // Stoke-on-Trent cannot be assessed on this evidence: no derived grade to keep.
    assert.deepEqual([stoke.judgement.decision, stoke.judgement.derivedAtTheTime], [{ kind: 'withheld' }, null]);
    assert.ok(trafford.error instanceof InvalidFieldError && trafford.error.field === 'rationale');
    assert.equal(trafford.error.message, 'rationale must say why');
    assert.ok(unknown.error instanceof NotFoundError);
    assert.match(unknown.error.message, /no LA with code 999 is stored/);
    // Only the two recorded are in the store, appended.
    assert.deepEqual((await store.inspectorJudgements(2011)).map((j) => j.la).sort(), ['356', '861']);
  });

  it('refuses a bad field by its name, with no flag in the message, recording nothing', async () => {
    const before = (await store.inspectorJudgements(2011)).length;
    const refused = async (request: JudgementRequest, field: JudgementField, message: RegExp) =>
      assert.rejects(recordJudgement(store, frameworkFor(2011), request, { at: AT }), (error: unknown) => {
        assert.ok(error instanceof InvalidFieldError && error instanceof UsageError, String(error));
        assert.equal(error.field, field);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /--/);
        return true;
      });
    await refused({ la: '356', grade: 5, rationale: 'x', author: 'y' }, 'grade', /^grade 5 is not on the four-point scale \(1-4\)$/);
    await refused({ la: '356', grade: 3, withhold: true, rationale: 'x', author: 'y' }, 'withhold', /not both/);
    await refused({ la: '356', rationale: 'x', author: 'y' }, 'grade', /^grade is needed/);
    await refused({ la: '356', grade: 3, rationale: 'Agreed', author: '' }, 'author', /^author must name who judged$/);
    await refused({ la: '356', grade: 3, rationale: 'Agreed', author: 'A\u001b[31m' }, 'author', /^author contains the control character U\+001B/);
    await refused({ la: '356', grade: 3, rationale: 'x'.repeat(4001), author: 'y' }, 'rationale', /^rationale is 4,001 characters long/);
    await refused({ la: 'Stockport', grade: 3, rationale: 'Agreed', author: 'y' }, 'la', /is not a three-digit DfE code/);
    await assert.rejects(recordJudgement(store, frameworkFor(2011), { la: '999', grade: 3, rationale: 'Agreed', author: 'y' }, { at: AT }), NotFoundError);
    assert.equal((await store.inspectorJudgements(2011)).length, before);
  });

  it('checks a request without reading anything, trimming the texts as they are stored', () => {
    assert.deepEqual(checkJudgement({ withhold: true, rationale: ' Under way ', author: ' Panel ' }), { decision: { kind: 'withheld' }, rationale: 'Under way', author: 'Panel' });
  });
});
