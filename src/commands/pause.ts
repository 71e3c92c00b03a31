// `prep pause` / `prep resume`: stop the active plan's clock and start it again. Paused days do not
// advance the day number and do not break the streak.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { openPause } from '../schedule/clock.js';
import { daysBetween, type LocalDate } from '../schedule/dates.js';
import { position } from '../schedule/progress.js';
import { openSession } from '../session/session.js';

export interface PauseData {
  plan: { id: string; title: string };
  action: 'paused' | 'resumed';
  /** The first paused date. */
  from: LocalDate;
  /** The resume date (the plan moves on again from it), when resumed. */
  resume: LocalDate | null;
  /** Days the pause lasted: 0 when resumed on the day it began (the pause is then forgotten). */
  pausedDays: number;
  /** The plan day that is due next. */
  day: number;
  /** The plan's last day's date now (while paused: if it resumed tomorrow). */
  end: LocalDate;
}

export async function pause(options: { resume?: boolean }, ctx: Context): Promise<PauseData> {
  const session = await openSession(ctx, 'record');
  const { plan, today } = session;
  const view = { id: plan.id, title: plan.title };
  let began: LocalDate = today;
  // Checked on the state read under the lock: two pauses at once must not both pass.
  const { state } = await session.update((current) => {
    const entry = current.plans[plan.id] ?? { start: today, paused: [] };
    const ongoing = openPause(entry);
    if (!options.resume) {
      if (ongoing) throw new UsageError(`${plan.id} is already paused, since ${ongoing.from}`, '`prep resume` starts its clock again.');
      const where = position(entry, plan.days, today);
      if (where.status !== 'active') {
        const why = where.status === 'not-started' ? `starts on ${where.start}` : `finished on ${where.end}`;
        throw new UsageError(`${plan.id} ${why}: there is nothing to pause`, 'Pause a plan between its first and last day.');
      }
      const last = entry.paused.at(-1);
      if (last?.resume !== undefined && today < last.resume) throw new UsageError(`a pause cannot begin on ${today}, inside or before the last one (${last.from} until ${last.resume})`, 'Pause from today, or from a date after the last pause.');
      return [{ kind: 'pause', date: today, plan: plan.id, from: today }];
    }
    if (!ongoing) throw new UsageError(`${plan.id} is not paused`, '`prep pause` stops its clock; `prep today` shows where you are.');
    if (today < ongoing.from) throw new UsageError(`cannot resume on ${today}, before the pause began (${ongoing.from})`, 'Resume today, or on a date after the pause began.');
    began = ongoing.from;
    // Resumed the day it began, the pause is forgotten (the fold drops a pause of no days).
    return [{ kind: 'resume', date: today, plan: plan.id, on: today }];
  });
  const now = position(state.plans[plan.id]!, plan.days, today);
  return options.resume
    ? { plan: view, action: 'resumed', from: began, resume: today, pausedDays: daysBetween(began, today), day: now.day, end: now.end }
    : { plan: view, action: 'paused', from: today, resume: null, pausedDays: 0, day: now.day, end: now.end };
}

export default [
  defineCommand({
    name: 'pause',
    summary: 'stop the active plan\'s clock (travel, illness): paused days neither move the plan on nor break the streak',
    examples: ['prep pause', 'prep pause --date yesterday   # it began yesterday'],
    run: (_options: object, ctx) => pause({ resume: false }, ctx),
    render: 'pause',
  }),
  defineCommand({
    name: 'resume',
    summary: 'start the paused plan\'s clock again, at the day it stopped',
    examples: ['prep resume', 'prep resume --json'],
    run: (_options: object, ctx) => pause({ resume: true }, ctx),
    render: 'pause',
  }),
];
