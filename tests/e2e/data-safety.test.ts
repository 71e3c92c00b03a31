// The user's history survives a full disk, a missing state file, a stalled lock holder, races
// between commands and Ctrl-C while waiting: each case leaves the files as they were and says why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logFiles, logView, prep, ROOT, writeOlderState } from '../helpers.js';
import { describeWith } from '../requires.js';

const newHome = () => mkdtempSync(join(tmpdir(), 'prep-safety-'));
const read = (path: string) => readFileSync(path, 'utf8');
const leftovers = (dir: string) => readdirSync(dir).filter((name) => /tmp/.test(name));

function start(args: string[], home: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1', TZ: 'UTC', ...env } });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const closed = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, closed };
}

// A real, small file system: only root may mount one. CI runs as root, so there it must run.
const mounts: string[] = [];
afterAll(() => {
  for (const dir of mounts) spawnSync('umount', ['-l', dir]);
});

/** Fills the file system at `dir` until only about `freeKb` KB are left. */
function fillTo(dir: string, freeKb: number): void {
  const filler = join(dir, 'filler');
  const block = Buffer.alloc(4096, 1);
  writeFileSync(filler, '');
  let size = 0;
  try {
    for (;;) {
      writeFileSync(filler, block, { flag: 'a' });
      size += block.length;
    }
  } catch {
    // ENOSPC: the disk is full
  }
  spawnSync('truncate', ['-s', String(Math.max(0, size - freeKb * 1024)), filler]);
}

describeWith(['root'], 'a nearly full disk (a 2 MB tmpfs, which only root can mount: room for the plan cache and two commands of V8 code caches)', () => {
  it.each([0, 4, 8, 16])('with %i KB free, a write fails with exit 1 saying the disk is full, and the log, config and disk are as they were', (freeKb) => {
    const dir = newHome();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { encoding: 'utf8' });
    expect(mounted.status, `mount: ${mounted.stderr}`).toBe(0);
    mounts.push(dir);
    const home = join(dir, 'prep');
    expect(prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home }).status).toBe(0);
    for (let day = 1; day <= 14; day++) expect(prep(['done', '--all', '--day', String(day), '--date', '2026-03-16'], { home }).status).toBe(0);
    const log = logFiles(home);
    const config = read(join(home, 'config.json'));
    const before = { home: readdirSync(home).sort(), log: readdirSync(join(home, 'log')).sort() };
    fillTo(dir, freeKb);

    // Every task of days 15 to 42: some 40 KB of events, more than the room left.
    const run = prep(['done', '--all', '--day', '15-42', '--date', '2026-03-16'], { home });
    expect(run.status).toBe(1);
    // With nothing free not even the lock may be taken; else the append is refused.
    expect([`the disk holding ${home} is full`, `the disk holding ${join(home, 'log')} is full`].some((text) => run.stderr.includes(text)), run.stderr).toBe(true);
    expect(run.stderr).toContain('Free some space');
    expect(run.stderr).not.toContain('bug in prep');
    expect(logFiles(home)).toEqual(log);
    expect(read(join(home, 'config.json'))).toBe(config);
    expect({ home: readdirSync(home).sort(), log: readdirSync(join(home, 'log')).sort() }).toEqual(before); // no temp file left behind

    // Room again: the same command works, and doctor finds every line good.
    unlinkSync(join(dir, 'filler'));
    const again = prep(['done', '--all', '--day', '15-42', '--date', '2026-03-16'], { home });
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(prep(['doctor', '--json'], { home }).stdout)).toMatchObject({ ok: true, state: 'ok', log: { problems: [] } });
    expect(logView(home).log.filter((entry) => entry.kind === 'done').length).toBeGreaterThan(150);
    // A dozen runs of prep: the bound guards against a hang, on a loaded machine too.
  }, 90_000);
});

describe("a missing state file with a good backup (an older prep's)", () => {
  it('is never started afresh over the backup; doctor --restore brings the history into the log', () => {
    const home = newHome();
    const backup = writeOlderState(home);
    unlinkSync(join(home, 'state.json'));

    for (const args of [['today'], ['done', '3'], ['plan', 'switch', '90'], ['rest'], ['config', 'set', 'day-start', '04:00']]) {
      const run = prep([...args, '--date', '2026-03-02'], { home });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toContain(`the state file ${join(home, 'state.json')} is missing, but its backup ${join(home, 'state.json.bak')} holds your history`);
      expect(run.stderr).toContain('`prep doctor --restore`');
      expect(existsSync(join(home, 'state.json'))).toBe(false);
      expect(existsSync(join(home, 'log'))).toBe(false);
      expect(read(join(home, 'state.json.bak'))).toBe(backup);
    }
    const check = prep(['doctor', '--json'], { home });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('`prep doctor --restore`');

    const restore = prep(['doctor', '--restore', '--json'], { home });
    expect(restore.status).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ state: 'ok', backup: 'ok', restored: { keptAs: null } });
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-02'], { home }).stdout);
    expect(today.progress.done).toBe(2);
    expect(read(join(home, 'state.json.bak'))).toBe(backup);
  });

  it('doctor --restore brings the backup in when a broken file is in the way, and keeps that file', () => {
    const home = newHome();
    writeOlderState(home);
    writeFileSync(join(home, 'state.json'), '{"broken');
    expect(prep(['today', '--date', '2026-03-02'], { home }).status).toBe(1);
    const restore = prep(['doctor', '--restore', '--json'], { home });
    expect(restore.status).toBe(0);
    const kept = JSON.parse(restore.stdout).restored.keptAs as string;
    expect(read(kept)).toBe('{"broken');
    expect(existsSync(join(home, 'state.json'))).toBe(false);
    expect(JSON.parse(prep(['today', '--json', '--date', '2026-03-02'], { home }).stdout).progress.done).toBe(2);
  });
});

