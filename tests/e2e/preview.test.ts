// Reading any day: `--date tomorrow` for commands that only read, `prep today --day N` for a plan
// day; recording on a future date stays refused.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prep as run } from '../helpers.js';

describe('previews', () => {
  const home = mkdtempSync(join(tmpdir(), 'prep-preview-'));
  const prep = (...args: string[]) => run(args, { home });

  it('--date tomorrow reads the next day, against the real clock', () => {
    expect(prep('plan', 'switch', '6-week', '--start', 'yesterday').status).toBe(0);
    const tomorrow = prep('today', '--date', 'tomorrow', '--json');
    expect(tomorrow.status).toBe(0);
    expect(JSON.parse(tomorrow.stdout).day).toBe(3);
    expect(prep('week', '--date', 'tomorrow').status).toBe(0);
  });

  it('--date tomorrow is refused by a command that records', () => {
    const refused = prep('done', '1', '--date', 'tomorrow');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^prep: cannot record activity on \d{4}-\d\d-\d\d, a date in the future/);
  });

  it('prep today --day N shows plan day N on the date it falls on', () => {
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-02').status).toBe(0);
    const day5 = prep('today', '--day', '5', '--date', '2026-03-02');
    expect(day5.status).toBe(0);
    expect(day5.stdout).toMatch(/^Day 5\/42 · Database Design & Scaling {3}Fri 6 Mar 2026\n/);
    const beyond = prep('today', '--day', '43', '--date', '2026-03-02');
    expect(beyond.status).toBe(2);
    expect(beyond.stderr).toContain('prep: --day 43 is not a day of 6-week: days run from 1 to 42');
  });
});

describe('the status line', () => {
  it('leaves out parts with nothing to count: today on a rest day, a checklist the plan does not have', () => {
    const home = mkdtempSync(join(tmpdir(), 'prep-status-'));
    const file = join(home, 'tiny.md');
    writeFileSync(file, '---\nid: tiny\ntitle: Tiny\ndays: 2\n---\n### Day 1: Study\n- a\n### Day 2: Rest\n');
    expect(run(['plan', 'add', file], { home }).status).toBe(0);
    expect(run(['plan', 'switch', 'tiny', '--start', '2026-03-01', '--date', '2026-03-02'], { home }).status).toBe(0);
    const page = run(['today', '--date', '2026-03-02'], { home }).stdout;
    expect(page).toContain('A rest day: nothing is due.');
    expect(page).toMatch(/\nstreak 0 days · plan 0\/1\n$/);
  });
});

describe('a first run that records nothing writes nothing', () => {
  const home = () => mkdtempSync(join(tmpdir(), 'prep-first-run-'));

  it('a refused first run leaves no state file', () => {
    const dir = home();
    const refused = run(['done', '1', '--date', '2999-01-01'], { home: dir });
    expect(refused.status).toBe(2);
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });

  it('a first-run preview of a future day shows it but starts nothing', () => {
    const dir = home();
    const preview = run(['today', '--date', '2999-01-01', '--json'], { home: dir });
    expect(preview.status).toBe(0);
    expect(JSON.parse(preview.stdout)).toMatchObject({ day: 1, status: 'active', date: '2999-01-01' });
    expect(existsSync(join(dir, 'log'))).toBe(false);
  });
});
