// Under a rebalanced schedule, what a date holds: its tasks across the plan days on it, numbered
// 1, 2, … for the whole date (the same numbers all day, done ones kept in place), which
// `prep done N` takes; what is overdue (open tasks of scheduled dates before it); how many days
// behind that is; and the next date with work, for a date that has none.
import { UsageError } from '../errors.js';
import { addDays, daysBetween, weekdayIndex, type LocalDate } from '../schedule/dates.js';
import type { PlanDay, ScheduledTask } from '../schedule/plan-days.js';
import type { NumberedTask, OverdueTask, PlanStatus } from '../schedule/progress.js';
import { dueLabel, dueOn, overdueUnder, type ScheduleView } from '../schedule/schedule-view.js';
import type { Coach } from './coach.js';

export interface ScheduledDue extends NumberedTask {
  /** Its plan day, and its number there (`prep done --day D N`). */
  day: number;
  dayN: number;
}

export interface ScheduledToday {
  /** "Day 12 and day 13, tasks 1–4"; '' when nothing is due on the date. */
  label: string;
  tasks: ScheduledDue[];
  overdue: OverdueTask[];
  /** Days since the first scheduled date with a task still open; 0 when none is. */
  behind: number;
  /** The first date after this one with work, when this one has none. */
  next: LocalDate | null;
}

/** The schedule that holds on `today`: the one in force, from the date it was made. */
export function scheduleOn(coach: Pick<Coach, 'view'>, today: LocalDate): ScheduleView | undefined {
  return coach.view && today >= coach.view.from ? coach.view : undefined;
}

/** The first date after `today` with work. */
const nextWorkDate = (view: ScheduleView, today: LocalDate): LocalDate | null => [...view.dates.keys()].filter((date) => date > today).sort()[0] ?? null;

function taskIndex(days: readonly PlanDay[]): Map<string, ScheduledTask> {
  const byId = new Map<string, ScheduledTask>();
  for (const day of days) for (const task of day.tasks) if (!byId.has(task.id)) byId.set(task.id, task);
  return byId;
}

/** The tasks due on `today` under `view`, numbered for the whole date. */
export function dueTasks(view: ScheduleView, days: readonly PlanDay[], today: LocalDate, done: { has(id: string): boolean }): ScheduledDue[] {
  const byId = taskIndex(days);
  return dueOn(view, today, done).flatMap((due) => {
    const task = byId.get(due.id);
    return task ? [{ ...task, n: due.n, done: due.done, day: due.day, dayN: due.dayN }] : [];
  });
}

export function dueUnderSchedule(view: ScheduleView, days: readonly PlanDay[], today: LocalDate, done: { has(id: string): boolean }): ScheduledToday {
  const tasks = dueTasks(view, days, today, done);
  const byId = taskIndex(days);
  const late = overdueUnder(view, today, done);
  const overdue = late.map((t): OverdueTask => ({ day: t.day, id: t.id, text: byId.get(t.id)?.text ?? t.id, n: t.dayN, days: { from: t.day, to: t.day }, count: 1 }));
  const firstLate = late.find((t) => t.date !== null)?.date;
  const next = tasks.length > 0 ? null : nextWorkDate(view, today);
  return { label: dueLabel(tasks), tasks, overdue, behind: firstLate ? daysBetween(firstLate, today) : 0, next };
}

/** Where a plan stands under its schedule: past the schedule's last date, its work is over ('finished', 'ended' with tasks open). */
export function statusUnder(view: ScheduleView, today: LocalDate): PlanStatus {
  return today > view.end ? 'finished' : 'active';
}

/** The plan days a date's tasks come from: the first and the last. */
export function spanOf(tasks: readonly Pick<ScheduledDue, 'day'>[]): { from: number; to: number } {
  return { from: tasks[0]!.day, to: tasks.at(-1)!.day };
}

/** `prep done N` on a date the schedule gives nothing. */
export function nothingDue(view: ScheduleView, today: LocalDate): UsageError {
  const next = nextWorkDate(view, today);
  return new UsageError(`nothing is due on ${today} under your rebalanced schedule${next ? `; the next work is on ${next}` : ''}`, 'Name a plan day with --day, such as `prep done --day 12 1`; `prep today` shows what is due.');
}

export interface WeekDateUnderSchedule {
  date: LocalDate;
  /** The plan days whose tasks fall on it, in order. */
  days: number[];
  done: number;
  total: number;
  today: boolean;
}

/** The seven dates, Monday to Sunday, of the calendar week `today` is in, as the schedule fills them. */
export function weekUnderSchedule(view: ScheduleView, days: readonly PlanDay[], today: LocalDate, done: { has(id: string): boolean }): WeekDateUnderSchedule[] {
  const monday = addDays(today, -weekdayIndex(today));
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(monday, i);
    const tasks = dueTasks(view, days, date, done);
    return { date, days: [...new Set(tasks.map((t) => t.day))], done: tasks.filter((t) => t.done).length, total: tasks.length, today: date === today };
  });
}

/** The dates from the schedule's first through `asOf` (and its last) that it gives no work: they bridge a streak, as rest days do. */
export function freeDates(view: ScheduleView, asOf: LocalDate): LocalDate[] {
  const free: LocalDate[] = [];
  const last = asOf < view.end ? asOf : view.end;
  for (let date = view.from; date <= last; date = addDays(date, 1)) if (!view.dates.has(date)) free.push(date);
  return free;
}
