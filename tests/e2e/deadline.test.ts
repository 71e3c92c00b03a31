// A deadline, as a user in New York sets it after the 8 March 2026 DST change: the 6-week plan
// started on Monday 2 March, days 1-10 done on their dates, days 11-15 skipped; today is Tuesday
// 17 March. The figures are worked out by hand from the plan (as tests/e2e/coach.test.ts does).
import { describe, expect, it } from 'vitest';
import { coachUser } from '../support/coach-user.js';

const TODAY = ['--date', '2026-03-17'];

describe('prep deadline', () => {
  const { prep, json, files, tenDaysFrom } = coachUser();
  tenDaysFrom('2026-03-02');

  it('shows none at first, in words and in --json', () => {
    expect(prep('deadline', ...TODAY).stdout).toBe('6-week has no deadline.\n`prep deadline DATE` sets one, such as `prep deadline 2026-05-01`.\n');
    expect(json('deadline', ...TODAY)).toMatchObject({ action: 'shown', deadline: null, end: '2026-04-12', late: false });
  });

  it('refuses a date in the past, or no date, and writes nothing', () => {
    const before = files();
    const past = prep('deadline', '2026-03-16', ...TODAY);
    expect(past.status).toBe(2);
    expect(past.stderr).toBe('prep: deadline 2026-03-16 is in the past (today is 2026-03-17)\nGive today or a later date, such as `prep deadline 2026-05-01`; `prep deadline --clear` removes one.\n');
    const word = prep('deadline', 'soon', ...TODAY);
    expect(word.status).toBe(2);
    expect(word.stderr).toBe('prep: deadline "soon" is not a date\nUse today, yesterday, tomorrow, or a date written YYYY-MM-DD, such as 2026-03-01.\n');
    expect(prep('deadline', '2026-04-30', '--clear', ...TODAY).status).toBe(2);
    expect(files()).toEqual(before);
  });

  it('sets it; today and stats show the days left, the pace it needs and that the plan ends after it', () => {
    // Friday 10 April is 24 days after Tuesday 17 March (14 to 31 March, 10 more); the plan's day 42 is Sunday 12 April.
    const set = prep('deadline', '2026-04-10', ...TODAY);
    expect(set.status, set.stderr).toBe(0);
    expect(set.stdout).toBe("Deadline of 6-week set: Fri 10 Apr 2026, in 24 days.\nThe plan's own end, Sun 12 Apr 2026, falls after it.\n`prep plan rebalance --dry-run` shows what is left fitted into the days before it.\n");
    // Left: 160 tasks and 180 hours (tests/e2e/coach.test.ts) over the 24 days before it: 160 / 24 = 6.67 tasks, 180 / 24 = 7.5 hours a day.
    const ahead = { deadline: { date: '2026-04-10', daysLeft: 24 }, forecast: { pace: { tasks: 3.71, hours: 3.14 }, finish: '2026-05-13', needed: { tasks: 6.67, hours: 7.5 }, late: true } };
    expect(json('today', ...TODAY)).toMatchObject(ahead);
    expect(json('stats', ...TODAY)).toMatchObject(ahead);
    const page = prep('today', ...TODAY).stdout;
    expect(page).toContain('\nDeadline Fri 10 Apr 2026, in 24 days: it needs 6.7 tasks, 7.5 hours a day.\nThe plan\'s own end, Sun 12 Apr 2026, falls after the deadline.\n');
    expect(prep('stats', ...TODAY).stdout).toContain('\nDeadline  Fri 10 Apr 2026, in 24 days · needs 6.7 tasks, 7.5 hours a day\n');
    // A day later, a day fewer.
    expect(json('deadline', '--date', '2026-03-18')).toMatchObject({ deadline: { date: '2026-04-10', daysLeft: 23 } });
  });

  it('a deadline after the plan\'s end: no warning', () => {
    expect(json('deadline', '2026-04-30', ...TODAY)).toMatchObject({ action: 'set', previous: '2026-04-10', late: false });
    expect(json('today', ...TODAY).forecast.late).toBe(false);
  });

  it('--clear removes it; clearing none says so', () => {
    expect(prep('deadline', '--clear', ...TODAY).stdout).toBe('Cleared the deadline of 6-week (it was Thu 30 Apr 2026).\n');
    expect(json('today', ...TODAY)).toMatchObject({ deadline: null, forecast: { needed: null, late: false } });
    expect(prep('deadline', '--clear', ...TODAY).stdout).toBe('6-week has no deadline: nothing to clear.\n');
  });

  it('--plan sets another plan\'s, which the active plan does not show', () => {
    expect(json('deadline', '2026-06-01', '--plan', '90', ...TODAY)).toMatchObject({ plan: { id: '90-day' }, action: 'set', deadline: { date: '2026-06-01' }, end: null });
    expect(json('today', ...TODAY).deadline).toBeNull();
    expect(json('deadline', '--plan', '90-day', ...TODAY).deadline.date).toBe('2026-06-01');
  });
});
