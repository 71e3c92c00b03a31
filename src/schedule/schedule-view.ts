// A rebalanced schedule as the log keeps it, and read back: what is due on a date (numbered, the
// same all day), the date of each task, which scheduled dates are past, what is overdue.
// Kept small and robust to edits of the plan: each part of a unit is its date (an offset from
// the first) and where it begins on the unit's line of hours, in ten-thousandths. A task falls on
// the part its middle lies in (by the plan's current hours), so a task added to a day later is due
// with its neighbours. A unit no part names was done when the schedule was made: it has no date
// (one of its tasks undone since is overdue); one after the last scheduled unit (the plan grew)
// follows the schedule's end a day for a day, as the plan's calendar would.
import { addDays, daysBetween, type LocalDate } from './dates.js';
import type { Rebalance } from './rebalance.js';
import { SHARE_UNITS, type WorkUnit } from './work.js';

export interface StoredSchedule {
  from: LocalDate;
  until: LocalDate;
  /** The capacity it was made for, as formatCapacity writes it. */
  capacity: string;
  /** [date offset from `from`, plan day (a week: its first day), where the part begins on the unit's line]. */
  slices: [offset: number, day: number, at: number][];
}

/** The stored form of a rebalance. */
export function storeSchedule(result: Pick<Rebalance, 'dates'>, from: LocalDate, until: LocalDate, capacity: string): StoredSchedule {
  const slices: StoredSchedule['slices'] = [];
  for (const date of result.dates) {
    const offset = daysBetween(from, date.date);
    for (const piece of date.pieces) slices.push([offset, piece.day, Math.round(piece.share[0] * SHARE_UNITS)]);
  }
  return { from, until, capacity, slices };
}

export interface DueTask {
  /** The number `prep done N` takes on this date: 1, 2, … across its plan days. */
  n: number;
  day: number;
  /** Its number in its plan day (`prep done --day D N`). */
  dayN: number;
  id: string;
  done: boolean;
}

export interface ScheduleView {
  from: LocalDate;
  /** The last date with work. */
  end: LocalDate;
  /** The tasks of each date, in plan order. */
  dates: Map<LocalDate, { day: number; dayN: number; id: string }[]>;
  dateOf: Map<string, LocalDate>;
  /** Tasks of units done when the schedule was made, which no part names: no date. */
  undated: { day: number; dayN: number; id: string }[];
}

/** The schedule over the plan's current units. */
export function scheduleView(stored: StoredSchedule, units: readonly WorkUnit[]): ScheduleView {
  const slicesOf = new Map<number, { date: LocalDate; at: number }[]>();
  let lastDay = 0;
  let lastDate = stored.from;
  for (const [offset, day, at] of stored.slices) {
    const date = addDays(stored.from, offset);
    slicesOf.set(day, [...(slicesOf.get(day) ?? []), { date, at }]);
    if (day > lastDay) lastDay = day;
    if (date > lastDate) lastDate = date;
  }
  const dateOf = new Map<string, LocalDate>();
  const undated: ScheduleView['undated'] = [];
  const dates = new Map<LocalDate, { day: number; dayN: number; id: string }[]>();
  const place = (date: LocalDate, unit: WorkUnit, task: WorkUnit['tasks'][number]) => {
    dateOf.set(task.id, date);
    const list = dates.get(date) ?? [];
    list.push({ day: unit.day, dayN: task.n, id: task.id });
    dates.set(date, list);
  };
  for (const unit of units) {
    const slices = slicesOf.get(unit.day)?.sort((a, b) => a.at - b.at || (a.date < b.date ? -1 : 1));
    for (const task of unit.tasks) {
      if (!slices) {
        if (unit.day < lastDay) undated.push({ day: unit.day, dayN: task.n, id: task.id });
        else place(addDays(lastDate, unit.day - lastDay), unit, task);
        continue;
      }
      const middle = unit.hours > 0 ? Math.round(((task.start + task.hours / 2) / unit.hours) * SHARE_UNITS) : 0;
      let slice = slices[0]!;
      for (const s of slices) if (s.at <= middle) slice = s;
      place(slice.date, unit, task);
    }
  }
  for (const list of dates.values()) list.sort((a, b) => a.day - b.day || a.dayN - b.dayN);
  const end = [...dates.keys()].reduce((a, b) => (b > a ? b : a), lastDate);
  return { from: stored.from, end, dates, dateOf, undated };
}

/** What is due on `date`, numbered for the whole day. */
export function dueOn(view: ScheduleView, date: LocalDate, done: { has(id: string): boolean }): DueTask[] {
  return (view.dates.get(date) ?? []).map((task, i) => ({ n: i + 1, ...task, done: done.has(task.id) }));
}

/** "Day 12, tasks 1–4", "Day 12 and day 13, tasks 1–6", "Days 12–14, tasks 1–9"; '' for nothing. */
export function dueLabel(due: readonly Pick<DueTask, 'n' | 'day'>[]): string {
  if (due.length === 0) return '';
  const days = [...new Set(due.map((t) => t.day))];
  const first = days[0]!;
  const last = days.at(-1)!;
  const named = days.length === 1 ? `Day ${first}` : days.length === 2 ? `Day ${first} and day ${last}` : days.length === last - first + 1 ? `Days ${first}–${last}` : `Days ${days.join(', ')}`;
  return `${named}, ${due.length === 1 ? 'task 1' : `tasks 1–${due.length}`}`;
}

/** The scheduled dates before `today`, in order. */
export function pastDates(view: ScheduleView, today: LocalDate): LocalDate[] {
  return [...view.dates.keys()].filter((d) => d < today).sort();
}

/** Open tasks due before `today` under the schedule, oldest first; those undone since it was made first, with no date. */
export function overdueUnder(view: ScheduleView, today: LocalDate, done: { has(id: string): boolean }): (Omit<DueTask, 'n' | 'done'> & { date: LocalDate | null })[] {
  const out: (Omit<DueTask, 'n' | 'done'> & { date: LocalDate | null })[] = view.undated.filter((t) => !done.has(t.id)).map((t) => ({ ...t, date: null }));
  for (const date of pastDates(view, today)) for (const task of view.dates.get(date)!) if (!done.has(task.id)) out.push({ ...task, date });
  return out;
}
