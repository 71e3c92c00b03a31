// The plans as a list to pick from: the first run's "which plan?" and `prep plan switch` with no id.
import type { Context } from '../context.js';
import { catalog, loadCatalogPlan } from '../curriculum/read.js';
import { CurriculumError } from '../errors.js';
import { truncate } from '../render/style.js';
import { planDays } from '../schedule/plan-days.js';
import { doneIn, planProgress } from '../schedule/progress.js';
import type { StudyState } from '../state/study-store.js';
import type { Choice } from '../ask.js';

export interface PlanSummary {
  id: string;
  title: string;
  days: number;
  /** Tasks done and in all; `started` when the plan has a start date (it ran, or runs, at some time). */
  progress: { done: number; total: number };
  started: boolean;
  active: boolean;
}

/** Every plan that can be started; one whose file is broken is left out (`prep plan list` names it). */
export async function planSummaries(ctx: Context, state: Pick<StudyState, 'log' | 'plans' | 'activePlan'> | undefined): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  for (const entry of await catalog(ctx.curriculaDirs)) {
    let plan;
    try {
      plan = await loadCatalogPlan(entry, ctx.paths.cacheDir);
    } catch (caught) {
      if (caught instanceof CurriculumError) continue;
      throw caught;
    }
    const days = planDays(plan);
    out.push({
      id: plan.id,
      title: plan.title,
      days: plan.days,
      progress: planProgress(days, doneIn(state?.log ?? [], plan.id, days)),
      started: state?.plans[plan.id] !== undefined,
      active: state?.activePlan === plan.id,
    });
  }
  return out;
}

/**
 * `* 6-week · 6-Week Intensive — Principal Backend Engineer · 42 days · 29/228 done`: the title
 * gives way first, so that the line fits `columns`. `withProgress` adds the done count and the
 * active mark, which a first run has none of.
 */
export function planLine(plan: PlanSummary, columns: number, withProgress: boolean): string {
  const mark = withProgress ? (plan.active ? '* ' : '  ') : '';
  const progress = !withProgress ? '' : plan.started || plan.progress.done > 0 ? ` · ${plan.progress.done}/${plan.progress.total} done` : ' · not started';
  const fixed = `${mark}${plan.id} ·  · ${plan.days} days${progress}`;
  // The select draws a cursor and a space before each choice.
  const title = truncate(plan.title, Math.max(12, columns - 3 - [...fixed].length));
  return `${mark}${plan.id} · ${title} · ${plan.days} days${progress}`;
}

export function planChoices(plans: readonly PlanSummary[], columns: number, withProgress: boolean): Choice[] {
  return plans.map((plan) => ({ name: planLine(plan, columns, withProgress), value: plan.id }));
}
