#!/usr/bin/env node
// Bundles src/ into dist/ with esbuild: one entry, a chunk per lazily imported command, so every
// run loads only what it uses. Each build is stamped, so cached curricula from an older parser are
// never reused.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : [path];
  });
}

const stamp = createHash('sha1');
for (const file of sources(join(root, 'src')).sort()) stamp.update(file).update(readFileSync(file));
stamp.update(readFileSync(join(root, 'package-lock.json')));

rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'src', 'main.ts')],
  outdir: join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  define: { PREP_BUILD: JSON.stringify(stamp.digest('hex').slice(0, 12)) },
  // Bundled CommonJS dependencies (gray-matter, cli-table3) call require() for Node built-ins.
  banner: { js: "import { createRequire as __prepCreateRequire } from 'node:module'; const require = __prepCreateRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
});
