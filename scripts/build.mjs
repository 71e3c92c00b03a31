#!/usr/bin/env node
// Bundles src/ into dist/ with esbuild: the start (with the prompt), the daily commands, the whole
// CLI, the curriculum parser and remark each in a file of its own, so every run loads only what it
// uses. Each build is stamped, so cached curricula from an older parser are never reused.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
const BUILD = stamp.digest('hex').slice(0, 12);

rmSync(join(root, 'dist'), { recursive: true, force: true });
const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  define: { PREP_BUILD: JSON.stringify(BUILD), PREP_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  legalComments: 'none',
  // Minified, a bundle is a third the size: less to read, decode and deserialize from its code cache
  // at every start (warm `prep today` about 9% less CPU). Readable traces: DEBUG=1 npm run dev -- ARGS.
  minify: true,
  logLevel: 'warning',
};

// The CLI: one CommonJS file, which starts faster than ES modules (no module loader to set up) and
// can run from a V8 code cache (src/boot.ts). The heavy packages stay out of it, each an ES module
// bundle of its own under dist/vendor/, imported only by the code that needs it (src/vendor.ts).
const VENDOR = { '@inquirer/prompts': 'inquirer' };
// A module required on first use instead of on load: `from` (a path fragment) names the importers,
// `target` what the stand-in requires. An ES module importer copies the stand-in's properties when
// it loads, so its `functions` are named; a CommonJS importer reads them later, through a Proxy.
const lazyModule = (name, filter, from, target, functions = []) => ({
  name,
  setup(build) {
    build.onResolve({ filter }, (args) => (args.importer.includes(from) ? { path: target, namespace: name } : undefined));
    build.onResolve({ filter: /.*/, namespace: name }, (args) => ({ path: args.path, external: true }));
    const load = `let m; const load = () => (m ??= require(${JSON.stringify(target)}));`;
    const contents = functions.length
      ? `${load}\n${functions.map((f) => `exports.${f} = (...args) => load().${f}(...args);`).join('\n')}`
      : `${load}\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`;
    build.onLoad({ filter: /.*/, namespace: name }, () => ({ contents, loader: 'js' }));
  },
});
// Commander requires node:child_process (and with it node:net and node:stream, ~3 ms) on load, for
// executable subcommands prep does not have.
const lazyChildProcess = lazyModule('lazy-child-process', /^(node:)?child_process$/, join('node_modules', 'commander'), 'node:child_process');
// remark, for the text the quick Markdown reader leaves to it: dist/remark.cjs, loaded only then.
const lazyRemark = lazyModule('lazy-remark', /^\.\/remark\.js$/, join('src', 'curriculum'), './remark.cjs', ['remarkTree']);
// string-width, for text the layout cannot measure by its length: dist/measure.cjs, loaded only
// then (a pipe, which wraps nothing, and plain text never load it).
const lazyMeasure = lazyModule('lazy-measure', /^\.\/measure\.js$/, join('src', 'render'), './measure.cjs', ['stringWidth']);
// chalk detects colour support on load, through node:tty (and node:net); prep decides colour itself
// (src/context.ts wantsColor) and gives every Chalk its level, so the detection is left out.
const noColorDetection = {
  name: 'no-color-detection',
  setup(build) {
    build.onResolve({ filter: /^#supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-color-detection' }));
    build.onLoad({ filter: /.*/, namespace: 'no-color-detection' }, () => ({ contents: 'export default { stdout: false, stderr: false };', loader: 'js' }));
  },
};
const lazyCompute = lazyModule('lazy-compute', /^\.\/compute\.js$/, join('src', 'shell-prompt'), './prompt-compute.cjs', ['computePrompt']);
const CJS_URL = { define: { ...shared.define, 'import.meta.url': '__prepModuleUrl' }, banner: { js: "const __prepModuleUrl = require('node:url').pathToFileURL(__filename).href;" } };
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'main.ts')], outfile: join(root, 'dist', 'main.cjs'), format: 'cjs', plugins: [lazyChildProcess, lazyMeasure, noColorDetection] });
// The daily commands (src/daily.ts) on their own: what `prep today` and `prep done` load.
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'startup', 'daily.ts')], outfile: join(root, 'dist', 'daily.cjs'), format: 'cjs', plugins: [lazyMeasure, noColorDetection] });
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'render', 'measure.ts')], outfile: join(root, 'dist', 'measure.cjs'), format: 'cjs' });
// What bin/prep.cjs requires: the prompt's entry, and for the CLI runs daily.cjs or main.cjs from a V8
// code cache and imports the vendor bundles for them.
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'startup', 'boot.ts')], outfile: join(root, 'dist', 'boot.cjs'), format: 'cjs', plugins: [lazyCompute] });
for (const [name, file] of Object.entries(VENDOR)) {
  await build({
    ...shared,
    stdin: { contents: `export * from '${name}'; export { default } from '${name}';`.replace(name === '@inquirer/prompts' ? /export \{ default \}.*$/ : /^$/, ''), resolveDir: root, loader: 'js' },
    outfile: join(root, 'dist', 'vendor', `${file}.mjs`),
    format: 'esm',
    // Bundled CommonJS dependencies call require() for Node built-ins.
    banner: { js: "import { createRequire as __prepCreateRequire } from 'node:module'; const require = __prepCreateRequire(import.meta.url);" },
  });
}

// The prompt's entry is in boot.cjs (it answers from its last answer while that holds); what reads
// the study log to work a new one out is dist/prompt-compute.cjs, required only then.
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'shell-prompt', 'compute.ts')], outfile: join(root, 'dist', 'prompt-compute.cjs'), format: 'cjs' });

// The curriculum parser: one CommonJS file that src/curriculum/parser.ts runs with a V8 code cache.
await build({
  ...shared,
  ...CJS_URL,
  entryPoints: [join(root, 'src', 'curriculum', 'parse.ts')],
  outfile: join(root, 'dist', 'parser.cjs'),
  format: 'cjs',
  plugins: [lazyRemark],
});
await build({ ...shared, ...CJS_URL, entryPoints: [join(root, 'src', 'curriculum', 'remark.ts')], outfile: join(root, 'dist', 'remark.cjs'), format: 'cjs' });

// Bundles are read as latin1 (src/startup/code-cache.ts), which only ASCII reads as written: esbuild
// escapes strings, but not a regular expression's characters (write \u2013 there, not the dash).
for (const name of readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.cjs'))) {
  const text = readFileSync(join(root, 'dist', name), 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    console.error(`build: dist/${name} is not ASCII at ${JSON.stringify(text.slice(Math.max(0, at - 30), at + 10))}: escape the character in the source (\\uXXXX)`);
    process.exit(1);
  }
}

// The shipped curricula, parsed now so that a first run parses nothing; read.ts uses one only while
// the file's text still hashes the same.
const { parseCurriculum } = createRequire(import.meta.url)(join(root, 'dist', 'parser.cjs'));
mkdirSync(join(root, 'dist', 'plans'));
for (const name of readdirSync(join(root, 'curricula')).filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(join(root, 'curricula', name), 'utf8');
  const entry = { build: BUILD, sha1: createHash('sha1').update(text).digest('hex'), result: parseCurriculum(text) };
  writeFileSync(join(root, 'dist', 'plans', name.replace(/\.md$/, '.json')), JSON.stringify(entry));
}
