// `prep plan show [ID|FILE]`: one plan's outline, day by day.
import type { Context } from '../context.js';
import type { SpanKind } from '../curriculum/types.js';
import { planDays } from '../schedule/plan-days.js';
import { findPlan } from './session.js';

export interface PlanShowData {
  id: string;
  title: string;
  days: number;
  summary: string;
  intro: string;
  schedule: {
    day: number;
    title: string;
    group: string | null;
    kind: SpanKind;
    from: number;
    to: number;
    deliverable: string | null;
    tasks: { id: string; text: string; section: string | null }[];
  }[];
  checklist: { n: number; text: string }[];
}

export async function planShow(options: { plan?: string }, ctx: Context): Promise<PlanShowData> {
  const plan = await findPlan(options.plan ?? ctx.store.read()?.activePlan ?? ctx.store.settings.defaultPlan, ctx);
  return {
    id: plan.id,
    title: plan.title,
    days: plan.days,
    summary: plan.summary,
    intro: plan.intro,
    schedule: planDays(plan).map((day) => ({
      day: day.day,
      title: day.title,
      group: day.group ?? null,
      kind: day.kind,
      from: day.from,
      to: day.to,
      deliverable: day.deliverable ?? null,
      tasks: day.tasks.map((task) => ({ id: task.id, text: task.text, section: task.section ?? null })),
    })),
    checklist: plan.checklist.map((item) => ({ n: item.n, text: item.text })),
  };
}
