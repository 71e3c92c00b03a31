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
  const { plan, days, today, clock, position: before } = session;
  if (before.status !== 'active') throw new UsageError(`${plan.id} is ${before.status === 'not-started' ? `not started yet (it starts on ${before.start})` : `finished (on ${before.end})`}: there is nothing to catch up`, '`prep today` shows where you are.');
  const lag = behind(days, before, doneIn(session.state.log, plan.id, days));
  const view = { id: plan.id, title: plan.title, days: plan.days };
  if (lag <= 0) return { plan: view, shiftedBy: 0, day: { before: before.day, after: before.day }, start: { before: before.start, after: before.start }, end: { before: before.end, after: before.end } };

  // A later start moves today's day back by one, or by none across a paused date: step until it is right.
  const target = before.day - lag;
  let start = clock.start;
  while (dayOn({ ...clock, start }, today, today) > target) start = addDays(start, 1);
  const state = await session.update((draft) => {
    draft.plans[plan.id] = { ...draft.plans[plan.id]!, start };
  });
  const after = position(state.plans[plan.id]!, plan.days, today);
  return { plan: view, shiftedBy: lag, day: { before: before.day, after: after.day }, start: { before: before.start, after: start }, end: { before: before.end, after: after.end } };
}
