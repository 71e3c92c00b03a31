// Reliability: doctor, an older prep's state file and its backup, damaged lines, private files,
// writers killed mid-write, huge curricula.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LogReader } from '../../src/log/reader.js';
import { logFiles, logView, prep, ROOT, writeOlderState } from '../helpers.js';

const newHome = () => mkdtempSync(join(tmpdir(), 'prep-reliable-'));
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('a damaged state file', () => {
  it.each([
    ['truncated', '{"version": 1, "log": [tru'],
    ['empty', ''],
    ['not a state file', '[1, 2, 3]'],
  ])("(%s, an older prep's) is never overwritten; prep doctor --restore brings back the last good copy", (_name, damage) => {
    const home = newHome();
    writeOlderState(home);
    writeFileSync(join(home, 'state.json'), damage);

    for (const args of [['today'], ['done', '3'], ['plan', 'switch', '90'], ['check', '1'], ['rest']]) {
      const run = prep(args, { home });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`cannot read the state file ${join(home, 'state.json')}`);
      expect(run.stderr).toContain('`prep doctor --restore` puts back the last good copy');
      expect(readFileSync(join(home, 'state.json'), 'utf8')).toBe(damage);
    }
    const check = prep(['doctor'], { home });
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('`prep doctor --restore`');

    const restore = prep(['doctor', '--restore', '--json'], { home });
    expect(restore.status).toBe(0);
    const kept = JSON.parse(restore.stdout).restored.keptAs as string;
    expect(readFileSync(kept, 'utf8')).toBe(damage); // the damaged file is kept, not deleted
    const today = JSON.parse(prep(['today', '--json', '--date', '2026-03-02'], { home }).stdout);
    expect(today.progress.done).toBe(2);
  });

  it('doctor says when all is well, and when there is no history yet', () => {
    const home = newHome();
    expect(prep(['doctor'], { home }).stdout).toContain('no history yet');
    prep(['done', '1'], { home });
    const ok = prep(['doctor', '--json'], { home });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, state: 'ok', restored: null, log: { events: 3, problems: [] } });
    expect(prep(['doctor'], { home }).stdout).toContain('✔ every line reads');
  });
});

describe('a damaged line in the log', () => {
  it('is skipped, named with its file and line, and this device\'s moved aside by doctor --restore', () => {
    const home = newHome();
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    const [name] = Object.keys(logFiles(home));
    const file = join(home, 'log', name!);
    const lines = readFileSync(file, 'utf8').split('\n');
    // A line cut short by a crash, in the middle of the file: the lines after it are still read.
    writeFileSync(file, [...lines.slice(0, 2), '{"id":"x","dev":"cut', ...lines.slice(2)].join('\n'));
    expect(prep(['done', '2', '--date', '2026-03-02'], { home }).status).toBe(0);
    const today = prep(['today', '--json', '--date', '2026-03-02'], { home });
    expect(today.status).toBe(0);
    expect(JSON.parse(today.stdout).progress.done).toBe(2);
    expect(today.stderr).toContain(`the study log has a damaged line (${name} line 3), skipped; \`prep doctor\` lists it.`);

    const check = prep(['doctor', '--json'], { home });
    expect(check.status).toBe(1);
    expect(JSON.parse(check.stdout).log.problems).toEqual([{ file: name, line: 3, reason: 'it is not valid JSON; skipped' }]);
    expect(prep(['doctor'], { home }).stdout).toContain(`${name} line 3: it is not valid JSON; skipped`);

    const restore = prep(['doctor', '--restore', '--json'], { home });
    expect(restore.status).toBe(0);
    const { repaired } = JSON.parse(restore.stdout);
    expect(repaired.lines).toBe(1);
    expect(readFileSync(repaired.keptAs, 'utf8')).toBe('{"id":"x","dev":"cut\n');
    expect(JSON.parse(prep(['doctor', '--json'], { home }).stdout)).toMatchObject({ ok: true, log: { problems: [] } });
    const after = prep(['today', '--json', '--date', '2026-03-02'], { home });
    expect(JSON.parse(after.stdout).progress.done).toBe(2);
    expect(after.stderr).toBe('');
  });
});

