// Bench rows for the study log (src/log/, not yet what the commands read): what a read and a
// `done` cost at 1,000 and at 100,000 events, without and with the snapshot, each in a fresh
// process (a command runs once: its JIT is cold). Figures, not checks.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

// Bundled from the sources, as the CLI would bundle them; times from after its load.
const ENTRY = `
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { encodeEvent } from './src/log/codec.ts';
import { EventLog } from './src/log/event-log.ts';
import { stamped } from './src/log/events.ts';
import { tick } from './src/log/hlc.ts';
import { LogReader } from './src/log/reader.ts';
import { reconcile } from './src/schedule/progress.ts';
import { addDays } from './src/schedule/dates.ts';

const [mode, dir, snapshotFile, lockTarget, count] = process.argv.slice(2);

// A plan of 42 days, five tasks a day and a checklist: each day some done, one undone and done again.
function generate(n) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Fourteen events a day, the last day yesterday: whatever is written now sorts after them.
  const T0 = Date.now() - (Math.ceil(n / 14) + 1) * 86_400_000;
  const clocks = { laptop: { wall: 0, counter: 0, device: 'laptop' }, desktop: { wall: 0, counter: 0, device: 'desktop' } };
  const out = { laptop: [], desktop: [] };
  for (let i = 0; i < n; i++) {
    const day = Math.floor(i / 14);
    const device = day % 2 === 0 ? 'laptop' : 'desktop';
    const date = addDays('2010-01-01', day);
    const task = 'd' + ((day % 42) + 1) + '.task-' + ((i % 5) + 1);
    const k = i % 14;
    const payload = k === 13 && day % 9 === 0 ? { kind: 'rest', date, on: date }
      : k === 12 && day % 200 === 0 ? { kind: 'switch', date, plan: day % 400 === 0 ? '6-week' : '90-day' }
      : k === 11 ? { kind: 'check', date, plan: '6-week', task: 'c' + (day % 20), text: 'Checklist item' }
      : k === 10 ? { kind: 'undo', date, plan: '6-week', task, day: (day % 42) + 1, text: 'A task of the plan, in a few words' }
      : { kind: 'done', date, plan: '6-week', task, day: (day % 42) + 1, text: 'A task of the plan, in a few words' };
    clocks[device] = tick(clocks[device], T0 + day * 86_400_000 + k * 60_000);
    out[device].push(encodeEvent(stamped(payload, clocks[device], device + i)));
  }
  for (const device of Object.keys(out)) appendFileSync(join(dir, device + '.jsonl'), out[device].join(''));
}

async function main() {
  if (mode === 'generate') return generate(Number(count));
  const started = performance.now();
  let events = 0;
  if (mode === 'read') {
    const reader = new LogReader(dir, snapshotFile ? { snapshotFile } : {});
    events = reader.read().view.events;
    reader.save();
  } else if (mode === 'done') {
    const log = new EventLog({ dir, device: 'laptop', lockTarget, snapshotFile });
    const { read } = await log.update(() => [{ kind: 'done', date: '2026-03-02', plan: '6-week', task: 'd1.task-1' }], Date.now());
    events = read.view.events;
  } else if (mode === 'match') {
    const days = Array.from({ length: 3650 }, (_, d) => ({ day: d + 1, kind: 'day', title: '', from: d + 1, to: d + 1, notes: [], tasks: [0, 1, 2].map((k) => ({ id: 'd' + (d + 1) + '.read-chapter-' + k + '-of-book-' + d, text: 'Read chapter ' + k + ' of book ' + d + ', and take notes', details: [], links: [] })) }));
    const done = new Map();
    for (let n = 0; n < 4000; n++) {
      const d = (n * 7) % 3650;
      done.set('d' + (d + 1) + '.read-chaptr-' + (n % 3) + '-of-book-' + d, { date: '2026-03-02', text: 'Read chaptr ' + (n % 3) + ' of book ' + d + ', and take notes' });
    }
    events = reconcile(done, days, new Set()).size;
  }
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, events }));
}
main();
`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The rows: each case run `runs` times (fewer for a full fold of 100,000), interleaved. */
export async function benchLog({ root, runs, env }) {
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
  const run = (...args) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [script, ...args], { env, encoding: 'utf8' });
    const processMs = performance.now() - started;
    if (result.status !== 0) throw new Error(`log bench ${args[0]} failed: ${result.stderr}`);
    return result.stdout ? { ...JSON.parse(result.stdout), processMs } : undefined;
  };
  const bare = () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', ''], { env });
    return performance.now() - started;
  };
  const sizes = [1_000, 100_000];
  const homes = Object.fromEntries(
    sizes.map((n) => {
      const home = join(work, String(n));
      mkdirSync(join(home, 'cache'), { recursive: true, mode: 0o700 });
      run('generate', join(home, 'log'), '', '', String(n));
      return [n, home];
    }),
  );
  const paths = (n) => [join(homes[n], 'log'), join(homes[n], 'cache', 'log.json'), join(homes[n], 'state', 'log')];
  // Another device's line, synced in before a read.
  const synced = (n) => () => appendFileSync(join(homes[n], 'log', 'desktop.jsonl'), `${JSON.stringify({ id: `s${Math.random()}`, dev: 'desktop', hlc: [Date.now(), 0], date: '2026-03-02', kind: 'rest', on: '2026-03-02' })}\n`);
  const cases = sizes.flatMap((n) => {
    const [dir, snapshot, lock] = paths(n);
    return [
      { name: `read, no snapshot (every line parsed), ${n.toLocaleString('en')} events`, n, args: ['read', dir, ''], runs: n > 10_000 ? Math.min(runs, 5) : runs },
      { name: `read, warm snapshot, nothing new, ${n.toLocaleString('en')}`, n, args: ['read', dir, snapshot] },
      { name: `read, warm snapshot, 1 event synced in, ${n.toLocaleString('en')}`, n, args: ['read', dir, snapshot], before: synced(n) },
      { name: `done (lock, read, append, fsync), ${n.toLocaleString('en')}`, n, args: ['done', dir, snapshot, lock] },
    ];
  });
  for (const n of sizes) run('read', paths(n)[0], paths(n)[1]); // the snapshots, warm
  const times = cases.map(() => []);
  const processTimes = cases.map(() => []);
  const bareTimes = [];
  for (let i = 0; i < runs; i++) {
    bareTimes.push(bare());
    cases.forEach((c, index) => {
      if (i >= (c.runs ?? runs)) return;
      c.before?.();
      const result = run(...c.args);
      times[index].push(result.ms);
      processTimes[index].push(result.processMs);
    });
  }
  const match = [];
  for (let i = 0; i < Math.min(runs, 5); i++) match.push(run('match').ms);
  const bytes = Object.fromEntries(sizes.map((n) => [n, statSync(join(homes[n], 'log', 'laptop.jsonl')).size + statSync(join(homes[n], 'log', 'desktop.jsonl')).size]));
  rmSync(work, { recursive: true, force: true });
  const base = median(bareTimes);
  return { rows: cases.map((c, index) => ({ name: c.name, n: c.n, ms: median(times[index]), ratio: median(processTimes[index]) / base, runs: times[index].length })), match: median(match), bytes, base };
}

