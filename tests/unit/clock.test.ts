// The plan clock: day numbers and dates with pauses, in several time zones and across DST changes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateOfDay, dayOn, isPaused, pausedDates, type PlanClock } from '../../src/schedule/clock.js';
import { addDays, studyDate } from '../../src/schedule/dates.js';
import { position } from '../../src/schedule/progress.js';

const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe'] as const;

// Started 2 March 2026; paused 6–8 March (resumed on the 9th, across New York's DST change on the 8th).
const clock: PlanClock = { start: '2026-03-02', paused: [{ from: '2026-03-06', resume: '2026-03-09' }] };
const TODAY = '2026-04-30';

describe.each(ZONES)('in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it.each([
    ['2026-03-01', 0, false],
    ['2026-03-02', 1, false],
    ['2026-03-05', 4, false],
    ['2026-03-06', 5, true], // the pause date: the day that resumes next
    ['2026-03-08', 5, true],
    ['2026-03-09', 5, false], // resumed: day 5 is done now
    ['2026-03-10', 6, false],
    ['2026-04-30', 57, false],
  ])('%s is day %i (paused: %s)', (date, day, paused) => {
    expect(dayOn(clock, date, TODAY)).toBe(day);
    expect(isPaused(clock, date, TODAY)).toBe(paused);
  });

  it.each([
    [1, '2026-03-02'],
    [4, '2026-03-05'],
    [5, '2026-03-09'],
    [42, '2026-04-15'],
  ])('day %i falls on %s', (day, date) => {
    expect(dateOfDay(clock, day, TODAY)).toBe(date);
  });

  it('counts paused days hour by hour across the DST change: day N never jumps or repeats', () => {
    const seen: number[] = [];
    for (let hour = 0; hour < 24 * 10; hour++) {
      const date = studyDate(new Date(2026, 2, 4, hour, 10), 0);
      if (!isPaused(clock, date, date)) seen.push(dayOn(clock, date, date));
    }
    const distinct = [...new Set(seen)];
    expect(distinct).toEqual([3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('an ongoing pause', () => {
  const open: PlanClock = { start: '2026-03-02', paused: [{ from: '2026-03-06' }] };

  it('holds the day and moves the end a day for every paused day', () => {
    expect(position(open, 42, '2026-03-06')).toMatchObject({ day: 5, pausedSince: '2026-03-06', end: '2026-04-13' });
    expect(position(open, 42, '2026-03-10')).toMatchObject({ day: 5, pausedSince: '2026-03-06', end: '2026-04-17' });
    expect(pausedDates(open, '2026-03-08')).toEqual(['2026-03-06', '2026-03-07', '2026-03-08']);
  });

  it('is no pause yet when it begins after today', () => {
    expect(position(open, 42, '2026-03-05')).toMatchObject({ day: 4, pausedSince: null, end: '2026-04-12' });
  });
});

describe('properties', () => {
  const dateArb = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));
  const clockArb = fc
    .record({ start: dateArb, cuts: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 8 }), open: fc.boolean() })
    .map(({ start, cuts }) => {
      // Alternating gaps and pause lengths: sorted, disjoint, each at least a day.
      const paused = [];
      let at = addDays(start, -20); // some pauses end before the start, or straddle it
      for (let i = 0; i + 1 < cuts.length; i += 2) {
        const from = addDays(at, cuts[i]!);
        const resume = addDays(from, cuts[i + 1]! + 1);
        paused.push({ from, resume });
        at = resume;
      }
      return { start, paused } satisfies PlanClock;
    });

  it('a day falls on a date that is not paused and is that day again', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: 1, max: 120 }), (c, day) => {
        const date = dateOfDay(c, day, '2030-01-01');
        expect(isPaused(c, date, '2030-01-01')).toBe(false);
        expect(dayOn(c, date, '2030-01-01')).toBe(day);
      }),
    );
  });

  it('day numbers never go backwards, and only unpaused dates move them on', () => {
    fc.assert(
      fc.property(clockArb, fc.integer({ min: 0, max: 200 }), (c, offset) => {
        const date = addDays(c.start, offset);
        const next = addDays(date, 1);
        const step = dayOn(c, next, '2030-01-01') - dayOn(c, date, '2030-01-01');
        expect(step).toBe(isPaused(c, date, '2030-01-01') ? 0 : 1);
      }),
    );
  });
});

describe('a pause that ended before the start (a restart or a catch-up moved the start past it)', () => {
  const moved: PlanClock = { start: '2026-11-15', paused: [{ from: '2026-10-05', resume: '2026-10-10' }] };
  it.each([
    ['2026-11-15', 1],
    ['2026-11-16', 2],
  ])('leaves %s as day %i', (date, day) => {
    expect(dayOn(moved, date, '2026-11-22')).toBe(day);
    expect(dateOfDay(moved, day, '2026-11-22')).toBe(date);
  });

  it('and one that straddles the start counts only from the start', () => {
    const straddle: PlanClock = { start: '2026-11-15', paused: [{ from: '2026-11-10', resume: '2026-11-17' }] };
    expect(dayOn(straddle, '2026-11-17', '2026-11-22')).toBe(1);
    expect(pausedDates(straddle, '2026-11-22')).toEqual(['2026-11-15', '2026-11-16']);
  });
});
