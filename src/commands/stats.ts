// `prep stats` (alias `prep streak`): streaks, a heatmap of recent weeks, progress per week or phase,
// and how far ahead or behind the schedule the user is.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { addDays, weekdayIndex, type LocalDate } from '../schedule/dates.js';
import { groupProgress } from '../schedule/groups.js';
import { lagBehind, standing, type Standing } from '../schedule/catch-up.js';
import { doneIn, planProgress } from '../schedule/progress.js';
import { outlook, type Outlook } from '../schedule/outlook.js';
import { pausedBridges, restDates } from '../schedule/streak.js';
import { completions, type State } from '../state/schema.js';
import { coachOf } from '../session/coach.js';
import { dueUnderSchedule, scheduleOn, statusUnder } from '../session/due-today.js';
import { openSession, streakOf } from '../session/session.js';
import { reviewFigures } from '../session/review-deck.js';
import type { ReviewStats } from '../review/schedule.js';

/** Weeks of history the heatmap shows: 16 full weeks and the current one. */
export const HEATMAP_WEEKS = 17;

export type HeatmapKind = 'study' | 'rest' | 'paused' | 'none' | 'future';

export interface StatsData {
  date: LocalDate;
  plan: { id: string; title: string; days: number };
  /** `ended`: past its calendar end with tasks open (`finished` once every task is done). */
  status: Standing;
  day: number;
  /** The date of the plan's last work: its rebalanced schedule's end, else its calendar end. */
  end: LocalDate;
  pausedSince: LocalDate | null;
  streak: { current: number; longest: number; atRisk: boolean };
  studyDays: number;
  progress: { done: number; total: number; percent: number };
  /** Days behind the schedule (after the end too); negative when ahead. */
  behind: number;
  weeks: { label: string; from: number; to: number; done: number; total: number }[];
  /** One entry per date, Monday of the first week through Sunday of this one. */
  heatmap: { date: LocalDate; count: number; kind: HeatmapKind }[];
  /** The plan's deadline and days left; null while it has none. */
  deadline: Outlook['deadline'];
  /** Pace of the last 14 days, the finish at it, and the pace the deadline needs. */
  forecast: Outlook['forecast'];
  /** Spaced review: reviews done, cards by state, retention over the last 30 days. */
  reviews: ReviewStats;
}

/** Tasks completed (and not undone) on each date, over every plan. */
function countsByDate(log: State['log']): Map<LocalDate, number> {
  const counts = new Map<LocalDate, number>();
  for (const plan of new Set(log.map((e) => e.plan))) {
    for (const mark of completions(log, plan).values()) counts.set(mark.date, (counts.get(mark.date) ?? 0) + 1);
  }
  return counts;
}

export async function stats(_options: object, ctx: Context): Promise<StatsData> {
  const session = await openSession(ctx);
  const { plan, days, position, state, today, clock } = session;
  const done = doneIn(state.log, plan.id, days);
  const streak = streakOf(session, today);
  const progress = planProgress(days, done);
  const counts = countsByDate(state.log);
  // A review is study too: its date is a study date on the heatmap.
  for (const grades of Object.values(state.review.grades)) for (const grade of grades) counts.set(grade.date, (counts.get(grade.date) ?? 0) + 1);
  const rest = restDates(state.rest, days, clock, today);
  const paused = pausedBridges(state, today);

  const first = addDays(today, -weekdayIndex(today) - 7 * (HEATMAP_WEEKS - 1));
  const heatmap: StatsData['heatmap'] = [];
  for (let i = 0; i < 7 * HEATMAP_WEEKS; i++) {
    const date = addDays(first, i);
    const count = counts.get(date) ?? 0;
    const kind: HeatmapKind = date > today ? 'future' : count > 0 ? 'study' : paused.has(date) ? 'paused' : rest.has(date) ? 'rest' : 'none';
    heatmap.push({ date, count, kind });
  }
  const coach = coachOf(plan, days, done, position, state);
  // Under a rebalanced schedule, standing and days behind are the schedule's.
  const scheduled = scheduleOn(coach, today);
  const ahead = outlook(plan, days, done, { start: position.start, end: coach.end }, today, coach.deadline, coach.units);
  return {
    date: today,
    plan: { id: plan.id, title: plan.title, days: plan.days },
    status: standing(scheduled ? { status: statusUnder(scheduled, today) } : position, progress),
    day: position.day,
    end: coach.end,
    pausedSince: position.pausedSince,
    streak: { current: streak.current, longest: streak.longest, atRisk: streak.atRisk },
    studyDays: streak.studyDays,
    progress: { ...progress, percent: progress.total === 0 ? 0 : Math.round((100 * progress.done) / progress.total) },
    behind: scheduled ? dueUnderSchedule(scheduled, days, today, done).behind : lagBehind(days, position, done),
    weeks: groupProgress(days, done),
    heatmap,
    deadline: ahead.deadline,
    forecast: ahead.forecast,
    reviews: await reviewFigures(ctx, state, today, [plan]),
  };
}

export default defineCommand({
  name: 'stats',
  aliases: ['streak'],
  summary: 'streaks, a heatmap of the last 17 weeks, progress per week or phase, and how far ahead or behind you are',
  examples: ['prep stats', 'prep streak', 'prep stats --json | jq .streak'],
  run: stats,
  render: 'stats',
});
