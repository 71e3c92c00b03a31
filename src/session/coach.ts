// What a plan's deadline and its rebalanced schedule (when one is in force) mean for the views:
// the schedule read over the plan's current work, and the end the plan now has (the schedule's,
// else its calendar's). Every view that shows dates of work starts from this.
import type { Plan } from '../curriculum/types.js';
import type { ActiveSchedule } from '../log/fold.js';
import type { LocalDate } from '../schedule/dates.js';
import type { PlanDay } from '../schedule/plan-days.js';
import type { Position } from '../schedule/progress.js';
import { scheduleView, type ScheduleView } from '../schedule/schedule-view.js';
import { workUnits, type WorkUnit } from '../schedule/work.js';
import type { StudyState } from '../state/study-store.js';

export interface Coach {
  deadline: LocalDate | undefined;
  /** The rebalance in force, and how many earlier ones `--undo` can go back through. */
  schedule: (ActiveSchedule & { earlier: number }) | undefined;
  /** The schedule over the plan's current units; undefined without one. */
  view: ScheduleView | undefined;
  /** The plan's work, with what is done. */
  units: WorkUnit[];
  /** The date of the plan's last work: its schedule's end, else its calendar end. */
  end: LocalDate;
}

export function coachOf(plan: Plan, days: readonly PlanDay[], done: { has(id: string): boolean }, where: Pick<Position, 'end'>, state: Pick<StudyState, 'deadlines' | 'schedules'>): Coach {
  const units = workUnits(days, plan.effort.days, done, plan.startsOn !== undefined);
  const schedule = state.schedules[plan.id];
  const view = schedule && scheduleView(schedule, units);
  return { deadline: state.deadlines[plan.id], schedule, view, units, end: view?.end ?? where.end };
}
