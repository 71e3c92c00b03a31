// The plan day (and task) a note is for: today's plan day of the active plan by default, `--day D`
// for another, `--plan ID` for another plan (its own clock), `--task N` for a task of that day.
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import { UsageError } from '../errors.js';
import { planDays, type PlanDay } from '../schedule/plan-days.js';
import { position } from '../schedule/progress.js';
import { dayRange } from '../commands/done.js';
import { findPlan, type Session } from './session.js';
import { tasksOfDay } from './plan-day.js';

export interface NoteTarget {
  plan: Plan;
  days: readonly PlanDay[];
  day: number;
  /** The task's completion key and words, for a note on a task. */
  task?: { id: string; text: string };
}

/** The session as seen from `planArg`'s plan: the active one, or another with its own clock (not started: --day is needed). */
export async function sessionOfPlan(session: Session, planArg: string | undefined, dayArg: string | undefined, ctx: Context): Promise<Pick<Session, 'plan' | 'days' | 'position' | 'state' | 'today'>> {
  if (planArg === undefined) return session;
  const plan = await findPlan(planArg, ctx);
  if (plan.id === session.plan.id) return session;
  const clock = session.state.plans[plan.id];
  // A plan never started has no today: a plan day must be named (and its clock then matters to nothing).
  if (!clock && dayArg === undefined) throw new UsageError(`${plan.id} was never started, so it has no plan day for ${session.today}`, `Name one with --day N, such as \`prep note --plan ${plan.id} --day 1 TEXT\`.`);
  return { plan, days: planDays(plan), position: position(clock ?? { start: session.today }, plan.days, session.today), state: session.state, today: session.today };
}

export async function noteTarget(session: Session, options: { plan?: string; day?: string; task?: string }, ctx: Context): Promise<NoteTarget> {
  const seen = await sessionOfPlan(session, options.plan, options.day, ctx);
  if (options.task !== undefined) {
    const { day, tasks } = tasksOfDay(seen, options.day, 'note');
    const task = tasks.find((candidate) => String(candidate.n) === options.task?.trim());
    if (!task) throw new UsageError(`day ${day} of ${seen.plan.id} has no task ${options.task}`, `Its tasks are numbered 1 to ${tasks.length}, as \`prep today${options.day ? ` --day ${day}` : ''}\` shows them.`);
    return { plan: seen.plan, days: seen.days, day, task: { id: task.id, text: task.text } };
  }
  const range = dayRange(seen, options.day, 'note');
  if (range.from !== range.to) throw new UsageError(`a note is on one plan day, not days ${range.from}-${range.to}`, `Name one, such as --day ${range.from}.`);
  return { plan: seen.plan, days: seen.days, day: range.from };
}
