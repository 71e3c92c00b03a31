// `prep plan catch-up`: move the plan's start so that the first unfinished day is today. Nothing
// done is lost (completions follow tasks, not dates); the end date moves by as many days.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dayOn } from '../schedule/clock.js';
import { addDays, type LocalDate } from '../schedule/dates.js';
import { behind, doneIn, position } from '../schedule/progress.js';
import { openSession } from './session.js';

export interface CatchUpData {
  plan: { id: string; title: string; days: number };
  /** Days the plan moved: 0 when it was already on schedule. */
  shiftedBy: number;
  /** Today's plan day, before and after. */
  day: { before: number; after: number };
  start: { before: LocalDate; after: LocalDate };
  end: { before: LocalDate; after: LocalDate };
}

export async function catchUp(_options: object, ctx: Context): Promise<CatchUpData> {
  const session = await openSession(ctx, 'record');
  const { plan, days, today } = session;
  const before = session.position;
  if (before.status !== 'active') {
    const why = before.status === 'not-started' ? `is not started yet (it starts on ${before.start})` : `finished on ${before.end}`;
    throw new UsageError(`${plan.id} ${why}: there is nothing to catch up`, before.status === 'finished' ? `\`prep plan switch ${plan.id} --start today\` starts it again from day 1; what you did stays done.` : '`prep today` shows where you are.');
  }
  const view = { id: plan.id, title: plan.title, days: plan.days };
  if (behind(days, before, doneIn(session.state.log, plan.id, days)) <= 0) {
    return { plan: view, shiftedBy: 0, day: { before: before.day, after: before.day }, start: { before: before.start, after: before.start }, end: { before: before.end, after: before.end } };
  }
  let lag = 0;
  // Measured again on the state read under the lock, so two catch-ups at once move the plan once.
  const { state } = await session.update((current) => {
    const clock = current.plans[plan.id]!; // the plan is active, so it has an entry (a first run's is written first)
    lag = behind(days, position(clock, plan.days, today), doneIn(current.log, plan.id, days));
    if (lag <= 0) return false;
    // A later start moves today's day back by one, or by none across a paused date: step until it is right.
    const target = dayOn(clock, today, today) - lag;
    let start = clock.start;
    while (dayOn({ ...clock, start }, today, today) > target) start = addDays(start, 1);
    return [{ kind: 'catch-up', date: today, plan: plan.id, from: clock.start, start }];
  });
  const after = position(state.plans[plan.id]!, plan.days, today);
  return { plan: view, shiftedBy: Math.max(0, lag), day: { before: before.day, after: after.day }, start: { before: before.start, after: after.start }, end: { before: before.end, after: after.end } };
}