describe('private files', () => {
  it('keeps the state and log directories 0700 and their files 0600, also after later writes', () => {
    const home = join(newHome(), 'nested', 'prep');
    prep(['done', '1'], { home });
    prep(['done', '2'], { home });
    prep(['config', 'set', 'day-start', '03:00'], { home });
    expect(mode(home)).toBe('700');
    expect(mode(join(home, 'config.json'))).toBe('600');
    expect(mode(join(home, 'log'))).toBe('700');
    const names = readdirSync(join(home, 'log'));
    expect(names).toHaveLength(1);
    expect(mode(join(home, 'log', names[0]!))).toBe('600');
    expect(mode(join(home, 'cache'))).toBe('700');
    expect(mode(join(home, 'cache', 'log-snapshot.json'))).toBe('600');
  });
});

describe('writers killed mid-write', () => {
  it('never lose an event written before: at most a last line is cut short, and it is skipped (20 SIGKILLs at random moments)', async () => {
    const home = newHome();
    prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home });
    let events = logView(home).events;
    for (let i = 0; i < 20; i++) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), 'done', '--day', String(1 + (i % 5)), String(1 + (i % 8)), '--date', '2026-03-06'], {
        env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1' },
        stdio: 'ignore',
      });
      const closed = new Promise((resolve) => child.on('close', resolve));
      await new Promise((resolve) => setTimeout(resolve, 40 + ((i * 37) % 120)));
      child.kill('SIGKILL');
      await closed;
      const now = logView(home).events;
      expect(now).toBeGreaterThanOrEqual(events);
      events = now;
      // Only cut lines are ever a problem, never a file that cannot be read.
      for (const problem of new LogReader(join(home, 'log')).events().problems) expect(problem.reason).toMatch(/not valid JSON|no newline yet/);
    }
    // The CLI still reads and writes (a lock left by a killed writer is taken over), and doctor
    // moves any line a killed writer cut short out of the file.
    expect(prep(['today', '--json', '--date', '2026-03-06'], { home }).status).toBe(0);
    expect(prep(['done', '--day', '5', '8', '--date', '2026-03-06'], { home }).status).toBe(0);
    expect(prep(['doctor', '--restore'], { home }).status).toBe(0);
    expect(JSON.parse(prep(['doctor', '--json'], { home }).stdout)).toMatchObject({ ok: true, log: { problems: [] } });
    expect(logView(home).events).toBeGreaterThanOrEqual(events);
  }, 60_000);
});

