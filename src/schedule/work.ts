// A plan's work as the coach counts it: units in plan order (a day; a day of a range; a week of
// week-level tasks, once), each with its tasks' hours laid end to end on a line, and what is open.
// The forecast counts it; the scheduler places the open part of each unit on dates.
import type { DayEffort } from '../curriculum/effort.js';
import type { SpanKind } from '../curriculum/types.js';
import type { PlanDay } from './plan-days.js';

/** Parts of a line of hours, in ten-thousandths: how a stored schedule splits a unit between dates. */
export const SHARE_UNITS = 10_000;

export interface WorkTask {
  /** The completion key. */
  id: string;
  /** Its number in its plan day, as `prep done --day D N` takes it. */
  n: number;
  hours: number;
  /** Where it begins on its unit's line of hours. */
  start: number;
  done: boolean;
}

export interface WorkUnit {
  /** The plan day; for a week of week-level tasks, its first day. */
  day: number;
  /** The last plan day it stands for: `day` but for a week. */
  to: number;
  kind: SpanKind;
  /** Where it may go in a plan aligned to weekdays: weekend dates (true), weekdays (false); undefined: any date. */
  weekend: boolean | undefined;
  /** Hours of all its tasks. */
  hours: number;
  tasks: WorkTask[];
}

/** Every unit of work, in plan order; rest days are none. `aligned`: the plan's weekend days must stay on weekends. */
export function workUnits(days: readonly PlanDay[], effort: readonly DayEffort[], done: { has(id: string): boolean }, aligned: boolean): WorkUnit[] {
  const units: WorkUnit[] = [];
  for (const day of days) {
    if (day.kind === 'rest' || day.tasks.length === 0) continue;
    if (day.kind === 'week' && day.day !== day.from) continue; // a week's tasks are due once
    const hours = effort[day.day - 1]?.tasks ?? [];
    let start = 0;
    const tasks = day.tasks.map((task, index) => {
      const item: WorkTask = { id: task.id, n: index + 1, hours: hours[index] ?? 0, start, done: done.has(task.id) };
      start += item.hours;
      return item;
    });
    const weekend = aligned && day.kind !== 'week' ? (effort[day.day - 1]?.weekend ?? false) : undefined;
    units.push({ day: day.day, to: day.kind === 'week' ? day.to : day.day, kind: day.kind, weekend, hours: start, tasks });
  }
  return units;
}

/** Tasks and hours of the open part of `units`. */
export function openWork(units: readonly WorkUnit[]): { tasks: number; hours: number } {
  let tasks = 0;
  let hours = 0;
  for (const unit of units) {
    for (const task of unit.tasks) {
      if (task.done) continue;
      tasks++;
      hours += task.hours;
    }
  }
  return { tasks, hours };
}
