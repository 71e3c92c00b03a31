// `prep deadline [DATE] [--clear] [--plan ID]`: the date a plan must be done by, the interview.
// Without DATE it shows the deadline and the days left; DATE sets it (today or later), --clear
// takes it away. `prep today` and `prep stats` then show the pace it needs.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveDateArg, type LocalDate } from '../schedule/dates.js';
import { deadlineView, type DeadlineView } from '../schedule/forecast.js';
import { doneIn } from '../schedule/progress.js';
import { coachOf } from '../session/coach.js';
import { planTarget } from '../session/plan-target.js';
import { openSession } from '../session/session.js';

export interface DeadlineData {
  plan: { id: string; title: string };
  /** What this run did: showed it, set it, cleared it, or found it already so. */
  action: 'shown' | 'set' | 'cleared' | 'unchanged';
  /** The deadline after this run, and the days left to it; null when there is none. */
  deadline: DeadlineView | null;
  /** The deadline before this run. */
  previous: LocalDate | null;
  /** The plan's last work (its rebalanced schedule's end, else its calendar end); null for a plan not started. */
  end: LocalDate | null;
  /** The plan's end falls after the deadline. */
  late: boolean;
}

export async function deadline(options: { date?: string; clear?: boolean; plan?: string }, ctx: Context): Promise<DeadlineData> {
  const changes = options.date !== undefined || options.clear === true;
  if (options.date !== undefined && options.clear) throw new UsageError('give a deadline or --clear, not both', 'For example: prep deadline 2026-05-01, or prep deadline --clear.');
  const session = await openSession(ctx, changes ? 'record' : 'read');
  const target = await planTarget(session, options.plan, ctx);
  const { plan, days } = target;
  const today = session.today;
  let wanted: LocalDate | null | undefined;
  if (options.clear) wanted = null;
  else if (options.date !== undefined) {
    wanted = resolveDateArg(options.date, today, 'deadline');
    if (wanted < today) throw new UsageError(`deadline ${wanted} is in the past (today is ${today})`, 'Give today or a later date, such as `prep deadline 2026-05-01`; `prep deadline --clear` removes one.');
  }
  const previous = session.state.deadlines[plan.id] ?? null;
  let state = session.state;
  let action: DeadlineData['action'] = 'shown';
  if (wanted !== undefined) {
    action = 'unchanged';
    ({ state } = await session.update((current) => {
      // Decided on the log under the lock: the same deadline twice is recorded once.
      if ((current.deadlines[plan.id] ?? null) === wanted) return false;
      action = wanted === null ? 'cleared' : 'set';
      return [{ kind: 'deadline', date: today, plan: plan.id, on: wanted }];
    }));
  }
  const on = state.deadlines[plan.id] ?? null;
  const end = target.position ? coachOf(plan, days, doneIn(state.log, plan.id, days), target.position, state).end : null;
  return { plan: { id: plan.id, title: plan.title }, action, deadline: deadlineView(on, today), previous, end, late: on !== null && end !== null && end > on };
}

export default defineCommand({
  name: 'deadline',
  summary: 'the date to be ready by (your interview): show it, set it, or --clear it; today and stats then show the pace it needs',
  arguments: [{ syntax: '[date]', description: 'YYYY-MM-DD, today or tomorrow: today or later' }],
  options: [
    { flags: '--clear', description: 'remove the deadline' },
    { flags: '--plan <id>', description: 'a plan other than the active one' },
  ],
  examples: ['prep deadline 2026-05-01', 'prep deadline              # show it and the days left', 'prep deadline --clear', 'prep deadline --json'],
  run: (options: { date?: string; clear?: boolean; plan?: string }, ctx) => deadline(options, ctx),
  render: 'deadline',
});
