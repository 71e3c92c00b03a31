// The one plan day a command acts on (`--day D`, else today's) and its tasks, numbered as `prep today` numbers them.
import { UsageError } from '../errors.js';
import type { PlanDay } from '../schedule/plan-days.js';
import { doneIn, numberedTasks, type NumberedTask } from '../schedule/progress.js';
import { dayRange, noTasks } from '../commands/done.js';
import type { Session } from './session.js';

export interface TasksOfDay {
  day: number;
  entry: PlanDay;
  tasks: NumberedTask[];
}

/** Chosen as `prep done` chooses its days, but one day only: a range (`--day 29-33`) is refused. */
export function tasksOfDay(session: Pick<Session, 'plan' | 'days' | 'position' | 'state' | 'today'>, dayArg: string | undefined, command: string): TasksOfDay {
  const { plan, days } = session;
  const range = dayRange(session, dayArg, command);
  if (range.from !== range.to) throw new UsageError(`\`prep ${command}\` takes one plan day, not days ${range.from}-${range.to}`, `Name one, such as --day ${range.from}.`);
  const entry = days[range.from - 1]!;
  const tasks = numberedTasks(entry, doneIn(session.state.log, plan.id, days));
  if (tasks.length === 0) throw noTasks(range, [entry], plan.id);
  return { day: range.from, entry, tasks };
}