describe('writes never rewrite the history', () => {
  it("a write appends to this device's file: what was there stays, byte for byte, in the same file", () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const [name] = Object.keys(logFiles(home));
    const file = join(home, 'log', name!);
    // A second name for the same file: a file replaced would leave it behind, with the old bytes only.
    const witness = join(home, 'witness');
    linkSync(file, witness);
    const before = read(file);
    expect(prep(['done', '2', '--date', '2026-03-02'], { home, env: { SNAP: '/snap/prep/1' } }).status).toBe(0);
    expect(read(witness).startsWith(before)).toBe(true);
    expect(read(witness)).toBe(read(file));
    expect(read(witness).length).toBeGreaterThan(before.length);
  });

  it('a setting replaces the config file whole, never writing into it', () => {
    const home = newHome();
    expect(prep(['config', 'set', 'day-start', '04:00'], { home }).status).toBe(0);
    const witness = join(home, 'witness');
    linkSync(join(home, 'config.json'), witness);
    const before = read(witness);
    expect(prep(['config', 'set', 'day-start', '05:00'], { home }).status).toBe(0);
    expect(read(witness)).toBe(before);
    expect(JSON.parse(read(join(home, 'config.json'))).settings.dayStart).toBe(300);
  });
});

describe('rules that depend on the state are decided under the lock', () => {
  it('six parallel `prep rest` on four consecutive days: exactly one rest day is kept', async () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const dates = ['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-10', '2026-03-12'];
    const results = await Promise.all(dates.map((date) => start(['rest', '--date', date], home).closed));
    const state = logView(home);
    expect(state.rest).toHaveLength(1);
    expect(results.filter((r) => r.code === 0)).toHaveLength(dates.filter((d) => d === state.rest[0]).length);
    for (const refused of results.filter((r) => r.code !== 0)) {
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`you already rested on ${state.rest[0]}`);
    }
  });

  it('eight parallel `prep done 1` and `prep check 1` record each once', async () => {
    const home = newHome();
    expect(prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home }).status).toBe(0);
    const runs = [...Array(8)].flatMap(() => [start(['done', '1', '--date', '2026-03-02'], home).closed, start(['check', '1', '--date', '2026-03-02'], home).closed]);
    expect((await Promise.all(runs)).map((r) => r.code)).toEqual(Array(16).fill(0));
    expect(logView(home).log.map((event) => event.kind).sort()).toEqual(['check', 'done']);
    // Recorded once each, not eight times over.
    const lines = Object.values(logFiles(home)).join('').trim().split('\n').map((line) => JSON.parse(line) as { kind: string });
    expect(lines.filter((event) => event.kind === 'done' || event.kind === 'check')).toHaveLength(2);
  }, 30_000);

  it('`plan switch X` racing `plan remove X` never leaves a removed plan active', async () => {
    for (let round = 0; round < 6; round++) {
      const home = newHome();
      const file = join(home, 'mine.md');
      writeFileSync(file, '---\nid: mine\ntitle: Mine\ndays: 2\n---\n### Day 1\n- a\n### Day 2\n- b\n');
      expect(prep(['plan', 'add', file], { home }).status).toBe(0);
      expect(prep(['plan', 'switch', '6-week', '--date', '2026-03-02'], { home }).status).toBe(0);
      const [switched, removed] = await Promise.all([start(['plan', 'switch', 'mine', '--date', '2026-03-02'], home).closed, start(['plan', 'remove', 'mine', '--yes'], home).closed]);
      const state = logView(home);
      const planLeft = existsSync(join(home, 'curricula', 'mine.md'));
      // Either order is fine; what may never happen is the active plan's file gone without --force.
      expect(state.activePlan === 'mine' && !planLeft, JSON.stringify({ switched, removed })).toBe(false);
      if (removed.code === 0) expect(planLeft).toBe(false);
      else expect(removed.stderr).toContain('"mine" is your active plan');
    }
  }, 60_000);
});

