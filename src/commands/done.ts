// `prep done N…` and `prep undo N…`: mark tasks of today's plan day (or --day D) done or not done.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { plural } from '../render/style.js';
import { doneIn, numberedTasks, type NumberedTask } from '../schedule/progress.js';
import type { PlanDay } from '../schedule/plan-days.js';
import type { EventKind, StateEvent } from '../state/schema.js';
import { coachOf } from '../session/coach.js';
import { dueTasks, nothingDue, scheduleOn, spanOf } from '../session/due-today.js';
import { openSession, streakOf, type Session } from '../session/session.js';

export interface MarkOptions {
  numbers: string[];
  all?: boolean;
  day?: string;
}

export interface MarkData {
  action: 'done' | 'undo';
  date: string;
  plan: string;
  /** The plan day marked; with a range of days (`--day 29-33`), its first day, and `days` the range. */
  day: number;
  days: { from: number; to: number };
  /** Tasks whose state this run changed. */
  changed: MarkedTask[];
  /** Tasks named that were already in the wanted state. */
  unchanged: MarkedTask[];
  /** Over every day marked. */
  dayProgress: { done: number; total: number };
  streak: { current: number; longest: number; atRisk: boolean };
}

export interface MarkedTask {
  n: number;
  id: string;
  text: string;
  /** The plan day it was marked on. */
  day: number;
}

/** `3` → task (or checklist item) 3; anything else is a usage error that says what to pass. `single`: a command that takes one number. */
export function parseTaskNumbers(args: readonly string[], count: number, command: string, noun: 'task' | 'item' = 'task', single = false): number[] {
  const range = count === 1 ? `the only ${noun} is 1` : `pass ${single ? 'a number' : 'numbers'} from 1 to ${count}`;
  const where = noun === 'task' ? 'that day has' : 'the checklist has';
  const shows = noun === 'task' ? '`prep today` shows the numbers.' : '`prep checklist` shows the numbers.';
  return args.map((arg) => {
    if (!/^\d+$/.test(arg.trim())) throw new UsageError(`"${arg}" is not ${noun === 'task' ? 'a task' : 'an item'} number: ${range}`, `For example: prep ${command} 1${count > 1 && !single ? ' 2' : ''}`);
    const n = Number(arg);
    if (n < 1 || n > count) throw new UsageError(`there is no ${noun} ${n}: ${count === 0 ? `${where} none` : `${where} ${count} ${noun}${count === 1 ? '' : 's'}; ${range}`}`, shows);
    return n;
  });
}

/** `--day 5`, or a range `--day 29-33` (`29–33`): days of the plan, first one first. */
export function parseDays(arg: string, plan: { id: string; days: number }): { from: number; to: number } {
  const match = /^\s*(\d+)\s*(?:[-\u2013]\s*(\d+)\s*)?$/.exec(arg);
  const inside = `days run from 1 to ${plan.days}`;
  if (!match) throw new UsageError(`--day ${arg} is not a day of ${plan.id}: ${inside}`, 'Pass a plan day, such as --day 5, or a range of days, such as --day 29-33.');
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (from > to) throw new UsageError(`--day ${arg} runs backwards`, `Put the first day first: --day ${to}-${from}.`);
  if (from < 1 || to > plan.days) throw new UsageError(`--day ${arg} is not ${from === to ? 'a day' : 'inside the days'} of ${plan.id}: ${inside}`);
  return { from, to };
}

/** The days a task command acts on: `--day D` (or `D-E`), else today's; before the start or after the end, `--day` is needed. */
export function dayRange(session: Pick<Session, 'plan' | 'position' | 'today'>, dayArg: string | undefined, command: string): { from: number; to: number } {
  const { plan, position } = session;
  if (dayArg !== undefined) return parseDays(dayArg, plan);
  if (position.status !== 'active') {
    const when = position.status === 'not-started' ? `starts on ${position.start}` : `finished on ${position.end}`;
    throw new UsageError(`${plan.id} ${when}, so there is no plan day for ${session.today}`, `Name a plan day with --day N, such as \`prep ${command} --day 1 2\`.`);
  }
  return { from: position.day, to: position.day };
}

