// Starting a plan whose day 1 is a weekday (`starts-on`): whether a start keeps its weekend days
// on weekends, the `--start` that names the next start that does, and, on a terminal, the choice
// between that start and today.
import type { Context } from '../context.js';
import { WEEKDAY_NAMES } from '../curriculum/coach-fields.js';
import type { Plan } from '../curriculum/types.js';
import { weekdayTitle, weekendText } from '../render/alignment.js';
import { humanDate } from '../render/dates.js';
import { resolveStartArg, startAlignment } from '../schedule/calendar.js';
import { weekdayIndex, type LocalDate } from '../schedule/dates.js';

export interface Misalignment {
  /** The weekday of the plan's day 1, and the one the start falls on: `monday`, `wednesday`. */
  startsOn: string;
  weekday: string;
  /** The weekdays its Saturday and Sunday days fall on from this start. */
  weekendOn: [string, string];
  /** The first start on or after it that keeps the weekdays, and the `--start` that names it. */
  next: LocalDate;
  startArg: string;
}

/** How a start on `start` misses the plan's weekdays; null when it keeps them, or the plan has none. */
export function misalignment(plan: Pick<Plan, 'startsOn'>, start: LocalDate, today: LocalDate): Misalignment | null {
  if (plan.startsOn === undefined) return null;
  const fit = startAlignment(start, plan.startsOn);
  if (fit.aligned) return null;
  const shift = (weekdayIndex(start) - plan.startsOn + 7) % 7;
  const weekendOn: [string, string] = [WEEKDAY_NAMES[(5 + shift) % 7]!, WEEKDAY_NAMES[(6 + shift) % 7]!];
  // The weekday's own name when it means that date from today, else the date.
  const startArg = [fit.startsOn, `next-${fit.startsOn}`].find((arg) => resolveStartArg(arg, today) === fit.next) ?? fit.next;
  return { startsOn: fit.startsOn, weekday: fit.weekday, weekendOn, next: fit.next, startArg };
}

/**
 * The start of a plan begun today: on a terminal, when today misses the plan's weekdays, the
 * user picks the next start that keeps them (preselected) or today; else today.
 */
export async function chooseStart(plan: Pick<Plan, 'id' | 'startsOn'>, today: LocalDate, ctx: Context): Promise<LocalDate> {
  const miss = misalignment(plan, today, today);
  if (!miss || !ctx.interactive) return today;
  const choices = [
    { name: `${humanDate(miss.next)}, the next ${weekdayTitle(miss.startsOn)}: its weekend days on Saturdays and Sundays`, value: miss.next },
    { name: `today, ${humanDate(today)}: its weekend days on ${weekendText(miss.weekendOn)}`, value: today },
  ];
  return ctx.ask.select(`${plan.id}'s day 1 is a ${weekdayTitle(miss.startsOn)}, and today is a ${weekdayTitle(miss.weekday)}. Start it on`, choices, miss.next);
}
