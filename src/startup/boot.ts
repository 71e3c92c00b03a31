// Where every run starts (bin/prep.cjs requires the bundle of this, dist/boot.cjs). The one look at
// argv (argv.ts) picks the entry: the prompt's (src/shell-prompt/entry.ts, in this bundle), the
// daily commands' (dist/daily.cjs, src/startup/daily.ts) or the whole CLI's (dist/main.cjs,
// src/main.ts); the last two run from V8 code caches, each written after a run that had none (or a
// stale one), so it holds what that run compiled.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolvePaths } from '../state/paths.js';
import { DAILY_WORDS, routeOf } from './argv.js';
import { BUILD } from './build.js';
import { runWithCodeCache } from './code-cache.js';
import type { Startup } from './entry-types.js';

// This file is dist/boot.cjs: its bundles are beside it.
const dist = dirname(fileURLToPath(import.meta.url));
const route = routeOf(process.argv.slice(2));
if (route.entry === 'prompt') {
  // In this bundle, initialized only here: a second file to find and read cost the prompt more.
  void import('../shell-prompt/entry.js').then(({ startPrompt }) => startPrompt(route.args));
} else {
  const command = route.entry === 'cli' && route.command !== undefined && /^[a-z][a-z-]{0,19}$/.test(route.command) ? route.command : 'other';
  const startup: Startup = {
    route,
    // Run from a code cache (vm.Script), the CLI cannot import() an ES module itself: it asks here.
    importVendor: (file) => import(pathToFileURL(join(dist, 'vendor', file)).href),
  };
  const wholeCli = () => (runBundle('main', command).main as (startup: Startup) => Promise<void>)(startup);
  if (DAILY_WORDS.has(command)) void (runBundle('daily', command).runDaily as (startup: Startup & { wholeCli: typeof wholeCli }) => Promise<void>)({ ...startup, wholeCli });
  else void wholeCli();
}

/** dist/<bundle>.cjs run from its code cache for `command`, the cache written on exit when it was missing or stale. */
function runBundle(bundle: string, command: string): Record<string, unknown> {
  // A cache per command: it holds what the run that wrote it compiled, so `prep today` from one
  // `prep plan switch` wrote would compile half of itself again.
  let cacheFile: string | undefined;
  try {
    cacheFile = join(resolvePaths(process.env).cacheDir, 'code', `${bundle}-${BUILD}.${command}.v8`);
  } catch {
    // no place for a cache (no HOME): run without one
  }
  const cached = runWithCodeCache(join(dist, `${bundle}.cjs`), cacheFile);
  process.once('exit', () => cached.saveCodeCache());
  return cached.exports;
}