/** The rows as the bench prints them, with each warm path's cost at 100,000 events over its cost at 1,000. */
export function printLog({ rows, match, bytes, base }) {
  const ms = (value) => `${value.toFixed(2)} ms`;
  console.log(`\nthe study log (src/log/, not yet wired): in-process after load, and the whole process as a ratio to \`node -e ''\` (${ms(base)}); logs of ${(bytes[1000] / 1024).toFixed(0)} KB and ${(bytes[100000] / 1048576).toFixed(1)} MB`);
  for (const row of rows) console.log(`  ${row.name.padEnd(58)} ${ms(row.ms).padStart(11)}  ${row.ratio.toFixed(2)}×  (median of ${row.runs})`);
  const at = (prefix, n) => rows.find((row) => row.name.startsWith(prefix) && row.n === n).ms;
  for (const prefix of ['read, warm snapshot, nothing new', 'read, warm snapshot, 1 event', 'done']) console.log(`  ${`${prefix}: 100,000 events vs 1,000`.padEnd(58)} ${`${(at(prefix, 100000) - at(prefix, 1000)).toFixed(2)} ms`.padStart(11)}`);
  console.log(`  ${'matching 4,000 orphaned completions, a 3,650-day plan'.padEnd(58)} ${ms(match).padStart(11)}  (was 4.5 s)`);
}
