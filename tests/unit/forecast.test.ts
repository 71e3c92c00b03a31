// Pace and forecast toward a deadline, with figures worked out by hand, in several time zones and
// across New York's DST change (8 March 2026).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEffort } from '../../src/curriculum/effort.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { addDays } from '../../src/schedule/dates.js';
import { deadlineView, forecast, paceOf } from '../../src/schedule/forecast.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { workUnits } from '../../src/schedule/work.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const plan = parseCurriculum(readFileSync(join('curricula', '6-week.md'), 'utf8')).plan!;
const days = planDays(plan);
const effort = planEffort(plan).days;
const START = '2026-03-02'; // a Monday, as the plan's day 1 is

/** Plan days `from`..`to` done on time: each on its own date. */
function onTime(from: number, to: number): Map<string, { date: string }> {
  return new Map(days.slice(from - 1, to).flatMap((d) => d.tasks.map((t) => [t.id, { date: addDays(START, d.day - 1) }] as const)));
}

describe.each(ZONES)('in %s', (zone) => {
  useTimeZone(zone);

  // Ten days done on time, days 11-15 skipped; today is day 16, Tuesday 17 March, after the DST change.
  const done = onTime(1, 10);
  const units = workUnits(days, effort, done, true);
  const today = '2026-03-17';

  it('the 6-week plan, ten days done on time and five skipped: the figures worked out by hand', () => {
    // The 14 days ending today run from 4 March: they hold days 3-10, done on 4-11 March.
    // Tasks: days 3, 4, 5 (8 each), 6, 7 (2 each), 8, 9, 10 (8 each) = 52 → 52 / 14 = 3.714 a day.
    // Hours: 5 + 5 + 5 + 8 + 6 + 5 + 5 + 5 = 44 → 44 / 14 = 3.143 a day.
    // Left: 228 - 68 tasks = 160; 234 - 54 hours = 180. At 44/14 h a day, 180 h take ⌈57.27⌉ = 58
    // days: today and 57 more, to 13 May. The deadline, 20 April, is 34 days away: 180 / 34 = 5.294
    // hours a day, 160 / 34 = 4.706 tasks. The plan's own end, day 42 on 12 April, is before it.
    const result = forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline: '2026-04-20' });
    expect(result).toEqual({
      pace: { tasks: 3.71, hours: 3.14 },
      finish: '2026-05-13',
      needed: { tasks: 4.71, hours: 5.29 },
      remaining: { tasks: 160, hours: 180 },
      late: false,
    });
    expect(deadlineView('2026-04-20', today)).toEqual({ date: '2026-04-20', daysLeft: 34 });
  });

  it('warns when the plan\'s own end falls after the deadline; the day of it is not after', () => {
    expect(forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline: '2026-04-11' }).late).toBe(true);
    expect(forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline: '2026-04-12' }).late).toBe(false);
  });

  it('no deadline: no needed pace and no warning; on or after the deadline: no needed pace', () => {
    const none = forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline: null });
    expect(none).toMatchObject({ needed: null, late: false, finish: '2026-05-13' });
    expect(deadlineView(null, today)).toBeNull();
    expect(forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline: today }).needed).toBeNull();
    expect(deadlineView('2026-03-15', today)).toEqual({ date: '2026-03-15', daysLeft: -2 });
  });

  it('no pace yet: nothing done in the last 14 days, or a plan not started', () => {
    expect(paceOf(units, done, '2026-04-30', START)).toBeNull(); // the last completion was on 11 March
    expect(forecast({ units, completions: done, today: '2026-04-30', start: START, end: '2026-04-12', deadline: null })).toMatchObject({ pace: null, finish: null });
    expect(paceOf(units, done, '2026-03-01', START)).toBeNull();
  });

  it('a plan started less than 14 days ago is measured from its start', () => {
    // Days 1-3 done on 2-4 March; on 4 March that is 24 tasks in 3 days, 15 hours.
    const early = onTime(1, 3);
    expect(paceOf(workUnits(days, effort, early, true), early, '2026-03-04', START)).toEqual({ tasks: 8, hours: 5 });
  });

  it('a task done today counts; one backfilled into the window counts on its date; nothing left finishes today', () => {
    const all = onTime(1, 42);
    const finished = forecast({ units: workUnits(days, effort, all, true), completions: all, today: '2026-04-13', start: START, end: '2026-04-12', deadline: '2026-04-20' });
    expect(finished).toMatchObject({ finish: '2026-04-13', needed: { tasks: 0, hours: 0 }, remaining: { tasks: 0, hours: 0 } });
  });

  it('finishes before the deadline exactly when the pace is at least the one needed', () => {
    for (let deadlineIn = 1; deadlineIn <= 80; deadlineIn++) {
      const deadline = addDays(today, deadlineIn);
      const result = forecast({ units, completions: done, today, start: START, end: '2026-04-12', deadline });
      expect(result.finish! < deadline, deadline).toBe(44 / 14 >= 180 / deadlineIn);
    }
  });
});
