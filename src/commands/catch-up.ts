// `prep plan catch-up [--dry-run]`: move the plan's start so that the first unfinished day is
// today, also after the plan's calendar end while tasks are open; a plan whose day 1 is a weekday
// (`starts-on`) keeps its weekend days on weekends. Nothing done is lost (completions follow
// tasks, not dates); the end date moves by as many days. --dry-run says the same, writes nothing.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { catchUpStart, standing, type CatchUp } from '../schedule/catch-up.js';
import { dateOfDay } from '../schedule/clock.js';
import { daysBetween, type LocalDate } from '../schedule/dates.js';
import { doneIn, planProgress, position } from '../schedule/progress.js';
import { openSession } from '../session/session.js';

export interface CatchUpData {
  plan: { id: string; title: string; days: number };
  /** Days the plan's end moved: 0 when it was already on schedule. */
  shiftedBy: number;
  /** Today's plan day, before and after. */
  day: { before: number; after: number };
  start: { before: LocalDate; after: LocalDate };
  end: { before: LocalDate; after: LocalDate };
  /** The first unfinished day and its date after the move; null when nothing moved. */
  firstOpen: { day: number; date: LocalDate } | null;
  /** Days it moved beyond today, to keep the plan's weekend days on weekends: nothing is due until then. */
  wait: number;
  /** With --dry-run: what it would do; nothing was written. */
  dryRun: boolean;
}

export async function catchUp(options: { dryRun?: boolean }, ctx: Context): Promise<CatchUpData> {
  const session = await openSession(ctx, 'record');
  const { plan, days, today } = session;
  const dryRun = options.dryRun === true;
  const before = session.position;
  const where = standing(before, planProgress(days, doneIn(session.state.log, plan.id, days)));
  if (where === 'not-started') throw new UsageError(`${plan.id} is not started yet (it starts on ${before.start}): there is nothing to catch up`, '`prep today` shows where you are.');
  if (where === 'finished') throw new UsageError(`${plan.id} finished on ${before.end} with every task done: there is nothing to catch up`, `\`prep plan switch ${plan.id} --start today\` starts it again from day 1; what you did stays done.`);
  const view = { id: plan.id, title: plan.title, days: plan.days };
  const report = (clock: typeof session.clock, move: CatchUp | undefined): CatchUpData => {
    const after = position(clock, plan.days, today);
    return {
      plan: view,
      shiftedBy: daysBetween(before.end, after.end),
      day: { before: before.day, after: after.day },
      start: { before: before.start, after: after.start },
      end: { before: before.end, after: after.end },
      firstOpen: move ? { day: move.day, date: dateOfDay(clock, move.day, today) } : null,
      wait: move?.wait ?? 0,
      dryRun,
    };
  };
  const proposal = catchUpStart(days, doneIn(session.state.log, plan.id, days), session.clock, today, plan.startsOn);
  if (!proposal) return report(session.clock, undefined);
  if (dryRun) return report({ ...session.clock, start: proposal.start }, proposal);
  let move: CatchUp | undefined;
  // Worked out again on the state read under the lock, so two catch-ups at once move the plan once.
  const { state } = await session.update((current) => {
    const clock = current.plans[plan.id]!; // the plan is active, so it has an entry (a first run's is written first)
    move = catchUpStart(days, doneIn(current.log, plan.id, days), clock, today, plan.startsOn);
    if (!move) return false;
    return [{ kind: 'catch-up', date: today, plan: plan.id, from: clock.start, start: move.start }];
  });
  return report(state.plans[plan.id] ?? session.clock, move);
}

export default defineCommand({
  name: 'plan catch-up',
  summary: 'fell behind (or past the end with tasks open)? move the plan so its first unfinished day is today; the end date moves, nothing done is lost',
  options: [{ flags: '--dry-run', description: 'say what it would move, and change nothing' }],
  examples: ['prep plan catch-up', 'prep plan catch-up --dry-run', 'prep plan catch-up --json'],
  run: catchUp,
  render: 'catch-up',
});