describe('hostile curricula', () => {
  it('refuses a 10 MB curriculum at once, without reading it', () => {
    const dir = newHome();
    const file = join(dir, 'huge.md');
    writeFileSync(file, `---\nid: huge\ntitle: Huge\ndays: 1\n---\n### Day 1\n${'- task\n'.repeat(1_500_000)}`);
    const started = Date.now();
    const run = prep(['plan', 'validate', file]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('is 10.0 MB; a curriculum may be at most 2 MB');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(existsSync(file)).toBe(true);
  });
});

describe('interaction', () => {
  function start(args: string[], home: string) {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'prep.cjs'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: home, PREP_HOME: home, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    return { child, closed, stderr: () => stderr };
  }

  it('never waits on an open, silent stdin pipe: exit 2 at once', async () => {
    const home = newHome();
    for (const args of [['done'], ['undo'], ['plan', 'switch']]) {
      const { closed, stderr } = start(args, home); // stdin stays open and says nothing
      const started = Date.now();
      expect((await closed).code).toBe(2);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(stderr()).toMatch(/^prep: which (tasks|plan)\?/m);
    }
  });

  it('Ctrl-C while writing: the process ends by SIGINT, and the log reads whole and is unlocked', async () => {
    const home = newHome();
    prep(['plan', 'switch', '6-week', '--start', '2026-03-02'], { home });
    for (let i = 0; i < 5; i++) {
      const { child, closed } = start(['done', '--day', '1', String(i + 1), '--date', '2026-03-02'], home);
      await new Promise((resolve) => setTimeout(resolve, 60 + i * 30));
      child.kill('SIGINT');
      const { code, signal } = await closed;
      expect(code === 0 || signal === 'SIGINT' || code === 130).toBe(true);
      expect(new LogReader(join(home, 'log')).events().problems).toEqual([]);
      expect(existsSync(join(home, 'log.lock'))).toBe(false);
    }
  });
});

describe('the parser code cache', () => {
  it('is written on a cold start, reused, and a damaged one is only recompiled', () => {
    const home = newHome();
    // A curriculum of one's own: shipped ones come parsed at build time and load no parser.
    const plan = join(ROOT, 'tests', 'fixtures', 'curricula', 'week-plan.md');
    const show = (h: string) => prep(['plan', 'show', plan], { home: h });
    const first = show(home);
    expect(first.status).toBe(0);
    const codeDir = join(home, 'cache', 'code');
    const cacheFile = readdirSync(codeDir).find((name) => name.startsWith('parser-'));
    expect(cacheFile).toMatch(/^parser-.*\.v8$/);
    const path = join(codeDir, cacheFile as string);

    for (const bytes of [null, 'not a V8 code cache', '']) {
      rmSync(join(home, 'cache', 'plans'), { recursive: true, force: true }); // a cold plan cache
      if (bytes !== null) writeFileSync(path, bytes);
      const again = show(home);
      expect(again.status).toBe(0);
      expect(again.stdout).toBe(first.stdout);
      expect(again.stderr).toBe('');
      expect(statSync(path).size).toBeGreaterThan(10_000); // rewritten when it was damaged
    }
  });
});

describe('the shipped curricula parsed at build time', () => {
  it('make a first run parse nothing, and are not used once a file is edited', () => {
    const home = newHome();
    expect(prep(['today', '--date', '2026-03-02'], { home }).status).toBe(0);
    expect(readdirSync(join(home, 'cache', 'code')).filter((name) => name.startsWith('parser-'))).toEqual([]); // the Markdown parser never loaded

    // A copy of the installed package whose 6-week plan has been edited after the build.
    const pkg = mkdtempSync(join(tmpdir(), 'prep-pkg-'));
    for (const part of ['bin', 'dist', 'curricula', 'package.json']) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const file = join(pkg, 'curricula', '6-week.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Read: `02_system_design_FAANG.md` - Framework section', 'Read: the edited framework section'));
    const edited = spawnSync(process.execPath, [join(pkg, 'bin', 'prep.cjs'), 'today', '--date', '2026-03-02'], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', PREP_HOME: newHome(), NO_COLOR: '1', TZ: 'UTC' } });
    expect(edited.status).toBe(0);
    expect(edited.stdout).toContain('1. ○ Read: the edited framework section');
    rmSync(pkg, { recursive: true, force: true });
  });
});

describe('the CLI code cache', () => {
  it('is written by a run without one; a damaged one is recompiled and rewritten, never trusted', () => {
    const home = newHome();
    const first = prep(['today', '--date', '2026-03-02'], { home });
    const codeDir = join(home, 'cache', 'code');
    const cacheFile = readdirSync(codeDir).find((name) => name.startsWith('daily-'));
    expect(cacheFile).toMatch(/^daily-[0-9a-f]+\.today\.v8$/);
    const path = join(codeDir, cacheFile as string);
    writeFileSync(path, 'not a V8 code cache');
    writeFileSync(join(codeDir, 'daily-000000000000.v8'), 'an earlier build\'s cache');
    const again = prep(['today', '--date', '2026-03-02'], { home });
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toBe('');
    expect(statSync(path).size).toBeGreaterThan(10_000);
    expect(existsSync(join(codeDir, 'daily-000000000000.v8'))).toBe(false); // an earlier build's is removed
    // Each command has its own, made by its first run; those of one build stay side by side.
    expect(prep(['stats', '--date', '2026-03-02'], { home }).status).toBe(0);
    expect(prep(['--date', '2026-03-02'], { home }).status).toBe(0); // `prep` alone is today's page
    // today's from the daily commands' bundle, stats' from the whole CLI's.
    expect(readdirSync(codeDir).map((name) => name.replace(/-[0-9a-f]+\./, '.')).sort()).toEqual(['daily.today.v8', 'main.stats.v8']);
  });
});
