// The scheduler's invariants, for any plan, capacity, dates and skipped dates: nothing left out
// (scheduled, or reported as excess), plan order kept, capacity kept (or, accepted, the excess
// spread over it by one factor), weekend days on weekends for aligned plans, the same answer every
// time; in several time zones. And what it costs for the 90-day plan and for ten years of days.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planEffort } from '../../src/curriculum/effort.js';
import { parseCurriculum } from '../../src/curriculum/parse.js';
import { parseCapacity, type Capacity } from '../../src/schedule/capacity.js';
import { addDays, daysBetween, weekdayIndex } from '../../src/schedule/dates.js';
import { SLACK } from '../../src/schedule/fill.js';
import { planDays } from '../../src/schedule/plan-days.js';
import { rebalance, type RebalanceInput } from '../../src/schedule/rebalance.js';
import { dueOn, scheduleView, storeSchedule } from '../../src/schedule/schedule-view.js';
import { workUnits, type WorkUnit } from '../../src/schedule/work.js';
import { capacity, unit, units } from '../support/work-units.js';
import { useTimeZone, ZONES } from '../support/time-zones.js';

const DST_ZONES = ZONES.filter((zone) => zone !== 'UTC');

const input = (aligned: boolean) =>
  fc
    .record({
      units: units(aligned),
      capacity,
      // Around New York's and Lord Howe's DST changes of 2026.
      from: fc.constantFrom('2026-03-01', '2026-03-06', '2026-04-02', '2026-10-01', '2026-10-30'),
      span: fc.integer({ min: 0, max: 45 }),
      skipped: fc.array(fc.integer({ min: 0, max: 45 }), { maxLength: 6 }),
      spent: fc.constantFrom(0, 0, 0.5, 3),
      stretch: fc.boolean(),
    })
    .map((r): RebalanceInput => ({ units: r.units, from: r.from, until: addDays(r.from, r.span), capacity: r.capacity as Capacity, skip: new Set(r.skipped.map((n) => addDays(r.from, n))), spent: r.spent, stretch: r.stretch, oldEnd: r.from }));

function checkSchedule(run: RebalanceInput): void {
  const result = rebalance(run);
  const open = (u: WorkUnit) => u.tasks.filter((t) => !t.done);
  const openUnits = run.units.filter((u) => open(u).length > 0);
  const pieces = result.dates.flatMap((d) => d.pieces.map((p) => ({ ...p, date: d.date })));

  // Nothing left out: every open task is on one date, or its unit is (in part) excess; the hours add up.
  const excessDays = new Set(result.excess.map((e) => e.day));
  const scheduled = pieces.flatMap((p) => p.tasks);
  expect(new Set(scheduled).size).toBe(scheduled.length);
  for (const u of openUnits) for (const t of open(u)) expect(scheduled.includes(t.id) || excessDays.has(u.day), t.id).toBe(true);
  const total = openUnits.reduce((sum, u) => sum + open(u).reduce((s, t) => s + t.hours, 0), 0);
  const placed = pieces.reduce((sum, p) => sum + p.hours, 0) + result.excess.reduce((sum, e) => sum + e.hours, 0);
  expect(placed).toBeCloseTo(total, 2);
  // Excess only when the target is too tight, and too tight means excess unless accepted.
  if (result.excess.length > 0) expect(result.tight).not.toBeNull();
  if (!run.stretch) expect(result.excess.length > 0).toBe(result.tight !== null);
  if (result.tight && !run.stretch) expect(result.tight.shortBy).toBeCloseTo(result.excess.reduce((sum, e) => sum + e.hours, 0), 2);

  // Order kept: units in plan order, each on dates that never go back, each on consecutive pieces.
  for (let i = 1; i < pieces.length; i++) {
    expect(pieces[i]!.day >= pieces[i - 1]!.day).toBe(true);
    expect(pieces[i]!.date >= pieces[i - 1]!.date).toBe(true);
  }
  const excessFrom = result.excess[0]?.day ?? Infinity;
  expect(pieces.every((p) => p.day <= excessFrom)).toBe(true);

  // Only dates from the first to the target, never a skipped one, none past its capacity (times the factor, accepted).
  const limit = run.stretch ? Math.max(1, result.factor) : 1;
  for (const date of result.dates) {
    expect(date.date >= run.from && date.date <= run.until).toBe(true);
    expect(run.skip!.has(date.date)).toBe(false);
    const room = run.capacity[weekdayIndex(date.date)]! - (date.date === run.from ? run.spent! : 0);
    expect(date.hours).toBeLessThanOrEqual(Math.max(0, room) * limit + 2 * SLACK);
  }
  if (!run.stretch) expect(result.factor).toBeLessThanOrEqual(1);

  // Weekend days on weekends, weekday days on weekdays, for an aligned plan.
  for (const p of pieces) {
    const weekend = run.units.find((u) => u.day === p.day)!.weekend;
    if (weekend !== undefined) expect(weekdayIndex(p.date) >= 5).toBe(weekend);
  }

  // The same every time, and the stored form reads back to the same dates.
  expect(rebalance(run)).toEqual(result);
  const view = scheduleView(storeSchedule(result, run.from, run.until, ''), run.units);
  const none = new Set<string>();
  for (const date of result.dates) {
    const due = dueOn(view, date.date, none).map((t) => t.id);
    for (const id of date.pieces.flatMap((p) => p.tasks)) expect(due).toContain(id);
  }
}

