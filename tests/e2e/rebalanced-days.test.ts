// Living under a rebalanced schedule, in New York after the 8 March 2026 DST change: the 6-week
// plan started on Monday 2 March, days 1-10 done on their dates, then rebalanced on Tuesday 17
// March toward a deadline of 30 April at "mon-fri 6h, sat-sun 8h". `prep today` shows what each
// date holds, numbered for the date; `prep done N` marks by those numbers; what is left undone
// on a past date is overdue.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/schedule/dates.js';
import { coachUser } from '../support/coach-user.js';

interface Dated {
  date: string;
  days: number[];
}

describe('a rebalanced schedule, day by day', () => {
  const { prep, json, files, tenDaysFrom } = coachUser();
  tenDaysFrom('2026-03-02');
  expect(prep('deadline', '2026-04-30', '--date', '2026-03-17').status).toBe(0);
  expect(prep('config', 'set', 'capacity', 'mon-fri 6h, sat-sun 8h').status).toBe(0);
  const plan: Dated[] = json('plan', 'rebalance', '--yes', '--date', '2026-03-17').dates;
  const daysOn = (date: string) => plan.find((d) => d.date === date)?.days ?? [];

  it('today shows the date\'s tasks, from the plan days the schedule put on it, numbered 1, 2, … for the date', () => {
    // Day 11 takes 5 of Tuesday's 6 hours.
    expect(daysOn('2026-03-17')).toEqual([11]);
    expect(json('today', '--date', '2026-03-17').schedule).toEqual({ label: 'Day 11, tasks 1–8', next: null });
    expect(prep('today', '--date', '2026-03-17').stdout).toMatch(/^Day 11, tasks 1–8 {3}Tue 17 Mar 2026\n6-week · rebalanced · ends Sun 26 Apr 2026\n\nDay 11 · Morning \(2 hours\)\n {2}1\. ○ Read: REST API best practices\n/);
    // A date that holds two plan days numbers their tasks on from one another.
    const two = plan.find((d) => d.days.length === 2)!;
    const page = json('today', '--date', two.date);
    expect(page.schedule.label).toBe(`Day ${two.days[0]} and day ${two.days[1]}, tasks 1–${page.tasks.length}`);
    expect(page.tasks.map((t: { n: number }) => t.n)).toEqual(page.tasks.map((_: unknown, i: number) => i + 1));
    expect(prep('today', '--date', two.date).stdout).toContain(`\nDay ${two.days[1]} · `);
  });

  it('each date shows the plan days the rebalance put on it: the calendar and today agree', () => {
    for (const { date, days } of plan.slice(0, 8)) {
      const page = json('today', '--date', date);
      expect([...new Set(page.tasks.map((t: { day: number }) => t.day))], date).toEqual(days);
    }
  });

  it('done N marks by the date\'s numbers, which stay the same all day', () => {
    const two = plan.find((d) => d.days.length === 2)!;
    const page = json('today', '--date', two.date);
    const last = page.tasks.at(-1);
    expect(last.day).toBe(two.days[1]);
    const marked = json('done', '1', String(last.n), '--date', two.date);
    expect(marked.changed.map((t: { id: string }) => t.id)).toEqual([page.tasks[0].id, last.id]);
    const after = json('today', '--date', two.date);
    expect(after.tasks.map((t: { id: string }) => t.id)).toEqual(page.tasks.map((t: { id: string }) => t.id));
    expect(after.tasks.filter((t: { done: boolean }) => t.done).map((t: { n: number }) => t.n)).toEqual([1, last.n]);
    expect(prep('done', String(page.tasks.length + 1), '--date', two.date).status).toBe(2);
    expect(json('done', '1', '--date', '2026-03-17').changed[0].id).toBe(json('today', '--date', '2026-03-17').tasks[0].id);
  });

  it('a weekday the schedule leaves empty (the weekend days wait for the weekend) says when the next work is', () => {
    const free = ['2026-03-18', '2026-03-19', '2026-03-20'].find((date) => daysOn(date).length === 0)!;
    const next = plan.find((d) => d.date > free)!.date;
    expect(json('today', '--date', free).schedule).toEqual({ label: '', next });
    const before = files();
    const refused = prep('done', '1', '--date', free);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`prep: nothing is due on ${free} under your rebalanced schedule; the next work is on ${next}\nName a plan day with --day, such as \`prep done --day 12 1\`; \`prep today\` shows what is due.\n`);
    expect(files()).toEqual(before);
  });

  it('what is left open on past dates is overdue, oldest first, and counts as days behind', () => {
    const later = plan[3]!.date;
    const page = json('today', '--date', later);
    const open = page.overdue.map((t: { day: number; n: number }) => `${t.day}.${t.n}`);
    // Tuesday's task 1 (day 11, task 1) is done; day 11's task 2 is the oldest open one.
    expect(open[0]).toBe('11.2');
    expect(open).not.toContain('11.1');
    expect(page.behind).toBe(Math.round((Date.parse(later) - Date.parse('2026-03-17')) / 86_400_000));
    expect(prep('today', '--date', later).stdout).toContain('behind your schedule.\n`prep plan rebalance` fits what is left into the days ahead; nothing done is lost.\n');
  });

  it('week shows the calendar week\'s dates with the plan days the schedule put on each; stats counts days behind it', () => {
    const week = json('week', '--date', '2026-03-18').schedule;
    expect(week.map((d: { date: string }) => d.date)).toEqual(['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']);
    for (const d of week) expect(d.days, d.date).toEqual(daysOn(d.date));
    expect(week.find((d: { today: boolean }) => d.today).date).toBe('2026-03-18');
    const table = prep('week', '--date', '2026-03-18').stdout;
    expect(table).toContain('\n   Tue 17 Mar 2026  day 11 ');
    expect(table).toContain('\n> today · rebalanced: `prep today` lists what is due\n');
    const later = plan[3]!.date;
    expect(json('stats', '--date', later)).toMatchObject({ status: 'active', end: '2026-04-26', behind: json('today', '--date', later).behind });
  });

  it('the calendar agrees: each plan day on each date its tasks fall on, a split day in parts, and the deadline', () => {
    const exported = prep('export', '--ics', '--date', '2026-03-18');
    expect(exported.status, exported.stderr).toBe(0);
    const events = exported.stdout.replace(/\r\n[ \t]/g, '').split('BEGIN:VEVENT').slice(1).map((block) => ({
      uid: /UID:(.*)\r\n/.exec(block)![1]!,
      date: /DTSTART;VALUE=DATE:(\d{4})(\d\d)(\d\d)/.exec(block)!.slice(1).join('-'),
      summary: /SUMMARY:(.*)\r\n/.exec(block)![1]!,
    }));
    const dayOf = (summary: string) => Number(/^Day (\d+)\//.exec(summary)?.[1]);
    for (const { date, days } of plan) for (const day of days) expect(events.some((e) => e.date === date && dayOf(e.summary) === day), `day ${day} on ${date}`).toBe(true);
    for (const e of events.filter((e) => dayOf(e.summary) >= 11)) expect(daysOn(e.date), e.summary).toContain(dayOf(e.summary));
    const split = plan.find((d, i) => i > 0 && d.days[0] === plan[i - 1]!.days.at(-1))!;
    const parts = events.filter((e) => dayOf(e.summary) === split.days[0]);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]!.uid).toBe(`6-week-day-${split.days[0]}@prep`);
    expect(parts[1]!.summary).toMatch(new RegExp(`^Day ${split.days[0]}/42 · .*\\, part 2 of ${parts.length} \\(6-week\\)$`));
    expect(events.filter((e) => e.uid === '6-week-deadline@prep')).toEqual([{ uid: '6-week-deadline@prep', date: '2026-04-30', summary: 'Deadline (6-week)' }]);
    // Days 1-10, done before the schedule, stay on the dates they were done.
    expect(events.find((e) => dayOf(e.summary) === 1)!.date).toBe('2026-03-02');
  });

  it('a date the schedule gives no work bridges the streak, as a rest day does', () => {
    // The first date with no work after one with work: study the one before it, skip it, and the streak holds after it.
    const free = ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21'].find((date) => daysOn(date).length === 0 && daysOn(addDays(date, -1)).length > 0)!;
    const before = addDays(free, -1);
    expect(prep('done', '1', '--date', before).status).toBe(0);
    const next = plan.find((d) => d.date > free)!.date;
    const streak = json('today', '--date', next).streak;
    expect(streak.current).toBeGreaterThanOrEqual(1);
    expect(streak.atRisk).toBe(true);
    expect(json('stats', '--date', next).streak).toEqual(streak);
    // The shell prompt counts the same streak, from the free dates every change writes.
    expect(prep('prompt', '--format', '{streak}', '--date', next).stdout.trim()).toBe(String(streak.current));
  });
});
