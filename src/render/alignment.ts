// A start that misses the weekdays of a plan whose day 1 is a weekday, in words.
import type { Misalignment } from '../schedule/calendar.js';
import { humanDate } from './dates.js';

/** `Monday`, from `monday`. */
export const weekdayTitle = (weekday: string) => weekday.replace(/^./, (c) => c.toUpperCase());

/** `Mondays and Tuesdays`: the weekdays a plan's weekend days fall on. */
export const weekendText = (days: readonly [string, string]) => `${weekdayTitle(days[0])}s and ${weekdayTitle(days[1])}s`;

/** What starting `planId` on a weekday other than its own means, and the `--start` that keeps its weekdays. */
export function misalignmentText(planId: string, miss: Misalignment): string {
  return `${planId}'s day 1 is a ${weekdayTitle(miss.startsOn)}: starting it on a ${weekdayTitle(miss.weekday)} puts its weekend days on ${weekendText(miss.weekendOn)}. \`prep plan switch ${planId} --start ${miss.startArg}\` starts it on ${humanDate(miss.next)} instead.`;
}
