// Streaks from study dates: pure functions of a set of dates and `today`.
import { studyDates, type State } from '../state/schema.js';
import { dateOfDay, pausedDates, type PlanClock } from './clock.js';
import { addDays, daysBetween, isSkippedDate, type LocalDate } from './dates.js';
import type { PlanDay } from './plan-days.js';

export interface Streak {
  /** Consecutive study days ending today, or yesterday while today is still open. */
  current: number;
  longest: number;
  /** The streak is alive but today has no study yet: one more task keeps it. */
  atRisk: boolean;
  studyDays: number;
}

/**
 * A study date adds one to a run; a rest date, or a date the time zone skipped, bridges a run
 * without adding to it; any other past date ends it. Today without study (and not a rest day) is
 * still open: it does not break the run. Walks the gaps between study dates, not every calendar
 * day, so a `today` centuries after the first study date costs no more than one next to it.
 */
export function computeStreak(studyDates: ReadonlySet<LocalDate>, restDates: ReadonlySet<LocalDate>, today: LocalDate, skipped: (date: LocalDate) => boolean = isSkippedDate): Streak {
  const past = [...studyDates].filter((d) => d <= today).sort();
  const first = past[0];
  if (first === undefined) return { current: 0, longest: 0, atRisk: false, studyDays: 0 };
  const bridges = [...restDates].filter((d) => d > first && d < today && !studyDates.has(d)).sort();

  // Whether every date strictly between `from` and `to` is bridged.
  const bridged = (from: LocalDate, to: LocalDate): boolean => {
    const between = daysBetween(from, to) - 1;
    if (between <= 0) return true;
    const lo = firstAfter(bridges, from);
    const hi = firstAfter(bridges, addDays(to, -1));
    const missing = between - (hi - lo);
    if (missing === 0) return true;
    // A zone skips a day at a time, rarely: look at each date only when a few are not bridged.
    if (missing > 2) return false;
    let b = lo;
    for (let date = addDays(from, 1); date < to; date = addDays(date, 1)) {
      if (bridges[b] === date) b++;
      else if (!skipped(date)) return false;
    }
    return true;
  };

  let longest = 0;
  let run = 0;
  let previous: LocalDate | undefined;
  for (const date of past) {
    run = previous === undefined || bridged(previous, date) ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = date;
  }
  // Today is open: only the dates between the last study date and today can end the run.
  if (previous !== today && !bridged(previous!, today)) run = 0;

  // `run` is now the run reaching today (or yesterday, if today is open): the current streak.
  const todayOpen = !studyDates.has(today) && !restDates.has(today);
  const atRisk = todayOpen && run > 0;
  return { current: run, longest, atRisk, studyDays: past.length };
}

/** The index of the first date in sorted `dates` after `date`. */
function firstAfter(dates: readonly LocalDate[], date: LocalDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]! <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Declared rest days may be at most one in any 7 days: the nearest other one must be 7+ days away. */
export function restTooSoon(date: LocalDate, declared: readonly LocalDate[], perDays = 7): LocalDate | undefined {
  return declared.find((other) => other !== date && Math.abs(daysBetween(other, date)) < perDays);
}

/** Declared rest days, and the active plan's scheduled rest days on their real dates. */
export function restDates(declared: readonly LocalDate[], days: readonly PlanDay[], clock: PlanClock, today: LocalDate): Set<LocalDate> {
  const rest = new Set(declared);
  for (const day of days) if (day.kind === 'rest') rest.add(dateOfDay(clock, day.day, today));
  return rest;
}

/**
 * Paused dates that bridge a streak: every plan's finished pauses, and the ongoing pause of the
 * active plan only (one left open on a plan switched away from must not bridge for ever).
 */
export function pausedBridges(state: Pick<State, 'plans' | 'activePlan'>, asOf: LocalDate): Set<LocalDate> {
  const dates = new Set<LocalDate>();
  for (const [id, plan] of Object.entries(state.plans)) {
    const clock = id === state.activePlan ? plan : { ...plan, paused: plan.paused.filter((p) => p.resume !== undefined) };
    for (const date of pausedDates(clock, asOf)) dates.add(date);
  }
  return dates;
}

/** Grades by card, as the log's review view holds them (src/log/fold-review.ts). */
type GradeDates = { grades: Readonly<Record<string, readonly { date: LocalDate }[]>> };

/** The streak over every plan's log: a review counts as study; rest days, paused dates and `freeDates` (dates a rebalanced schedule gives no work) bridge it. */
export function planStreak(state: Pick<State, 'log' | 'rest' | 'plans' | 'activePlan'> & { review?: GradeDates }, days: readonly PlanDay[], clock: PlanClock, asOf: LocalDate, freeDates: Iterable<LocalDate> = []): Streak {
  const bridged = restDates(state.rest, days, clock, asOf);
  for (const date of freeDates) bridged.add(date);
  for (const date of pausedBridges(state, asOf)) bridged.add(date);
  const studied = studyDates(state.log);
  for (const grades of Object.values(state.review?.grades ?? {})) for (const grade of grades) studied.add(grade.date);
  return computeStreak(studied, bridged, asOf);
}
