// Loads the Markdown parser on a cache miss. Built, it runs dist/parser.cjs through a V8 code cache.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache.js';
import { packageRoot } from './package-root.js';
import type { ParseResult } from '../curriculum/parse.js';

declare const PREP_BUILD: string | undefined;

type ParseCurriculum = (text: string) => ParseResult;

let loaded: { parse: ParseCurriculum; saveCodeCache: () => void } | undefined;

/** Parses curriculum text with the parser loaded once per process. */
export async function parseWithCache(text: string, cacheDir: string | undefined): Promise<ParseResult> {
  // Unbundled (tests, tsc) there is no dist/: import the source. The bundler folds this branch away.
  if (typeof PREP_BUILD !== 'string') return (await import('../curriculum/parse.js')).parseCurriculum(text);
  loaded ??= loadBuiltParser(PREP_BUILD, cacheDir);
  const result = loaded.parse(text);
  loaded.saveCodeCache(); // after a parse, so the functions it compiled are in the cache too
  return result;
}

function loadBuiltParser(build: string, cacheDir: string | undefined): NonNullable<typeof loaded> {
  const file = join(packageRoot(), 'dist', 'parser.cjs');
  // js-yaml offers JavaScript functions in YAML when esprima loads; front matter is never code here.
  const requireFor = (from: string) => {
    const base = createRequire(from);
    return Object.assign((id: string): unknown => {
      if (id === 'esprima') throw new Error('esprima is not loaded');
      return base(id);
    }, base);
  };
  const bundle = runWithCodeCache(file, cacheDir === undefined ? undefined : join(cacheDir, 'code', `parser-${build}.v8`), requireFor);
  const parse = bundle.exports.parseCurriculum;
  if (typeof parse !== 'function') throw new Error(`${file} does not export parseCurriculum; reinstall prep`);
  return { parse: parse as ParseCurriculum, saveCodeCache: bundle.saveCodeCache };
}
