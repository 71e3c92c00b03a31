// Falling behind, and far behind: where `prep plan catch-up` moves a plan's start (also after its
// calendar end, while tasks are open), kept on its weekdays for a plan whose day 1 is a weekday,
// and whether a plan past its end is finished or only ended. Pure: `today` is a value.
import { weekdayOfDay } from '../curriculum/coach-fields.js';
import type { Mark } from '../state/schema.js';
import { dateOfDay, dayOn, type PlanClock } from './clock.js';
import { addDays, weekdayIndex, type LocalDate } from './dates.js';
import type { PlanDay } from './plan-days.js';
import { behind, position, type Position } from './progress.js';

export interface CatchUp {
  /** The new start. */
  start: LocalDate;
  /** Days the plan was behind: the first unfinished day was due this many days ago. */
  lag: number;
  /** Days more it moved to keep its weekdays: the first unfinished day comes that many days after today. */
  wait: number;
  /** The first unfinished day, which lands on today (or `wait` days after it). */
  day: number;
}

/**
 * Days behind the schedule as `behind` counts them, and after the calendar end as well, where
 * a plan with open tasks is still behind; 0 before the start.
 */
export function lagBehind(days: readonly PlanDay[], where: Pick<Position, 'status' | 'day'>, done: ReadonlyMap<string, Mark>): number {
  return where.status === 'not-started' ? 0 : behind(days, { status: 'active', day: where.day }, done);
}

/**
 * Where catch-up moves the start so that the first unfinished day is today, or undefined when there
 * is nothing to catch up (not started, on schedule, or nothing open). Past the calendar end too.
 * For a plan whose day 1 is weekday `startsOn`, the start moves on to the first date on which that
 * day falls on its own weekday: the weekend days stay on weekends, and today and the days after it,
 * up to the first unfinished day, are left lighter.
 */
export function catchUpStart(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>, clock: PlanClock, today: LocalDate, startsOn?: number): CatchUp | undefined {
  const where = position(clock, days.length, today);
  if (where.status === 'not-started') return undefined;
  const lag = lagBehind(days, where, done);
  if (lag <= 0) return undefined;
  // A later start moves today's day back by one, or by none across a paused date: step until it is right.
  const target = dayOn(clock, today, today) - lag;
  let start = clock.start;
  while (dayOn({ ...clock, start }, today, today) > target) start = addDays(start, 1);
  let wait = 0;
  if (startsOn !== undefined) {
    const weekday = weekdayOfDay(startsOn, target);
    // At most a week of dates, and one more for each paused date it is pushed across.
    for (let step = 0; step < 7 + (clock.paused?.length ?? 0) * 7 && weekdayIndex(dateOfDay({ ...clock, start }, target, today)) !== weekday; step++) {
      start = addDays(start, 1);
      wait++;
    }
  }
  return { start, lag, wait, day: target };
}

export type Standing = Position['status'] | 'ended';

/** A plan's standing: past its calendar end it is `finished` when nothing is open, else `ended` (catch-up or rebalance still help). */
export function standing(where: Pick<Position, 'status'>, progress: { done: number; total: number }): Standing {
  return where.status === 'finished' && progress.done < progress.total ? 'ended' : where.status;
}
