// The user's capacity per weekday: read from its text, every mistake named with the format, written
// back in one canonical form, and by default what the plan itself states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { formatCapacity, parseCapacity, planCapacity, type Capacity } from '../../src/schedule/capacity.js';

describe('reading a capacity', () => {
  it.each([
    ['mon-fri 3h, sat 8h, sun 6h', [3, 3, 3, 3, 3, 8, 6]],
    ['sun 6h, sat 8h, mon-fri 3h', [3, 3, 3, 3, 3, 8, 6]], // clauses in any order
    ['weekdays 3.5h, weekends 6h', [3.5, 3.5, 3.5, 3.5, 3.5, 6, 6]],
    ['daily 2h', [2, 2, 2, 2, 2, 2, 2]],
    ['daily 2h, sun off', [2, 2, 2, 2, 2, 2, 0]], // a later clause overrides an earlier one
    ['daily 2h, sat 4h, daily 1h', [1, 1, 1, 1, 1, 1, 1]],
    ['mon,wed 2h', [2, 0, 2, 0, 0, 0, 0]], // a weekday left out is a day off
    ['mon wed fri 90m', [1.5, 0, 1.5, 0, 1.5, 0, 0]],
    ['Monday 1h30m; Thursdays 45 min', [1.5, 0, 0, 0.75, 0, 0, 0]],
    ['tues-thurs 2 hours', [0, 2, 2, 2, 0, 0, 0]],
    ['fri-mon 1h', [1, 0, 0, 0, 1, 1, 1]], // a range may run over the weekend
    ['SAT 10H', [0, 0, 0, 0, 0, 10, 0]],
    ['mon 0h, tue 24h', [0, 24, 0, 0, 0, 0, 0]],
  ])('%s', (text, hours) => {
    expect(parseCapacity(text)).toEqual(hours);
  });

  it.each([
    ['', 'capacity is empty'],
    ['   ', 'capacity is empty'],
    ['mon-fri 3h,, sat 8h', 'capacity has an empty clause (two commas in a row?)'],
    ['funday 3h', 'capacity "funday" is not a weekday'],
    ['mon-fun 3h', 'capacity "mon-fun" is not a range of weekdays'],
    ['mon 3x', 'capacity "mon 3x" has no hours it can read: write them as 3h, 3.5h, 90m or 1h30m'],
    ['mon 3', 'capacity "mon 3" has no hours it can read: write them as 3h, 3.5h, 90m or 1h30m'],
    ['3h', 'capacity "3h" names no weekday: write one before its hours, such as "sat 3h"'],
    ['mon-fri 3h, sat', 'capacity "sat" has no hours: add them, such as "sat 2h"'],
    ['sat 25h', 'capacity "sat 25h" is more than 24 hours a day'],
    ['daily 0h', 'capacity gives no hours to any day'],
    ['mon off', 'capacity gives no hours to any day'],
  ])('%j is a usage error: %s, with the format', (text, message) => {
    let caught: unknown;
    try {
      parseCapacity(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).message).toBe(message);
    expect((caught as UsageError).hint).toContain('mon-fri 3h, sat 8h, sun 6h');
  });
});

describe('writing a capacity', () => {
  it.each([
    [[3, 3, 3, 3, 3, 8, 6], 'mon-fri 3h, sat 8h, sun 6h'],
    [[2, 2, 2, 2, 2, 2, 2], 'daily 2h'],
    [[2, 0, 2, 0, 0, 0, 0], 'mon,wed 2h'],
    [[3.5, 3.5, 3.5, 3.5, 3.5, 6, 6], 'mon-fri 3.5h, sat-sun 6h'],
    [[0.75, 0, 0, 1.25, 0, 0, 1.5], 'mon 45m, thu 1h15m, sun 1.5h'],
    [[1, 2, 1, 2, 1, 2, 1], 'mon,wed,fri,sun 1h, tue,thu,sat 2h'],
  ])('%j → %s', (hours, text) => {
    expect(formatCapacity(hours as unknown as Capacity)).toBe(text);
  });

  it('reads back what it writes, for any capacity in whole minutes (property)', () => {
    const minutes = fc.integer({ min: 0, max: 24 * 60 }).map((m) => m / 60);
    fc.assert(
      fc.property(fc.tuple(minutes, minutes, minutes, minutes, minutes, minutes, minutes), (hours) => {
        fc.pre(hours.some((h) => h > 0));
        const capacity = hours as unknown as Capacity;
        const text = formatCapacity(capacity);
        expect(parseCapacity(text).map((h) => Math.round(h * 60))).toEqual(hours.map((h) => Math.round(h * 60)));
        expect(formatCapacity(parseCapacity(text))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("by default, the plan's own statement", () => {
  it('the 6-week plan: 3-4 hours on weekdays, 6-8 at weekends, at their upper bounds', () => {
    expect(formatCapacity(planCapacity({ weekday: 4, weekend: 8 }, []))).toBe('mon-fri 4h, sat-sun 8h');
  });

  it("a plan that states none: what its days take on average, on weekdays and weekend days, up to the quarter hour", () => {
    const days = [
      { hours: 2, weekend: false },
      { hours: 3, weekend: false },
      { hours: 0, weekend: false }, // a rest day is no study day
      { hours: 5, weekend: true },
    ];
    expect(planCapacity(undefined, days)).toEqual([2.5, 2.5, 2.5, 2.5, 2.5, 5, 5]);
    expect(planCapacity(undefined, [{ hours: 1 / 3, weekend: false }])).toEqual([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(planCapacity(undefined, [])).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });
});
