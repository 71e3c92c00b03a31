// A review counts as study for the streak: a date with a grade and no task done keeps the run
// going, in any time zone and across DST changes (dates are study dates, never instants).
import { describe, expect, it } from 'vitest';
import type { GradeEntry } from '../../src/log/fold-review.js';
import { planStreak } from '../../src/schedule/streak.js';
import type { StateEvent } from '../../src/state/schema.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const done = (date: string): StateEvent => ({ at: `${date}T12:00:00.000Z`, date, plan: 'p', kind: 'done', id: `t-${date}`, day: 1 });
const grade = (date: string): GradeEntry => ({ rating: 'good', date, minute: 30, at: `${date}T12:00:00.000Z` });
const state = (log: StateEvent[], grades: Record<string, GradeEntry[]>) => ({ log, rest: [], plans: {}, activePlan: null, review: { grades } });

describe.each(ZONES)('the streak with reviews, in %s', (zone) => {
  useTimeZone(zone);
  // New York moves its clocks on 8 March 2026, Lord Howe on 5 April 2026.
  it.each([
    ['2026-03-07', '2026-03-09'],
    ['2026-04-04', '2026-04-06'],
  ])('a review on the day between study days %s and %s keeps the run', (first, last) => {
    const middle = `${first.slice(0, 8)}${String(Number(first.slice(8)) + 1).padStart(2, '0')}`;
    const withReview = planStreak(state([done(first), done(last)], { 'p:1': [grade(middle)] }), [], { start: first }, last);
    expect(withReview).toMatchObject({ current: 3, longest: 3, atRisk: false });
    const without = planStreak(state([done(first), done(last)], {}), [], { start: first }, last);
    expect(without).toMatchObject({ current: 1, longest: 1 });
  });

  it('a review alone today keeps the streak from being at risk', () => {
    const today = planStreak(state([done('2026-03-07')], { 'p:1': [grade('2026-03-08')] }), [], { start: '2026-03-07' }, '2026-03-08');
    expect(today).toMatchObject({ current: 2, atRisk: false });
  });
});
