// Files under the cache directory: written whole (a temp file, then rename), private to the user,
// and never worth failing a command over: a cache that cannot be written costs only time next run.
// Nothing is read from or written to a directory another user owns or can write to.
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from './atomic.js';
import { ensurePrivateDir, privateDirExists } from '../state/private-dir.js';

/** Writes `data` to `file` atomically; false when it could not (read-only or full disk, a directory not the user's alone). */
export function writeCacheFile(file: string, data: string | Uint8Array): boolean {
  try {
    ensurePrivateDir(dirname(file));
    // Not flushed to disk: a cache lost in a crash is only rebuilt.
    writeFileAtomic(file, typeof data === 'string' ? Buffer.from(data) : data, 0o600, { durable: false });
    return true;
  } catch {
    return false;
  }
}

/** As writeCacheFile, but leaves a file that already holds `text` alone (a rename costs more than a read). */
export function refreshCacheFile(file: string, text: string): boolean {
  return readCacheFile(file, 'utf8') === text || writeCacheFile(file, text);
}

/** The contents of `file`, or undefined when there is none or its directory is not the user's alone. */
export function readCacheFile(file: string): Buffer | undefined;
export function readCacheFile(file: string, encoding: 'utf8' | 'latin1'): string | undefined;
export function readCacheFile(file: string, encoding?: 'utf8' | 'latin1'): Buffer | string | undefined {
  try {
    if (!privateDirExists(dirname(file))) return undefined;
    return encoding === undefined ? readFileSync(file) : readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/**
 * `value` as JSON with every character past ASCII escaped, for readAsciiJson: read as latin1, the
 * text is a copy of the bytes, where one character past ASCII makes UTF-8 decode it into a string
 * of twice the size (a plan's cache: 100 KB of young heap instead of 50).
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text asciiJson wrote to `file`; undefined when there is none, or it holds a byte past ASCII (asciiJson did not write it). */
export function readAsciiJson(file: string): string | undefined {
  const text = readCacheFile(file, 'latin1');
  return text === undefined || /[\u0080-\u00ff]/.test(text) ? undefined : text;
}
