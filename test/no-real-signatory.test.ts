import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FRAMEWORKS } from '../src/frameworks/index.ts';

const seeds = fileURLToPath(new URL('../../shared/seeds/', import.meta.url));
const golden = fileURLToPath(new URL('./golden/', import.meta.url));

/** The people who signed the seed letters: the line after "Yours sincerely", or the name a described signature reads. */
function signatories(): string[] {
  const names = new Set<string>(['Flo Hadley', 'Jonathan Phillips', 'Juliet Winstanley']);
  for (const file of readdirSync(seeds)) {
    const lines = readFileSync(`${seeds}${file}`, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.trim() === 'Yours sincerely');
    const after = lines.slice(at + 1).find((l) => l.trim() !== '')?.trim();
    if (!after) continue;
    const quoted = /reads "([^"]+?)\.?"/.exec(after);
    names.add(quoted ? quoted[1]! : after);
  }
  return [...names].filter((n) => /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(n));
}

test("generated letters are signed by no real person named in the seed letters, and carry none of Ofsted's offices", { skip: existsSync(seeds) ? false : 'shared/seeds is absent' }, () => {
  const names = signatories();
  assert.ok(names.includes('Juliet Winstanley'));
  const frameworks = JSON.stringify(FRAMEWORKS);
  for (const name of names) assert.ok(!frameworks.includes(name), `framework data names ${name}`);
  for (const office of ['Aviation House', 'Alexandra House']) assert.ok(!frameworks.includes(office), `framework data has ${office}`);
  for (const file of readdirSync(golden)) {
    const text = readFileSync(`${golden}${file}`, 'utf8');
    for (const name of names) assert.ok(!text.includes(name), `${file} names ${name}`);
    assert.ok(!text.includes('Aviation House') && !text.includes('Alexandra House'), `${file} carries an Ofsted office`);
    if (/\.(md|html)$/.test(file)) assert.match(text, /It is not (a letter from Ofsted|an Ofsted judgement)/, `${file} says it is not from Ofsted`);
  }
});
