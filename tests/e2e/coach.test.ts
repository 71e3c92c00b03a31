// The coach toward a date, as a user in New York lives it across the 8 March 2026 DST change: the
// pace and the finish at it in `today` and `stats`, a plan far past its end caught up (and a dry
// run of that first), and a plan whose day 1 is a Monday started on a Wednesday.
import { describe, expect, it } from 'vitest';
import { coachUser as user } from '../support/coach-user.js';

describe('the pace and the finish at it, across the DST change', () => {
  const { prep, json, tenDaysFrom } = user();
  // Started Monday 2 March; days 1-10 done on 2-11 March; days 11-15 skipped; today is Tuesday 17 March, day 16.
  tenDaysFrom('2026-03-02');

  it('today and stats carry the same forecast, worked out by hand; no deadline yet', () => {
    // The 14 days from 4 to 17 March hold days 3-10, done on 4-11 March:
    //   tasks: days 3-5 and 8-10 have 8 each, days 6 and 7 (the weekend) 2 each → 6 × 8 + 2 × 2 = 52 → 52 / 14 = 3.71 a day;
    //   hours: days 3-5 and 8-10 take 5 each (2 + 2 + 1 of their sections), day 6 8 and day 7 6 ("Full Day (… hours).")
    //          → 30 + 14 = 44 → 44 / 14 = 3.14 a day.
    // Left: 228 - 68 = 160 tasks; the plan's 234 hours less days 1-10's 54 → 180 hours. At 44 / 14 hours a day they take
    // ⌈180 × 14 / 44⌉ = ⌈57.27⌉ = 58 days: today and 57 more, Wednesday 13 May.
    const expected = { pace: { tasks: 3.71, hours: 3.14 }, paceDays: 14, finish: '2026-05-13', needed: null, remaining: { tasks: 160, hours: 180 }, late: false };
    const today = json('today', '--date', '2026-03-17');
    expect(today).toMatchObject({ day: 16, behind: 5, deadline: null, forecast: expected });
    expect(json('stats', '--date', '2026-03-17')).toMatchObject({ deadline: null, forecast: expected });
  });

  it('says so in words on both', () => {
    // 13 May is 31 days after the plan's end, day 42 on Sunday 12 April.
    expect(prep('today', '--date', '2026-03-17').stdout).toContain('\nAt your pace of the last 14 days (3.7 tasks, 3.1 hours a day), you finish on Wed 13 May 2026, 31 days after the plan\'s end.\n');
    expect(prep('stats', '--date', '2026-03-17').stdout).toContain('\nPace      3.7 tasks, 3.1 hours a day (last 14 days) · done on Wed 13 May 2026\n');
  });

  it('a fortnight with nothing done: no pace, no finish', () => {
    expect(json('today', '--date', '2026-03-26').forecast).toMatchObject({ pace: null, finish: null });
    expect(prep('today', '--date', '2026-03-26').stdout).not.toContain('At your pace');
    expect(prep('stats', '--date', '2026-03-26').stdout).toContain('\nPace      none yet: nothing done in the last 14 days\n');
  });
});

describe('far behind: past the end with tasks open', () => {
  const { prep, json, files, tenDaysFrom } = user();
  // Started Monday 5 January; days 1-10 done; the plan's 42 days ended on Sunday 15 February. Today is Friday 20 March.
  tenDaysFrom('2026-01-05');

  it('is "ended", not "finished", and offers catch-up', () => {
    expect(json('today', '--date', '2026-03-20')).toMatchObject({ status: 'ended', day: 75, end: '2026-02-15', progress: { done: 68, total: 228 } });
    const page = prep('today', '--date', '2026-03-20').stdout;
    expect(page).toMatch(/^6-Week Intensive — Principal Backend Engineer\nFri 20 Mar 2026: ended on Sun 15 Feb 2026, 68\/228 done, checklist 0\/10\.\n`prep plan catch-up` picks up at day 11, the first not done: the plan ends later, nothing done is lost\.\nOr `prep plan rebalance --until DATE` \(with a deadline, `prep plan rebalance`\) fits what is left into the days to a date\.\n/);
    expect(page).not.toContain('finished');
    expect(prep('stats', '--date', '2026-03-20').stdout).toContain('6-week · ended Sun 15 Feb 2026 · Fri 20 Mar 2026\n');
  });

  it('catch-up --dry-run says what it would move and leaves every file as it was', () => {
    const before = files();
    const dry = prep('plan', 'catch-up', '--dry-run', '--date', '2026-03-20');
    expect(dry.status, dry.stderr).toBe(0);
    // Day 11 is a Thursday in the plan (day 1 a Monday): the first Thursday from today is 26 March, so day 1 moves to
    // Monday 16 March, 70 days after 5 January, and the end from 15 February to 26 April.
    expect(dry.stdout).toBe(
      'Would move 6-week 70 days later: day 11, the first not done, falls on Thu 26 Mar 2026, keeping the plan\'s weekend days on weekends; nothing is due until then.\n' +
        'It would end on Sun 26 Apr 2026 instead of Sun 15 Feb 2026. Everything you did stays done.\n' +
        'A dry run: nothing was changed. `prep plan catch-up` does it.\n',
    );
    expect(json('plan', 'catch-up', '--dry-run', '--date', '2026-03-20')).toMatchObject({ dryRun: true, shiftedBy: 70, start: { after: '2026-03-16' }, firstOpen: { day: 11, date: '2026-03-26' }, wait: 6 });
    expect(files()).toEqual(before);
  });

  it('catch-up then moves it: its weekend days on Saturdays and Sundays, nothing done lost', () => {
    const caught = prep('plan', 'catch-up', '--date', '2026-03-20');
    expect(caught.status, caught.stderr).toBe(0);
    expect(caught.stdout).toMatch(/^Moved 6-week 70 days later: day 11, the first not done, falls on Thu 26 Mar 2026/);
    // Today is day 5 of the moved plan; days 6-10, done, are 5 days ahead of it.
    expect(json('today', '--date', '2026-03-20')).toMatchObject({ status: 'active', day: 5, start: '2026-03-16', end: '2026-04-26', behind: -5, progress: { done: 68 } });
    // Day 13, the "Weekend Deep Dive" of 8 hours, is on Saturday 28 March; day 14 on Sunday 29 March.
    expect(json('today', '--day', '13', '--date', '2026-03-20')).toMatchObject({ date: '2026-03-28', title: 'Weekend Deep Dive - Architecture Patterns' });
    expect(json('today', '--day', '14', '--date', '2026-03-20').date).toBe('2026-03-29');
  });

  it('a plan with every task done is finished: nothing to catch up', () => {
    const done = user();
    done.tenDaysFrom('2026-01-05');
    expect(done.prep('done', '--all', '--day', '11-42', '--date', '2026-03-20').status).toBe(0);
    expect(done.json('today', '--date', '2026-03-20')).toMatchObject({ status: 'finished', progress: { done: 228, total: 228 } });
    const refused = done.prep('plan', 'catch-up', '--date', '2026-03-20');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('prep: 6-week finished on 2026-02-15 with every task done: there is nothing to catch up\n`prep plan switch 6-week --start today` starts it again from day 1; what you did stays done.\n');
  });
});

