// `prep plan rebalance`, pure: what is left of a plan, in plan order, fitted to the dates from
// today to a target date, each date up to its capacity, rest and paused dates skipped. A target
// further off spreads the work (every date filled to the same, smallest share of its capacity that
// still ends by the target: lighter days); a nearer one compresses it. When the target is too
// tight, what does not fit is reported as excess, with what would help: the date it would end at
// full capacity, or a capacity that fits (higher hours on named days). Accepted (`stretch`), every
// date is filled past its capacity by the smallest factor that fits. A plan aligned to weekdays
// keeps its weekend days on Saturdays and Sundays and its weekday days on weekdays.
import { WEEKDAY_NAMES } from '../curriculum/coach-fields.js';
import { calendarDays, type CalendarDay } from './calendar.js';
import { formatCapacity, type Capacity } from './capacity.js';
import { addDays, daysBetween, LAST_DATE, type LocalDate } from './dates.js';
import { fill, fits, openHours, smallestFit, type Pour, type Slots } from './fill.js';
import { SHARE_UNITS, type WorkUnit } from './work.js';

export interface RebalanceInput {
  /** Every unit of the plan, with what is done (workUnits). */
  units: readonly WorkUnit[];
  /** The first date to fill: today. */
  from: LocalDate;
  /** The last date to fill: the deadline, or the plan's current end. */
  until: LocalDate;
  capacity: Capacity;
  /** Dates that take nothing: declared rest days, paused dates. */
  skip?: ReadonlySet<LocalDate>;
  /** Hours already studied on `from`, taken off its capacity. */
  spent?: number;
  /** Accepted: dates may go over capacity, all by one factor, so that everything fits by `until`. */
  stretch?: boolean;
  /** The plan's end before: its calendar end, or its schedule's. */
  oldEnd: LocalDate;
}

/** A unit's part on one date. */
export interface Piece {
  /** The unit's plan day (a week: its first day) and last day. */
  day: number;
  to: number;
  /** The open tasks that fall on this date (by where their middle lies), as completion keys. */
  tasks: string[];
  hours: number;
  /** The part of the unit's line of hours (all its tasks, done ones too) it covers, 0 to 1. */
  share: [number, number];
}

export interface ScheduledDate {
  date: LocalDate;
  hours: number;
  /** The date's capacity (before any stretch). */
  capacity: number;
  pieces: Piece[];
}

export interface Tight {
  /** Hours that do not fit by the target at the capacity. */
  shortBy: number;
  /** The date everything would end at the capacity; null when it never would (a kind of day with no hours). */
  later: LocalDate | null;
  /** A capacity that fits by the target, and the days it raises; null when none of at most 24 hours a day does. */
  capacity: { text: string; hours: Capacity; raise: { weekday: string; from: number; to: number }[] } | null;
}

