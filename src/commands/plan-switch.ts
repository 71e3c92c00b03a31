// `prep plan switch [ID] [--start DATE]`: change the active plan; each plan keeps its start and progress.
import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import { catalog } from '../curriculum/read.js';
import { UsageError } from '../errors.js';
import { resolveDateArg, type LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { doneIn, planProgress, position, type PlanStatus } from '../schedule/progress.js';
import { dates, findCatalogEntry, findPlan } from './session.js';

export interface SwitchData {
  plan: { id: string; title: string; days: number };
  previous: string | null;
  /** The plan had been started before: its start date and progress are kept. */
  resumed: boolean;
  start: LocalDate;
  status: PlanStatus;
  day: number;
  /** When the plan switched to is paused: the date its pause began. */
  pausedSince: LocalDate | null;
  progress: { done: number; total: number };
}

export async function planSwitch(options: { plan?: string; start?: string }, ctx: Context): Promise<SwitchData> {
  const before = ctx.store.read();
  const { today } = dates(ctx, before);
  let wanted = options.plan;
  if (wanted === undefined) {
    const entries = await catalog(ctx.curriculaDirs);
    if (!ctx.interactive) throw new UsageError('which plan? Name it: prep plan switch ID', `Plans: ${entries.map((e) => e.id).join(', ')}.`);
    wanted = await ctx.ask.select('Switch to which plan?', entries.map((e) => ({ name: e.id, value: e.id })), before?.activePlan ?? undefined);
  }
  const plan = await findPlan((await findCatalogEntry(wanted, ctx)).id, ctx);
  // --start is read against the effective today, so `--start yesterday --date D` means D - 1.
  const start = options.start === undefined ? undefined : resolveDateArg(options.start, today, '--start');

  const resumed = before?.plans[plan.id] !== undefined && start === undefined;
  const { path } = await findCatalogEntry(plan.id, ctx);
  const state = await ctx.store.update((draft) => {
    // Checked under the lock: a \`plan remove\` at the same moment either ran first or waits.
    if (!existsSync(path)) throw new UsageError(`the plan ${plan.id} was removed while switching to it`, '`prep plan list` shows the plans there are.');
    draft.activePlan = plan.id;
    // A new start is a fresh run of the plan: its old pauses belong to the run before.
    if (start !== undefined) draft.plans[plan.id] = { start, paused: [] };
    else draft.plans[plan.id] ??= { start: today, paused: [] };
  });
  const clock = state.plans[plan.id]!;
  const planStart = clock.start;
  const days = planDays(plan);
  const where = position(clock, plan.days, today);
  return {
    plan: { id: plan.id, title: plan.title, days: plan.days },
    previous: before?.activePlan ?? null,
    resumed,
    start: planStart,
    status: where.status,
    day: where.day,
    pausedSince: where.pausedSince,
    progress: planProgress(days, doneIn(state.log, plan.id, days)),
  };
}
