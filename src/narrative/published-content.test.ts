import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssessmentGrade } from '../domain/grade.ts';
import { contentHash, publishedContent, PUBLISHED_CONTENT_FORMAT } from './published-content.ts';

const LETTER = '# Letter\n\nChildren’s services in Stockport perform well.\n';

describe('the content hash of a published grade and letter', () => {
  it('is stable: a fixed value for a fixed input, the one `sha256sum` gives over the documented encoding', () => {
    // { printf 'kingsway-published-content-v1\ngrade 3\n'; printf '# Letter\n\nChildren’s services in Stockport perform well.\n'; } | sha256sum
    assert.equal(contentHash(3, LETTER), '0ecc69f2009a9c3851b06928463a8c15107478e77dac0d02c015138f23ec0925');
    assert.equal(contentHash(3, LETTER), contentHash(3, LETTER));
    assert.match(contentHash(3, LETTER), /^[0-9a-f]{64}$/);
  });

  it('encodes its version, then the grade, then the letter byte for byte', () => {
    assert.equal(publishedContent(3, LETTER), `${PUBLISHED_CONTENT_FORMAT}\ngrade 3\n${LETTER}`);
    assert.equal(PUBLISHED_CONTENT_FORMAT, 'kingsway-published-content-v1');
  });

  it('changes with any one character of the letter, with its line ends, and with the grade', () => {
    const base = contentHash(3, LETTER);
    for (let i = 0; i < LETTER.length; i++) {
      const changed = `${LETTER.slice(0, i)}${LETTER[i] === 'x' ? 'y' : 'x'}${LETTER.slice(i + 1)}`;
      assert.notEqual(contentHash(3, changed), base, `character ${i}`);
    }
    assert.notEqual(contentHash(3, LETTER.replace(/\n/g, '\r\n')), base, 'a copy saved with other line ends is not the one published');
    assert.notEqual(contentHash(3, `${LETTER}\n`), base);
    const hashes = new Set(([1, 2, 3, 4] as const).map((g) => contentHash(g, LETTER)));
    assert.equal(hashes.size, 4);
  });

  it('cannot be made to agree by moving text between the grade and the letter', () => {
    // The grade's line has a fixed form, so no grade and letter give another's bytes.
    assert.notEqual(contentHash(3, `\n${LETTER}`), contentHash(3, LETTER));
    assert.throws(() => contentHash(7 as AssessmentGrade, LETTER), /1, 2, 3 or 4, not 7/);
    assert.throws(() => contentHash('3\ngrade 4' as unknown as AssessmentGrade, LETTER), RangeError);
  });
});
