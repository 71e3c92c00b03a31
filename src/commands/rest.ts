// `prep rest [--date D]`: declare a rest day; it bridges the streak without adding to it.
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dateOfDay } from '../schedule/clock.js';
import type { LocalDate } from '../schedule/dates.js';
import { restTooSoon } from '../schedule/streak.js';
import { openSession, streakOf } from './session.js';

export interface RestData {
  date: LocalDate;
  /** `declared` now, or already a rest day (`scheduled` by the plan, or `declared` before). */
  result: 'declared' | 'scheduled' | 'already-declared';
  streak: { current: number; longest: number; atRisk: boolean };
}

export async function rest(_options: object, ctx: Context): Promise<RestData> {
  const session = await openSession(ctx, 'record');
  const date = session.today;
  const scheduled = session.days.some((d) => d.kind === 'rest' && dateOfDay(session.clock, d.day, session.today) === date);
  const result: RestData['result'] = scheduled ? 'scheduled' : session.state.rest.includes(date) ? 'already-declared' : 'declared';
  let state = session.state;
  if (result === 'declared') {
    const clash = restTooSoon(date, state.rest);
    if (clash) throw new UsageError(`you already rested on ${clash}: one rest day in any 7 days keeps a streak honest`, 'Study a little today instead; one task keeps the streak.');
    state = await session.update((draft) => {
      draft.rest = [...draft.rest, date].sort();
    });
  }
  const streak = streakOf({ ...session, state }, session.today);
  return { date, result, streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk } };
}
