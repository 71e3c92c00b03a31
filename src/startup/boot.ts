// Where every run starts (bin/prep.cjs requires the bundle of this, dist/boot.cjs). The one look
// at argv (argv.ts) picks the entry: the prompt's own small bundle (dist/prompt.cjs, see
// src/shell-prompt/entry.ts), or the CLI (dist/main.cjs, src/main.ts), run from its V8 code cache,
// which is written after a run that had none (or a stale one), so it holds what that run compiled.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolvePaths } from '../state/paths.js';
import { routeOf } from './argv.js';
import { BUILD } from './build.js';
import { runWithCodeCache } from './code-cache.js';
import type { Startup } from './entry-types.js';

// This file is dist/boot.cjs: its bundles are beside it.
const dist = dirname(fileURLToPath(import.meta.url));
const route = routeOf(process.argv.slice(2));
if (route.entry === 'prompt') {
  // Required as it is: a V8 code cache buys this small bundle nothing measurable.
  (createRequire(import.meta.url)(join(dist, 'prompt.cjs')) as { startPrompt: (args: readonly string[]) => void }).startPrompt(route.args);
} else {
  // A cache per command: it holds what the run that wrote it compiled, so `prep today` from one
  // `prep plan switch` wrote would compile half of itself again.
  const command = route.entry === 'cli' && route.command !== undefined && /^[a-z][a-z-]{0,19}$/.test(route.command) ? route.command : 'other';
  let cacheFile: string | undefined;
  try {
    cacheFile = join(resolvePaths(process.env).cacheDir, 'code', `main-${BUILD}.${command}.v8`);
  } catch {
    // no place for a cache (no HOME): run without one
  }
  const cli = runWithCodeCache(join(dist, 'main.cjs'), cacheFile);
  process.once('exit', () => cli.saveCodeCache());
  const startup: Startup = {
    route,
    // Run from a code cache (vm.Script), the CLI cannot import() an ES module itself: it asks here.
    importVendor: (file) => import(pathToFileURL(join(dist, 'vendor', file)).href),
  };
  void (cli.exports.main as (startup: Startup) => Promise<void>)(startup);
}
