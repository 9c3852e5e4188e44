import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { posix, win32 } from 'node:path';
import type { Rejection } from '../../domain/errors.ts';
import type { SourceFile } from '../../store/repository.ts';
import { decodeFile } from '../decode.ts';
import type { TextEncoding } from '../decode.ts';
import type { LoadedFile, Loaded } from '../source.ts';

/**
 * Reading a bundle's files without leaving its folder. A manifest is untrusted: a `path` of `../x.csv`, an absolute
 * path or a symbolic link to /etc/passwd once had a file outside the bundle imported, and its lines echoed in the
 * error report (issue 11). Every file is checked before a byte of it is read: its path is relative and stays inside
 * the folder, the file it resolves to (symbolic links followed) is inside the folder too, and it is a regular file
 * (a FIFO or /dev/zero would hang the import) no larger than the limit.
 */

/** Why a manifest path is refused on its face, before the file system is asked; `null` if it may be looked up. */
export function pathProblem(path: string): string | null {
  if (path.includes('\0')) return 'the path contains a NUL character';
  if (isAbsolute(path) || posix.isAbsolute(path) || win32.isAbsolute(path) || /^[a-zA-Z]:/.test(path)) {
    return 'an absolute path: a bundle file is named relative to the bundle folder, and must be inside it';
  }
  if (path.split(/[/\\]/).includes('..')) return 'the path contains "..": a bundle file must be inside the bundle folder';
  return null;
}

/** Where a refused file is reported: the manifest field that names it, or the manifest itself. */
export interface BundleFileRef {
  /** The file as messages show it (`bundle/providers.csv`). */
  readonly display: string;
  /** The manifest file as messages show it, and the field naming the path (`files.0.path`); null for the manifest. */
  readonly manifest: { readonly file: string; readonly field: string } | null;
}

const refuse = (ref: BundleFileRef, path: string, reason: string): { ok: false; rejections: Rejection[] } => ({
  ok: false,
  rejections: [ref.manifest ? { file: ref.manifest.file, line: null, column: ref.manifest.field, value: path, reason: `${reason}; refused without being read` } : { file: ref.display, line: null, column: null, value: path, reason: `${reason}; refused without being read` }],
});

const inside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
};

/**
 * The bytes of one bundle file, checked as above and then hashed and decoded, as loadText does for published
 * sources. `maxBytes` bounds what is read into memory.
 */
export function loadBundleText(dir: string, path: string, ref: BundleFileRef, encoding: TextEncoding, maxBytes: number): Loaded<LoadedFile> {
  const problem = pathProblem(path);
  if (problem) return refuse(ref, path, problem);
  let root: string;
  try {
    root = realpathSync(dir);
  } catch (error) {
    return { ok: false, rejections: [{ file: ref.display, line: null, column: null, value: dir, reason: `cannot open the bundle folder (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }] };
  }
  const full = join(root, path);
  let real: string;
  try {
    real = realpathSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A dangling link is reported as a link, not as a missing file: the user sees where it points.
    let link = false;
    try {
      link = lstatSync(full).isSymbolicLink();
    } catch {
      // Nothing there at all.
    }
    if (link) return refuse(ref, path, 'a symbolic link to a file that does not exist');
    return { ok: false, rejections: [{ file: ref.display, line: null, column: null, value: path, reason: code === 'ENOENT' ? 'no such file' : `cannot read the file (${code ?? (error as Error).message})` }] };
  }
  if (!inside(root, real)) {
    const linked = lstatSync(full).isSymbolicLink();
    return refuse(ref, path, `${linked ? 'a symbolic link' : 'a path through a symbolic link'} to ${real}, outside the bundle folder`);
  }
  let fd: number;
  try {
    // O_NOFOLLOW: the resolved path is opened, and a link swapped in at it since is refused, not followed.
    fd = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return { ok: false, rejections: [{ file: ref.display, line: null, column: null, value: path, reason: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }] };
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse(ref, path, 'not a regular file (a folder, device or pipe)');
    if (stat.size > maxBytes) {
      return { ok: false, rejections: [{ file: ref.display, line: null, column: null, value: `${stat.size.toLocaleString('en-GB')} bytes`, reason: `the file is larger than the ${(maxBytes / 1024 / 1024).toLocaleString('en-GB')} MB ${ref.manifest ? 'a bundle file' : 'a manifest'} may be; refused without being read` }] };
    }
    bytes = readFileSync(fd);
  } finally {
    closeSync(fd);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const decoded = decodeFile(ref.display, bytes, encoding, maxBytes);
  if (!decoded.ok) return { ok: false, rejections: [decoded.rejection] };
  const file: SourceFile = { path: ref.display, sha256, rows: 0 };
  return { ok: true, value: { file, text: decoded.text } };
}
