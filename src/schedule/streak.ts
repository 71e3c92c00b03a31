// Streaks from study dates: pure functions of a set of dates and `today`.
import { studyDates, type State } from '../state/schema.js';
import { dateOfDay, pausedDates, type PlanClock } from './clock.js';
import { addDays, daysBetween, type LocalDate } from './dates.js';
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
 * A study date adds one to a run; a rest date bridges a run without adding to it; any other past
 * date ends it. Today without study (and not a rest day) is still open: it does not break the run.
 */
export function computeStreak(studyDates: ReadonlySet<LocalDate>, restDates: ReadonlySet<LocalDate>, today: LocalDate): Streak {
  const past = [...studyDates].filter((d) => d <= today).sort();
  const first = past[0];
  if (first === undefined) return { current: 0, longest: 0, atRisk: false, studyDays: 0 };

  let longest = 0;
  let run = 0;
  for (let date = first; date <= today; date = addDays(date, 1)) {
    if (studyDates.has(date)) run += 1;
    else if (!restDates.has(date) && date !== today) run = 0;
    longest = Math.max(longest, run);
  }

  // `run` is now the run reaching today (or yesterday, if today is open): the current streak.
  const todayOpen = !studyDates.has(today) && !restDates.has(today);
  const atRisk = todayOpen && run > 0;
  return { current: run, longest, atRisk, studyDays: past.length };
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

/** The streak over every plan's log: rest days and paused dates bridge it. */
export function streakOf(state: Pick<State, 'log' | 'rest' | 'plans' | 'activePlan'>, days: readonly PlanDay[], clock: PlanClock, asOf: LocalDate): Streak {
  const bridged = restDates(state.rest, days, clock, asOf);
  for (const date of pausedBridges(state, asOf)) bridged.add(date);
  return computeStreak(studyDates(state.log), bridged, asOf);
}
