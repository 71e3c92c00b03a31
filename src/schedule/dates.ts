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
  const wall = `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const minutes = now.getHours() * 60 + now.getMinutes();
  return minutes < dayStartMinutes ? addDays(wall, -1) : wall;
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
  if (isLocalDate(arg)) return arg;
  throw new UsageError(`${flag} "${arg}" is not a date`, 'Use today, yesterday, tomorrow, or a date written YYYY-MM-DD, such as 2026-03-01.');
}

/** 0 for Monday … 6 for Sunday, from the calendar date alone. */
export function weekdayIndex(date: LocalDate): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
