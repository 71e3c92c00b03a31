// Overdue work as a user meets it: each line names the number `prep done --day D N` takes, and a
// range task open on many days is one line that `prep done --day FROM-TO N` clears at once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, prep as run } from '../helpers.js';

const home = mkdtempSync(join(tmpdir(), 'prep-overdue-'));
const prep = (...args: string[]) => run(args, { home });
const json = (...args: string[]) => {
  const result = prep(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
interface Overdue {
  day: number;
  id: string;
  text: string;
  n: number;
  days: { from: number; to: number };
  count: number;
}
const overdueOn = (date: string) => json('today', '--date', date).overdue as Overdue[];
const DAY_36 = '2026-04-05'; // of the 6-week plan started on 1 March

describe.sequential('overdue tasks and ranges of days', () => {
  it('names the number of each overdue task on its day, and the command that marks the first', () => {
    prep('plan', 'switch', '6-week', '--start', '2026-03-01', '--date', '2026-03-01');
    prep('done', '--day', '1', '--all', '--date', '2026-03-03');
    const text = prep('today', '--date', '2026-03-03').stdout;
    expect(text).toContain('\nOverdue: 8 tasks from earlier days\n  day 2, task 1: Read: ');
    expect(text).toContain('\n  day 2, task 3: ');
    expect(text).toContain('\nMark them with `prep done --day D N`: `prep done --day 2 1` for the first.\n');
    expect(overdueOn('2026-03-03').map((task) => [task.day, task.n])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [2, n]));
    // The number shown is the one that marks it.
    const fourth = overdueOn('2026-03-03')[3]!;
    expect(prep('done', '--day', '2', String(fourth.n), '--date', '2026-03-03').stdout).toContain(`✔ Done: 4. ${fourth.text}\n`);
    expect(overdueOn('2026-03-03').map((task) => task.n)).toEqual([1, 2, 3, 5, 6, 7, 8]);
  });

  it('shows a range task open on several days once, with the count and the command that clears it', () => {
    prep('done', '--day', '1-28', '--all', '--date', DAY_36);
    prep('done', '--day', '31', '2', '--date', DAY_36);
    const text = prep('today', '--date', DAY_36).stdout;
    expect(text).toContain(
      [
        'Overdue: 27 tasks from earlier days',
        '  days 29–35, task 1: System design practice (7 days: `prep done --day 29-35 1` clears it)',
        '  days 29–35, task 2: Technical deep dive practice (6 days: `prep done --day 29-35 2` clears it)',
        '  days 29–35, task 3: BrandOS code review (7 days: `prep done --day 29-35 3` clears it)',
        '  … and 7 more',
        'Mark them with `prep done --day D N`: `prep done --day 29-35 1` for the first.',
      ].join('\n'),
    );
    expect(overdueOn(DAY_36)[1]).toEqual({ day: 29, id: 'd29-35.technical-deep-dive-practice@29', text: 'Technical deep dive practice', n: 2, days: { from: 29, to: 35 }, count: 6 });
  });

  it('`prep done --day 29–35 2` marks task 2 on each of those days at once, en dash or hyphen', () => {
    const done = prep('done', '--day', '29–35', '2', '--date', DAY_36);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toBe('✔ Done: 2. Technical deep dive practice, days 29–30, 32–35\n  2. Technical deep dive practice, day 31 (already done)\nDays 29–35: 7/28 done · streak 1 day\n');
    expect(overdueOn(DAY_36).some((task) => task.text === 'Technical deep dive practice')).toBe(false);
    const json = JSON.parse(prep('done', '--day', '29-30', '1', '--date', DAY_36, '--json').stdout);
    expect(json).toMatchObject({ day: 29, days: { from: 29, to: 30 }, dayProgress: { done: 4, total: 8 } });
    expect(json.changed).toEqual([
      { n: 1, id: 'd29-35.system-design-practice@29', text: 'System design practice', day: 29 },
      { n: 1, id: 'd29-35.system-design-practice@30', text: 'System design practice', day: 30 },
    ]);
  });

  it('`prep undo --day 30-32 2` takes the same ranges', () => {
    expect(prep('undo', '--day', '30-32', '2', '--date', DAY_36).stdout).toBe('○ Not done: 2. Technical deep dive practice, days 30–32\nDays 30–32: 1/12 done · streak 1 day\n');
    expect(overdueOn(DAY_36).find((task) => task.text === 'Technical deep dive practice')).toMatchObject({ n: 2, days: { from: 30, to: 32 }, count: 3 });
  });

  it.each([
    [['done', '--day', '33-29', '1'], 'prep: --day 33-29 runs backwards\nPut the first day first: --day 29-33.\n'],
    [['done', '--day', '40-45', '1'], 'prep: --day 40-45 is not inside the days of 6-week: days run from 1 to 42\n'],
    [['undo', '--day', '0-3', '1'], 'prep: --day 0-3 is not inside the days of 6-week: days run from 1 to 42\n'],
    [['done', '--day', '29-', '1'], /^prep: --day 29- is not a day of 6-week: days run from 1 to 42\nPass a plan day, such as --day 5, or a range of days/],
    [['done', '--day', '27-30', '4'], /^prep: not every day of 27-30 has a task 4: day 27 has 2 tasks, day 28 has 2 tasks\n/],
    [['done', '--day', '29-35'], /^prep: which tasks of days 29-35\? Pass their numbers, or --all\nFor example: prep done --day 29-35 1\n/],
  ])('%j is refused with exit 2, naming what is wrong, and changes nothing', (args, message) => {
    const before = logFiles(home);
    const result = prep(...args, '--date', DAY_36);
    expect(result.status).toBe(2);
    if (typeof message === 'string') expect(result.stderr).toBe(message);
    else expect(result.stderr).toMatch(message);
    expect(logFiles(home)).toEqual(before);
  });
});
