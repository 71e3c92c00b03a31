#!/usr/bin/env node
// `npm run bench`: start-up of whole commands as ratios to bare `node -e ''`, timed interleaved in
// one run because these machines are shared and noisy; the shell snippet; curriculum parsing; a
// large plan import; today, prompt and done over a study log of 1,000 and of 100,000 events.
// A benchmark, not a test: it prints figures and checks nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLog, printLog } from './bench-log.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'prep.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 21);
const home = mkdtempSync(join(tmpdir(), 'prep-bench-'));
// Variables that change every Node start are left out unless BENCH_KEEP_ENV=1: this sandbox sets
// NODE_EXTRA_CA_CERTS, which makes `node -e ''` read a CA bundle (about +40 ms), and a slower
// baseline would flatter every ratio.
const STARTUP_VARS = ['NODE_EXTRA_CA_CERTS', 'NODE_OPTIONS', 'NODE_COMPILE_CACHE'];
const removed = process.env.BENCH_KEEP_ENV ? [] : STARTUP_VARS.filter((name) => process.env[name] !== undefined);
const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !removed.includes(name)));
// Colour is left to prep to decide, as for a user; output goes to a pipe, as in `$(prep prompt)`.
const env = { ...baseEnv, PREP_HOME: home };
delete env.NO_COLOR;
delete env.FORCE_COLOR;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;
const prep = (...args) => {
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`prep ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result;
};

// A user three days into the 6-week plan.
prep('plan', 'switch', '6-week', '--start', 'yesterday');
prep('done', '1', '2', '3');
prep('today');

// The same user on a machine where prep has just been installed: nothing cached yet.
const copyOf = (name) => {
  const copy = mkdtempSync(join(tmpdir(), `prep-bench-${name}-`));
  for (const file of ['log', 'config.json']) cpSync(join(home, file), join(copy, file), { recursive: true });
  return copy;
};
const firstHome = copyOf('first');
const firstEnv = { ...env, PREP_HOME: firstHome };
// And the same user marking a task, and taking it back, in turn: every run appends an event (a
// home of its own, so that the prompt's and today's caches in the first stay warm).
const doneHome = copyOf('done');
const doneEnv = { ...env, PREP_HOME: doneHome };

// A second user, on a plan of their own: the same 20 KB plan under another id, so that it is
// parsed as Markdown when its cache is cold (shipped plans come parsed at build time).
const ownHome = mkdtempSync(join(tmpdir(), 'prep-bench-own-'));
const ownPlan = join(ownHome, 'my-6-week.md');
writeFileSync(ownPlan, readFileSync(join(root, 'curricula', '6-week.md'), 'utf8').replace(/^id: 6-week$/m, 'id: my-6-week'));
const ownEnv = { ...env, PREP_HOME: ownHome };
// A third, whose plan has a block quote (as every plan imported from a quoted header has), and a
// fourth, whose plan has an HTML comment: the quick Markdown reader leaves that one to remark.
const variant = (name, edit) => {
  const dir = mkdtempSync(join(tmpdir(), `prep-bench-${name}-`));
  const plan = join(dir, `my-${name}.md`);
  writeFileSync(plan, edit(readFileSync(ownPlan, 'utf8').replace(/^id: my-6-week$/m, `id: my-${name}`)));
  return { home: dir, plan, id: `my-${name}`, env: { ...env, PREP_HOME: dir } };
};
const quoted = variant('quoted', (text) => text.replace(/^(Daily study plan)/m, '> $1'));
const remarked = variant('remarked', (text) => text.replace(/^(Daily study plan)/m, '<!-- read by remark -->\n\n$1'));
for (const [plan, id, planEnv] of [[ownPlan, 'my-6-week', ownEnv], ...[quoted, remarked].map((v) => [v.plan, v.id, v.env])]) {
  for (const args of [['plan', 'add', plan], ['plan', 'switch', id, '--start', 'yesterday'], ['done', '1', '2', '3']]) {
    const result = spawnSync(process.execPath, [bin, ...args], { env: planEnv, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`prep ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
}

