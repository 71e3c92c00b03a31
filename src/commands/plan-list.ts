// `prep plan list`: every plan in the catalog with its size.
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { catalog, loadCatalogPlan } from '../curriculum/read.js';
import { countTasks, planDays } from '../schedule/plan-days.js';

export interface PlanListRow {
  id: string;
  title: string;
  days: number;
  /** Tasks over the whole plan: a range task counts once per day, a week task once. */
  tasks: number;
  checklist: number;
  /** The plan a first run starts when there is no state yet. */
  default: boolean;
  active: boolean;
}

export async function planList(_options: object, ctx: Context): Promise<PlanListRow[]> {
  const state = ctx.store.read();
  const defaultPlan = ctx.store.settings.defaultPlan;
  const entries = await catalog(ctx.curriculaDirs);
  const plans = await Promise.all(entries.map((entry) => loadCatalogPlan(entry, ctx.paths.cacheDir)));
  return plans.map((plan) => ({
    id: plan.id,
    title: plan.title,
    days: plan.days,
    tasks: countTasks(planDays(plan)),
    checklist: plan.checklist.length,
    default: plan.id === defaultPlan,
    active: plan.id === state?.activePlan,
  }));
}

export default defineCommand({
  name: 'plan list',
  isDefault: true,
  summary: 'the plans there are, with days, tasks and checklist items; * marks the active one',
  examples: ['prep plan list', 'prep plan list --json'],
  run: planList,
  render: 'plan-list',
});
