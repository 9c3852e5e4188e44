import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../domain/errors.ts';
import { DEFAULT_LETTER_SETTINGS } from '../narrative/letter-settings.ts';
import { letterSettingsFrom } from './deployment.ts';

test('letters are signed by a role, not a person, unless the deployment names one', () => {
  assert.deepEqual(letterSettingsFrom({}), DEFAULT_LETTER_SETTINGS);
  assert.equal(DEFAULT_LETTER_SETTINGS.signatory.name, null);
  assert.deepEqual(letterSettingsFrom({ KINGSWAY_SIGNATORY_NAME: 'A Lead', KINGSWAY_SIGNATORY_TITLE: 'Head of assessment', KINGSWAY_LETTER_SENDER: 'Kingsway|Leeds' }), {
    sender: ['Kingsway', 'Leeds'],
    signatory: { name: 'A Lead', title: 'Head of assessment' },
  });
  assert.throws(() => letterSettingsFrom({ KINGSWAY_SIGNATORY_NAME: 'A Lead' }), UsageError);
  assert.throws(() => letterSettingsFrom({ KINGSWAY_SIGNATORY_TITLE: 'Lead\u001b[31m' }), /KINGSWAY_SIGNATORY_TITLE contains the control character U\+001B/);
});
