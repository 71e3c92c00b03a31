// Bench rows for the study log: `prep today`, `prep prompt` and `prep done` over a log of 1,000 and
// of 100,000 events (two devices' files, years of study), each a whole process, interleaved with
// bare `node -e ''`; the same read with no snapshot (every line parsed and folded, as after an
// upgrade of prep or a device that synced weeks late); and the matching of 4,000 orphaned
// completions on a 3,650-day plan, in-process. Figures, not checks.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

// Bundled from the sources: the log's own encoder writes the events; the matching runs in-process.
const ENTRY = `
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCurriculum } from './src/curriculum/parse.ts';
import { planDays } from './src/schedule/plan-days.ts';
import { encodeEvent } from './src/log/codec.ts';
import { stamped } from './src/log/events.ts';
import { tick } from './src/log/hlc.ts';
import { reconcile } from './src/schedule/progress.ts';
import { addDays, localDate } from './src/schedule/dates.ts';

const [mode, home, count] = process.argv.slice(2);

// A user on the 6-week plan, over and over: each day five of the day's tasks done, one undone, a
// checklist tick, now and then a rest day or a switch to the other plan and back; two devices, a
// day each in turn. The last events, yesterday, start the plan again two days ago and make it the
// active one.
function generate(n) {
  const plan = planDays(parseCurriculum(readFileSync(join('curricula', '6-week.md'), 'utf8')).plan);
  const taskOf = (day, k) => {
    const tasks = plan[day % 42].tasks.length > 0 ? plan[day % 42].tasks : plan[0].tasks;
    return tasks[k % tasks.length];
  };
  const dir = join(home, 'log');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const days = Math.ceil(n / 14);
  const T0 = Date.now() - (days + 1) * 86_400_000;
  const clocks = { laptop: { wall: 0, counter: 0, device: 'laptop' }, desktop: { wall: 0, counter: 0, device: 'desktop' } };
  const out = { laptop: [], desktop: [] };
  const write = (device, payload, wall, id) => {
    clocks[device] = tick(clocks[device], wall);
    out[device].push(encodeEvent(stamped(payload, clocks[device], id)));
  };
  for (let i = 0; i < n - 2; i++) {
    const day = Math.floor(i / 14);
    const device = day % 2 === 0 ? 'laptop' : 'desktop';
    const date = localDate(new Date(T0 + day * 86_400_000));
    const k = i % 14;
    const task = taskOf(day, k % 5);
    const payload = k === 13 && day % 9 === 0 ? { kind: 'rest', date, on: date }
      : k === 12 && day % 200 === 0 ? { kind: 'switch', date, plan: day % 400 === 0 ? '6-week' : '90-day' }
      : k === 11 ? { kind: 'check', date, plan: '6-week', task: 'c' + (day % 20), text: 'Checklist item' }
      : k === 10 ? { kind: 'undo', date, plan: '6-week', task: task.id, day: (day % 42) + 1, text: task.text }
      : { kind: 'done', date, plan: '6-week', task: task.id, day: (day % 42) + 1, text: task.text };
    write(device, payload, T0 + day * 86_400_000 + k * 60_000, device + i);
  }
  const yesterday = localDate(new Date(Date.now() - 86_400_000));
  write('laptop', { kind: 'start', date: yesterday, plan: '6-week', start: addDays(yesterday, -1) }, Date.now() - 86_400_000, 'start');
  write('laptop', { kind: 'switch', date: yesterday, plan: '6-week' }, Date.now() - 86_400_000, 'switch');
  for (const device of Object.keys(out)) appendFileSync(join(dir, device + '.jsonl'), out[device].join(''));
  writeFileSync(join(home, 'config.json'), JSON.stringify({ version: 1, device: 'laptop' }), { mode: 0o600 });
}

function match() {
  const days = Array.from({ length: 3650 }, (_, d) => ({ day: d + 1, kind: 'day', title: '', from: d + 1, to: d + 1, notes: [], tasks: [0, 1, 2].map((k) => ({ id: 'd' + (d + 1) + '.read-chapter-' + k + '-of-book-' + d, text: 'Read chapter ' + k + ' of book ' + d + ', and take notes', details: [], links: [] })) }));
  const done = new Map();
  for (let n = 0; n < 4000; n++) {
    const d = (n * 7) % 3650;
    done.set('d' + (d + 1) + '.read-chaptr-' + (n % 3) + '-of-book-' + d, { date: '2026-03-02', text: 'Read chaptr ' + (n % 3) + ' of book ' + d + ', and take notes' });
  }
  const started = performance.now();
  const matched = reconcile(done, days, new Set()).size;
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, matched }));
}

if (mode === 'generate') generate(Number(count));
else match();
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The rows: each case run `runs` times (fewer for a fold of everything at 100,000), interleaved with `node -e ''`. */
export async function benchLog({ root, bin, runs, env }) {
  const work = mkdtempSync(join(tmpdir(), 'prep-bench-log-'));
  const script = join(work, 'log-bench.cjs');
  await build({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile: script,
    logLevel: 'warning',
    define: { PREP_BUILD: '"bench"', 'import.meta.url': '__prepModuleUrl' },
    banner: { js: "const __prepModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  const timed = (argv, runEnv) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, argv, { env: runEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { ms: performance.now() - started, stdout: result.stdout };
  };
  const sizes = [1_000, 100_000];
  // For each size a home that is only read (its caches stay warm) and a copy that is written to.
  const homes = Object.fromEntries(
    sizes.map((n) => {
      const home = join(work, String(n));
      mkdirSync(home, { recursive: true, mode: 0o700 });
      const generated = spawnSync(process.execPath, [script, 'generate', home, String(n)], { env, cwd: root, encoding: 'utf8' });
      if (generated.status !== 0) throw new Error(`generating ${n} events: ${generated.stderr}`);
      const written = `${home}-written`;
      cpSync(home, written, { recursive: true });
      return [n, { read: home, write: written }];
    }),
  );
  const envOf = (n, which) => ({ ...env, PREP_HOME: homes[n][which] });
  // Another device's line, synced in before a read.
  const synced = (n) => () => appendFileSync(join(homes[n].write, 'log', 'desktop.jsonl'), `${JSON.stringify({ id: `s${Math.random()}`, dev: 'desktop', hlc: [Date.now(), 0], date: '2026-03-02', kind: 'check', plan: '6-week', task: 'c-synced' })}\n`);
  const cases = sizes.flatMap((n) => [
    { name: 'prep today', n, home: 'read', argv: () => [bin, 'today'] },
    { name: 'prep prompt', n, home: 'read', argv: () => [bin, 'prompt'] },
    { name: 'prep done (done, undo)', n, home: 'write', argv: (i) => [bin, i % 2 === 0 ? 'done' : 'undo', '3'] },
    { name: 'prep today, 1 event synced in', n, home: 'write', argv: () => [bin, 'today'], before: synced(n) },
    { name: 'prep prompt, 1 event synced in (a new answer)', n, home: 'write', argv: () => [bin, 'prompt'], before: synced(n) },
    {
      name: 'prep today, no snapshot (every line folded)',
      n,
      home: 'write',
      argv: () => [bin, 'today'],
      before: () => rmSync(join(homes[n].write, 'cache', 'log-snapshot.json'), { force: true }),
      runs: n > 10_000 ? Math.min(runs, 5) : runs,
    },
  ]);
  // Every cache warm: the plan's, the code caches, the snapshot, the prompt's last answer.
  for (const n of sizes) for (const which of ['read', 'write']) for (const args of [['today'], ['prompt'], ['done', '3'], ['undo', '3']]) timed([bin, ...args], envOf(n, which));
  const times = cases.map(() => []);
  const bare = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timed(['-e', ''], env).ms);
    cases.forEach((c, index) => {
      if (i >= (c.runs ?? runs)) return;
      c.before?.();
      times[index].push(timed(c.argv(i), envOf(c.n, c.home)).ms);
    });
  }
  const match = [];
  for (let i = 0; i < Math.min(runs, 5); i++) match.push(JSON.parse(timed([script, 'match'], env).stdout).ms);
  const bytes = Object.fromEntries(sizes.map((n) => [n, statSync(join(homes[n].read, 'log', 'laptop.jsonl')).size + statSync(join(homes[n].read, 'log', 'desktop.jsonl')).size]));
  const snapshot = Object.fromEntries(sizes.map((n) => [n, statSync(join(homes[n].read, 'cache', 'log-snapshot.json')).size]));
  rmSync(work, { recursive: true, force: true });
  const base = median(bare);
  return { rows: cases.map((c, index) => ({ name: c.name, n: c.n, ms: median(times[index]), ratio: median(times[index]) / base, runs: times[index].length })), match: median(match), bytes, snapshot, base };
}

/** The rows as the bench prints them, and each command's time at 100,000 events over its time at 1,000. */
export function printLog({ rows, match, bytes, snapshot, base }) {
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`\nthe study log: whole commands over logs of ${(bytes[1000] / 1024).toFixed(0)} KB (1,000 events) and ${(bytes[100000] / 1048576).toFixed(1)} MB (100,000), ratios to \`node -e ''\` (${ms(base)}); snapshot heads of ${(snapshot[1000] / 1024).toFixed(0)} and ${(snapshot[100000] / 1024).toFixed(0)} KB`);
  for (const row of rows) console.log(`  ${`${row.name}, ${row.n.toLocaleString('en')} events`.padEnd(60)} ${ms(row.ms).padStart(10)}  ${row.ratio.toFixed(2)}×  (median of ${row.runs})`);
  const at = (name, n) => rows.find((row) => row.name === name && row.n === n).ms;
  for (const name of ['prep today', 'prep prompt', 'prep done (done, undo)', 'prep today, 1 event synced in', 'prep prompt, 1 event synced in (a new answer)']) {
    console.log(`  ${`${name}: 100,000 events over 1,000`.padEnd(60)} ${`${(at(name, 100000) / at(name, 1000)).toFixed(2)}×`.padStart(10)}  [≤ 1.2×]`);
  }
  console.log(`  ${'matching 4,000 orphaned completions, a 3,650-day plan'.padEnd(60)} ${ms(match).padStart(10)}  (was 4.5 s)`);
}
