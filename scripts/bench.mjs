#!/usr/bin/env node
// `npm run bench`: curriculum parsing in-process, and whole commands as ratios to bare `node -e ''`
// timed interleaved in the same run, because shared machines are noisy. A benchmark, not a test.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

// 1. Parsing: the import of the parser (remark, gray-matter, yaml), a cold parse, then warm parses.
const curricula = readdirSync(join(root, 'curricula')).filter((f) => f.endsWith('.md'));
const texts = curricula.map((f) => readFileSync(join(root, 'curricula', f), 'utf8'));
let started = performance.now();
const { parseCurriculum } = await import(join(root, 'dist', 'curriculum', 'parse.js'));
const importMs = performance.now() - started;
started = performance.now();
for (const text of texts) parseCurriculum(text);
const coldMs = performance.now() - started;
const warm = [];
for (let i = 0; i < 50; i++) {
  started = performance.now();
  for (const text of texts) parseCurriculum(text);
  warm.push(performance.now() - started);
}
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// 2. Whole processes, interleaved so that load on the machine hits every command alike.
const commands = [
  ["node -e ''", [process.execPath, '-e', '']],
  ['prep plan list', [process.execPath, join(root, 'bin', 'prep.js'), 'plan', 'list']],
  ['prep plan show 90-day', [process.execPath, join(root, 'bin', 'prep.js'), 'plan', 'show', '90-day']],
  ['prep plan validate curricula/*.md', [process.execPath, join(root, 'bin', 'prep.js'), 'plan', 'validate', ...curricula.map((f) => join(root, 'curricula', f))]],
];
const times = commands.map(() => []);
for (let i = 0; i < runs; i++) {
  commands.forEach(([, argv], index) => {
    const t0 = performance.now();
    const result = spawnSync(argv[0], argv.slice(1), { env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' });
    times[index].push(performance.now() - t0);
    if (result.status !== 0 && index > 0) throw new Error(`${commands[index][0]} exited ${result.status}`);
  });
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}`);
console.log(`\nparsing the ${texts.length} shipped curricula (${(bytes / 1024).toFixed(0)} KiB) in-process`);
console.log(`  import of the parser          ${ms(importMs)}`);
console.log(`  first parse of all five       ${ms(coldMs)}`);
console.log(`  warm parse of all five        ${ms(median(warm))}  (median of ${warm.length})`);
console.log(`\nwhole commands, median of ${runs} interleaved runs`);
const base = median(times[0]);
commands.forEach(([name], index) => {
  const value = median(times[index]);
  console.log(`  ${name.padEnd(36)} ${ms(value).padStart(9)}  ${(value / base).toFixed(2)}×`);
});
