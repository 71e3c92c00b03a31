// `prep plan show [ID|FILE]`: one plan's outline, day by day.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { catalog, DEFAULT_PLAN_ID, loadCatalogPlan, loadCurriculumFile, resolvePlanId } from '../curriculum/read.js';
import type { Plan, SpanKind } from '../curriculum/types.js';
import { planDays } from '../schedule/plan-days.js';

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

/** An id (or unique prefix) from the catalog, or the path of a curriculum file. */
export async function findPlan(idOrPath: string | undefined, ctx: Context): Promise<Plan> {
  const wanted = idOrPath ?? DEFAULT_PLAN_ID;
  if (/[\\/]|\.md$/i.test(wanted) && existsSync(resolve(ctx.cwd, wanted))) return loadCurriculumFile(resolve(ctx.cwd, wanted));
  const entries = await catalog(ctx.curriculaDirs);
  const id = resolvePlanId(wanted, entries.map((e) => e.id));
  return loadCatalogPlan(entries.find((e) => e.id === id)!);
}

export async function planShow(options: { plan?: string }, ctx: Context): Promise<PlanShowData> {
  const plan = await findPlan(options.plan, ctx);
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
