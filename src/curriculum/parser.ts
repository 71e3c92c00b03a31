// Loads the Markdown parser on a cache miss. Built, it runs dist/parser.cjs through a V8 code cache
// kept in the cache directory: Node 20 has no module.enableCompileCache, and compiling remark's
// tokenizer afresh on every cold start costs about a third of the first parse.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { packageRoot } from '../package-root.js';
import type { ParseResult } from './parse.js';

declare const PREP_BUILD: string | undefined;

type ParseCurriculum = (text: string) => ParseResult;

let loaded: { parse: ParseCurriculum; saveCodeCache: () => void } | undefined;

/** Parses curriculum text with the parser loaded once per process. */
export async function parseWithCache(text: string, cacheDir: string | undefined): Promise<ParseResult> {
  // Unbundled (tests, tsc) there is no dist/: import the source. The bundler folds this branch away.
  if (typeof PREP_BUILD !== 'string') return (await import('./parse.js')).parseCurriculum(text);
  loaded ??= loadBuiltParser(PREP_BUILD, cacheDir);
  const result = loaded.parse(text);
  loaded.saveCodeCache(); // after a parse, so the functions it compiled are in the cache too
  return result;
}

function loadBuiltParser(build: string, cacheDir: string | undefined): NonNullable<typeof loaded> {
  const file = join(packageRoot(), 'dist', 'parser.cjs');
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, 'code', `parser-${build}.v8`);
  let cachedData: Buffer | undefined;
  try {
    if (cacheFile !== undefined) cachedData = readFileSync(cacheFile);
  } catch {
    // no code cache yet: compile from source
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const baseRequire = createRequire(file);
  // js-yaml offers JavaScript functions in YAML when esprima loads; front matter is never code here.
  const require = Object.assign((id: string): unknown => {
    if (id === 'esprima') throw new Error('esprima is not loaded');
    return baseRequire(id);
  }, baseRequire);
  const module = { exports: {} as { parseCurriculum?: ParseCurriculum } };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dirname(file));
  const parse = module.exports.parseCurriculum;
  if (typeof parse !== 'function') throw new Error(`${file} does not export parseCurriculum; reinstall prep`);
  let needsSaving = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    parse,
    saveCodeCache() {
      if (!needsSaving || cacheFile === undefined) return;
      needsSaving = false;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
        const temp = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, cacheFile);
      } catch {
        // best effort: without it the next cold start compiles again
      }
    },
  };
}