export interface Rebalance {
  dates: ScheduledDate[];
  /** What is not scheduled (too tight, not accepted): units and their open hours left over. */
  excess: { day: number; hours: number }[];
  oldEnd: LocalDate;
  /** The last date that carries work; null when nothing is left. */
  newEnd: LocalDate | null;
  /** The share of capacity every date is filled to: below 1 lighter days, above 1 over capacity. */
  factor: number;
  /** Hours per calendar week (weeks from Monday), and the weeks' capacity. */
  weeks: { week: LocalDate; hours: number; capacity: number }[];
  tight: Tight | null;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

function slotsOf(days: readonly CalendarDay[], capacity: Capacity, skip: ReadonlySet<LocalDate>, spent: number): Slots {
  const hours = days.map((d, i) => (skip.has(d.date) ? 0 : Math.max(0, capacity[d.weekday]! - (i === 0 ? spent : 0))));
  return { capacity: hours, weekend: days.map((d) => d.weekend) };
}

/** The position on a unit's whole line of a point `x` hours into its open tasks. */
function linePosition(unit: WorkUnit, x: number): number {
  let open = 0;
  let last = 0;
  for (const task of unit.tasks) {
    if (task.done) continue;
    if (x <= open + task.hours) return task.start + (x - open);
    open += task.hours;
    last = task.start + task.hours;
  }
  return last;
}

function pieceOf(unit: WorkUnit, pour: Pour, lastOfUnit: boolean): Piece {
  // Decided on the unit's whole line in ten-thousandths, as the stored schedule is read back.
  const whole = unit.hours > 0 ? unit.hours : 1;
  const tenThousandths = (hours: number) => (unit.hours > 0 ? Math.round((hours / whole) * SHARE_UNITS) : 0);
  const from = tenThousandths(linePosition(unit, pour.from));
  // The last part runs to the line's end: an open task of no hours after a done one is on it.
  const to = unit.hours > 0 && !lastOfUnit ? tenThousandths(linePosition(unit, pour.to)) : SHARE_UNITS;
  const tasks: string[] = [];
  for (const task of unit.tasks) {
    if (task.done) continue;
    const middle = tenThousandths(task.start + task.hours / 2);
    if (middle >= from && (middle < to || (lastOfUnit && middle <= to))) tasks.push(task.id);
  }
  return { day: unit.day, to: unit.to, tasks, hours: round(pour.to - pour.from), share: [from / SHARE_UNITS, to / SHARE_UNITS] };
}

/** How many times the open units switch between weekday and weekend kind: each may wait up to a week. */
const switches = (units: readonly WorkUnit[]) => units.filter((u, i) => i > 0 && u.weekend !== undefined && units[i - 1]!.weekend !== undefined && u.weekend !== units[i - 1]!.weekend).length;

/** The date everything ends at the capacity, walking past the target; null when it never would. */
function laterEnd(input: RebalanceInput, units: readonly WorkUnit[], open: readonly number[], skip: ReadonlySet<LocalDate>): LocalDate | null {
  const weekly = input.capacity.reduce((a, b) => a + b, 0);
  const total = open.reduce((a, b) => a + b, 0);
  const weeks = Math.ceil(total / weekly) + switches(units) + 2;
  const horizon = addDays(input.from, Math.min(weeks * 7 + skip.size, daysBetween(input.from, LAST_DATE)));
  const days = calendarDays(input.from, horizon);
  const result = fill(units, open, slotsOf(days, input.capacity, skip, input.spent ?? 0), 1, false);
  return result.stopped.unit === units.length && result.last >= 0 ? days[result.last]!.date : null;
}

/** A capacity of at most 24 hours a day, raised by one factor on the days that have hours, that fits by the target. */
function fittingCapacity(input: RebalanceInput, units: readonly WorkUnit[], open: readonly number[], days: readonly CalendarDay[], skip: ReadonlySet<LocalDate>): Tight['capacity'] {
  const slots = slotsOf(days, input.capacity, skip, input.spent ?? 0);
  const factor = smallestFit(units, open, slots, 1, 24 / Math.max(1e-9, Math.min(...input.capacity.filter((h) => h > 0))) + 1);
  if (factor === undefined) return null;
  const hours = input.capacity.map((h) => (h > 0 ? Math.min(24, Math.ceil(h * factor * 2 - 1e-9) / 2) : 0)) as unknown as Capacity;
  if (!fits(units, open, slotsOf(days, hours, skip, input.spent ?? 0), 1)) return null;
  const raise = hours.flatMap((h, day) => (h !== input.capacity[day] ? [{ weekday: WEEKDAY_NAMES[day]!.slice(0, 3), from: input.capacity[day]!, to: h }] : []));
  return { text: formatCapacity(hours), hours, raise };
}

export function rebalance(input: RebalanceInput): Rebalance {
  const skip = input.skip ?? new Set<LocalDate>();
  const units = input.units.filter((u) => u.tasks.some((t) => !t.done));
  const open = units.map(openHours);
  const days = calendarDays(input.from, input.until);
  const slots = slotsOf(days, input.capacity, skip, input.spent ?? 0);
  const base = { oldEnd: input.oldEnd, excess: [], weeks: [], tight: null };
  if (units.length === 0) return { ...base, dates: [], newEnd: null, factor: 0 };

  let factor = 1;
  let tight: Tight | null = null;
  if (fits(units, open, slots, 1)) factor = smallestFit(units, open, slots, 0, 1) ?? 1;
  else {
    const placed = fill(units, open, slots, 1, false).stopped;
    const shortBy = open.slice(placed.unit).reduce((a, b) => a + b, 0) - placed.at;
    tight = { shortBy: round(shortBy), later: laterEnd(input, units, open, skip), capacity: fittingCapacity(input, units, open, days, skip) };
    if (input.stretch) {
      let high = 2;
      while (high < 2 ** 20 && !fits(units, open, slots, high)) high *= 2;
      factor = smallestFit(units, open, slots, high / 2, high) ?? 1;
    }
  }

  const result = fill(units, open, slots, factor, true);
  const byDate = new Map<number, ScheduledDate>();
  result.pours.forEach((pour, i) => {
    const next = result.pours[i + 1];
    const lastOfUnit = next?.unit !== pour.unit && (pour.unit < result.stopped.unit || result.stopped.unit === units.length);
    const day = days[pour.slot]!;
    const entry = byDate.get(pour.slot) ?? { date: day.date, hours: 0, capacity: input.capacity[day.weekday]!, pieces: [] };
    const piece = pieceOf(units[pour.unit]!, pour, lastOfUnit);
    entry.pieces.push(piece);
    entry.hours = round(entry.hours + piece.hours);
    byDate.set(pour.slot, entry);
  });
  const dates = [...byDate.values()];

  const excess: Rebalance['excess'] = [];
  const { unit: stoppedAt, at } = result.stopped;
  for (let u = stoppedAt; u < units.length; u++) excess.push({ day: units[u]!.day, hours: round(open[u]! - (u === stoppedAt ? at : 0)) });

  const weeks = new Map<LocalDate, { week: LocalDate; hours: number; capacity: number }>();
  days.forEach((day, i) => {
    const week = addDays(day.date, -day.weekday);
    const entry = weeks.get(week) ?? { week, hours: 0, capacity: 0 };
    entry.capacity = round(entry.capacity + slots.capacity[i]!);
    entry.hours = round(entry.hours + (byDate.get(i)?.hours ?? 0));
    weeks.set(week, entry);
  });

  return { dates, excess, oldEnd: input.oldEnd, newEnd: dates.at(-1)?.date ?? null, factor: round(factor), weeks: [...weeks.values()], tight };
}
