// `prep rest [--date D] [--undo]`: declare a rest day (or take one back); it bridges the streak without adding to it.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dateOfDay } from '../schedule/clock.js';
import type { LocalDate } from '../schedule/dates.js';
import { restTooSoon } from '../schedule/streak.js';
import { studyDates } from '../state/schema.js';
import { openSession, streakOf } from '../session/session.js';

export interface RestData {
  date: LocalDate;
  /** `declared` now, or already a rest day (`scheduled` by the plan, or `declared` before); `undone` with --undo. */
  result: 'declared' | 'scheduled' | 'already-declared' | 'undone';
  streak: { current: number; longest: number; atRisk: boolean };
}

export async function rest(options: { undo?: boolean }, ctx: Context): Promise<RestData> {
  const session = await openSession(ctx, 'record');
  const date = session.today;
  const scheduled = session.days.some((d) => d.kind === 'rest' && dateOfDay(session.clock, d.day, session.today) === date);
  let result: RestData['result'] = 'scheduled';
  let state = session.state;
  if (options.undo) {
    ({ state } = await session.update((current) => {
      if (!current.rest.includes(date)) {
        throw new UsageError(scheduled ? `${date} is a rest day of your plan, not one you declared` : `${date} is not a rest day you declared`, `\`prep stats\` shows your rest days${current.rest.length > 0 ? `; declared: ${current.rest.slice(-3).join(', ')}` : ''}.`);
      }
      result = 'undone';
      return [{ kind: 'rest-undo', date, on: date }];
    }));
  } else if (!scheduled) {
    // Decided on the state read under the lock: two \`prep rest\` at once cannot both pass the rule.
    ({ state } = await session.update((current) => {
      if (current.rest.includes(date)) {
        result = 'already-declared';
        return false;
      }
      // A review is study too (src/schedule/streak.ts planStreak).
      const reviewed = Object.values(current.review.grades).some((grades) => grades.some((grade) => grade.date === date));
      if (studyDates(current.log).has(date) || reviewed) throw new UsageError(`you studied on ${date}: a rest day is a day without study`, 'Your streak already counts that day. `prep undo` takes back a task marked by mistake.');
      const clash = restTooSoon(date, current.rest);
      if (clash) throw new UsageError(`you already rested on ${clash}: one rest day in any 7 days keeps a streak honest`, `Study a little today instead; one task keeps the streak. \`prep rest --undo --date ${clash}\` takes that one back.`);
      result = 'declared';
      return [{ kind: 'rest', date, on: date }];
    }));
  }
  const streak = streakOf({ ...session, state }, session.today);
  return { date, result, streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk } };
}

export default defineCommand({
  name: 'rest',
  summary: 'declare today (or --date) a rest day: it bridges the streak; at most one in any 7 days, never on a day you studied',
  options: [{ flags: '--undo', description: 'take back a rest day you declared' }],
  examples: ['prep rest', 'prep rest --date yesterday', 'prep rest --undo --date yesterday'],
  run: rest,
  render: 'rest',
});
