import { isUtf8 } from 'node:buffer';
import { gunzipSync } from 'node:zlib';
import type { Rejection } from '../domain/errors.ts';

/** Encodings a user may declare for a file that is not UTF-8 (Excel on Windows saves CSV as windows-1252). */
export const TEXT_ENCODINGS = ['utf-8', 'windows-1252', 'utf-16le'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly rejection: Rejection };

function lineAndColumnAt(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Count characters, not bytes, up to the fault: UTF-8 continuation bytes (10xxxxxx) do not start a character.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return { line, column };
}

/** Finds the first byte that is not valid UTF-8 (a stray windows-1252 "£" or "é", or a cut multi-byte sequence). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');

/**
 * Why bytes declared UTF-16LE are not, or `null` if they may be. Without this, UTF-8 bytes read as UTF-16LE become
 * one line of CJK-looking characters, and every file was reported as "truncated" (issue 11). UTF-16LE text has a
 * byte-order mark FF FE, or a zero high byte in every ASCII character (every comma and line break of a CSV), so
 * bytes with neither are not UTF-16LE; what they read as is named, so the user knows what to declare.
 */
function notUtf16le(bytes: Uint8Array): string | null {
  if (bytes.length === 0 || (bytes[0] === 0xff && bytes[1] === 0xfe)) return null;
  const declared = 'the manifest declares utf-16le, but the bytes are not UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return `${declared}: they are UTF-16BE (byte-order mark FE FF); save the file as UTF-8 or UTF-16LE`;
  let zeroHigh = false;
  for (let i = 1; i < bytes.length; i += 2) {
    if (bytes[i] === 0) {
      zeroHigh = true;
      break;
    }
  }
  if (bytes.length % 2 === 0 && zeroHigh) return null;
  const readsAs = isUtf8(bytes) ? 'UTF-8' : 'a single-byte encoding such as windows-1252';
  const declare = readsAs === 'UTF-8' ? 'utf-8' : 'windows-1252';
  return `${declared} (no byte-order mark, ${bytes.length % 2 === 1 ? 'an odd number of bytes' : 'no character with a zero high byte'}): they read as ${readsAs}; declare "encoding": "${declare}" or leave it out`;
}

/**
 * Turns a file's bytes into text, refusing what cannot be read faithfully. Gzip is recognised by its magic number
 * (LAIT ships gzipped); a truncated gzip stream is refused rather than read in part. A UTF-8 byte-order mark is
 * dropped; a UTF-16 one without `utf-16le` declared is refused, since reading it as UTF-8 yields garbage silently.
 */
export function decodeFile(file: string, raw: Uint8Array, encoding: TextEncoding = 'utf-8', maxBytes?: number): Decoded {
  let bytes = raw;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // A limit on what a small gzip may expand to: a "zip bomb" of a few kilobytes can unpack to gigabytes.
      bytes = gunzipSync(bytes, maxBytes === undefined ? {} : { maxOutputLength: maxBytes });
    } catch (error) {
      return {
        ok: false,
        rejection: {
          file,
          line: null,
          column: null,
          value: `${raw.length} bytes of gzip`,
          reason:
            (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
              ? `the gzip stream expands to more than the ${((maxBytes ?? 0) / 1024 / 1024).toLocaleString('en-GB')} MB a file may be; refused without being read further`
              : `the gzip stream is damaged or truncated (${(error as Error).message})`,
        },
      };
    }
  }
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (encoding === 'utf-16le') {
    const mismatch = notUtf16le(bytes);
    if (mismatch) return { ok: false, rejection: { file, line: null, column: null, value: `bytes ${hexOf(bytes.subarray(0, 4))}`, reason: mismatch } };
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes) };
  }
  if (utf16) {
    return {
      ok: false,
      rejection: {
        file,
        line: 1,
        column: '1',
        value: bytes[0] === 0xff ? 'FF FE' : 'FE FF',
        reason: 'the file is UTF-16 (byte-order mark); save it as UTF-8, or declare its encoding as utf-16le',
      },
    };
  }
  if (encoding === 'windows-1252') return { ok: true, text: new TextDecoder('windows-1252').decode(bytes) };

  if (!isUtf8(bytes)) {
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const { line, column } = lineAndColumnAt(bytes, bad);
    const hex = hexOf(bytes.subarray(bad, Math.min(bad + 3, bytes.length)));
    return {
      ok: false,
      rejection: {
        file,
        line,
        column: String(column),
        value: `bytes ${hex}`,
        reason: 'not valid UTF-8: the file looks like another encoding (windows-1252 is common from Excel); save it as UTF-8 or declare its encoding',
      },
    };
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
