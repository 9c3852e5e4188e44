import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rejection } from '../domain/errors.ts';

/**
 * The checksums a data folder declares for its files (`checksums.sha256`, in the format `sha256sum` writes:
 * 64 hex digits, two spaces, the path), so that an import can refuse a published file whose bytes are not the ones
 * Kingsway was released with: a truncated download, a hand edit, a newer release dropped in without review.
 * A folder without the file (the shared reference data, a user's own copy) is read as it is.
 */
export const CHECKSUM_FILE = 'checksums.sha256';

export type Checksums = ReadonlyMap<string, string>;

export function readChecksums(dataDir: string): { checksums: Checksums | null; rejections: Rejection[] } {
  const path = join(dataDir, CHECKSUM_FILE);
  if (!existsSync(path)) return { checksums: null, rejections: [] };
  const checksums = new Map<string, string>();
  const rejections: Rejection[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (!m) rejections.push({ file: CHECKSUM_FILE, line: i + 1, column: null, value: line.slice(0, 80), reason: 'expected 64 hex digits, two spaces and a path, as sha256sum writes' });
      else checksums.set(m[2]!, m[1]!);
    });
  return { checksums, rejections };
}

/** Every file of `files` (paths relative to the folder) whose bytes do not match its declared checksum, or that has none. */
export function verifyChecksums(dataDir: string, files: readonly string[], checksums: Checksums): Rejection[] {
  const rejections: Rejection[] = [];
  for (const file of files) {
    const expected = checksums.get(file);
    if (expected === undefined) {
      rejections.push({ file, line: null, column: null, value: file, reason: `the folder's ${CHECKSUM_FILE} declares no checksum for this file` });
      continue;
    }
    const full = join(dataDir, file);
    if (!existsSync(full)) {
      rejections.push({ file, line: null, column: null, value: file, reason: 'the file is missing from the data folder' });
      continue;
    }
    const actual = createHash('sha256').update(readFileSync(full)).digest('hex');
    if (actual !== expected) rejections.push({ file, line: null, column: null, value: actual, reason: `the file's SHA-256 is not the ${expected} that ${CHECKSUM_FILE} declares: it is not the file as published` });
  }
  return rejections;
}
