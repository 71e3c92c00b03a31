// Starting a plan whose day 1 is a weekday (`starts-on`) today: on a terminal, the choice between
// the next start that keeps its weekend days on weekends and today.
import type { Context } from '../context.js';
import type { Plan } from '../curriculum/types.js';
import { weekdayTitle, weekendText } from '../render/alignment.js';
import { humanDate } from '../render/dates.js';
import { misalignment } from '../schedule/calendar.js';
import type { LocalDate } from '../schedule/dates.js';

/**
 * The start of a plan begun today: on a terminal, when today misses the plan's weekdays, the
 * user picks the next start that keeps them (preselected) or today; else today.
 */
export async function chooseStart(plan: Pick<Plan, 'id' | 'startsOn'>, today: LocalDate, ctx: Context): Promise<LocalDate> {
  const miss = misalignment(plan.startsOn, today, today);
  if (!miss || !ctx.interactive) return today;
  const choices = [
    { name: `${humanDate(miss.next)}, the next ${weekdayTitle(miss.startsOn)}: its weekend days on Saturdays and Sundays`, value: miss.next },
    { name: `today, ${humanDate(today)}: its weekend days on ${weekendText(miss.weekendOn)}`, value: today },
  ];
  return ctx.ask.select(`${plan.id}'s day 1 is a ${weekdayTitle(miss.startsOn)}, and today is a ${weekdayTitle(miss.weekday)}. Start it on`, choices, miss.next);
}
