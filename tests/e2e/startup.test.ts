// What a run loads, as start-up time depends on it (src/startup/README.md): the files of prep's own
// it reads, the packages it requires and the Node modules it starts, watched from inside the process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prep, ROOT } from '../helpers.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'prep-startup-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const bin = join(ROOT, 'bin', 'prep.cjs');

interface Loaded {
  stdout: string;
  /** What prep wrote on stderr. */
  stderr: string;
  /** prep's own files read (relative to the package: dist/main.cjs, dist/plans/6-week.json), in order, once each. */
  files: string[];
  /** Packages required from node_modules, by name. */
  packages: string[];
  /** Node's built-in modules started. */
  builtins: string[];
}

/** Runs prep with its output piped, recording what it reads and loads. */
function loads(args: string[], env: Record<string, string> = {}): Loaded {
  const probe = `const fs = require('fs'); const before = new Set(process.moduleLoadList); const read = [];
for (const name of ['readFileSync', 'openSync']) { const original = fs[name]; fs[name] = function (path, ...rest) { if (typeof path === 'string') read.push(path); return original.call(this, path, ...rest); }; }
process.argv = [process.argv[0], ${JSON.stringify(bin)}, ...${JSON.stringify(args)}];
process.on('exit', () => fs.writeSync(2, JSON.stringify({ read, required: Object.keys(require.cache), builtins: process.moduleLoadList.filter((m) => !before.has(m)) })));
require(${JSON.stringify(bin)});`;
  const result = spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: 'UTC', ...env } });
  const seen = JSON.parse(result.stderr.slice(result.stderr.lastIndexOf('{"read"'))) as { read: string[]; required: string[]; builtins: string[] };
  const own = (path: string) => !relative(ROOT, path).startsWith('..') && !relative(ROOT, path).startsWith('node_modules');
  return {
    stdout: result.stdout,
    stderr: result.stderr.slice(0, result.stderr.lastIndexOf('{"read"')),
    files: [...new Set(seen.read.filter(own).map((path) => relative(ROOT, path)))],
    packages: [...new Set(seen.required.map((path) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1]).filter((name): name is string => name !== undefined))],
    builtins: seen.builtins.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice('NativeModule '.length)),
  };
}

describe('prep today, piped, on a shipped plan', () => {
  beforeEach(() => {
    expect(prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home }).status).toBe(0);
  });

  it('reads the launcher, the CLI bundle and the plan (opened, to see it is unchanged) once its caches are warm', () => {
    loads(['today', '--date', '2026-03-03']); // warms the plan cache and the code cache
    const warm = loads(['today', '--date', '2026-03-03']);
    expect(warm.stdout).toContain('Day 2/42');
    expect(warm.files).toEqual(['bin/prep.cjs', 'dist/boot.cjs', 'dist/daily.cjs', 'curricula/6-week.md']);
    expect(warm.packages).toEqual([]); // every package it needs is in the bundle
  });

  it('leaves to the whole CLI a command line the daily bundle does not read plainly, and every other command', () => {
    const help = loads(['today', '--help']);
    expect(help.stdout).toContain('Usage: prep today');
    expect(help.files).toEqual(['bin/prep.cjs', 'dist/boot.cjs', 'dist/daily.cjs', 'dist/main.cjs']);
    const typo = loads(['done', '--al']);
    expect(typo.stderr).toContain("unknown option '--al'");
    expect(typo.files).toContain('dist/main.cjs');
    const week = loads(['week', '--date', '2026-03-03']);
    expect(week.stdout).toContain('Week 1');
    expect(week.files.slice(0, 3)).toEqual(['bin/prep.cjs', 'dist/boot.cjs', 'dist/main.cjs']);
    expect(week.files).not.toContain('dist/daily.cjs');
  });

  it('starts no stream, terminal, network or child-process module', () => {
    const run = loads(['today', '--date', '2026-03-03']);
    expect(run.stdout).toContain('Day 2/42');
    expect(run.builtins.filter((m) => /^(net|tty|stream|child_process|crypto)$/.test(m))).toEqual([]);
  });

  it('on a first run reads the plan parsed at build time, and loads no Markdown parser', () => {
    rmSync(join(home, 'cache'), { recursive: true, force: true });
    const first = loads(['today', '--date', '2026-03-03']);
    expect(first.stdout).toContain('Day 2/42');
    expect(first.files).toContain('dist/plans/6-week.json');
    expect(first.files.filter((file) => /parser|remark|measure|vendor/.test(file))).toEqual([]);
  });
});

describe('a plan of the user\'s own, edited (a cold plan cache)', () => {
  const add = (edit: (text: string) => string) => {
    const plan = join(home, 'mine.md');
    writeFileSync(plan, edit(readFileSync(join(ROOT, 'curricula', '6-week.md'), 'utf8').replace(/^id: 6-week$/m, 'id: mine')));
    for (const args of [['plan', 'add', plan], ['plan', 'switch', 'mine', '--date', '2026-03-02']]) expect(prep([...args], { home }).status).toBe(0);
    rmSync(join(home, 'cache', 'plans'), { recursive: true, force: true });
  };

  it('is read by the parser bundle alone: remark is left out', () => {
    add((text) => text);
    const cold = loads(['today', '--date', '2026-03-03']);
    expect(cold.stdout).toContain('Day 2/42');
    expect(cold.files).toContain('dist/parser.cjs');
    expect(cold.files.filter((file) => /remark|measure|vendor/.test(file))).toEqual([]);
  });

  it('loads remark only for Markdown the quick reader leaves to it', () => {
    add((text) => text.replace(/^(Daily study plan)/m, '<!-- read by remark -->\n\n$1'));
    const cold = loads(['today', '--date', '2026-03-03']);
    expect(cold.stdout).toContain('Day 2/42');
    expect(cold.files).toEqual(expect.arrayContaining(['dist/parser.cjs', 'dist/remark.cjs']));
  });
});

describe('prep prompt', () => {
  it('reads the launcher alone, in which the prompt is, not the CLI, and requires no package nor node:os or node:vm', () => {
    expect(prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home }).status).toBe(0);
    loads(['prompt']);
    const run = loads(['prompt']);
    expect(run.stdout).toMatch(/\d/);
    expect(run.files.filter((file) => file.startsWith('dist/') || file.startsWith('bin/'))).toEqual(['bin/prep.cjs', 'dist/boot.cjs']);
    expect(run.packages).toEqual([]);
    expect(run.builtins.filter((m) => /^(net|tty|stream|child_process|crypto|os|vm)$/.test(m))).toEqual([]);
  });

  it('reads what reads the log (dist/prompt-compute.cjs) only when its last answer is gone', () => {
    expect(prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home }).status).toBe(0);
    loads(['prompt']);
    rmSync(join(home, 'cache', 'prompt-data.json'), { force: true });
    const miss = loads(['prompt']);
    expect(miss.stdout).toMatch(/\d/);
    expect(miss.files).toContain('dist/prompt-compute.cjs');
    expect(loads(['prompt']).files).not.toContain('dist/prompt-compute.cjs');
  });
});

describe('a prompt on a terminal', () => {
  it('imports inquirer only then: --no-input and a pipe never read its bundle', () => {
    const run = loads(['plan', 'switch', '--no-input']);
    expect(run.files.filter((file) => file.includes('vendor'))).toEqual([]);
  });
});
