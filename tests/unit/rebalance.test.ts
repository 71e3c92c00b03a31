// The scheduler, case by case: what is left poured onto the dates up to a target within capacity,
// in plan order, weekend days on weekends; the report when the target is too tight; the stored
// schedule read back as what is due on a date. Run in several time zones, across DST changes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planEffort } from '../../src/curriculum/effort.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { parseCapacity } from '../../src/schedule/capacity.js';
import { weekdayIndex } from '../../src/schedule/dates.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { rebalance, type Rebalance } from '../../src/schedule/rebalance.js';
import { dueLabel, dueOn, overdueUnder, pastDates, scheduleView, storeSchedule } from '../../src/schedule/schedule-view.js';
import { workUnits } from '../../src/schedule/work.js';
import { unit } from '../support/work-units.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const MONDAY = '2026-03-02';
/** Each date as `date: day(share)…` for a compact comparison. */
const layout = (result: Rebalance) => result.dates.map((d) => `${d.date} ${Math.round(d.hours * 100) / 100}h: ${d.pieces.map((p) => `${p.day}[${p.tasks.map((t) => t.split('.')[1]).join(',')}]`).join(' ')}`);

describe.each(ZONES)('in %s', (zone) => {
  useTimeZone(zone);

  it('a date carries more than one plan day when they fit', () => {
    const result = rebalance({ units: [unit(1, [1]), unit(2, [0.5, 0.5]), unit(3, [1])], from: MONDAY, until: MONDAY, capacity: parseCapacity('daily 3h'), oldEnd: '2026-03-04' });
    expect(layout(result)).toEqual(['2026-03-02 3h: 1[t1] 2[t1,t2] 3[t1]']);
    expect(result).toMatchObject({ oldEnd: '2026-03-04', newEnd: MONDAY, excess: [], tight: null, factor: 1 });
  });

  it('a plan day that does not fit is split across dates, each task on the date its middle falls on', () => {
    // 5 hours on two dates of 4: filled to 63% (2.52 h), task 2's middle (3 h) falls on the second.
    const result = rebalance({ units: [unit(1, [2, 2, 1])], from: MONDAY, until: '2026-03-03', capacity: parseCapacity('daily 4h'), oldEnd: MONDAY });
    expect(layout(result)).toEqual(['2026-03-02 2.52h: 1[t1]', '2026-03-03 2.48h: 1[t2,t3]']);
    expect(result.factor).toBe(0.63);
    expect(result.dates.map((d) => d.pieces[0]!.share)).toEqual([[0, 0.504], [0.504, 1]]);
    // With one date of 4 hours it compresses: 4 hours that day, the rest is excess.
    const one = rebalance({ units: [unit(1, [2, 2, 1])], from: MONDAY, until: MONDAY, capacity: parseCapacity('daily 4h'), oldEnd: MONDAY });
    expect(layout(one)).toEqual(['2026-03-02 4h: 1[t1,t2]']);
    expect(one.excess).toEqual([{ day: 1, hours: 1 }]);
  });

  it('a later target spreads the work: every date lighter by the same share', () => {
    const result = rebalance({ units: [unit(1, [1, 1]), unit(2, [1, 1])], from: MONDAY, until: '2026-03-05', capacity: parseCapacity('daily 4h'), oldEnd: '2026-03-03' });
    expect(result.factor).toBeCloseTo(0.25, 2);
    expect(result.newEnd).toBe('2026-03-05');
    expect(result.dates.map((d) => d.hours).every((h) => h <= 1.01)).toBe(true);
  });

  it('skips rest and paused dates, days off, and what today already took', () => {
    const skip = new Set(['2026-03-03']);
    const result = rebalance({ units: [unit(1, [2]), unit(2, [2]), unit(3, [2])], from: MONDAY, until: '2026-03-06', capacity: parseCapacity('mon-tue 2h, thu-fri 2h'), skip, spent: 1, oldEnd: '2026-03-04' });
    // Monday has 1 hour left, Tuesday is skipped, Wednesday has none: 6 hours on 1 + 2 + 2 do not fit.
    expect(layout(result)).toEqual(['2026-03-02 1h: 1[]', '2026-03-05 2h: 1[t1] 2[]', '2026-03-06 2h: 2[t1] 3[]']);
    expect(result.excess).toEqual([{ day: 3, hours: 1 }]);
  });

  it('keeps weekend days on Saturdays and Sundays; a weekday waits lighter for the weekend', () => {
    // Friday 6 March: a weekday day, then a weekend day, then a weekday day again.
    const units = [unit(1, [1], false), unit(2, [3], true), unit(3, [1], false)];
    const result = rebalance({ units, from: '2026-03-06', until: '2026-03-09', capacity: parseCapacity('daily 4h'), oldEnd: '2026-03-08' });
    // Spread to 38% of 4 hours: Friday's weekday day, the weekend day over Saturday and Sunday, Monday's.
    expect(layout(result)).toEqual(['2026-03-06 1h: 1[t1]', '2026-03-07 1.52h: 2[t1]', '2026-03-08 1.48h: 2[]', '2026-03-09 1h: 3[t1]']);
    // With Saturday alone it waits for it: Friday stays light, Saturday takes the weekend day whole.
    const compressed = rebalance({ units, from: '2026-03-06', until: '2026-03-09', capacity: parseCapacity('mon-sat 4h'), oldEnd: '2026-03-08' });
    expect(layout(compressed)).toEqual(['2026-03-06 1h: 1[t1]', '2026-03-07 3h: 2[t1]', '2026-03-09 1h: 3[t1]']);
  });

  it('too tight: what does not fit is excess, by how many hours, with a later date and a capacity that fit', () => {
    const units = [unit(1, [3]), unit(2, [3]), unit(3, [3])];
    const result = rebalance({ units, from: MONDAY, until: '2026-03-03', capacity: parseCapacity('daily 3h'), oldEnd: '2026-03-04' });
    expect(layout(result)).toEqual(['2026-03-02 3h: 1[t1]', '2026-03-03 3h: 2[t1]']);
    expect(result.excess).toEqual([{ day: 3, hours: 3 }]);
    expect(result.tight).toEqual({
      shortBy: 3,
      later: '2026-03-04',
      capacity: { text: 'daily 4.5h', hours: [4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4.5], raise: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((weekday) => ({ weekday, from: 3, to: 4.5 })) },
    });
  });

  it('accepted, a tight target goes over capacity by one factor and leaves nothing out', () => {
    const units = [unit(1, [3]), unit(2, [3]), unit(3, [3])];
    const result = rebalance({ units, from: MONDAY, until: '2026-03-03', capacity: parseCapacity('daily 3h'), stretch: true, oldEnd: '2026-03-04' });
    expect(result.excess).toEqual([]);
    expect(result.factor).toBeCloseTo(1.5, 2);
    expect(result.newEnd).toBe('2026-03-03');
    expect(result.tight?.shortBy).toBe(3); // still said
  });

  it('a weekend day with no weekend date before the target never fits: no capacity helps, only a later date', () => {
    const result = rebalance({ units: [unit(1, [1], true)], from: MONDAY, until: '2026-03-06', capacity: parseCapacity('daily 2h'), oldEnd: MONDAY });
    expect(result.tight).toEqual({ shortBy: 1, later: '2026-03-07', capacity: null });
    expect(rebalance({ units: [unit(1, [1], true)], from: MONDAY, until: '2026-03-06', capacity: parseCapacity('mon-fri 2h'), oldEnd: MONDAY }).tight?.later).toBeNull();
  });

  it('nothing left: no dates, no end', () => {
    const result = rebalance({ units: [unit(1, [1], undefined, [1])], from: MONDAY, until: '2026-03-06', capacity: parseCapacity('daily 2h'), oldEnd: MONDAY });
    expect(result).toMatchObject({ dates: [], newEnd: null, excess: [], tight: null });
  });

  it('counts hours per week from Monday, with each week\'s capacity', () => {
    const result = rebalance({ units: [unit(1, [2]), unit(2, [2]), unit(3, [2])], from: '2026-03-07', until: '2026-03-09', capacity: parseCapacity('daily 2h'), oldEnd: '2026-03-08' });
    expect(result.weeks).toEqual([
      { week: MONDAY, hours: 4, capacity: 4 },
      { week: '2026-03-09', hours: 2, capacity: 2 },
    ]);
  });

  describe('the 6-week plan started on a Monday, ten days done on time, five skipped, a deadline', () => {
    const plan = parseCurriculum(readFileSync(join('curricula', '6-week.md'), 'utf8')).plan!;
    const days = planDays(plan);
    const effort = planEffort(plan).days;
    const done = new Set(days.slice(0, 10).flatMap((d) => d.tasks.map((t) => t.id)));
    const units = workUnits(days, effort, done, plan.startsOn !== undefined);
    const today = '2026-03-17'; // a Tuesday, day 16 by the calendar; day 11 is the first open one
    const deadline = '2026-04-30';

    it('at the plan\'s own capacity the deadline is too tight; the capacity it names fits', () => {
      const own = rebalance({ units, from: today, until: deadline, capacity: parseCapacity('mon-fri 4h, sat-sun 8h'), oldEnd: '2026-04-12' });
      expect(own.tight).not.toBeNull();
      expect(own.tight!.shortBy).toBeGreaterThan(0);
      const fitted = rebalance({ units, from: today, until: deadline, capacity: own.tight!.capacity!.hours, oldEnd: '2026-04-12' });
      expect(fitted.excess).toEqual([]);
    });

    it('every remaining day between today and the deadline, in order, weekend days on Saturdays and Sundays, no date over capacity', () => {
      const capacity = parseCapacity('mon-fri 6h, sat-sun 10h');
      const result = rebalance({ units, from: today, until: deadline, capacity, oldEnd: '2026-04-12' });
      expect(result.excess).toEqual([]);
      const pieces = result.dates.flatMap((d) => d.pieces.map((p) => ({ ...p, date: d.date })));
      expect([...new Set(pieces.map((p) => p.day))]).toEqual(units.filter((u) => u.day > 10).map((u) => u.day)); // days 11-42, in order
      expect(pieces.every((p) => p.date >= today && p.date <= deadline)).toBe(true);
      for (const p of pieces) expect(weekdayIndex(p.date) >= 5, `day ${p.day} on ${p.date}`).toBe(effort[p.day - 1]!.weekend);
      for (const d of result.dates) expect(d.hours).toBeLessThanOrEqual(capacity[weekdayIndex(d.date)]! + 1 / 60);
      const open = units.flatMap((u) => u.tasks.filter((t) => !t.done).map((t) => t.id));
      expect(pieces.flatMap((p) => p.tasks).sort()).toEqual(open.sort()); // each open task once
    });

    it('stored and read back: what is due on a date, numbered for the day, its label, what is past', () => {
      const result = rebalance({ units, from: today, until: deadline, capacity: parseCapacity('mon-fri 6h, sat-sun 10h'), oldEnd: '2026-04-12' });
      const stored = storeSchedule(result, today, deadline, 'mon-fri 6h, sat-sun 10h');
      expect(stored.slices[0]).toEqual([0, 11, 0]);
      const view = scheduleView(stored, units);
      for (const date of result.dates) {
        expect(dueOn(view, date.date, done).map((t) => t.id)).toEqual(date.pieces.flatMap((p) => p.tasks));
      }
      const first = dueOn(view, today, done);
      expect(first.map((t) => t.n)).toEqual(first.map((_, i) => i + 1));
      expect(dueLabel(first)).toMatch(/^Day 11(?: and day 12)?, tasks 1–\d+$/);
      expect(view.end).toBe(result.newEnd);
      const later = result.dates[3]!.date;
      expect(pastDates(view, later)).toEqual(result.dates.slice(0, 3).map((d) => d.date));
      expect(overdueUnder(view, later, done).map((t) => t.id)).toEqual(result.dates.slice(0, 3).flatMap((d) => d.pieces.flatMap((p) => p.tasks)));
    });
  });
});

