// Runs a built CommonJS bundle through a V8 code cache kept in the cache directory: Node 20 has no
// module.enableCompileCache, and compiling a bundle afresh costs every run (7-10 ms for the CLI,
// a third of a cold parse for the Markdown parser).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { readCacheFile, writeCacheFile } from '../io/cache-file.js';

export interface CachedModule {
  exports: Record<string, unknown>;
  /** Writes the cache when it was missing or stale; call it after the bundle has done its work, so the functions it compiled are in it. */
  saveCodeCache(): void;
}

export function runWithCodeCache(file: string, cacheFile: string | undefined, requireFor: (file: string) => NodeJS.Require = createRequire): CachedModule {
  // None yet, or in a directory that is not the user's alone: compile from source.
  const cachedData = cacheFile === undefined ? undefined : readCacheFile(cacheFile);
  // The build makes every bundle ASCII: read as latin1, the text is a copy of the bytes, where
  // UTF-8 would be decoded (into a string of twice the size, had it one character past latin1).
  // Required here: the prompt, whose entry shares this bundle, runs without node:vm.
  const { Script } = createRequire(import.meta.url)('node:vm') as typeof import('node:vm');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'latin1')}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, requireFor(file), module, file, dirname(file));
  let needsSaving = cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: module.exports,
    saveCodeCache() {
      if (!needsSaving || cacheFile === undefined) return;
      needsSaving = false;
      // Best effort: without it the next start compiles again.
      if (!writeCacheFile(cacheFile, script.createCachedData())) return;
      try {
        // Caches are named `<bundle>-<build>.v8` (the CLI's `<bundle>-<build>.<command>.v8`): those
        // of earlier builds are never read again.
        const name = basename(cacheFile);
        const prefix = name.slice(0, name.indexOf('-') + 1);
        const buildOf = (file: string) => file.slice(prefix.length).split('.')[0];
        for (const other of readdirSync(dirname(cacheFile))) if (other.startsWith(prefix) && other.endsWith('.v8') && buildOf(other) !== buildOf(name)) rmSync(join(dirname(cacheFile), other), { force: true });
      } catch {
        // left for the next new build to remove
      }
    },
  };
}
