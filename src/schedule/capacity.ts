// The user's capacity: the hours they can study on each weekday. Written as clauses such as
// "mon-fri 3h, sat 8h, sun 6h", "weekdays 3.5h, weekends 6h", "daily 2h", "mon,wed 90m"; later
// clauses override earlier ones ("daily 2h, sun off"), and a weekday no clause names is a day
// off (0h): a capacity says when the user can study, so it never adds hours they did not write.
// The default is the plan's own statement of daily time.
import { WEEKDAY_NAMES, weekdayNumber } from '../curriculum/coach-fields.js';
import type { HoursStatement } from '../curriculum/hours.js';
import { UsageError } from '../errors.js';

/** Hours for Monday … Sunday. */
export type Capacity = readonly [number, number, number, number, number, number, number];

export const CAPACITY_FORMAT = 'weekdays and hours such as "mon-fri 3h, sat 8h, sun 6h" (also 3.5h, 90m, 1h30m, off; mon,wed; weekdays, weekends, daily)';

const SHORT = WEEKDAY_NAMES.map((name) => name.slice(0, 3));
const MAX_HOURS = 24;

const bad = (what: string, text: string) => new UsageError(`capacity ${what}`, `Write ${CAPACITY_FORMAT}; got "${text}".`);

/** A weekday's name, short or long, plural or not: its number, or undefined. */
function dayNumber(word: string): number | undefined {
  return weekdayNumber(word.replace(/s$/i, '')) ?? weekdayNumber(word);
}

/** The weekdays a clause names: `mon-fri`, `sat`, `mon,wed`, `weekdays`, `weekends`, `daily`. */
function clauseDays(words: string[], text: string): number[] {
  const days: number[] = [];
  for (const word of words) {
    const lower = word.toLowerCase();
    if (lower === 'daily' || lower === 'everyday' || lower === 'every-day' || lower === 'all') days.push(0, 1, 2, 3, 4, 5, 6);
    else if (lower === 'weekdays' || lower === 'weekday') days.push(0, 1, 2, 3, 4);
    else if (lower === 'weekends' || lower === 'weekend') days.push(5, 6);
    else {
      const range = /^([a-z]+)\s*[-\u2013]\s*([a-z]+)$/i.exec(word);
      if (range) {
        const from = dayNumber(range[1]!);
        const to = dayNumber(range[2]!);
        if (from === undefined || to === undefined) throw bad(`"${word}" is not a range of weekdays`, text);
        // A range may run over the weekend: fri-mon is Friday to Monday.
        for (let day = from; ; day = (day + 1) % 7) {
          days.push(day);
          if (day === to) break;
        }
      } else {
        const day = dayNumber(word);
        if (day === undefined) throw bad(`"${word}" is not a weekday`, text);
        days.push(day);
      }
    }
  }
  return days;
}

/** `3h`, `3.5h`, `90m`, `1h30m`, `2 hours`, `45 min`, `off`: the hours, or undefined when it is no amount. */
function amountHours(text: string): number | undefined {
  const lower = text.trim().toLowerCase();
  if (lower === 'off' || lower === 'rest' || lower === 'none') return 0;
  const match = /^(?:(\d+(?:[.,]\d+)?)\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d+(?:[.,]\d+)?)\s*(?:m|min|mins|minute|minutes))?$/.exec(lower);
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const hours = Number((match[1] ?? '0').replace(',', '.'));
  const minutes = Number((match[2] ?? '0').replace(',', '.'));
  return hours + minutes / 60;
}

