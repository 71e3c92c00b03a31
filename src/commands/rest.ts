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
  let result: RestData['result'] = 'scheduled';
  let state = session.state;
  if (!scheduled) {
    // Decided on the state read under the lock: two `prep rest` at once cannot both pass the rule.
    state = await session.update((draft) => {
      if (draft.rest.includes(date)) {
        result = 'already-declared';
        return false;
      }
      const clash = restTooSoon(date, draft.rest);
      if (clash) throw new UsageError(`you already rested on ${clash}: one rest day in any 7 days keeps a streak honest`, 'Study a little today instead; one task keeps the streak.');
      draft.rest = [...draft.rest, date].sort();
      result = 'declared';
    });
  }
  const streak = streakOf({ ...session, state }, session.today);
  return { date, result, streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk } };
}
