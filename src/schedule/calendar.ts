// The calendar as a coach walks it: the dates from one day to another with their weekdays, the
// next Monday, and a plan's start aligned to the weekday its day 1 is. date-fns does the walking
// (each function imported on its own, so the bundle holds only these); dates stay LocalDate strings.
import { eachDayOfInterval } from 'date-fns/eachDayOfInterval';
import { getISODay } from 'date-fns/getISODay';
import { nextDay } from 'date-fns/nextDay';
import type { Day } from 'date-fns';
import { WEEKDAY_NAMES, weekdayNumber } from '../curriculum/coach-fields.js';
import { UsageError } from '../errors.js';
import { calendarDate, localDate, resolveDateArg, weekdayIndex, type LocalDate } from './dates.js';

export interface CalendarDay {
  date: LocalDate;
  /** 0 for Monday … 6 for Sunday. */
  weekday: number;
  weekend: boolean;
}

/** Every date from `from` through `to`, with its weekday; none when `to` is before `from`. */
export function calendarDays(from: LocalDate, to: LocalDate): CalendarDay[] {
  if (to < from) return [];
  return eachDayOfInterval({ start: calendarDate(from), end: calendarDate(to) }).map((day) => {
    const weekday = getISODay(day) - 1;
    return { date: localDate(day), weekday, weekend: weekday >= 5 };
  });
}

/** The first date on or after `date` (strictly after with `after`) that is weekday `weekday` (0 for Monday). */
export function nextWeekday(date: LocalDate, weekday: number, after = false): LocalDate {
  if (!after && weekdayIndex(date) === weekday) return date;
  return localDate(nextDay(calendarDate(date), ((weekday + 1) % 7) as Day)); // date-fns counts from Sunday
}

/** The first start on or after `start` on which a plan whose day 1 is weekday `startsOn` is aligned. */
export function alignedStart(start: LocalDate, startsOn: number): LocalDate {
  return nextWeekday(start, startsOn);
}

/** What a start on `start` means for a plan whose day 1 is `startsOn`: aligned, or the weekday it falls on and the next aligned start. */
export function startAlignment(start: LocalDate, startsOn: number): { aligned: true } | { aligned: false; weekday: string; next: LocalDate; startsOn: string } {
  const weekday = weekdayIndex(start);
  if (weekday === startsOn) return { aligned: true };
  return { aligned: false, weekday: WEEKDAY_NAMES[weekday]!, next: alignedStart(start, startsOn), startsOn: WEEKDAY_NAMES[startsOn]! };
}

/**
 * `--start`: a weekday (`monday`, `mon`: that weekday on or after today), `next-monday` (the one
 * after today), or what --date takes (`today`, `yesterday`, `tomorrow`, YYYY-MM-DD).
 */
export function resolveStartArg(arg: string, today: LocalDate): LocalDate {
  const word = arg.trim().toLowerCase();
  const next = /^next[- ]?(.+)$/.exec(word);
  const weekday = weekdayNumber(next?.[1] ?? word);
  if (weekday !== undefined) return nextWeekday(today, weekday, next !== null);
  if (next || /^[a-z]+$/.test(word) && !['today', 'yesterday', 'tomorrow'].includes(word)) {
    throw new UsageError(`--start "${arg}" is not a date or a weekday`, 'Use a weekday such as monday or next-monday, today, tomorrow, or a date written YYYY-MM-DD.');
  }
  return resolveDateArg(arg, today, '--start');
}

export interface Misalignment {
  /** The weekday of the plan's day 1, and the one the start falls on: `monday`, `wednesday`. */
  startsOn: string;
  weekday: string;
  /** The weekdays its Saturday and Sunday days fall on from this start. */
  weekendOn: [string, string];
  /** The first start on or after it that keeps the weekdays, and the `--start` that names it (from `today`). */
  next: LocalDate;
  startArg: string;
}

/** How a start on `start` misses the weekdays of a plan whose day 1 is `startsOn`; null when it keeps them, or there is none. */
export function misalignment(startsOn: number | undefined, start: LocalDate, today: LocalDate): Misalignment | null {
  if (startsOn === undefined) return null;
  const fit = startAlignment(start, startsOn);
  if (fit.aligned) return null;
  const shift = (weekdayIndex(start) - startsOn + 7) % 7;
  const weekendOn: [string, string] = [WEEKDAY_NAMES[(5 + shift) % 7]!, WEEKDAY_NAMES[(6 + shift) % 7]!];
  // The weekday's own name when it means that date from today, else the date.
  const startArg = [fit.startsOn, `next-${fit.startsOn}`].find((arg) => resolveStartArg(arg, today) === fit.next) ?? fit.next;
  return { startsOn: fit.startsOn, weekday: fit.weekday, weekendOn, next: fit.next, startArg };
}