/** A capacity from its text; a UsageError naming the bad part, with the format, for anything else. */
export function parseCapacity(text: string): Capacity {
  const hours = [0, 0, 0, 0, 0, 0, 0];
  const parts = text.split(/[,;]/).map((p) => p.trim());
  if (parts.every((p) => p === '')) throw bad('is empty', text);
  // `mon,wed 2h`: a part of weekdays alone goes with the next part's hours.
  let pending: string[] = [];
  for (const part of parts) {
    if (part === '') throw bad('has an empty clause (two commas in a row?)', text);
    const match = /^(.*?)\s*((?:\d[\d.,]*\s*[a-z]+\s*)+|off|rest|none)$/i.exec(part);
    const amount = match ? amountHours(match[2]!) : undefined;
    if (!match || amount === undefined) {
      if (/\d/.test(part)) throw bad(`"${part}" has no hours it can read: write them as 3h, 3.5h, 90m or 1h30m`, text);
      pending.push(...part.split(/\s+/));
      continue;
    }
    const words = [...pending, ...(match[1]!.trim() === '' ? [] : match[1]!.trim().split(/\s+/))];
    pending = [];
    if (words.length === 0) throw bad(`"${part}" names no weekday: write one before its hours, such as "sat ${match[2]!.trim()}"`, text);
    if (amount > MAX_HOURS) throw bad(`"${part}" is more than ${MAX_HOURS} hours a day`, text);
    for (const day of clauseDays(words, text)) hours[day] = amount;
  }
  if (pending.length > 0) throw bad(`"${pending.join(' ')}" has no hours: add them, such as "${pending.join(' ')} 2h"`, text);
  if (hours.every((h) => h === 0)) throw bad('gives no hours to any day', text);
  return hours.map((h) => Math.round(h * 60) / 60) as unknown as Capacity;
}

/** Hours as the format writes them, and as the views show them: 3h, 3.5h, 45m, 1h15m. */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  if (minutes % 6 === 0 && minutes > 60) return `${minutes / 60}h`;
  if (minutes < 60) return `${minutes}m`;
  return `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}

/** The canonical text of a capacity: "mon-fri 3h, sat 8h, sun 6h", "daily 2h"; parseCapacity reads it back. */
export function formatCapacity(capacity: Capacity): string {
  if (capacity.every((h) => h === capacity[0]) && capacity[0] > 0) return `daily ${hoursText(capacity[0])}`;
  // Runs of neighbouring days with the same hours; runs of the same hours joined with commas.
  const runs: { from: number; to: number; hours: number }[] = [];
  capacity.forEach((hours, day) => {
    const last = runs.at(-1);
    if (last && last.to === day - 1 && last.hours === hours) last.to = day;
    else runs.push({ from: day, to: day, hours });
  });
  const clauses: { hours: number; days: string[] }[] = [];
  for (const run of runs) {
    if (run.hours === 0) continue;
    const days = run.from === run.to ? SHORT[run.from]! : `${SHORT[run.from]}-${SHORT[run.to]}`;
    const same = clauses.find((c) => c.hours === run.hours);
    if (same) same.days.push(days);
    else clauses.push({ hours: run.hours, days: [days] });
  }
  return clauses.map((c) => `${c.days.join(',')} ${hoursText(c.hours)}`).join(', ');
}

/**
 * The capacity a plan suggests: its own daily time (weekdays Monday to Friday, weekends Saturday
 * and Sunday), else what its days take on average, on weekdays and on weekend days.
 */
export function planCapacity(statement: HoursStatement | undefined, days: readonly { hours: number; weekend: boolean }[]): Capacity {
  let weekday = statement?.weekday;
  let weekend = statement?.weekend;
  if (weekday === undefined || weekend === undefined) {
    const mean = (list: readonly { hours: number }[]) => (list.length === 0 ? undefined : list.reduce((s, d) => s + d.hours, 0) / list.length);
    const working = days.filter((d) => d.hours > 0);
    const all = mean(working) ?? 1;
    weekday = mean(working.filter((d) => !d.weekend)) ?? all;
    weekend = mean(working.filter((d) => d.weekend)) ?? all;
  }
  // To the quarter hour, up: the plan's own days must fit.
  const quarter = (h: number) => Math.ceil(h * 4 - 1e-9) / 4;
  return [weekday, weekday, weekday, weekday, weekday, weekend, weekend].map(quarter) as unknown as Capacity;
}
