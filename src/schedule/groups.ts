// A plan's progress per group: its weeks or phases as the curriculum names them, else runs of 7 days.
import { spanLabel } from '../curriculum/span-label.js';
import type { Mark } from '../state/schema.js';
import type { PlanDay } from './plan-days.js';

export interface GroupProgress {
  label: string;
  from: number;
  to: number;
  done: number;
  total: number;
}

export function groupProgress(days: readonly PlanDay[], done: ReadonlyMap<string, Mark>): GroupProgress[] {
  const named = days.some((d) => d.group !== undefined);
  const groups: (GroupProgress & { ids: Set<string> })[] = [];
  for (const day of days) {
    const label = named ? (day.group ?? groups.at(-1)?.label ?? 'Before the first group') : spanLabel('week', day.day, day.day);
    let group = groups.at(-1);
    if (group?.label !== label) {
      group = { label, from: day.day, to: day.day, done: 0, total: 0, ids: new Set() };
      groups.push(group);
    }
    group.to = day.day;
    for (const task of day.tasks) group.ids.add(task.id);
  }
  return groups.map(({ ids, ...group }) => ({ ...group, total: ids.size, done: [...ids].filter((id) => done.has(id)).length }));
}
