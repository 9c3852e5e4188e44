import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { danglingRejections, forgetKeysSql, MAX_DANGLING_SHOWN, REFERENCES, rememberKeysSql, TARGETS, unresolvedKeysSql } from './dataset-references.ts';
import type { DanglingRow, Target } from './dataset-references.ts';

/** The dialect-free half of replacing a dataset: SQL either driver runs as it is, and the messages it leads to. */
describe('dataset references', () => {
  it('writes SQL with the driver’s placeholder and unqualified temporary tables', () => {
    for (const ref of REFERENCES) {
      const sql = ref.sql('$1');
      assert.equal(sql.split('$1').length - 1, ref.ownerless ? 0 : 1, sql);
      assert.doesNotMatch(sql, /\?|temp\./, sql);
    }
    const remember = rememberKeysSql('$1');
    assert.deepEqual(
      remember.filter((s) => s.params).map((s) => s.sql),
      (Object.keys(TARGETS) as Target[]).map((t) => `CREATE TEMP TABLE kingsway_gone_${t} AS SELECT ${TARGETS[t].column} AS key FROM ${TARGETS[t].table} WHERE dataset_id = $1`),
    );
    const unresolved = (Object.keys(TARGETS) as Target[]).flatMap((t) => Object.values(unresolvedKeysSql(t)));
    for (const sql of [...remember.filter((s) => !s.params).map((s) => s.sql), ...forgetKeysSql().map((s) => s.sql), ...unresolved]) assert.doesNotMatch(sql, /\?|\$|temp\./, sql);
  });

  it('names each dangling reference with its count and owner', () => {
    const found = [
      { target: 'las' as const, what: 'providers', rows: [{ dataset: 'ofsted', key: '356', n: 1234 }] },
      { target: 'las' as const, what: 'inspector judgements', rows: [{ dataset: null, key: '356', n: 1 }] },
      { target: 'indicators' as const, what: 'indicator values', rows: [{ dataset: 'other', key: 'NI 75', n: 3 }] },
    ];
    assert.deepEqual(danglingRejections('las', found), [
      { key: 'LA 356', text: 'replacing "las" would leave 1,234 providers of dataset "ofsted" pointing at LA 356, which it no longer has; keep LA 356 in it, or remove what refers to it first' },
      { key: 'LA 356', text: 'replacing "las" would leave 1 inspector judgements pointing at LA 356, which it no longer has; keep LA 356 in it, or remove what refers to it first' },
      { key: 'indicator NI 75', text: 'replacing "las" would leave 3 indicator values of dataset "other" pointing at indicator NI 75, which it no longer has; keep indicator NI 75 in it, or remove what refers to it first' },
    ]);
    assert.deepEqual(danglingRejections('las', []), []);
  });

  it(`shows the first ${MAX_DANGLING_SHOWN} and sums the rows of the rest`, () => {
    const rows: DanglingRow[] = Array.from({ length: MAX_DANGLING_SHOWN + 3 }, (_, i) => ({ dataset: 'ofsted', key: String(300 + i), n: 2 }));
    const out = danglingRejections('las', [{ target: 'las', what: 'providers', rows }]);
    assert.equal(out.length, MAX_DANGLING_SHOWN + 1);
    assert.equal(out.at(-2)!.key, `LA ${300 + MAX_DANGLING_SHOWN - 1}`);
    assert.deepEqual(out.at(-1), { key: '…', text: 'and 6 more rows pointing at what "las" no longer has' });
  });
});