/** The refusal of days that have no task to act on: rest days, or days a plan left empty. */
export function noTasks(range: { from: number; to: number }, entries: readonly PlanDay[], planId: string): UsageError {
  const rest = entries.every((entry) => entry.kind === 'rest');
  if (range.from === range.to) return new UsageError(`day ${range.from} of ${planId} has no tasks${rest ? ': it is a rest day' : ''}`);
  return new UsageError(`days ${range.from}-${range.to} of ${planId} have no tasks${rest ? ': they are rest days' : ''}`);
}

interface DayTask extends NumberedTask {
  day: number;
}

export async function markTasks(options: MarkOptions, action: 'done' | 'undo', ctx: Context): Promise<MarkData> {
  const session = await openSession(ctx, 'record');
  const { plan, days } = session;
  // Under a rebalanced schedule, the numbers are the date's, as `prep today` shows them (without
  // one, the plan's work units are not worked out: a write's share of the young heap, about 100 KB).
  const scheduled = options.day === undefined && session.state.schedules[plan.id] ? scheduleOn(coachOf(plan, days, doneIn(session.state.log, plan.id, days), session.position, session.state), session.today) : undefined;
  const due = scheduled && ((log: readonly StateEvent[]) => [dueTasks(scheduled, days, session.today, doneIn(log, plan.id, days))]);
  if (due && due(session.state.log)[0]!.length === 0) throw nothingDue(scheduled!, session.today);
  const range = due ? spanOf(due(session.state.log)[0]!) : dayRange(session, options.day, action);

  const entries = days.slice(range.from - 1, range.to);
  const numbered = due ?? ((log: readonly StateEvent[]) => {
    const done = doneIn(log, plan.id, days);
    return entries.map((entry) => numberedTasks(entry, done).map((task): DayTask => ({ ...task, day: entry.day })));
  });
  const perDay = numbered(session.state.log);
  if (perDay.every((tasks) => tasks.length === 0)) throw noTasks(range, entries, plan.id);

  let targets: DayTask[];
  if (options.all) targets = perDay.flat();
  else if (options.numbers.length > 0) targets = pick(options.numbers, perDay, range, action);
  else if (range.from !== range.to) {
    throw new UsageError(`which tasks of days ${range.from}-${range.to}? Pass their numbers, or --all`, `For example: prep ${action} --day ${range.from}-${range.to} 1`);
  } else if (ctx.interactive) targets = await choose(perDay[0]!, action, ctx, options.day === undefined ? undefined : range.from);
  else {
    const count = perDay[0]!.length;
    throw new UsageError(`which tasks? Pass their numbers (1-${count}), or --all`, `For example: prep ${action} 1${count > 1 ? ' 2' : ''}. \`prep today\` shows the numbers.`);
  }
  // A week task is the same task on every day of its week: marked once.
  targets = targets.filter((task, index) => targets.findIndex((other) => other.id === task.id) === index);

  const wanted = action === 'done';
  const pending = (log: readonly StateEvent[]) => {
    const now = new Map(numbered(log).flat().map((task) => [task.id, task.done]));
    return targets.filter((task) => now.get(task.id) !== wanted);
  };
  let changed = pending(session.state.log);
  const kind: EventKind = wanted ? 'done' : 'undo';
  const { state } = changed.length === 0 ? session : await session.update((current) => {
    // Decided again on the state read under the lock: two `prep done 1` at once record it once.
    changed = pending(current.log);
    return changed.map((task) => ({ kind, date: session.today, plan: plan.id, task: task.id, day: task.day, text: task.text }));
  });
  const unchanged = targets.filter((task) => !changed.includes(task));

  const after = numbered(state.log).flat();
  // As of the effective today: --date acts as today for every command, this one included.
  const streak = streakOf({ ...session, state }, session.today);
  const brief = (task: DayTask): MarkedTask => ({ n: task.n, id: task.id, text: task.text, day: task.day });
  return {
    action,
    date: session.today,
    plan: plan.id,
    day: range.from,
    days: range,
    changed: changed.map(brief),
    unchanged: unchanged.map(brief),
    dayProgress: { done: after.filter((t) => t.done).length, total: after.length },
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
  };
}

