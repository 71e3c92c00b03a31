// A fortnight with the 6-week plan, run as a user would: one PREP_HOME, an explicit --date each day.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFiles, logView, prep as run } from '../helpers.js';

const home = mkdtempSync(join(tmpdir(), 'prep-fortnight-'));
// New York, so the plan's days cross the 8 March DST change; every command names its date.
const prep = (...args: string[]) => run(args, { home, env: { TZ: 'America/New_York' } });
const json = (...args: string[]) => {
  const result = prep(...args, '--json');
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

describe.sequential('a fortnight of the daily loop', () => {
  it('day 1: the first run starts the default plan and says so on stderr', () => {
    const first = prep('today', '--date', '2026-03-02');
    expect(first.status).toBe(0);
    expect(first.stderr).toMatch(/^Started the plan 6-week \(6-Week Intensive — Principal Backend Engineer\) on 2026-03-02\./);
    expect(first.stdout).toMatch(/^Day 1\/42 · System Design Framework {3}Mon 2 Mar 2026\n6-week · Week 1: System Design Foundation\n/);
    expect(first.stdout).toContain('  1. ○ Read: `02_system_design_FAANG.md` - Framework section');
    expect(prep('today', '--date', '2026-03-02').stderr).toBe(''); // only the first run says it
  });

  it('day 1: done and undo change the marks that today shows', () => {
    const done = prep('done', '1', '2', '--date', '2026-03-02');
    expect(done.status).toBe(0);
    expect(done.stdout).toBe('✔ Done: 1. Read: `02_system_design_FAANG.md` - Framework section\n✔ Done: 2. Study: 6-step process (Clarify → Design → Scale → Failures → Tradeoffs)\nDay 1: 2/8 done · streak 1 day\n');
    expect(prep('done', '2', '--date', '2026-03-02').stdout).toContain('(already done)');
    expect(prep('undo', '2', '--date', '2026-03-02').stdout).toMatch(/^○ Not done: 2\. Study: 6-step process/);
    const today = json('today', '--date', '2026-03-02');
    expect(today).toMatchObject({ date: '2026-03-02', plan: { id: '6-week', days: 42 }, status: 'active', day: 1, streak: { current: 1, longest: 1, atRisk: false }, checklist: { done: 0, total: 10 }, progress: { done: 1, total: 228 } });
    expect(today.tasks.map((t: { n: number; done: boolean }) => [t.n, t.done])).toEqual([[1, true], [2, false], [3, false], [4, false], [5, false], [6, false], [7, false], [8, false]]);
    expect(today.tasks[0]).toEqual(expect.objectContaining({ id: 'd1.read-02-system-design-faang-md-framework-section', section: 'Morning (2 hours)' }));
  });

  it('day 2: --all marks the whole day', () => {
    expect(prep('done', '--all', '--date', '2026-03-03').stdout).toMatch(/Day 2: 8\/8 done · streak 2 days\n$/);
  });

  it('day 4, after a missed day 3: the streak is broken, the longest kept, day 3 overdue', () => {
    const today = json('today', '--date', '2026-03-05');
    expect(today.day).toBe(4);
    expect(today.streak).toEqual({ current: 0, longest: 2, atRisk: false });
    expect(today.overdue).toHaveLength(7 + 8);
    expect(today.overdue[0]).toEqual({ day: 1, id: 'd1.study-6-step-process-clarify-design-scale', text: 'Study: 6-step process (Clarify → Design → Scale → Failures → Tradeoffs)', n: 2, days: { from: 1, to: 1 }, count: 1 });
    const text = prep('today', '--date', '2026-03-05').stdout;
    expect(text).toContain('Overdue: 15 tasks from earlier days\n  day 1, task 2: Study: 6-step process');
    expect(text).toContain('… and 12 more');
  });

  it('backfilling yesterday mends the streak: forgetting to log is not missing a day', () => {
    const backfill = prep('done', '--day', '3', '1', '--date', '2026-03-04');
    expect(backfill.status).toBe(0);
    expect(json('today', '--date', '2026-03-05').streak).toEqual({ current: 3, longest: 3, atRisk: true });
    expect(prep('done', '1', '--date', '2026-03-05').stdout).toMatch(/streak 4 days\n$/);
  });

  it('day 8, after missing days 6 and 7: the streak restarts, the longest stays', () => {
    expect(prep('done', '1', '--date', '2026-03-09').stdout).toMatch(/Day 8: 1\/8 done · streak 1 day \(longest 4\)\n$/);
  });

  it('switching to 90-day and back keeps each plan\'s start and progress', () => {
    const to90 = prep('plan', 'switch', '90', '--date', '2026-03-09');
    expect(to90.status).toBe(0);
    expect(to90.stdout).toMatch(/^Switched to 90-day: 90-Day Staff\/Sr\. Staff Engineer Interview Preparation Plan\nday 1 of 90 \(started Mon 9 Mar 2026\)\./);
    prep('done', '1', '--date', '2026-03-09');
    const on90 = json('today', '--date', '2026-03-09');
    expect(on90).toMatchObject({ plan: { id: '90-day' }, day: 1, progress: { done: 1 } });
    expect(on90.tasks[0]).toMatchObject({ n: 1, id: 'd1-7.30-min-review-theory-solid-dry-kiss-yagni-soc@1', done: true });

    const back = prep('plan', 'switch', '6-week', '--date', '2026-03-10');
    expect(back.stdout).toMatch(/^Switched to 6-week: .*\nday 9 of 42 \(started Mon 2 Mar 2026\); progress kept: 12\/228 tasks done\./);
    expect(json('plan', 'list', '--date', '2026-03-10').find((p: { id: string }) => p.id === '6-week')).toMatchObject({ active: true });
    expect(json('today', '--date', '2026-03-10')).toMatchObject({ plan: { id: '6-week' }, day: 9, progress: { done: 12 } });
    // A study day in any plan counts: 9 March was studied in 90-day.
    expect(prep('done', '2', '--date', '2026-03-10').stdout).toMatch(/streak 2 days \(longest 4\)\n$/);
  });

  it('ticks and unticks the final checklist', () => {
    expect(prep('check', '1', '3', '--date', '2026-03-10').stdout).toMatch(/^Final checklist of 6-week: 2\/10\n {3}1\. \[x\] Apply system design framework \(6 steps\)\n {3}2\. \[ \] /);
    prep('uncheck', '3', '--date', '2026-03-10');
    expect(json('checklist', '--date', '2026-03-10')).toMatchObject({ done: 1, total: 10 });
    expect(json('today', '--date', '2026-03-10').checklist).toEqual({ done: 1, total: 10 });
  });

  it('a declared rest day bridges the streak, at most one in 7 days', () => {
    expect(prep('rest', '--date', '2026-03-11').stdout).toBe('Rest day declared for Wed 11 Mar 2026.\nstreak 2 days (longest 4)\n');
    expect(json('today', '--date', '2026-03-12').streak).toEqual({ current: 2, longest: 4, atRisk: true });
    const again = prep('rest', '--date', '2026-03-12');
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('you already rested on 2026-03-11');
    expect(prep('done', '1', '--date', '2026-03-12').stdout).toMatch(/streak 3 days \(longest 4\)\n$/);
  });

  it('day 14: overdue work is listed under today\'s tasks', () => {
    const today = prep('today', '--date', '2026-03-15').stdout;
    expect(today).toMatch(/^Day 14\/42 · Weekend Review & Mock Interview/);
    expect(today).toMatch(/\nOverdue: \d+ tasks from earlier days\n {2}day 1, task \d+: /);
  });

  it('says when a plan has not started yet, and when it is over', () => {
    expect(prep('plan', 'switch', '37', '--start', '2026-04-01', '--date', '2026-03-15').stdout).toContain('starts in 17 days, on Wed 1 Apr 2026');
    expect(prep('today', '--date', '2026-03-15').stdout).toContain('Sun 15 Mar 2026: starts in 17 days, on Wed 1 Apr 2026 (day 1 of 37).');
    prep('plan', 'switch', '6-week', '--date', '2026-03-15');
    // Over with tasks open: ended, not finished, and catch-up offered.
    expect(prep('today', '--date', '2026-05-01').stdout).toMatch(/Fri 1 May 2026: ended on Sun 12 Apr 2026, 14\/228 done, checklist 1\/10\.\n`prep plan catch-up` picks up at day 1, the first not done/);
  });

  it.each([
    [['done', '99', '--date', '2026-03-15'], /^prep: there is no task 99: that day has 2 tasks; pass numbers from 1 to 2\n/],
    [['done', 'abc', '--date', '2026-03-15'], /^prep: "abc" is not a task number: pass numbers from 1 to 2\n/],
    [['done', '0', '--date', '2026-03-15'], /^prep: there is no task 0/],
    [['done', '--date', '2026-03-15'], /^prep: which tasks\? Pass their numbers \(1-2\), or --all\n/],
    [['done', '1', '--date', '2999-01-01'], /^prep: cannot record activity on 2999-01-01, a date in the future/],
    [['today', '--date', '2026-02-30'], /^prep: --date "2026-02-30" is not a date\nUse today, yesterday, tomorrow, or a date written YYYY-MM-DD/],
    [['done', '--day', '43', '1', '--date', '2026-03-15'], /^prep: --day 43 is not a day of 6-week: days run from 1 to 42\n/],
    [['plan', 'switch', 'nope'], /^prep: no plan "nope"\nPlans: 28-day-data, 37-day-backend, 4-week-system-design, 6-week, 90-day\./],
    [['plan', 'switch', '90-dya'], /^prep: no plan "90-dya"; did you mean "90-day"\?/],
    [['plan', 'switch'], /^prep: which plan\? Name it: prep plan switch ID\n/],
    [['check', '11', '--date', '2026-03-15'], /^prep: there is no item 11: the checklist has 10 items; pass numbers from 1 to 10\n`prep checklist` shows the numbers\.\n$/],
    [['plan', 'switch', '90', '--start', '2026-02-30'], /^prep: --start "2026-02-30" is not a date\n/],
    [['config'], /Usage: prep config/],
    [['config', 'set', 'day-start', '25:00'], /^prep: day-start "25:00" is not a time from 00:00 to 11:59/],
    [['config', 'set', 'day-strat', '04:00'], /^prep: no setting "day-strat"; did you mean "day-start"\?/],
  ])('%j is exit 2 with a clear message and no stack trace', (args, message) => {
    const before = logFiles(home);
    const result = prep(...args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
    expect(logFiles(home)).toEqual(before);
  });

  it('keeps settings in a config file beside the log, and caches apart from both', () => {
    expect(prep('config', 'path').stdout).toBe(`${join(home, 'log')}\n`);
    expect(json('config', 'path')).toEqual({ path: join(home, 'log'), config: join(home, 'config.json'), cache: join(home, 'cache') });
    const log = logFiles(home);
    expect(prep('config', 'set', 'day-start', '04:00').stdout).toBe('day-start = 04:00\n');
    const device = JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).device as string;
    expect(device).toMatch(/^[a-z0-9][a-z0-9-]*-[a-z0-9]{6}$/);
    expect(prep('config', 'get').stdout).toBe(`day-start = 04:00\ndefault-plan = 6-week\nprompt-format = 🔥{streak} {done}/{total}{risk}\nreview-retention = 0.9\nreview-limit = 20\ncapacity = mon-fri 4h, sat-sun 8h (6-week's own)\ndevice = ${device}\n`);
    expect(prep('config', 'set', 'device', 'mine').stderr).toContain('device is made by prep, not set');
    expect(JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')).settings).toEqual({ dayStart: 240, defaultPlan: '6-week' });
    expect(logFiles(home)).toEqual(log); // a setting is not an event
  });

  it('a broken state file is exit 1, named, and left byte for byte as it was', () => {
    const broken = mkdtempSync(join(tmpdir(), 'prep-broken-'));
    writeFileSync(join(broken, 'state.json'), '{"version": 1, "log": [tru');
    for (const args of [['today'], ['done', '1'], ['plan', 'switch', '90']]) {
      const result = run(args, { home: broken });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`prep: cannot read the state file ${join(broken, 'state.json')}: it is not valid JSON`);
      expect(readFileSync(join(broken, 'state.json'), 'utf8')).toBe('{"version": 1, "log": [tru');
    }
  });
});

describe('the first run', () => {
  it('refused for a bad number starts nothing; one that records starts the plan and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'prep-first-run-'));
    const bad = run(['done', '9', '--date', '2026-03-02'], { home: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^prep: there is no task 9/);
    expect(existsSync(join(dir, 'log'))).toBe(false);
    const good = run(['done', '1', '--date', '2026-03-02'], { home: dir });
    expect(good.status).toBe(0);
    expect(good.stderr).toMatch(/^Started the plan 6-week .* on 2026-03-02\./);
    expect(logView(dir)).toMatchObject({ activePlan: '6-week', plans: { '6-week': { start: '2026-03-02' } } });
  });
});
