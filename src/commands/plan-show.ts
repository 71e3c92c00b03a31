// `prep plan show [ID|FILE]`: one plan's outline, day by day.
import { completePlans } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import type { EffortSource } from '../curriculum/effort.js';
import type { SpanKind } from '../curriculum/types.js';
import { planDays } from '../schedule/plan-days.js';
import { findPlan } from '../session/session.js';
import { noteCounts } from '../review/notes.js';

export interface PlanShowData {
  id: string;
  title: string;
  days: number;
  summary: string;
  intro: string;
  /** Hours of the whole plan, as its days' efforts add up. */
  hours: number;
  schedule: {
    day: number;
    title: string;
    group: string | null;
    kind: SpanKind;
    from: number;
    to: number;
    deliverable: string | null;
    /** What the day takes (0 for a rest day; a week-level span's days a seventh of its week each), and where that was read. */
    hours: number;
    hoursFrom: EffortSource;
    tasks: { id: string; text: string; section: string | null }[];
    /** Your notes on the day and its tasks (`prep notes` lists them). */
    notes: number;
  }[];
  checklist: { n: number; text: string }[];
}

/** Two decimals: what JSON carries. */
const hundredths = (hours: number) => Math.round(hours * 100) / 100;

export async function planShow(options: { plan?: string }, ctx: Context): Promise<PlanShowData> {
  const plan = await findPlan(options.plan ?? ctx.store.read()?.activePlan ?? ctx.store.settings.defaultPlan, ctx);
  const effort = plan.effort;
  const notes = noteCounts(ctx.store.read()?.review.notes ?? [], plan.id);
  return {
    id: plan.id,
    title: plan.title,
    days: plan.days,
    summary: plan.summary,
    intro: plan.intro,
    hours: hundredths(effort.total),
    schedule: planDays(plan).map((day) => ({
      day: day.day,
      title: day.title,
      group: day.group ?? null,
      kind: day.kind,
      from: day.from,
      to: day.to,
      deliverable: day.deliverable ?? null,
      hours: hundredths(effort.days[day.day - 1]?.hours ?? 0),
      hoursFrom: effort.days[day.day - 1]?.source ?? 'equal',
      tasks: day.tasks.map((task) => ({ id: task.id, text: task.text, section: task.section ?? null })),
      notes: notes.get(day.day) ?? 0,
    })),
    checklist: plan.checklist.map((item) => ({ n: item.n, text: item.text })),
  };
}

export default defineCommand({
  name: 'plan show',
  summary: 'one plan\'s outline: groups, days, task counts and the final checklist',
  arguments: [{ syntax: '[plan]', description: 'a plan id, a unique prefix of one, or the path of a curriculum file (default: the active plan)', complete: completePlans }],
  examples: ['prep plan show 90-day', 'prep plan show 90          # a unique prefix is enough', 'prep plan show ./my-plan.md --json'],
  run: planShow,
  render: 'plan-show',
});
