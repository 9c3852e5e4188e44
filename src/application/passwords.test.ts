import assert from 'node:assert/strict';
import { scryptSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { StoreError } from '../domain/errors.ts';
import { GENERATED_PASSWORD_LENGTH, generatePassword, hashPassword, needsRehash, PASSWORD_ALPHABET, passwordProblem, SCRYPT, verifyPassword } from './passwords.ts';

describe('passwords (application/passwords.ts)', () => {
  it('hashes with scrypt in the self-describing form, a new salt each time, and verifies only the same password', async () => {
    const stored = await hashPassword('correct horse battery staple');
    const parts = stored.split('$');
    assert.deepEqual(parts.slice(0, 4), ['scrypt', String(2 ** 15), '8', '1']);
    assert.equal(Buffer.from(parts[4]!, 'base64').length, SCRYPT.saltLength);
    assert.equal(Buffer.from(parts[5]!, 'base64').length, SCRYPT.keyLength);
    // The hash is scrypt's, with the stored salt and parameters: any scrypt implementation can check it.
    const expected = scryptSync('correct horse battery staple', Buffer.from(parts[4]!, 'base64'), 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    assert.equal(parts[5], expected.toString('base64'));
    assert.notEqual(await hashPassword('correct horse battery staple'), stored, 'a new salt each time');
    assert.equal(await verifyPassword('correct horse battery staple', stored), true);
    assert.equal(await verifyPassword('correct horse battery stapl', stored), false);
    assert.equal(await verifyPassword('Correct horse battery staple', stored), false);
    assert.equal(needsRehash(stored), false);
  });

  it('checks a hash with the parameters it was made with, and says when they are below today’s', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const weak = ['scrypt', 1024, 8, 1, salt.toString('base64'), scryptSync('an older password', salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
    assert.equal(await verifyPassword('an older password', weak), true);
    assert.equal(needsRehash(weak), true);
  });

  it('treats the same characters the same however they were composed (NFC)', async () => {
    const composed = 'caf\u00e9 au lait, please';
    const decomposed = 'cafe\u0301 au lait, please';
    assert.equal(await verifyPassword(decomposed, await hashPassword(composed)), true);
  });

  it('refuses a stored hash it did not write, rather than taking it for a wrong password', async () => {
    for (const bad of ['', 'plain text', 'bcrypt$10$abc', 'scrypt$1000$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', 'scrypt$16384$8$1$not base64$aGFzaA==', `scrypt$${2 ** 24}$8$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==`, 'scrypt$16384$99$1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==']) {
      await assert.rejects(verifyPassword('anything at all', bad), StoreError, bad);
    }
  });

  it('asks for 12 characters or more, not the name, not one character repeated, and not a book', () => {
    assert.equal(passwordProblem('correct horse', 'Ann Smith'), null);
    assert.equal(passwordProblem('short', 'Ann Smith'), 'is 5 characters long; at least 12 are needed');
    // Counted in characters, not UTF-16 units: eleven emoji are eleven.
    assert.match(passwordProblem('\u{1F600}'.repeat(11), 'Ann Smith')!, /is 11 characters long/);
    assert.equal(passwordProblem('ann smith 12', 'Ann Smith 12'), "is the account's name");
    assert.equal(passwordProblem('AnnSmithJones', 'Ann Smith Jones'), "is the account's name");
    assert.equal(passwordProblem('aaaaaaaaaaaaaaaa', 'Ann Smith'), 'is one character repeated');
    assert.match(passwordProblem('x'.repeat(1023) + 'y'.repeat(2), 'Ann Smith')!, /the most allowed is 1,024/);
  });

  it('generates 20 characters from the unambiguous alphabet, differently each time', () => {
    assert.equal(PASSWORD_ALPHABET.length, 55);
    for (const c of '0O1lIio') assert.ok(!PASSWORD_ALPHABET.includes(c), `${c} is not in the alphabet`);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generatePassword();
      assert.equal(password.length, GENERATED_PASSWORD_LENGTH);
      assert.ok([...password].every((c) => PASSWORD_ALPHABET.includes(c)), password);
      assert.equal(passwordProblem(password, 'Ann Smith'), null);
      seen.add(password);
    }
    assert.equal(seen.size, 200);
    // Every character of the alphabet turns up (4,000 draws of 55: missing one by chance is about 1 in 10^30).
    assert.equal(new Set([...seen].join('')).size, 55);
  });
});
