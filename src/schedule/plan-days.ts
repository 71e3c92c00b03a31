// A plan's spans laid out as calendar days 1..days: what is due on each plan day.
import type { Link, Plan, SpanKind } from '../curriculum/types.js';

export interface ScheduledTask {
  /** The completion key: the task id, plus `@day` for a range task due on every day of its range. */
  id: string;
  text: string;
  section?: string;
  details: string[];
  links: Link[];
}

export interface PlanDay {
  readonly day: number;
  readonly kind: SpanKind;
  readonly title: string;
  readonly group?: string;
  /** The span this day belongs to: equal for every day of a range or a week. */
  readonly from: number;
  readonly to: number;
  readonly tasks: readonly ScheduledTask[];
  readonly deliverable?: string;
  readonly notes: readonly string[];
}

const laidOut = new WeakMap<Plan, readonly PlanDay[]>();

/** One entry per plan day. Assumes a plan that validated; a day nothing schedules is a rest day. */
export function planDays(plan: Plan): readonly PlanDay[] {
  // A run lays its plan out for the command, the streak, the reviews and the caches: once is enough, as neither changes.
  let days = laidOut.get(plan);
  if (!days) laidOut.set(plan, (days = layOut(plan)));
  return days;
}

function layOut(plan: Plan): readonly PlanDay[] {
  const days: PlanDay[] = [];
  for (let day = 1; day <= plan.days; day++) {
    days.push({ day, kind: 'rest', title: 'Rest', from: day, to: day, tasks: [], notes: [] });
  }
  for (const span of plan.spans) {
    for (let day = Math.max(1, span.from); day <= Math.min(plan.days, span.to); day++) {
      const tasks: ScheduledTask[] = span.tasks
        .filter((task) => task.onlyDay === undefined || task.onlyDay === day)
        .map((task) => {
          const perDay = span.kind === 'range' && task.onlyDay === undefined;
          const scheduled: ScheduledTask = { id: perDay ? `${task.id}@${day}` : task.id, text: task.text, details: task.details, links: task.links };
          if (task.section) scheduled.section = task.section;
          return scheduled;
        });
      days[day - 1] = {
        day,
        kind: span.kind,
        title: span.title || (span.kind === 'rest' ? 'Rest' : ''),
        from: span.from,
        to: span.to,
        tasks,
        notes: span.notes,
        ...(span.group ? { group: span.group } : {}),
        ...(span.deliverable ? { deliverable: span.deliverable } : {}),
      };
    }
  }
  return days;
}

/** How many tasks the whole plan asks for: a week task once, a range task once per day. */
export function countTasks(days: readonly PlanDay[]): number {
  const ids = new Set<string>();
  for (const day of days) for (const task of day.tasks) ids.add(task.id);
  return ids.size;
}