describe('a plan whose day 1 is a Monday, started on a Wednesday', () => {
  const { prep, json } = user();

  it('the first run says so on stderr and names the start that keeps its weekdays', () => {
    const first = prep('today', '--date', '2026-03-04');
    expect(first.status).toBe(0);
    expect(first.stderr).toContain("6-week's day 1 is a Monday: starting it on a Wednesday puts its weekend days on Mondays and Tuesdays. `prep plan switch 6-week --start monday` starts it on Mon 9 Mar 2026 instead.\n");
    // As started, its 8-hour "Weekend Deep Dive", day 6, falls on Monday 9 March.
    expect(json('today', '--day', '6', '--date', '2026-03-04')).toMatchObject({ date: '2026-03-09', title: 'Weekend Deep Dive - System Design Practice' });
  });

  it('plan switch --start on a Wednesday says so too, in words and in --json', () => {
    const switched = prep('plan', 'switch', '6-week', '--start', '2026-03-04', '--date', '2026-03-04');
    expect(switched.status).toBe(0);
    expect(switched.stdout).toContain("\n6-week's day 1 is a Monday: starting it on a Wednesday puts its weekend days on Mondays and Tuesdays. `prep plan switch 6-week --start monday` starts it on Mon 9 Mar 2026 instead.\n");
    expect(json('plan', 'switch', '6-week', '--start', '2026-03-04', '--date', '2026-03-04').misaligned).toEqual({ startsOn: 'monday', weekday: 'wednesday', weekendOn: ['monday', 'tuesday'], next: '2026-03-09', startArg: 'monday' });
  });

  it('--start monday and --start next-monday name the Monday after the DST change; an aligned start says nothing', () => {
    expect(json('plan', 'switch', '6-week', '--start', 'monday', '--date', '2026-03-04')).toMatchObject({ start: '2026-03-09', status: 'not-started', misaligned: null });
    expect(json('plan', 'switch', '6-week', '--start', 'next-monday', '--date', '2026-03-09')).toMatchObject({ start: '2026-03-16', misaligned: null });
    expect(prep('plan', 'switch', '6-week', '--start', 'monday', '--date', '2026-03-09').stdout).not.toContain('day 1 is a Monday');
    const bad = prep('plan', 'switch', '6-week', '--start', 'funday', '--date', '2026-03-09');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('prep: --start "funday" is not a date or a weekday\nUse a weekday such as monday or next-monday, today, tomorrow, or a date written YYYY-MM-DD.\n');
  });

  it('catch-up puts it back on its weekdays: its weekend days on Saturday and Sunday', () => {
    // Started Wednesday 4 March; days 1-3 done on 4-6 March; on Tuesday 10 March (day 7) day 4 is the first open one.
    expect(prep('plan', 'switch', '6-week', '--start', '2026-03-04', '--date', '2026-03-04').status).toBe(0);
    for (const date of ['2026-03-04', '2026-03-05', '2026-03-06']) expect(prep('done', '--all', '--date', date).status).toBe(0);
    // Day 4 is a Thursday by the plan: Thursday 12 March, day 1 on Monday 9 March.
    expect(json('plan', 'catch-up', '--date', '2026-03-10')).toMatchObject({ start: { before: '2026-03-04', after: '2026-03-09' }, firstOpen: { day: 4, date: '2026-03-12' }, wait: 2 });
    expect(json('today', '--day', '6', '--date', '2026-03-10')).toMatchObject({ date: '2026-03-14', title: 'Weekend Deep Dive - System Design Practice' });
    expect(json('today', '--day', '7', '--date', '2026-03-10').date).toBe('2026-03-15');
    expect(json('today', '--day', '8', '--date', '2026-03-10').date).toBe('2026-03-16');
  });
});
