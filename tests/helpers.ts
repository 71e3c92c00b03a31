// Shared test helpers: paths, loading shipped curricula, spawning the built CLI.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, type Context } from '../src/context.js';
import { PLAIN_STYLE } from '../src/render/style.js';
import { parseCurriculum } from '../src/curriculum/parse.js';
import type { Prompter } from '../src/ask.js';
import type { Plan } from '../src/curriculum/types.js';
import { fold, type LogView } from '../src/log/fold.js';
import { LogReader } from '../src/log/reader.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const CURRICULA = join(ROOT, 'curricula');
export const SHIPPED_IDS = ['6-week', '90-day', '28-day-data', '4-week-system-design', '37-day-backend'] as const;

export function fixture(...parts: string[]): string {
  return readFileSync(join(FIXTURES, ...parts), 'utf8');
}

/** Parses a shipped curriculum and fails loudly if it has any error. */
export function shippedPlan(id: string): Plan {
  const { plan, problems } = parseCurriculum(readFileSync(join(CURRICULA, `${id}.md`), 'utf8'));
  const errors = problems.filter((p) => p.severity === 'error');
  if (!plan || errors.length > 0) throw new Error(`${id}: ${JSON.stringify(errors)}`);
  return plan;
}

/** Front matter plus a body: the smallest curriculum text a table-driven test needs. */
export function curriculum(body: string, front = 'id: t\ntitle: T\ndays: 3'): string {
  return `---\n${front}\n---\n${body}`;
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment prep runs in: a private PREP_HOME, colour off and nothing inherited that could leak in. */
function prepEnv(home: string, env: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: process.env.TZ ?? 'UTC', ...env };
}

/** Spawns bin/prep with a private PREP_HOME, colour off and nothing inherited that could leak in. */
export function prep(args: string[], options: { cwd?: string; env?: Record<string, string>; home?: string } = {}): Run {
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'prep-e2e-'));
  try {
    const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), ...args], {
      cwd: options.cwd ?? ROOT,
      encoding: 'utf8',
      env: prepEnv(home, options.env),
      timeout: 15_000,
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    if (!options.home) rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Like `prep`, without blocking, so runs can overlap: killed (SIGKILL) after `timeout` ms, and
 * `ms` says how long it took. stdin is closed, as in a script.
 */
export function prepAsync(args: string[], options: { cwd?: string; env?: Record<string, string>; home: string; timeout: number }): Promise<Run & { ms: number; killed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), ...args], { cwd: options.cwd ?? ROOT, env: prepEnv(options.home, options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.timeout);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolvePromise({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started, killed });
    });
  });
}

/**
 * The environment of a shell in which `prep` is the built CLI on PATH (a shim in a temp directory),
 * with a private PREP_HOME, colour off and nothing else inherited.
 */
export function shellEnv(home: string): Record<string, string> {
  const bin = mkdtempSync(join(tmpdir(), 'prep-bin-'));
  const shim = join(bin, 'prep');
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  writeFileSync(shim, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(join(ROOT, 'bin', 'prep.cjs'))} "$@"\n`);
  chmodSync(shim, 0o755);
  return { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: process.env.TZ ?? 'UTC' };
}

/** A real context over a temp PREP_HOME, colour off, no terminal; `ask` answers from a script. */
export function testContext(overrides: Partial<Context> = {}, home = mkdtempSync(join(tmpdir(), 'prep-ctx-'))): Context & { notes: string[] } {
  const notes: string[] = [];
  const ask: Prompter = {
    checkbox: async () => {
      throw new Error('no prompt expected');
    },
    select: async () => {
      throw new Error('no prompt expected');
    },
    confirm: async () => {
      throw new Error('no prompt expected');
    },
  };
  const ctx = createContext({}, { env: { PREP_HOME: home }, stdin: {}, stdout: {}, stderr: { write: (text: string) => notes.push(text.trimEnd()) }, cwd: ROOT }, ask, PLAIN_STYLE);
  return Object.assign(ctx, { curriculaDirs: [CURRICULA] }, overrides, { notes });
}

/** The study log's folder under a PREP_HOME (or the sync folder it names). */
export function logDirOf(home: string): string {
  const config = join(home, 'config.json');
  const sync = existsSync(config) ? (JSON.parse(readFileSync(config, 'utf8')) as { sync?: { dir: string } }).sync : undefined;
  return sync?.dir ?? join(home, 'log');
}

/** Every file of the study log under `home`, name → contents: what a refused command must leave as it was. */
export function logFiles(home: string): Record<string, string> {
  const dir = logDirOf(home);
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** What the study log under `home` folds to, read as prep reads it (without the snapshot). */
export function logView(home: string): LogView {
  return fold(new LogReader(logDirOf(home)).events().events);
}

/** A state file as an older prep (before the log) wrote it: 6-week from 2026-03-02, tasks 1 and 2 of day 1 done; with `backup`, its last good copy beside it. */
export function writeOlderState(home: string, backup = true): string {
  const done = (id: string) => ({ at: '2026-03-02T12:00:00.000Z', date: '2026-03-02', plan: '6-week', kind: 'done', id, day: 1 });
  const state = { version: 2, activePlan: '6-week', plans: { '6-week': { start: '2026-03-02', paused: [] } }, rest: [], settings: { dayStart: 0, defaultPlan: '6-week' }, log: [done('d1.read-02-system-design-faang-md-framework-section'), done('d1.study-6-step-process-clarify-design-scale')] };
  const text = `${JSON.stringify(state, null, '\t')}\n`;
  mkdirSync(home, { recursive: true });
  writeFileSync(join(home, 'state.json'), text);
  if (backup) writeFileSync(join(home, 'state.json.bak'), text);
  return text;
}