// 1. Whole processes, interleaved so that load on the machine hits every command alike.
const cases = [
  { name: "node -e ''", argv: ['-e', ''] },
  { name: 'prep prompt', argv: [bin, 'prompt'] },
  { name: 'prep today (warm cache)', argv: [bin, 'today'] },
  { name: 'prep done (a write: done, undo)', argv: (i) => [bin, i % 2 === 0 ? 'done' : 'undo', '4'], env: doneEnv },
  // The first run after installing: nothing cached, the shipped plan read as parsed at build time.
  // (A home of its own, so that the other runs keep their caches.)
  { name: 'prep today (first run)', argv: [bin, 'today'], env: firstEnv, before: () => rmSync(join(firstHome, 'cache'), { recursive: true, force: true }) },
  // Cold: the plan's parse is not cached (its file changed), so the parser loads and parses it, with
  // the V8 code cache of prep's own parser bundle (kept like Node 22's compile cache).
  { name: 'prep today (cold cache)', argv: [bin, 'today'], env: ownEnv, before: () => rmSync(join(ownHome, 'cache', 'plans'), { recursive: true, force: true }) },
  // The same for a plan with a block quote, and for one the quick Markdown reader leaves to remark.
  { name: 'prep today (cold, a block quote)', argv: [bin, 'today'], env: quoted.env, before: () => rmSync(join(quoted.home, 'cache', 'plans'), { recursive: true, force: true }) },
  { name: 'prep today (cold, read by remark)', argv: [bin, 'today'], env: remarked.env, before: () => rmSync(join(remarked.home, 'cache', 'plans'), { recursive: true, force: true }) },
  // The same without the code cache either.
  { name: 'prep today (cold, no code cache)', argv: [bin, 'today'], env: ownEnv, before: () => rmSync(join(ownHome, 'cache'), { recursive: true, force: true }) },
];
prep('plan', 'list'); // every plan cached once, for the warm runs
const times = cases.map(() => []);
for (let i = 0; i < runs; i++) {
  cases.forEach((c, index) => {
    c.before?.();
    const t0 = performance.now();
    const result = spawnSync(process.execPath, typeof c.argv === 'function' ? c.argv(i) : c.argv, { env: c.env ?? env, stdio: ['ignore', 'pipe', 'pipe'] });
    times[index].push(performance.now() - t0);
    if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}`);
  });
}

// 2. The bash snippet: 300 prompts, timed inside bash so that bash's own start-up is not counted.
const snippet = prep('prompt', 'init', 'bash').stdout;
const loops = [];
for (let i = 0; i < 5; i++) {
  const out = spawnSync('bash', ['-c', `${snippet}\nstart=$EPOCHREALTIME; for i in {1..300}; do __prep_prompt; done; end=$EPOCHREALTIME; echo "$start $end [$PREP_PROMPT]"`], { env, encoding: 'utf8' }).stdout;
  const [start, end] = out.split(' ').map(Number);
  loops.push((end - start) * 1000);
}
const segment = /\[(.*)\]/.exec(spawnSync('bash', ['-c', `${snippet}\n__prep_prompt; echo "[$PREP_PROMPT]"`], { env, encoding: 'utf8' }).stdout)?.[1];

// 3. Parsing the shipped curricula in-process (what a cold cache pays for).
const curricula = readdirSync(join(root, 'curricula')).filter((f) => f.endsWith('.md'));
const texts = curricula.map((f) => readFileSync(join(root, 'curricula', f), 'utf8'));

let started = performance.now();
const { parseCurriculum } = createRequire(import.meta.url)(join(root, 'dist', 'parser.cjs'));
const importMs = performance.now() - started;
started = performance.now();
for (const text of texts) parseCurriculum(text);
const coldMs = performance.now() - started;
const warm = [];
for (let i = 0; i < 30; i++) {
  started = performance.now();
  for (const text of texts) parseCurriculum(text);
  warm.push(performance.now() - started);
}
// 4. Pathological files: all duplicates, each parsed in a fresh process so that its peak memory is
// its own. Filled to the 2 MB limit they are refused by the count of list items or headings; at
// those counts (20 000 items, 10 000 headings) they are the largest that parse.
const LIMIT = 2 * 1024 * 1024;
const fill = (head, unit, count = Math.floor((LIMIT - head.length - 1) / unit.length)) => head + unit.repeat(count);
const front = '---\nid: big\ntitle: Big\ndays: 1\n---\n';
const pathological = [
  ['identical tasks, 2 MB', fill(`${front}### Day 1\n`, '- a\n')],
  ['identical checklist items, 2 MB', fill(`${front}### Day 1\n- t\n## Final Checklist\n`, '- [ ] a\n')],
  ['repeated `### Day 1`, 2 MB', fill(front, '### Day 1\n- a\n')],
  ['identical tasks, 20 000', fill(`${front}### Day 1\n`, '- a read of the chapter\n', 20_000)],
  ['checklist items, 19 999', fill(`${front}### Day 1\n- t\n## Final Checklist\n`, '- [ ] ready for the interview\n', 19_999)],
  ['repeated `### Day 1`, 10 000', fill(front, '### Day 1\n- a read of the chapter\n', 10_000)],
];
const worst = pathological.map(([name, text]) => {
  const file = join(home, 'pathological.md');
  writeFileSync(file, text);
  const script = `const t=require('node:fs').readFileSync(${JSON.stringify(file)},'utf8');const {parseCurriculum}=require(${JSON.stringify(join(root, 'dist', 'parser.cjs'))});const s=performance.now();const r=parseCurriculum(t);const ms=performance.now()-s;console.log(JSON.stringify({ms,refused:!r.plan,problems:r.problems.length,peak:process.resourceUsage().maxRSS}))`;
  const out = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: baseEnv });
  if (out.status !== 0) throw new Error(`parsing ${name} failed: ${out.stderr}`);
  return { name, bytes: text.length, units: text.split('\n').length, ...JSON.parse(out.stdout) };
});
// 5. `prep plan import` of a 1.8 MB plan (2 500 days of 6 tasks), with and without the quoted header
// it keeps from its source: the import parses what it wrote, and remark's parse of a quote is quadratic.
const header = '# Plan\n\n> **Target**: Staff engineer  \n> **Duration**: 2 500 days\n\n';
const bigDays = Array.from({ length: 2500 }, (_, d) => `### Day ${d + 1}: Topic ${d + 1}\n\n${Array.from({ length: 6 }, (_, t) => `- Read section ${t + 1} of chapter ${d + 1} and write a short summary of it (${'notes '.repeat(8)})\n`).join('')}`).join('\n');
const imports = [
  ['with a quoted header', header + bigDays],
  ['without it', header.replace(/^> /gm, '') + bigDays],
].map(([name, text]) => {
  const file = join(home, 'big-import.md');
  writeFileSync(file, text);
  const t0 = performance.now();
  const result = spawnSync(process.execPath, [bin, 'plan', 'import', file, '-o', join(home, 'big-imported.md'), '--force'], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`plan import ${name} exited ${result.status}: ${result.stderr}`);
  return { name, bytes: text.length, ms: performance.now() - t0 };
});
// 6. today, prompt and done over a log of 1,000 and of 100,000 events (BENCH_LOG=0 leaves them out: a minute or two).
const log = process.env.BENCH_LOG === '0' ? undefined : await benchLog({ root, bin, runs: Math.min(runs, 11), env: baseEnv });
rmSync(home, { recursive: true, force: true });
rmSync(ownHome, { recursive: true, force: true });
rmSync(quoted.home, { recursive: true, force: true });
rmSync(remarked.home, { recursive: true, force: true });
rmSync(firstHome, { recursive: true, force: true });
rmSync(doneHome, { recursive: true, force: true });

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
console.log(removed.length ? `environment: without ${removed.join(', ')} (BENCH_KEEP_ENV=1 keeps them)` : 'environment: as called');
console.log('output: to a pipe, colour left for prep to decide (in a terminal, Node\'s tty module adds ~3 ms)');
console.log(`\nwhole commands, median of ${runs} interleaved runs (target ratio in brackets)`);
const base = median(times[0]);
const targets = { 'prep prompt': 1.1, 'prep today (warm cache)': 1.35, 'prep done (a write: done, undo)': 1.5, 'prep today (cold cache)': 3.5 };
cases.forEach((c, index) => {
  const value = median(times[index]);
  const target = targets[c.name] ? `  [≤ ${targets[c.name]}×]` : '';
  console.log(`  ${c.name.padEnd(34)} ${ms(value).padStart(9)}  ${(value / base).toFixed(2)}×${target}`);
});
console.log(`\nbash snippet: 300 prompts in ${ms(median(loops))} (median of ${loops.length}; target < 300 ms), segment "${segment}"`);
console.log(`\nparsing the ${texts.length} shipped curricula (${(texts.reduce((n, t) => n + t.length, 0) / 1024).toFixed(0)} KiB) in-process`);
console.log(`  load of the parser bundle       ${ms(importMs)}  (no code cache)`);
console.log(`  first parse of all five         ${ms(coldMs)}`);
console.log(`  warm parse of all five          ${ms(median(warm))}  (median of ${warm.length})`);
console.log(`\npathological curricula (all duplicates), each in a fresh process: refused at the 2 MB limit, parsed at the largest counts allowed`);
for (const w of worst) console.log(`  ${w.name.padEnd(32)} ${(w.bytes / 1048576).toFixed(2)} MB, ${String(w.units).padStart(6)} lines: ${ms(w.ms).padStart(10)}, peak RSS ${(w.peak / 1024).toFixed(0)} MB, ${w.refused ? 'refused' : 'parsed'}`);
console.log(`\nprep plan import of a ${(imports[0].bytes / 1e6).toFixed(1)} MB plan, once each`);
for (const i of imports) console.log(`  ${i.name.padEnd(32)} ${ms(i.ms).padStart(10)}`);
if (log) printLog(log);