describe('waiting for the lock', () => {
  it('Ctrl-C while waiting gives up at once, writes nothing, exit 130', async () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const log = logFiles(home);
    // A fresh lock held by a live process (this test's own).
    mkdirSync(join(home, 'log.lock'));
    writeFileSync(join(home, 'log.lock', 'owner'), `${process.pid}\n`);
    const { child, closed } = start(['done', '2', '--date', '2026-03-02'], home);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const asked = Date.now();
    child.kill('SIGINT');
    const result = await closed;
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(result.code).toBe(130);
    rmSync(join(home, 'log.lock'), { recursive: true });
    expect(logFiles(home)).toEqual(log);
  });
});

describeWith(['root'], 'messages that say what is wrong with which path (root runs prep as another user)', () => {
  const asNobody = (home: string, ...args: string[]) =>
    spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, join(ROOT, 'bin', 'prep.cjs'), ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1' } });

  it('a log file another user owns and keeps private: permission denied, nothing started afresh', () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const [name] = Object.keys(logFiles(home));
    const path = join(home, 'log', name!);
    const log = logFiles(home);
    // As an ordinary user: root reads any file, so run prep as nobody.
    spawnSync('chown', ['-R', '65534:65534', home]);
    spawnSync('chmod', ['700', home]);
    spawnSync('chown', ['0:0', path]);
    spawnSync('chmod', ['600', path]);
    for (const args of [['today'], ['done', '2']]) {
      const run = asNobody(home, ...args, '--date', '2026-03-02');
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`cannot read the log file ${path}: permission denied`);
      expect(run.stderr).not.toContain('doctor --restore');
      expect(run.stderr).not.toContain('bug in prep');
    }
    expect(logFiles(home)).toEqual(log);
  });

  it('a read-only state directory: says it cannot write there and what to do', () => {
    const home = newHome();
    spawnSync('chown', ['-R', '65534:65534', home]);
    spawnSync('chmod', ['500', home]);
    const run = asNobody(home, 'done', '1', '--date', '2026-03-02');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot write in ${home}: permission denied`);
    expect(run.stderr).toContain('PREP_HOME');
    expect(run.stderr).not.toContain('bug in prep');
    expect(readdirSync(home)).toEqual([]);
  });

  it('a log file that is read-only: says it cannot write there, the file as it was', () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const log = logFiles(home);
    spawnSync('chown', ['-R', '65534:65534', home]);
    spawnSync('chmod', ['400', join(home, 'log', Object.keys(log)[0]!)]);
    const run = asNobody(home, 'done', '2', '--date', '2026-03-02');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`cannot write in ${join(home, 'log')}: permission denied`);
    expect(run.stderr).not.toContain('bug in prep');
    expect(logFiles(home)).toEqual(log);
  });
});

describe('temp files', () => {
  it('left by a killed writer are cleaned by the next write', () => {
    const home = newHome();
    expect(prep(['config', 'set', 'day-start', '04:00'], { home }).status).toBe(0);
    writeFileSync(join(home, 'config.json.tmp-999999-abc'), '{"half');
    expect(prep(['config', 'set', 'day-start', '05:00'], { home }).status).toBe(0);
    expect(leftovers(home)).toEqual([]);
  });
});

describe('a state file that cannot be used is exit 1, named, and left as it is', () => {
  const base = { version: 1, activePlan: '6-week', plans: { '6-week': { start: '2026-03-02' } }, rest: [], settings: { dayStart: 0, defaultPlan: '6-week' }, log: [] };
  it.each([
    ['an active plan that no longer exists', { ...base, activePlan: 'gone', plans: { gone: { start: '2026-03-02' } } }, /the active plan "gone" is not among the plans\nPick another with `prep plan switch ID`/],
    ['a start date that is not YYYY-MM-DD', { ...base, plans: { '6-week': { start: '2026-3-2' } } }, /plan "6-week" has the start date "2026-3-2", not a YYYY-MM-DD date/],
    ['a damaged log entry', { ...base, log: [{ at: 'x', date: 'soon', plan: '6-week', kind: 'done', id: 'd1.x' }] }, /entry 1 of its log is damaged/],
    ['a state file from a newer prep', { ...base, version: 99 }, /was written by a newer prep \(state version 99; this prep reads 2\)/],
  ])('%s', (_name, state, message) => {
    const dir = newHome();
    const text = JSON.stringify(state);
    writeFileSync(join(dir, 'state.json'), text);
    for (const args of [['today'], ['done', '1']]) {
      const run = prep(args, { home: dir });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |unexpected error/);
    }
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(text);
  });

  it('a PREP_HOME that cannot be a directory', () => {
    const dir = newHome();
    writeFileSync(join(dir, 'file'), '');
    const run = prep(['today'], { home: join(dir, 'file', 'sub') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^prep: cannot create the state directory .*file\/sub: part of that path is a file, not a directory\nSet PREP_HOME/);
  });
});
