// The calendar a coach walks, weekday alignment, `--start monday`, catch-up after the end and on a
// plan's weekdays: run in several time zones, across their DST changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { UsageError } from '../../src/errors.js';
import { alignedStart, calendarDays, misalignment, nextWeekday, resolveStartArg, startAlignment } from '../../src/schedule/calendar.js';
import { catchUpStart, standing } from '../../src/schedule/catch-up.js';
import { dateOfDay } from '../../src/schedule/clock.js';
import { addDays, weekdayIndex } from '../../src/schedule/dates.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { planProgress, position } from '../../src/schedule/progress.js';
import type { Mark } from '../../src/state/schema.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const sixWeek = parseCurriculum(readFileSync(join('curricula', '6-week.md'), 'utf8')).plan!;
const days = planDays(sixWeek);
/** Every task of plan days 1..n done. */
const doneThrough = (n: number): Map<string, Mark> => new Map(days.slice(0, n).flatMap((d) => d.tasks.map((t) => [t.id, { date: '2026-03-02' }] as const)));

describe.each(ZONES)('in %s', (zone) => {
  useTimeZone(zone);

  it('runs in the zone it names', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toMatch(zone === 'UTC' ? /^(Etc\/)?UTC$/ : new RegExp(`^${zone}$`));
  });

  it.each([
    ['2026-03-05', '2026-03-11'], // New York springs forward on 8 March
    ['2026-10-29', '2026-11-03'], // and falls back on 1 November
    ['2026-04-02', '2026-04-07'], // Lord Howe moves half an hour on 5 April
    ['2026-10-01', '2026-10-06'], // and on 4 October
    ['2024-02-27', '2024-03-02'], // a leap day
  ])('walks every date from %s to %s once, each on its weekday', (from, to) => {
    const walked = calendarDays(from, to);
    expect(walked.map((d) => d.date)).toEqual(Array.from({ length: walked.length }, (_, i) => addDays(from, i)));
    expect(walked.at(-1)?.date).toBe(to);
    expect(walked.every((d) => d.weekday === weekdayIndex(d.date) && d.weekend === d.weekday >= 5)).toBe(true);
  });

  it('walks nothing backwards, one date from a date to itself, and ten years in one go', () => {
    expect(calendarDays('2026-03-09', '2026-03-08')).toEqual([]);
    expect(calendarDays('2026-03-08', '2026-03-08')).toEqual([{ date: '2026-03-08', weekday: 6, weekend: true }]);
    expect(calendarDays('2026-01-01', '2035-12-31')).toHaveLength(3652);
  });

  it.each([
    ['2026-03-02', 0, false, '2026-03-02'], // a Monday is its own next Monday
    ['2026-03-02', 0, true, '2026-03-09'], // unless strictly after
    ['2026-03-04', 0, false, '2026-03-09'],
    ['2026-03-07', 5, false, '2026-03-07'],
    ['2026-03-08', 5, false, '2026-03-14'],
    ['2026-10-31', 6, true, '2026-11-01'],
  ])('from %s the next weekday %i (strictly after: %s) is %s', (date, weekday, after, expected) => {
    expect(nextWeekday(date, weekday, after)).toBe(expected);
    expect(weekdayIndex(expected)).toBe(weekday);
  });

  it.each([
    ['monday', '2026-03-04', '2026-03-09'],
    ['monday', '2026-03-09', '2026-03-09'],
    ['Mon', '2026-03-09', '2026-03-09'],
    ['next-monday', '2026-03-09', '2026-03-16'],
    ['next-monday', '2026-03-04', '2026-03-09'],
    ['next saturday', '2026-03-04', '2026-03-07'],
    ['today', '2026-03-04', '2026-03-04'],
    ['tomorrow', '2026-03-07', '2026-03-08'],
    ['2026-03-10', '2026-03-04', '2026-03-10'],
  ])('--start %s on %s is %s', (arg, today, expected) => {
    expect(resolveStartArg(arg, today)).toBe(expected);
  });

  it.each(['funday', 'next-funday', 'next', '2026-02-30', 'soon'])('--start %s is a usage error that shows the forms', (arg) => {
    expect(() => resolveStartArg(arg, '2026-03-04')).toThrow(UsageError);
    expect(() => resolveStartArg(arg, '2026-03-04')).toThrow(/--start/);
  });

  it('says a start is not on the plan\'s weekday, and names the next one that is', () => {
    expect(startAlignment('2026-03-02', 0)).toEqual({ aligned: true });
    expect(startAlignment('2026-03-04', 0)).toEqual({ aligned: false, weekday: 'wednesday', next: '2026-03-09', startsOn: 'monday' });
    expect(alignedStart('2026-03-04', 0)).toBe('2026-03-09');
  });

  it.each([
    // starts-on, start, today: the weekdays its weekend days fall on, and the --start that names the next aligned start
    [0, '2026-03-04', '2026-03-04', { weekday: 'wednesday', weekendOn: ['monday', 'tuesday'], next: '2026-03-09', startArg: 'monday' }],
    [0, '2026-03-08', '2026-03-08', { weekday: 'sunday', weekendOn: ['friday', 'saturday'], next: '2026-03-09', startArg: 'monday' }],
    [0, '2026-03-09', '2026-03-09', null],
    [0, '2026-03-11', '2026-03-04', { weekday: 'wednesday', weekendOn: ['monday', 'tuesday'], next: '2026-03-16', startArg: '2026-03-16' }], // next-monday from 4 March is the 9th
    [0, '2026-03-16', '2026-03-10', null],
    [5, '2026-03-09', '2026-03-09', { weekday: 'monday', weekendOn: ['monday', 'tuesday'], next: '2026-03-14', startArg: 'saturday' }], // day 1 a Saturday, begun two days late
    [undefined, '2026-03-04', '2026-03-04', null],
  ] as const)('a plan whose day 1 is weekday %s, started on %s (today %s)', (startsOn, start, today, expected) => {
    expect(misalignment(startsOn, start, today)).toEqual(expected && { startsOn: startsOn === 5 ? 'saturday' : 'monday', ...expected });
  });

  it('catch-up keeps a weekday plan on its weekdays: the 8-hour Weekend Deep Dive goes on a Saturday, not a Monday', () => {
    // Started Monday 2 March; days 1-5 done; on Monday 9 March day 6 (a Saturday day) is the first open one.
    const clock = { start: '2026-03-02' };
    const naive = catchUpStart(days, doneThrough(5), clock, '2026-03-09');
    expect(naive).toEqual({ start: '2026-03-04', lag: 2, wait: 0, day: 6 });
    expect(dateOfDay({ start: naive!.start }, 6, '2026-03-09')).toBe('2026-03-09'); // what catch-up did: day 6 on a Monday
    const aligned = catchUpStart(days, doneThrough(5), clock, '2026-03-09', sixWeek.startsOn);
    expect(aligned).toEqual({ start: '2026-03-09', lag: 2, wait: 5, day: 6 });
    expect(dateOfDay({ start: aligned!.start }, 6, '2026-03-09')).toBe('2026-03-14');
    expect(weekdayIndex(aligned!.start)).toBe(0);
  });

  it('catch-up keeps the weekdays across a pause', () => {
    const clock = { start: '2026-03-02', paused: [{ from: '2026-03-05', resume: '2026-03-07' }] };
    const caught = catchUpStart(days, doneThrough(3), clock, '2026-03-20', 0)!;
    const moved = { ...clock, start: caught.start };
    expect(weekdayIndex(dateOfDay(moved, 4, '2026-03-20'))).toBe(3); // day 4 is a Thursday
    expect(dateOfDay(moved, 4, '2026-03-20') >= '2026-03-20').toBe(true);
  });

  it('catch-up works past the calendar end while tasks are open; a plan past its end is "ended", not "finished", until all is done', () => {
    const clock = { start: '2026-01-05' }; // 42 days ended on 15 February
    const done = doneThrough(10);
    const where = position(clock, days.length, '2026-03-20');
    expect(where.status).toBe('finished');
    expect(standing(where, planProgress(days, done))).toBe('ended');
    expect(standing(where, planProgress(days, doneThrough(42)))).toBe('finished');
    const caught = catchUpStart(days, done, clock, '2026-03-20')!;
    expect(dateOfDay({ start: caught.start }, 11, '2026-03-20')).toBe('2026-03-20');
    expect(catchUpStart(days, doneThrough(42), clock, '2026-03-20')).toBeUndefined(); // nothing open
    expect(catchUpStart(days, done, { start: '2026-04-01' }, '2026-03-20')).toBeUndefined(); // not started
  });
});
