// Files that are not what they seem (a FIFO, /dev/zero, a link loop) and input that used to end in
// "This is a bug in prep": each is now a clear message naming the file, with exit 1 or 2, at once.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prep, writeOlderState } from '../helpers.js';

const DATE = ['--date', '2026-03-05'];

describe('special files named on the command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'prep-special-'));
  beforeAll(() => {
    // Made here, never kept in git: a FIFO nobody writes to, devices that never end, a loop.
    expect(spawnSync('mkfifo', [join(dir, 'fifo.md')]).status).toBe(0);
    symlinkSync('/dev/zero', join(dir, 'zero.md'));
    symlinkSync('/dev/urandom', join(dir, 'urandom.json'));
    symlinkSync(join(dir, 'loop.md'), join(dir, 'loop.md'));
    mkdirSync(join(dir, 'folder.md'));
  });

  it.each([
    // [what, args, exit code, where the message is, what it says]
    ['plan validate of a FIFO', ['plan', 'validate', 'fifo.md'], 1, 'stdout', 'fifo.md: it is a named pipe (FIFO), not a regular file'],
    ['plan add of a FIFO', ['plan', 'add', 'fifo.md'], 1, 'stderr', 'fifo.md: it is a named pipe (FIFO), not a regular file'],
    ['plan import of a FIFO', ['plan', 'import', 'fifo.md'], 2, 'stderr', 'cannot read fifo.md: it is a named pipe (FIFO), not a regular file'],
    ['import-state of a FIFO', ['import-state', 'fifo.md', '--yes'], 2, 'stderr', 'cannot import fifo.md: it is a named pipe (FIFO), not a regular file'],
    ['plan validate of /dev/zero', ['plan', 'validate', 'zero.md'], 1, 'stdout', 'zero.md: it is a device, not a regular file'],
    ['plan add of /dev/zero', ['plan', 'add', 'zero.md'], 1, 'stderr', 'zero.md: it is a device, not a regular file'],
    ['plan import of /dev/zero', ['plan', 'import', 'zero.md'], 2, 'stderr', 'cannot read zero.md: it is a device, not a regular file'],
    ['import-state of /dev/urandom', ['import-state', 'urandom.json', '--yes'], 2, 'stderr', 'cannot import urandom.json: it is a device, not a regular file'],
    ['plan show of a FIFO by path', ['plan', 'show', './fifo.md'], 1, 'stderr', 'fifo.md: it is a named pipe (FIFO), not a regular file'],
    ['plan validate of a link loop', ['plan', 'validate', 'loop.md'], 1, 'stdout', 'loop.md: too many symbolic links'],
    ['plan import of a directory', ['plan', 'import', 'folder.md'], 2, 'stderr', 'cannot read folder.md: it is a directory'],
    ['import-state of a missing file', ['import-state', 'missing.json', '--yes'], 2, 'stderr', 'cannot import missing.json: no such file'],
  ])('%s: refused at once, naming the file', (_what, args, status, stream, message) => {
    const started = Date.now();
    const run = prep([...args, ...DATE], { cwd: dir });
    expect(run.status).toBe(status);
    expect(run[stream as 'stdout' | 'stderr']).toContain(message);
    expect(run.stderr).not.toContain('This is a bug');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a curriculum that grew past 2 MB is refused at the limit', () => {
    writeFileSync(join(dir, 'big.md'), `---\nid: big\ntitle: Big\ndays: 1\n---\n### Day 1\n${'- task\n'.repeat(400_000)}`);
    const run = prep(['plan', 'add', 'big.md', ...DATE], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('big.md: it is 2.7 MB; a curriculum may be at most 2 MB');
    expect(run.stderr).toContain('Split the plan');
  });
});

