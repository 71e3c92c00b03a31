// `prep today`: the day's tasks with done marks, overdue work, streak, checklist and progress.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dateOfDay } from '../schedule/clock.js';
import type { Link, SpanKind } from '../curriculum/types.js';
import type { LocalDate } from '../schedule/dates.js';
import { lagBehind, standing, type Standing } from '../schedule/catch-up.js';
import { doneIn, numberedTasks, orphans, overdue, planProgress, type NumberedTask, type OverdueTask } from '../schedule/progress.js';
import { outlook, type Outlook } from '../schedule/outlook.js';
import { checklistTicks } from '../state/schema.js';
import { coachOf } from '../session/coach.js';
import { dueUnderSchedule, scheduleOn, statusUnder } from '../session/due-today.js';
import { openSession, streakOf } from '../session/session.js';
import { dayNotes, type DayNote } from '../review/notes.js';
import { reviewsToday } from '../session/review-deck.js';

export interface TodayData {
  date: LocalDate;
  plan: { id: string; title: string; days: number };
  /** `ended`: past its calendar end with tasks open (`finished` once every task is done). */
  status: Standing;
  /** Plan day for `date`: below 1 before the start, above `days` after the end. */
  day: number;
  start: LocalDate;
  /** The date of the plan's last work: its rebalanced schedule's end, else its calendar end. */
  end: LocalDate;
  /** The date the ongoing pause began, while the plan is paused (`prep resume` ends it). */
  pausedSince: LocalDate | null;
  /** Days behind the schedule (negative: ahead), after the end too; more than 2 (or ended) and `prep plan catch-up` is suggested. */
  behind: number;
  title: string | null;
  group: string | null;
  kind: SpanKind | null;
  /** A range's or week's first and last day, when the day belongs to one. */
  span: { from: number; to: number } | null;
  deliverable: string | null;
  notes: string[];
  /** Under a rebalanced schedule, `n` numbers the date's tasks across its plan days, and `day` is each one's plan day. */
  tasks: { n: number; id: string; text: string; section: string | null; done: boolean; details: string[]; links: Link[]; day?: number }[];
  /** Under a rebalanced schedule: what is due on the date ("Day 12 and day 13, tasks 1–4"), and the next date with work when it has none; null on the plan's calendar. */
  schedule: { label: string; next: LocalDate | null } | null;
  overdue: OverdueTask[];
  streak: { current: number; longest: number; atRisk: boolean };
  checklist: { done: number; total: number };
  progress: { done: number; total: number };
  /** Completions whose task is no longer in the curriculum: kept in the log, listed here. */
  orphans: { id: string; text?: string }[];
  /** The plan's deadline and days left; null while it has none. */
  deadline: Outlook['deadline'];
  /** Pace of the last 14 days, the finish at it, and the pace the deadline needs. */
  forecast: Outlook['forecast'];
  /** Your notes on the day and its tasks (`prep note`), oldest first. */
  dayNotes: DayNote[];
  /** Cards to review today, the daily limit kept, and the due cards it holds for later days. */
  reviews: { due: number; held: number };
}

function taskView(task: NumberedTask): TodayData['tasks'][number] {
  return { n: task.n, id: task.id, text: task.text, section: task.section ?? null, done: task.done, details: task.details, links: task.links };
}

export async function today(options: { day?: string }, ctx: Context): Promise<TodayData> {
  let session = await openSession(ctx);
  if (options.day !== undefined) {
    // Plan day N's page as it will be (or was) on its date: a preview, like --date.
    const day = Number(options.day);
    if (!/^\d+$/.test(options.day) || day < 1 || day > session.plan.days) throw new UsageError(`--day ${options.day} is not a day of ${session.plan.id}: days run from 1 to ${session.plan.days}`);
    session = await openSession({ ...ctx, dateArg: dateOfDay(session.clock, day, session.realToday) });
  }
  const { plan, days, position, state } = session;
  const done = doneIn(state.log, plan.id, days);
  const ticks = checklistTicks(state.log, plan.id);
  const streak = streakOf(session, session.today);
  const progress = planProgress(days, done);
  const coach = coachOf(plan, days, done, position, state);
  // Under a rebalanced schedule the date's tasks come from it, across the plan days it holds.
  const scheduled = scheduleOn(coach, session.today);
  const due = scheduled && dueUnderSchedule(scheduled, days, session.today, done);
  const entry = !due && position.status === 'active' ? days[position.day - 1] : undefined;
  const ahead = outlook(plan, days, done, { start: position.start, end: coach.end }, session.today, coach.deadline, coach.units);
  const tasks = due ? due.tasks.map((task) => ({ ...taskView(task), day: task.day })) : entry ? numberedTasks(entry, done).map(taskView) : [];
  return {
    date: session.today,
    plan: { id: plan.id, title: plan.title, days: plan.days },
    status: standing(scheduled ? { status: statusUnder(scheduled, session.today) } : position, progress),
    day: position.day,
    start: position.start,
    end: coach.end,
    pausedSince: position.pausedSince,
    behind: due ? due.behind : lagBehind(days, position, done),
    title: entry?.title || null,
    group: entry?.group ?? null,
    kind: entry?.kind ?? null,
    span: entry && entry.from !== entry.to ? { from: entry.from, to: entry.to } : null,
    deliverable: entry?.deliverable ?? null,
    notes: entry ? [...entry.notes] : [],
    tasks,
    overdue: due ? due.overdue : overdue(days, Math.min(position.day, plan.days + 1), done),
    schedule: due ? { label: due.label, next: due.next } : null,
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
    checklist: { done: plan.checklist.filter((item) => ticks.has(item.id)).length, total: plan.checklist.length },
    progress,
    orphans: orphans(days, done),
    deadline: ahead.deadline,
    forecast: ahead.forecast,
    dayNotes: entry ? dayNotes(state.review.notes, plan.id, entry.day, tasks) : [],
    reviews: await reviewsToday(ctx, state, session.today, [plan]),
  };
}

export default defineCommand({
  name: 'today',
  summary: 'today\'s tasks, numbered, with the streak, overdue work, checklist and progress',
  options: [
    { flags: '--day <n>', description: 'preview plan day N, on the date it falls on' },
    // Passed by `prep` alone (src/startup/argv.ts).
    { flags: '--hints', description: 'what `prep` alone adds: a line on other commands', hidden: true },
  ],
  examples: ['prep today', 'prep today --date tomorrow   # preview a day', 'prep today --day 12          # preview plan day 12', 'prep today --json'],
  run: (options: { day?: string; hints?: boolean }, ctx) => today({ day: options.day }, ctx),
  render: 'today',
});
