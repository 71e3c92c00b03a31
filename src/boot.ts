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
let cacheFile: string | undefined;
try {
  cacheFile = join(resolvePaths(process.env).cacheDir, 'code', `main-${PREP_BUILD}.v8`);
} catch {
  // no place for a cache (no HOME): run without one
}
const cli = runWithCodeCache(join(dist, 'main.cjs'), cacheFile);
process.once('exit', () => cli.saveCodeCache());
