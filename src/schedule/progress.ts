// Where the user stands in a plan on a given date: pure functions of the plan, the marks and `today`.
import type { Mark } from '../state/schema.js';
import { addDays, daysBetween, type LocalDate } from './dates.js';
import type { PlanDay, ScheduledTask } from './plan-days.js';

export type PlanStatus = 'not-started' | 'active' | 'finished';

export interface Position {
  status: PlanStatus;
  /** Plan day number for `today`: below 1 before the start, above `days` after the end. */
  day: number;
  start: LocalDate;
  end: LocalDate;
}

export function position(start: LocalDate, days: number, today: LocalDate): Position {
  const day = daysBetween(start, today) + 1;
  const status: PlanStatus = day < 1 ? 'not-started' : day > days ? 'finished' : 'active';
  return { status, day, start, end: addDays(start, days - 1) };
}

export interface NumberedTask extends ScheduledTask {
  /** The number `prep done N` takes: the task's place in its day, stable while the file is unchanged. */
  n: number;
  done: boolean;
}

export function numberedTasks(day: PlanDay, done: ReadonlyMap<string, Mark>): NumberedTask[] {
  return day.tasks.map((task, index) => ({ ...task, n: index + 1, done: done.has(task.id) }));
}

export interface OverdueTask {
  day: number;
  id: string;
  text: string;
}

/** Unfinished tasks of days before `today`; a week task only once its week is over. */
export function overdue(days: readonly PlanDay[], today: number, done: ReadonlyMap<string, Mark>): OverdueTask[] {
  const seen = new Set<string>();
  const out: OverdueTask[] = [];
  for (const day of days) {
    if (day.day >= today) break;
    if (day.kind === 'week' && day.to >= today) continue;
    for (const task of day.tasks) {
      if (done.has(task.id) || seen.has(task.id)) continue;
      seen.add(task.id);
      out.push({ day: day.day, id: task.id, text: task.text });
    }
  }
  return out;
}

/** Done and total over the whole plan, counting each completion key once. */
export function planProgress(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): { done: number; total: number } {
  const ids = new Set(days.flatMap((d) => d.tasks.map((t) => t.id)));
  let count = 0;
  for (const id of ids) if (done.has(id)) count++;
  return { done: count, total: ids.size };
}

/** Completions whose task is no longer in the plan (the curriculum was edited): kept, and reported. */
export function orphans(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): { id: string; text?: string }[] {
  const ids = new Set(days.flatMap((d) => d.tasks.map((t) => t.id)));
  return [...done].filter(([id]) => !ids.has(id)).map(([id, mark]) => (mark.text === undefined ? { id } : { id, text: mark.text }));
}