describe('input that used to crash', () => {
  const started = (home: string) => {
    expect(prep(['done', '1', '--date', '2026-03-02'], { home }).status).toBe(0);
    return join(home, 'state.json');
  };
  /** An older prep's state file, to be damaged: it is read until a write turns it into the log. */
  const older = (home: string) => {
    writeOlderState(home, false);
    return join(home, 'state.json');
  };
  const edit = (path: string, change: (state: Record<string, unknown>) => void) => {
    const state = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    change(state);
    writeFileSync(path, JSON.stringify(state));
  };

  it('--date 9999-12-31 is a usage error, not a crash', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    started(home);
    for (const command of [['today'], ['streak'], ['stats']]) {
      const run = prep([...command, '--date', '9999-12-31'], { home });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--date 9999-12-31 is too far ahead: prep counts days up to 9899-12-31');
    }
  });

  it.each([
    ['an active plan that is a number', (s: Record<string, unknown>) => void (s.activePlan = 42), 'its active plan 42 is not a plan id'],
    ['plans that are a list', (s: Record<string, unknown>) => void (s.plans = []), 'it is not a prep state file'],
  ])('a state with %s is refused with exit 1, naming the file', (_what, change, reason) => {
    const home = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    const path = older(home);
    edit(path, change);
    const before = readFileSync(path, 'utf8');
    for (const command of [['today'], ['done', '2']]) {
      const run = prep([...command, '--date', '2026-03-03'], { home });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`cannot read the state file ${path}: ${reason}`);
      expect(run.stderr).toContain('prep doctor --restore');
    }
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('deeply nested JSON in the state, a backup or the log is refused, not a stack overflow', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    const path = older(home);
    const deep = `${readFileSync(path, 'utf8').trim().slice(0, -1)},"deep":${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
    writeFileSync(join(home, 'backup.json'), deep);
    const imported = prep(['import-state', 'backup.json', '--yes', '--date', '2026-03-03'], { home, cwd: home });
    expect(imported.status).toBe(2);
    expect(imported.stderr).toContain('cannot import backup.json: it nests objects more than 32 levels deep');
    writeFileSync(path, deep);
    const done = prep(['done', '2', '--date', '2026-03-03'], { home });
    expect(done.status).toBe(1);
    expect(done.stderr).toContain(`cannot read the state file ${path}: it nests objects more than 32 levels deep`);

    // In the log, such a line is skipped and named; the rest is read.
    const fresh = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    started(fresh);
    const [name] = readdirSync(join(fresh, 'log'));
    appendFileSync(join(fresh, 'log', name!), `${'{"x":'.repeat(100_000)}1${'}'.repeat(100_000)}\n`);
    const read = prep(['today', '--json', '--date', '2026-03-02'], { home: fresh });
    expect(read.status).toBe(0);
    expect(JSON.parse(read.stdout).progress.done).toBe(1);
    expect(read.stderr).toContain(`the study log has a damaged line (${name} line 4), skipped`);
  });

  it('plan import of 21 000 weekday blocks says the plan is too long (exit 2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
    writeFileSync(join(dir, 'weeks.md'), `# Plan\n\n${Array.from({ length: 21_000 }, (_, i) => `## ${days[i % 7]}\n- study\n`).join('\n')}`);
    const run = prep(['plan', 'import', 'weeks.md', '-o', 'out.md', ...DATE], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('weeks.md schedules 21000 days; a plan may have at most 3660');
  });

  it.each(['constructor', 'hasownproperty', 'valueof'])('a plan with the id "%s" can be added, switched to and used', (id) => {
    const home = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    writeFileSync(join(home, 'mine.md'), `---\nid: ${id}\ntitle: Mine\ndays: 2\n---\n### Day 1\n- Read\n### Day 2\n- Write\n## Final Checklist\n- [ ] Ready\n`);
    expect(prep(['plan', 'add', 'mine.md', ...DATE], { home, cwd: home }).status).toBe(0);
    const switched = prep(['plan', 'switch', id, ...DATE], { home });
    expect(switched.stderr).toBe('');
    expect(switched.status).toBe(0);
    for (const command of [['today'], ['done', '1'], ['streak'], ['plan', 'list']]) {
      const run = prep([...command, ...DATE], { home });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    expect(prep(['today', '--json', ...DATE], { home }).stdout).toContain(`"id": "${id}"`);
  });

  it('front-matter keys __proto__ and constructor are reported on their own lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-crash-'));
    writeFileSync(join(dir, 'keys.md'), '---\nid: keys\ntitle: Keys\ndays: 1\n__proto__: 3\nconstructor: 4\n---\n### Day 1\n- a\n');
    const run = prep(['plan', 'validate', 'keys.md'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('keys.md:5:1: unknown front matter key `__proto__`');
    expect(run.stdout).toContain('keys.md:6:1: unknown front matter key `constructor`');
  });
});
