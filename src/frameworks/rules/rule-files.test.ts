import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Every limiting rule is one file in this folder with its test beside it (src/frameworks/types.ts, LimitingRule), so
 * that switching a rule's condition off fails something. A rule file added without a test, or a test that does not
 * import the rule it is named after, fails here.
 */
const folder = fileURLToPath(new URL('./', import.meta.url));
const files = readdirSync(folder);
const rules = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

describe('rule files', () => {
  it('are in the folder', () => {
    assert.ok(rules.length >= 6, rules.join(', '));
  });
  for (const rule of rules) {
    const test = rule.replace(/\.ts$/, '.test.ts');
    it(`${rule} has ${test} beside it, which imports the rule`, () => {
      assert.ok(existsSync(`${folder}${test}`), `${test} is missing: every limiting rule needs a test that makes it fire and not fire`);
      const source = readFileSync(`${folder}${test}`, 'utf8');
      assert.match(source, new RegExp(`from '\\./${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'`), `${test} does not import ./${rule}`);
    });
  }
});
