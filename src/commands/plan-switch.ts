// `prep plan switch [ID] [--start DATE]`: change the active plan; each plan keeps its start and progress.
import { existsSync } from 'node:fs';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { resolveDateArg, type LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { behind, doneIn, planProgress, position, type PlanStatus } from '../schedule/progress.js';
import type { Payload } from '../log/events.js';
import { planChoices, planSummaries } from './plan-choices.js';
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
  /** Days behind its schedule (negative: ahead), as `prep today` counts them. */
  behind: number;
  /**
   * The start it had, dropped: nothing was ever done in the plan since that day, so it starts
   * over today (with no --start). Checklist ticks do not count as beginning it.
   */
  restartedFrom: LocalDate | null;
}

export async function planSwitch(options: { plan?: string; start?: string }, ctx: Context): Promise<SwitchData> {
  const before = ctx.store.read();
  const { today } = dates(ctx, before);
  let wanted = options.plan;
  if (wanted === undefined) {
    const plans = await planSummaries(ctx, before);
    const choices = planChoices(plans, ctx.columns, true);
    if (!ctx.interactive) throw new UsageError('which plan? Name it: prep plan switch ID', `${choices.map((choice) => choice.name).join('\n')}${plans.some((p) => p.active) ? '\n* the active plan' : ''}`);
    wanted = await ctx.ask.select('Switch to which plan?', choices, before?.activePlan ?? undefined);
  }
  const plan = await findPlan((await findCatalogEntry(wanted, ctx)).id, ctx);
  // --start is read against the effective today, so `--start yesterday --date D` means D - 1.
  const start = options.start === undefined ? undefined : resolveDateArg(options.start, today, '--start');

  const { path } = await findCatalogEntry(plan.id, ctx);
  let resumed = false;
  let restartedFrom: LocalDate | null = null;
  const { state } = await ctx.store.update((current) => {
    // Checked under the lock: a \`plan remove\` at the same moment either ran first or waits.
    if (!existsSync(path)) throw new UsageError(`the plan ${plan.id} was removed while switching to it`, '`prep plan list` shows the plans there are.');
    const kept = current.plans[plan.id];
    const switching = current.activePlan !== plan.id;
    resumed = false;
    restartedFrom = null;
    // A new start is a fresh run of the plan: its old pauses belong to the run before.
    const run = (from: LocalDate): Payload => ({ kind: 'start', date: today, plan: plan.id, start: from });
    const recorded: Payload[] = [];
    if (start !== undefined) recorded.push(run(start));
    else if (!kept) recorded.push(run(today));
    else if (switching && kept.start < today && !current.log.some((event) => event.plan === plan.id && event.kind === 'done')) {
      // Switched away before doing anything in it: coming back weeks later is day 1, not "21 days behind".
      restartedFrom = kept.start;
      recorded.push(run(today));
    } else resumed = true;
    if (switching) recorded.push({ kind: 'switch', date: today, plan: plan.id });
    return recorded;
  });
  const clock = state.plans[plan.id]!;
  const planStart = clock.start;
  const days = planDays(plan);
  const where = position(clock, plan.days, today);
  const done = doneIn(state.log, plan.id, days);
  return {
    plan: { id: plan.id, title: plan.title, days: plan.days },
    previous: before?.activePlan ?? null,
    resumed,
    start: planStart,
    status: where.status,
    day: where.day,
    pausedSince: where.pausedSince,
    progress: planProgress(days, done),
    behind: behind(days, where, done),
    restartedFrom,
  };
}
