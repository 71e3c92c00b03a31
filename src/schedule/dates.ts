// Local calendar dates as `YYYY-MM-DD` strings. Pure: "now" and "today" are always passed in.
// Arithmetic runs on the calendar (Date.UTC), so DST shifts and 23/25-hour days cannot skew it.
import { UsageError } from '../errors.js';

export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function parts(date: LocalDate): [number, number, number] {
  const match = ISO_DATE.exec(date);
  if (!match) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function fromUtc(ms: number): LocalDate {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function toUtc(date: LocalDate): number {
  const [y, m, d] = parts(date);
  return Date.UTC(y, m - 1, d);
}

/**
 * The last date prep accepts as "today", a start or a log date: a plan of up to ten years, and
 * pauses, must still end on a four-digit year, or string order and YYYY-MM-DD would break.
 */
export const LAST_DATE: LocalDate = '9899-12-31';

/** Whether `text` is a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isLocalDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  return fromUtc(toUtc(text)) === text;
}

/**
 * The study date at wall-clock time `now`, in the process's time zone. Before `dayStartMinutes`
 * past midnight it is still the previous day, so late-night study counts for the evening's day.
 */
export function studyDate(now: Date, dayStartMinutes = 0): LocalDate {
  const wall = localDate(now);
  const minutes = now.getHours() * 60 + now.getMinutes();
  return minutes < dayStartMinutes ? addDays(wall, -1) : wall;
}

/** The one way a Date becomes a date: its local calendar date, YYYY-MM-DD. */
export function localDate(date: Date): LocalDate {
  return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * `date` as a Date at local noon, for date-fns to walk the calendar on: noon is on its date
 * whatever a DST change does to the small hours. localDate turns it back.
 */
export function calendarDate(date: LocalDate): Date {
  const [y, m, d] = parts(date);
  const noon = new Date(2000, 0, 1, 12);
  noon.setFullYear(y, m - 1, d); // setFullYear: new Date(y, …) reads years 0-99 as 1900-1999
  return noon;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(toUtc(date) + days * MS_PER_DAY);
}

/** Calendar days from `from` to `to`: 1 from today to tomorrow, whatever the clocks did overnight. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / MS_PER_DAY);
}

/** `HH:MM` → minutes past midnight; undefined when it is not a time of day. */
export function parseTimeOfDay(text: string): number | undefined {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** `today|yesterday|YYYY-MM-DD` (of --date, or of another option named by `flag`), relative to `today`. */
export function resolveDateArg(arg: string | undefined, today: LocalDate, flag = '--date'): LocalDate {
  if (arg === undefined || arg === 'today') return today;
  if (arg === 'yesterday') return addDays(today, -1);
  // Reading commands preview it; recording ones refuse any future date.
  if (arg === 'tomorrow') return addDays(today, 1);
  if (isLocalDate(arg) && arg <= LAST_DATE) return arg;
  if (isLocalDate(arg)) throw new UsageError(`${flag} ${arg} is too far ahead: prep counts days up to ${LAST_DATE}`, 'Use a date before the year 9900.');
  throw new UsageError(`${flag} "${arg}" is not a date`, 'Use today, yesterday, tomorrow, or a date written YYYY-MM-DD, such as 2026-03-01.');
}

/** 0 for Monday … 6 for Sunday, from the calendar date alone. */
export function weekdayIndex(date: LocalDate): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/**
 * Whether the process's time zone skipped `date` altogether (Pacific/Apia has no 2011-12-30): no
 * one can study on it, so it must not break a streak. Noon is tried first; DST gaps are an hour.
 */
export function isSkippedDate(date: LocalDate): boolean {
  const [y, m, d] = parts(date);
  for (const hour of [12, 0, 6, 18, 23]) if (new Date(y, m - 1, d, hour).getDate() === d) return false;
  return true;
}
