// A plan's clock: which plan day each calendar date is, given the start and the ranges it was paused.
// Paused dates do not advance the day number: on them the plan stays at the day that resumes next.
import { addDays, daysBetween, type LocalDate } from './dates.js';

/** Paused from `from` through the day before `resume`; no `resume` while the pause goes on. */
export interface Pause {
  from: LocalDate;
  resume?: LocalDate;
}

export interface PlanClock {
  start: LocalDate;
  paused?: readonly Pause[];
}

interface ClosedPause {
  from: LocalDate;
  resume: LocalDate;
}

/**
 * The pauses in date order, cut to begin no earlier than the start (one that ended before it is
 * dropped: a restart or a catch-up can move the start past it), an open one assumed to end after
 * `today` (it resumes tomorrow at the earliest).
 */
function closedPauses(clock: PlanClock, today: LocalDate): ClosedPause[] {
  return (clock.paused ?? [])
    .map((p) => ({ from: p.from < clock.start ? clock.start : p.from, resume: p.resume ?? (p.from > today ? p.from : addDays(today, 1)) }))
    .filter((p) => p.resume > p.from)
    .sort((a, b) => (a.from < b.from ? -1 : 1));
}

export function openPause(clock: PlanClock): Pause | undefined {
  return clock.paused?.find((p) => p.resume === undefined);
}

export function isPaused(clock: PlanClock, date: LocalDate, today: LocalDate): boolean {
  return closedPauses(clock, today).some((p) => p.from <= date && date < p.resume);
}

/** Paused dates from the start through `today`: they bridge a streak like rest days. */
export function pausedDates(clock: PlanClock, today: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (const p of closedPauses(clock, today)) {
    for (let date = p.from; date < p.resume && date <= today; date = addDays(date, 1)) dates.push(date);
  }
  return dates;
}

/** The plan day on `date`: below 1 before the start; on a paused date, the day that resumes next. */
export function dayOn(clock: PlanClock, date: LocalDate, today: LocalDate): number {
  const calendarDay = daysBetween(clock.start, date) + 1;
  if (calendarDay < 1) return calendarDay;
  let pausedBefore = 0;
  for (const p of closedPauses(clock, today)) {
    if (p.from >= date) break;
    pausedBefore += daysBetween(p.from, p.resume < date ? p.resume : date);
  }
  return calendarDay - pausedBefore;
}

/** The calendar date of plan day `day` (≥ 1): the start, pushed past every pause it reaches. */
export function dateOfDay(clock: PlanClock, day: number, today: LocalDate): LocalDate {
  let date = addDays(clock.start, day - 1);
  for (const p of closedPauses(clock, today)) {
    if (p.from > date) break;
    date = addDays(date, daysBetween(p.from, p.resume));
  }
  return date;
}
