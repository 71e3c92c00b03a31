// Today's page under a rebalanced schedule: its head names what the date holds ("Day 12 and day
// 13, tasks 1–4") or, for a date with none, the next date with work; each task's section says
// its plan day; being behind points to a new rebalance rather than a catch-up.
import type { TodayData } from '../commands/today.js';
import { humanDate } from './dates.js';
import { headline } from './layout.js';
import { plural, type RenderOptions } from './style.js';

export function scheduleHead(data: TodayData, schedule: NonNullable<TodayData['schedule']>, options: RenderOptions): string[] {
  const { style } = options;
  const head = schedule.label === '' ? `Nothing due today${schedule.next ? `; next: ${humanDate(schedule.next)}` : ''}` : schedule.label;
  const where = [data.plan.id, 'rebalanced', `ends ${humanDate(data.end)}`];
  return [`${style.bold(head)}   ${style.dim(humanDate(data.date))}`, ...headline(where, ' · ', options).map((line) => style.dim(line))];
}

/** A task's section under a schedule: `Day 12 · Morning (2 hours)`. */
export function scheduledSection(task: TodayData['tasks'][number]): string | null {
  if (task.day === undefined) return task.section;
  return `Day ${task.day}${task.section ? ` · ${task.section}` : ''}`;
}

export const behindScheduleLines = (behind: number): [string, string] => [`You are ${plural(behind, 'day')} behind your schedule.`, '`prep plan rebalance` fits what is left into the days ahead; nothing done is lost.'];