describe.each(DST_ZONES)('in %s (properties)', (zone) => {
  useTimeZone(zone);

  it('any plan: nothing left out, order kept, capacity kept or the excess reported, deterministic', () => {
    fc.assert(fc.property(input(false), checkSchedule), { numRuns: 300 });
  });

  it('a plan aligned to weekdays: the same, and its weekend days on Saturdays and Sundays', () => {
    fc.assert(fc.property(input(true), checkSchedule), { numRuns: 300 });
  });

  it('accepted, everything fits whenever some factor of the capacity would fit it', () => {
    fc.assert(
      fc.property(input(false), (run) => {
        const result = rebalance({ ...run, stretch: true });
        // Without weekday kinds a date of any capacity takes anything: only no date at all leaves excess.
        const anyRoom = Array.from({ length: daysBetween(run.from, run.until) + 1 }, (_, n) => addDays(run.from, n)).some((d) => !run.skip!.has(d) && run.capacity[weekdayIndex(d)]! - (d === run.from ? run.spent! : 0) > 0);
        if (anyRoom) expect(result.excess).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what it costs', () => {
  const time = (run: () => void) => {
    run(); // warm
    const started = performance.now();
    run();
    return performance.now() - started;
  };

  it('the 90-day plan and a plan of ten years of days rebalance in well under a second', () => {
    const plan = parseCurriculum(readFileSync(join('curricula', '90-day.md'), 'utf8')).plan!;
    const ninety = workUnits(planDays(plan), planEffort(plan).days, new Set(), false);
    const ms90 = time(() => rebalance({ units: ninety, from: '2026-03-02', until: '2026-07-31', capacity: parseCapacity('daily 1h'), oldEnd: '2026-05-30' }));
    const decade = Array.from({ length: 3650 }, (_, i) => unit(i + 1, [0.5, 0.5, 1], i % 7 >= 5));
    const msDecade = time(() => rebalance({ units: decade, from: '2026-03-02', until: '2037-03-01', capacity: parseCapacity('mon-fri 2h, sat-sun 3h'), oldEnd: '2036-02-28' }));
    const msTight = time(() => rebalance({ units: decade, from: '2026-03-02', until: '2030-03-01', capacity: parseCapacity('mon-fri 2h, sat-sun 3h'), oldEnd: '2036-02-28' }));
    console.log(`rebalance: 90-day plan ${ms90.toFixed(1)} ms; 3,650 days ${msDecade.toFixed(1)} ms; 3,650 days too tight (with suggestions) ${msTight.toFixed(1)} ms`);
    expect(ms90).toBeLessThan(1000);
    expect(msDecade).toBeLessThan(3000);
    expect(msTight).toBeLessThan(3000);
  });
});
