// What bin/prep.cjs runs for every command but the prompt: the CLI bundle from its V8 code cache,
// which is written after a run that had none (or a stale one), so it holds what that run compiled.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runWithCodeCache } from './code-cache.js';
import { packageRoot } from './package-root.js';
import { resolvePaths } from './state/paths.js';

declare const PREP_BUILD: string;

const dist = join(packageRoot(), 'dist');
(globalThis as { __prepVendorImport?: (file: string) => Promise<unknown> }).__prepVendorImport = (file) => import(pathToFileURL(join(dist, 'vendor', file)).href);
/**
 * The command a run is (`prep` alone is `today`), as a name for its code cache: a cache holds the
 * functions the run that wrote it compiled, so each command's own makes its every later run start
 * with its code compiled (`prep today` from a cache `prep plan switch` wrote compiles half of it).
 */
function commandOf(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--date') i++;
    else if (!arg.startsWith('-')) return /^[a-z][a-z-]{0,19}$/.test(arg) ? arg : 'other';
  }
  return 'today';
}

let cacheFile: string | undefined;
try {
  cacheFile = join(resolvePaths(process.env).cacheDir, 'code', `main-${PREP_BUILD}.${commandOf(process.argv.slice(2))}.v8`);
} catch {
  // no place for a cache (no HOME): run without one
}
const cli = runWithCodeCache(join(dist, 'main.cjs'), cacheFile);
process.once('exit', () => cli.saveCodeCache());
