// Pace and forecast toward a deadline: the pace of the last 14 days (tasks and hours a day), the
// date the plan finishes at that pace, the pace the deadline needs, the days left, and whether the
// plan's own end falls after the deadline. Pure: completions, the plan's work and `today` in.
// Counting today as a study day: at a pace of p hours a day, r hours take n = ⌈r / p⌉ days, the
// last of them today + n - 1 (the finish); the deadline, the interview, leaves daysLeft days
// before it (today through the eve), so it needs r / daysLeft a day; the finish is before the
// deadline exactly when the pace is at least the one needed.
import { addDays, daysBetween, type LocalDate } from './dates.js';
import { openWork, type WorkUnit } from './work.js';

/** Days the pace is measured over, ending today. */
export const PACE_DAYS = 14;

export interface Pace {
  tasks: number;
  hours: number;
}

export interface DeadlineView {
  date: LocalDate;
  /** Days from today to the deadline: 1 on its eve, 0 on the day, below 0 after it. */
  daysLeft: number;
}

export interface Forecast {
  /** Tasks and hours a day over the last 14 days (fewer since the start); null with nothing done in them. */
  pace: Pace | null;
  /** The last study date at that pace; null with no pace. Today when nothing is left. */
  finish: LocalDate | null;
  /** Tasks and hours a day the deadline needs; null with no deadline, or on or after it. */
  needed: Pace | null;
  remaining: Pace;
  /** The plan's own end (its calendar, or its schedule) falls after the deadline. */
  late: boolean;
}

export interface ForecastInput {
  /** Every unit of the plan, with what is done. */
  units: readonly WorkUnit[];
  /** The date each completed task was done for, by completion key. */
  completions: ReadonlyMap<string, { date: LocalDate }>;
  today: LocalDate;
  /** The plan's start: the pace is measured from it when it is less than 14 days ago. */
  start: LocalDate;
  /** The date of the plan's last day, by its calendar or its schedule. */
  end: LocalDate;
  deadline: LocalDate | null;
}

/** Two decimals: what JSON carries and a test can write down. */
const round = (n: number) => Math.round(n * 100) / 100;

export function deadlineView(deadline: LocalDate | null, today: LocalDate): DeadlineView | null {
  return deadline === null ? null : { date: deadline, daysLeft: daysBetween(today, deadline) };
}

/** The pace over the 14 days ending `today` (from `start` when later), or null when nothing was done in them. */
export function paceOf(units: readonly WorkUnit[], completions: ReadonlyMap<string, { date: LocalDate }>, today: LocalDate, start: LocalDate): Pace | null {
  const pace = exactPace(units, completions, today, start);
  return pace && { tasks: round(pace.tasks), hours: round(pace.hours) };
}

function exactPace(units: readonly WorkUnit[], completions: ReadonlyMap<string, { date: LocalDate }>, today: LocalDate, start: LocalDate): Pace | null {
  const from = start > addDays(today, 1 - PACE_DAYS) ? start : addDays(today, 1 - PACE_DAYS);
  const days = daysBetween(from, today) + 1;
  if (days < 1) return null;
  let tasks = 0;
  let hours = 0;
  for (const unit of units) {
    for (const task of unit.tasks) {
      const date = completions.get(task.id)?.date;
      if (date === undefined || date < from || date > today) continue;
      tasks++;
      hours += task.hours;
    }
  }
  return tasks === 0 ? null : { tasks: tasks / days, hours: hours / days };
}

export function forecast(input: ForecastInput): Forecast {
  const { units, today, deadline } = input;
  const remaining = openWork(units);
  const exact = exactPace(units, input.completions, today, input.start);
  let finish: LocalDate | null = null;
  if (exact) {
    // By hours where the work has them, else by tasks; a hair below a whole day is that day.
    const byHours = exact.hours > 0 && remaining.hours > 0;
    const need = byHours ? remaining.hours / exact.hours : remaining.tasks / exact.tasks;
    finish = need <= 0 ? today : addDays(today, Math.ceil(need - 1e-9) - 1);
  }
  const view = deadlineView(deadline, today);
  const needed = view && view.daysLeft > 0 ? { tasks: round(remaining.tasks / view.daysLeft), hours: round(remaining.hours / view.daysLeft) } : null;
  return { pace: exact && { tasks: round(exact.tasks), hours: round(exact.hours) }, finish, needed, remaining: { tasks: remaining.tasks, hours: round(remaining.hours) }, late: deadline !== null && input.end > deadline };
}
