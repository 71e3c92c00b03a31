// Parsed curricula cached as JSON, keyed by the file's path, size and times and by the build of prep,
// so a command whose curricula did not change loads no Markdown parser at all. The shipped curricula
// are also parsed at build time (dist/plans/), so a first run after installing parses nothing.
import { createRequire } from 'node:module';
import { readFileSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { BUILD } from '../startup/build.js';
import { asciiJson, readAsciiJson, writeCacheFile } from '../io/cache-file.js';
import type { ParseResult } from './parse.js';

interface Entry<T> {
  build: string;
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  result: T;
}

/** What is cached of a curriculum file: its whole parse, or the prompt's index of it (plan-index.ts). */
export type CacheKind = 'parse' | 'index';

function entryFile(cacheDir: string, path: string, kind: CacheKind): string {
  return join(cacheDir, 'plans', `${fnv1a(path)}${kind === 'index' ? '.index' : ''}.json`);
}

function fresh(entry: Entry<unknown>, path: string, info: Stats): boolean {
  return entry.build === BUILD && entry.path === path && entry.size === info.size && entry.mtimeMs === info.mtimeMs && entry.ctimeMs === info.ctimeMs;
}

export function readCached(cacheDir: string, path: string, info: Stats): ParseResult | undefined;
export function readCached<T>(cacheDir: string, path: string, info: Stats, kind: CacheKind): T | undefined;
export function readCached(cacheDir: string, path: string, info: Stats, kind: CacheKind = 'parse'): unknown {
  const file = entryFile(cacheDir, path, kind);
  // A write reads the plan for the command, then for the caches it refreshes: parse its JSON once.
  const known = readInRun.get(file);
  if (known && fresh(known, path, info)) return known.result;
  const text = readAsciiJson(file);
  if (text === undefined) return undefined; // none, not in a directory of the user's alone, or not written so: parse again
  try {
    const entry = JSON.parse(text) as Entry<unknown>;
    if (!fresh(entry, path, info)) return undefined;
    readInRun.set(file, entry);
    return entry.result;
  } catch {
    return undefined; // a damaged entry: parse again
  }
}

/** The parse of `path` when this run has read or made it already (and the file is unchanged); nothing is read. */
export function parsedInRun(cacheDir: string, path: string, info: Stats): ParseResult | undefined {
  const known = readInRun.get(entryFile(cacheDir, path, 'parse'));
  return known && fresh(known, path, info) ? (known.result as ParseResult) : undefined;
}

/** The entries this run has read or written, by cache file: a parse is never changed by its users. */
const readInRun = new Map<string, Entry<unknown>>();

/** Best effort: a cache that cannot be written only costs a parse next time. */
export function writeCached(cacheDir: string, path: string, info: Stats, result: unknown, kind: CacheKind = 'parse'): void {
  const file = entryFile(cacheDir, path, kind);
  const entry: Entry<unknown> = { build: BUILD, path, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, result };
  readInRun.set(file, entry);
  writeCacheFile(file, asciiJson(entry));
}

/** The build-time parse of a shipped curriculum, when `text` is exactly what was parsed then. */
export function readPrebuilt(prebuiltDir: string, path: string, text: string): ParseResult | undefined {
  if (BUILD === 'dev') return undefined; // dist/ may be older than the source
  try {
    const entry = JSON.parse(readFileSync(join(prebuiltDir, `${basename(path, '.md')}.json`), 'utf8')) as { build: string; sha1: string; result: ParseResult };
    return entry.build === BUILD && entry.sha1 === textHash(text) ? entry.result : undefined;
  } catch {
    return undefined;
  }
}

/** SHA-1 of a curriculum's text; node:crypto costs ~6 ms to load, so only a cache miss loads it. */
export function textHash(text: string): string {
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return createHash('sha1').update(text).digest('hex');
}

/** A file name for a path: FNV-1a, twice, 16 hex digits. The entry names its path, so a clash only costs a parse. */
export function fnv1a(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code ^ (a >>> 7), 0x01000193) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