describe('what is due, read back after the plan changed', () => {
  it('a task added to a scheduled day is due with its neighbours; a day added after the end follows it; an undone day before it is overdue', () => {
    const stored = { from: MONDAY, until: '2026-03-04', capacity: 'daily 2h', slices: [[0, 2, 0], [1, 3, 0], [1, 3, 5000]] as [number, number, number][] };
    const now = [unit(1, [1]), unit(2, [1, 1]), unit(3, [1, 1]), unit(4, [1])];
    const view = scheduleView(stored, now);
    expect(dueOn(view, MONDAY, new Set()).map((t) => [t.n, t.id])).toEqual([[1, 'd2.t1'], [2, 'd2.t2']]);
    expect(dueOn(view, '2026-03-03', new Set()).map((t) => t.id)).toEqual(['d3.t1', 'd3.t2']);
    expect(view.dateOf.get('d4.t1')).toBe('2026-03-04');
    expect(view.dateOf.get('d1.t1')).toBeUndefined(); // done when the schedule was made
    expect(overdueUnder(view, MONDAY, new Set(['d1.t1']))).toEqual([]);
    expect(overdueUnder(view, '2026-03-03', new Set())).toEqual([
      { day: 1, dayN: 1, id: 'd1.t1', date: null },
      { day: 2, dayN: 1, id: 'd2.t1', date: MONDAY },
      { day: 2, dayN: 2, id: 'd2.t2', date: MONDAY },
    ]);
  });

  it.each([
    [[{ n: 1, day: 12 }], 'Day 12, task 1'],
    [[{ n: 1, day: 12 }, { n: 2, day: 12 }, { n: 3, day: 13 }, { n: 4, day: 13 }], 'Day 12 and day 13, tasks 1–4'],
    [[{ n: 1, day: 12 }, { n: 2, day: 13 }, { n: 3, day: 14 }], 'Days 12–14, tasks 1–3'],
    [[{ n: 1, day: 12 }, { n: 2, day: 14 }, { n: 3, day: 16 }], 'Days 12, 14, 16, tasks 1–3'],
    [[], ''],
  ])('%j is labelled %s', (due, label) => {
    expect(dueLabel(due)).toBe(label);
  });
});
