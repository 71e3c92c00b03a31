// `prep week`: the seven plan days of the current plan week, with their real dates and progress.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import type { SpanKind } from '../curriculum/types.js';
import { dateOfDay } from '../schedule/clock.js';
import type { LocalDate } from '../schedule/dates.js';
import { doneIn, numberedTasks, type PlanStatus } from '../schedule/progress.js';
import { coachOf } from '../session/coach.js';
import { scheduleOn, weekUnderSchedule, type WeekDateUnderSchedule } from '../session/due-today.js';
import { openSession } from '../session/session.js';

export interface WeekData {
  date: LocalDate;
  plan: { id: string; title: string; days: number };
  status: PlanStatus;
  /** Today's plan day, and the plan week it falls in (days 7w-6 … 7w). */
  day: number;
  week: number;
  group: string | null;
  /** While the plan is paused, the date the pause began; no row is today then. */
  pausedSince: LocalDate | null;
  days: { day: number; date: LocalDate; title: string; kind: SpanKind; done: number; total: number; today: boolean }[];
  /**
   * When the week is a week-level span (`Week N` with tasks of its own): its tasks, each due once
   * during the week, counted once here (each of `days` shows the same tasks).
   */
  weekTasks: { from: number; to: number; title: string; done: number; total: number; tasks: { n: number; id: string; text: string; done: boolean }[] } | null;
  /** Under a rebalanced schedule: the calendar week's seven dates, Monday first, with the plan days due on each; null on the plan's calendar. */
  schedule: WeekDateUnderSchedule[] | null;
}

export async function week(_options: object, ctx: Context): Promise<WeekData> {
  const session = await openSession(ctx);
  const { plan, days, position, state, today, clock } = session;
  // Before the start it is the first week; after the end, the last.
  const current = Math.min(Math.max(position.day, 1), plan.days);
  const weekNumber = Math.ceil(current / 7);
  const done = doneIn(state.log, plan.id, days);
  const shown = days.slice((weekNumber - 1) * 7, weekNumber * 7);
  const first = shown[0]!;
  const weekLevel = first.kind === 'week' && shown.every((day) => day.kind === 'week' && day.from === first.from);
  const weekTasks = weekLevel ? numberedTasks(first, done) : [];
  const scheduled = scheduleOn(coachOf(plan, days, done, position, state), today);
  return {
    date: today,
    plan: { id: plan.id, title: plan.title, days: plan.days },
    status: position.status,
    day: position.day,
    week: weekNumber,
    group: days[current - 1]?.group ?? null,
    pausedSince: position.pausedSince,
    days: shown.map((day) => {
      const tasks = numberedTasks(day, done);
      return { day: day.day, date: dateOfDay(clock, day.day, today), title: day.title, kind: day.kind, done: tasks.filter((t) => t.done).length, total: tasks.length, today: position.status === 'active' && !position.pausedSince && day.day === position.day };
    }),
    weekTasks: weekLevel
      ? { from: first.from, to: first.to, title: first.title, done: weekTasks.filter((t) => t.done).length, total: weekTasks.length, tasks: weekTasks.map((t) => ({ n: t.n, id: t.id, text: t.text, done: t.done })) }
      : null,
    schedule: scheduled ? weekUnderSchedule(scheduled, days, today, done) : null,
  };
}

export default defineCommand({
  name: 'week',
  summary: 'this plan week\'s seven days in a table: day, date, title and tasks done',
  examples: ['prep week', 'prep week --date 2026-03-09   # another week', 'prep week --json'],
  run: week,
  render: 'week',
});
