// What `prep plan rebalance` proposes for a plan on a state: what is left, in plan order, fitted
// to the dates from today to the target (--until, else the eve of the deadline, else the plan's
// current end) at the user's capacity, declared rest days skipped and today's hours already
// studied taken off today. Worked out the same way for the report and, under the lock, for the record.
import { UsageError } from '../errors.js';
import { addDays, resolveDateArg, type LocalDate } from '../schedule/dates.js';
import { doneIn } from '../schedule/progress.js';
import { rebalance, type Rebalance } from '../schedule/rebalance.js';
import { storeSchedule, type StoredSchedule } from '../schedule/schedule-view.js';
import { openWork } from '../schedule/work.js';
import type { StudyState } from '../state/study-store.js';
import { coachOf } from './coach.js';
import type { PlanTarget } from './plan-target.js';
import { userCapacity, type UserCapacity } from './user-capacity.js';

export interface Proposal {
  result: Rebalance;
  /** The last date filled, and what set it. */
  target: { date: LocalDate; by: 'until' | 'deadline' | 'end' };
  capacity: Pick<UserCapacity, 'text' | 'source'>;
  /** Open tasks and their hours before it. */
  open: { tasks: number; hours: number };
  /** What the log keeps of it. */
  stored: StoredSchedule;
}

/** The target date: `--until`, else the eve of the deadline (its day is the interview), else the plan's end. */
function targetOf(untilArg: string | undefined, deadline: LocalDate | undefined, end: LocalDate, today: LocalDate): Proposal['target'] {
  const later = 'Give a later date with --until DATE, such as `prep plan rebalance --until ' + addDays(today, 28) + '`.';
  if (untilArg !== undefined) {
    const date = resolveDateArg(untilArg, today, '--until');
    if (date < today) throw new UsageError(`--until ${date} is in the past (today is ${today})`, later);
    return { date, by: 'until' };
  }
  if (deadline !== undefined) {
    if (deadline <= today) throw new UsageError(`the deadline, ${deadline}, leaves no day before it (today is ${today})`, `${later} \`prep deadline DATE\` moves the deadline.`);
    return { date: addDays(deadline, -1), by: 'deadline' };
  }
  if (end < today) throw new UsageError(`the plan ended on ${end}: there is no day left to fit its work into`, `${later} \`prep deadline DATE\` sets the date to be ready by.`);
  return { date: end, by: 'end' };
}

export function propose(state: StudyState, target: PlanTarget, today: LocalDate, untilArg: string | undefined): Proposal {
  const { plan, days, position } = target;
  if (!position || position.status === 'not-started') throw new UsageError(`${plan.id} has not started${position ? ` (it starts on ${position.start})` : ''}: there is nothing to rebalance yet`, '`prep plan switch ID --start DATE` starts a plan.');
  if (position.pausedSince) throw new UsageError(`${plan.id} is paused since ${position.pausedSince}`, '`prep resume` starts its clock again; then rebalance.');
  const done = doneIn(state.log, plan.id, days);
  const coach = coachOf(plan, days, done, position, state);
  const open = openWork(coach.units);
  if (open.tasks === 0) throw new UsageError(`every task of ${plan.id} is done: there is nothing to rebalance`, '`prep checklist` shows what is left before the interviews.');
  const where = targetOf(untilArg, coach.deadline, coach.end, today);
  const capacity = userCapacity(state.settings, plan);
  let spent = 0;
  for (const unit of coach.units) for (const task of unit.tasks) if (done.get(task.id)?.date === today) spent += task.hours;
  const skip = new Set(state.rest.filter((date) => date >= today));
  const result = rebalance({ units: coach.units, from: today, until: where.date, capacity: capacity.hours, skip, spent, stretch: true, oldEnd: coach.end });
  return { result, target: where, capacity: { text: capacity.text, source: capacity.source }, open: { tasks: open.tasks, hours: Math.round(open.hours * 100) / 100 }, stored: storeSchedule(result, today, where.date, capacity.text) };
}
