// What `prep today` and `prep stats` say about the road ahead: the pace of the last 14 days, the
// date the plan finishes at it, and, once a plan has a deadline, the days left, the pace it needs
// and whether the plan's own end falls after it. Pure: the plan, what is done and `today` in.
import type { Plan } from '../curriculum/types.js';
import { daysBetween, type LocalDate } from './dates.js';
import { deadlineView, forecast, PACE_DAYS, type DeadlineView, type Pace } from './forecast.js';
import type { PlanDay } from './plan-days.js';
import { workUnits, type WorkUnit } from './work.js';

export interface ForecastView {
  /** Tasks and hours a day over the last `paceDays` days; null with nothing done in them. */
  pace: Pace | null;
  /** Days the pace is measured over: 14, fewer in a plan's first two weeks, 0 before its start. */
  paceDays: number;
  /** The last study date at that pace; null with no pace. */
  finish: LocalDate | null;
  /** Tasks and hours a day the deadline needs; null with no deadline, or on or after it. */
  needed: Pace | null;
  /** What is left: open tasks and their hours. */
  remaining: Pace;
  /** The plan's own end falls after the deadline. */
  late: boolean;
}

export interface Outlook {
  deadline: DeadlineView | null;
  forecast: ForecastView;
}

/**
 * The outlook of `plan` on `today`: `done` its completions (each with the date it was done for),
 * `start` and `end` the dates of its day 1 and last day, `deadline` the plan's, when it has one;
 * `units` its work with `done` marked, when the caller has laid it out already (src/session/coach.ts).
 */
export function outlook(plan: Plan, days: readonly PlanDay[], done: ReadonlyMap<string, { date: LocalDate }>, where: { start: LocalDate; end: LocalDate }, today: LocalDate, deadline: LocalDate | undefined, units: readonly WorkUnit[] = workUnits(days, plan.effort.days, done, plan.startsOn !== undefined)): Outlook {
  // Measured from the first completion when that is earlier than the start: a catch-up or a
  // restart moves the start, not the days the user studied on.
  let since = where.start;
  for (const mark of done.values()) if (mark.date < since) since = mark.date;
  const { pace, finish, needed, remaining, late } = forecast({ units, completions: done, today, start: since, end: where.end, deadline: deadline ?? null });
  const paceDays = Math.max(0, Math.min(PACE_DAYS, daysBetween(since, today) + 1));
  return { deadline: deadlineView(deadline ?? null, today), forecast: { pace, paceDays, finish, needed, remaining, late } };
}
