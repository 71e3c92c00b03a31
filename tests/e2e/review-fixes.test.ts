// Behaviour around the edges of the daily loop: what is never written, and broken state files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logView, prep } from '../helpers.js';

const home = () => mkdtempSync(join(tmpdir(), 'prep-edge-'));

describe('nothing is written by a command that records nothing', () => {
  it('a refused first run leaves no state file', () => {
    const dir = home();
    const run = prep(['done', '1', '--date', '2999-01-01'], { home: dir });
    expect(run.status).toBe(2);
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });

  it('a first run refused for a bad number starts nothing; one that records starts the plan and says so', () => {
    const dir = home();
    const bad = prep(['done', '9', '--date', '2026-03-02'], { home: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^prep: there is no task 9/);
    expect(existsSync(join(dir, 'log'))).toBe(false);
    const good = prep(['done', '1', '--date', '2026-03-02'], { home: dir });
    expect(good.status).toBe(0);
    expect(good.stderr).toMatch(/^Started the plan 6-week .* on 2026-03-02\./);
    expect(logView(dir)).toMatchObject({ activePlan: '6-week', plans: { '6-week': { start: '2026-03-02' } } });
  });

  it('a first-run preview of a future day shows it but starts nothing', () => {
    const dir = home();
    const run = prep(['today', '--date', '2999-01-01', '--json'], { home: dir });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ day: 1, status: 'active', date: '2999-01-01' });
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });
});

describe('plan switch --start', () => {
  it('reads relative dates against --date', () => {
    const dir = home();
    expect(prep(['plan', 'switch', '90', '--start', 'yesterday', '--date', '2026-06-01', '--json'], { home: dir }).stdout).toContain('"start": "2026-05-31"');
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
    const dir = home();
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
    const dir = home();
    writeFileSync(join(dir, 'file'), '');
    const run = prep(['today'], { home: join(dir, 'file', 'sub') });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^prep: cannot create the state directory .*file\/sub: part of that path is a file, not a directory\nSet PREP_HOME/);
  });
});