/** Task numbers on each day of the range: every day must have each one, or the days lacking it are named. */
function pick(numbers: readonly string[], perDay: DayTask[][], range: { from: number; to: number }, action: 'done' | 'undo'): DayTask[] {
  if (perDay.length > 1) {
    for (const arg of numbers) {
      const n = Number(arg);
      if (!/^\d+$/.test(arg.trim()) || n < 1) continue; // not a task number: parseTaskNumbers says so
      const lacking = perDay.map((tasks, index) => ({ day: range.from + index, count: tasks.length })).filter((day) => day.count < n);
      if (lacking.length === 0) continue;
      const which = lacking.map((day) => `day ${day.day} has ${day.count === 0 ? 'none' : plural(day.count, 'task')}`).join(', ');
      throw new UsageError(`not every day of ${range.from}-${range.to} has a task ${n}: ${which}`, 'Name days that all have it; `prep today --day D` shows the numbers of day D.');
    }
  }
  const wanted = [...new Set(parseTaskNumbers(numbers, Math.max(...perDay.map((tasks) => tasks.length)), action))];
  return perDay.flatMap((tasks) => wanted.map((n) => tasks[n - 1]!));
}

/** The checkbox: `done` lists the day's open tasks, `undo` the done ones. */
async function choose(tasks: DayTask[], action: 'done' | 'undo', ctx: Context, namedDay?: number): Promise<DayTask[]> {
  const offered = tasks.filter((task) => task.done === (action === 'undo'));
  if (offered.length === 0) return [];
  const picked = await ctx.ask.checkbox(
    // With --day, the day being marked is named: it is not today's.
    `Which tasks${namedDay === undefined ? '' : ` of day ${namedDay}`} ${action === 'done' ? 'did you finish?' : 'are not done after all?'}`,
    offered.map((task) => ({ name: `${task.n}. ${task.text}`, value: task.id })),
  );
  return offered.filter((task) => picked.includes(task.id));
}

const markCommand = (action: 'done' | 'undo') =>
  defineCommand({
    name: action,
    summary: action === 'done' ? 'mark tasks of today (or of --day N) done; with no numbers on a terminal, pick them from a list' : 'mark tasks not done after all',
    arguments: [{ syntax: '[numbers...]', description: 'task numbers as `prep today` shows them' }],
    options: [
      { flags: '-a, --all', description: `mark every task of the day ${action === 'done' ? 'done' : 'not done'}` },
      { flags: '--day <days>', description: action === 'done' ? 'a plan day instead of today\'s, to catch up on earlier tasks; a range such as 29-33 marks the tasks on each of its days' : 'a plan day (or a range of days, such as 29-33) instead of today\'s, whose tasks to mark not done' },
    ],
    examples: action === 'done'
      ? ['prep done 3', 'prep done 1 2 4', 'prep done --all', 'prep done --day 5 2        # task 2 of plan day 5', 'prep done --day 29-33 2    # task 2 of each of days 29 to 33', 'prep done --date yesterday 1   # forgot to log it yesterday']
      : ['prep undo 3', 'prep undo --all', 'prep undo --day 5 2        # task 2 of plan day 5'],
    run: ({ numbers = [], ...options }: { numbers?: string[]; all?: boolean; day?: string }, ctx) => markTasks({ numbers, ...options }, action, ctx),
    render: 'done',
  });

export default [markCommand('done'), markCommand('undo')];
