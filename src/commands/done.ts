// `prep done N…` and `prep undo N…`: mark tasks of today's plan day (or --day D) done or not done.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { doneIn, numberedTasks, type NumberedTask } from '../schedule/progress.js';
import type { EventKind, State } from '../state/schema.js';
import { openSession, streakOf } from './session.js';

export interface MarkOptions {
  numbers: string[];
  all?: boolean;
  day?: string;
}

export interface MarkData {
  action: 'done' | 'undo';
  date: string;
  plan: string;
  day: number;
  /** Tasks whose state this run changed. */
  changed: { n: number; id: string; text: string }[];
  /** Tasks named that were already in the wanted state. */
  unchanged: { n: number; id: string; text: string }[];
  dayProgress: { done: number; total: number };
  streak: { current: number; longest: number; atRisk: boolean };
}

/** `3` → task (or checklist item) 3; anything else is a usage error that says what to pass. */
export function parseTaskNumbers(args: readonly string[], count: number, command: string, noun: 'task' | 'item' = 'task'): number[] {
  const range = count === 1 ? `the only ${noun} is 1` : `pass numbers from 1 to ${count}`;
  const where = noun === 'task' ? 'that day has' : 'the checklist has';
  const shows = noun === 'task' ? '`prep today` shows the numbers.' : '`prep checklist` shows the numbers.';
  return args.map((arg) => {
    if (!/^\d+$/.test(arg.trim())) throw new UsageError(`"${arg}" is not ${noun === 'task' ? 'a task' : 'an item'} number: ${range}`, `For example: prep ${command} 1${count > 1 ? ' 2' : ''}`);
    const n = Number(arg);
    if (n < 1 || n > count) throw new UsageError(`there is no ${noun} ${n}: ${count === 0 ? `${where} none` : `${where} ${count} ${noun}${count === 1 ? '' : 's'}; ${range}`}`, shows);
    return n;
  });
}

export async function markTasks(options: MarkOptions, action: 'done' | 'undo', ctx: Context): Promise<MarkData> {
  const session = await openSession(ctx, 'record');
  const { plan, days, position } = session;

  let day = position.day;
  if (options.day !== undefined) {
    day = Number(options.day);
    if (!/^\d+$/.test(options.day) || day < 1 || day > plan.days) throw new UsageError(`--day ${options.day} is not a day of ${plan.id}: days run from 1 to ${plan.days}`);
  } else if (position.status !== 'active') {
    const when = position.status === 'not-started' ? `starts on ${position.start}` : `finished on ${position.end}`;
    throw new UsageError(`${plan.id} ${when}, so there is no plan day for ${session.today}`, 'Name a plan day with --day N, such as `prep done --day 1 2`.');
  }

  const entry = days[day - 1]!;
  const tasks = numberedTasks(entry, doneIn(session.state.log, plan.id, days));
  if (tasks.length === 0) throw new UsageError(`day ${day} of ${plan.id} has no tasks${entry.kind === 'rest' ? ': it is a rest day' : ''}`);

  let targets: NumberedTask[];
  if (options.all) targets = tasks;
  else if (options.numbers.length > 0) targets = [...new Set(parseTaskNumbers(options.numbers, tasks.length, action))].map((n) => tasks[n - 1]!);
  else if (ctx.interactive) targets = await choose(tasks, action, ctx, options.day === undefined ? undefined : day);
  else {
    throw new UsageError(`which tasks? Pass their numbers (1-${tasks.length}), or --all`, `For example: prep ${action} 1${tasks.length > 1 ? ' 2' : ''}. \`prep today\` shows the numbers.`);
  }

  const wanted = action === 'done';
  const pending = (log: State['log']) => {
    const now = new Map(numberedTasks(entry, doneIn(log, plan.id, days)).map((task) => [task.id, task.done]));
    return targets.filter((task) => now.get(task.id) !== wanted);
  };
  let changed = pending(session.state.log);
  const kind: EventKind = wanted ? 'done' : 'undo';
  const at = ctx.now.toISOString();
  const state = changed.length === 0 ? session.state : await session.update((draft) => {
    // Decided again on the state read under the lock: two `prep done 1` at once record it once.
    changed = pending(draft.log);
    if (changed.length === 0) return false;
    for (const task of changed) draft.log.push({ at, date: session.today, plan: plan.id, kind, id: task.id, day, text: task.text });
  });
  const unchanged = targets.filter((task) => !changed.includes(task));

  const after = numberedTasks(entry, doneIn(state.log, plan.id, days));
  // As of the effective today: --date acts as today for every command, this one included.
  const streak = streakOf({ ...session, state }, session.today);
  const brief = (task: NumberedTask) => ({ n: task.n, id: task.id, text: task.text });
  return {
    action,
    date: session.today,
    plan: plan.id,
    day,
    changed: changed.map(brief),
    unchanged: unchanged.map(brief),
    dayProgress: { done: after.filter((t) => t.done).length, total: after.length },
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
  };
}

/** The checkbox: `done` lists the day's open tasks, `undo` the done ones. */
async function choose(tasks: NumberedTask[], action: 'done' | 'undo', ctx: Context, namedDay?: number): Promise<NumberedTask[]> {
  const offered = tasks.filter((task) => task.done === (action === 'undo'));
  if (offered.length === 0) return [];
  const picked = await ctx.ask.checkbox(
    // With --day, the day being marked is named: it is not today's.
    `Which tasks${namedDay === undefined ? '' : ` of day ${namedDay}`} ${action === 'done' ? 'did you finish?' : 'are not done after all?'}`,
    offered.map((task) => ({ name: `${task.n}. ${task.text}`, value: task.id })),
  );
  return offered.filter((task) => picked.includes(task.id));
}
