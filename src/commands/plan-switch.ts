// `prep plan switch [ID] [--start DATE]`: change the active plan; each plan keeps its start and progress.
import { completePlans } from '../completion/completers.js';
import { defineCommand } from '../app/define.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { misalignment, resolveStartArg, type Misalignment } from '../schedule/calendar.js';
import type { LocalDate } from '../schedule/dates.js';
import { planDays } from '../schedule/plan-days.js';
import { lagBehind, standing, type Standing } from '../schedule/catch-up.js';
import { doneIn, planProgress, position } from '../schedule/progress.js';
import { chooseStart } from '../session/aligned-start.js';
import { planChoices, planSummaries } from '../session/plan-choices.js';
import { dates, findCatalogEntry, findPlan } from '../session/session.js';
import type { StudyState } from '../state/study-store.js';
import type { Payload } from '../log/events.js';

export interface SwitchData {
  plan: { id: string; title: string; days: number };
  previous: string | null;
  /** The plan had been started before: its start date and progress are kept. */
  resumed: boolean;
  start: LocalDate;
  /** `ended`: past its calendar end with tasks open (`finished` once every task is done). */
  status: Standing;
  day: number;
  /** When the plan switched to is paused: the date its pause began. */
  pausedSince: LocalDate | null;
  progress: { done: number; total: number };
  /** Days behind its schedule (negative: ahead), as `prep today` counts them, after the end too. */
  behind: number;
  /**
   * The start it had, dropped: nothing was ever done in the plan since that day, so it starts
   * over today (with no --start). Checklist ticks do not count as beginning it.
   */
  restartedFrom: LocalDate | null;
  /** A new start that puts the plan's weekend days on weekdays (its day 1 is a weekday): the next start that does not. */
  misaligned: Misalignment | null;
}

/**
 * Whether switching to `planId` begins it today: `true` for a plan never started, `{ from }` for
 * one switched away from before anything was done in it (coming back weeks later is day 1, not
 * "21 days behind"), `false` for one that resumes.
 */
function beginsAgain(state: Pick<StudyState, 'plans' | 'activePlan' | 'log'>, planId: string, today: LocalDate): true | { from: LocalDate } | false {
  const kept = state.plans[planId];
  if (!kept) return true;
  if (state.activePlan !== planId && kept.start < today && !state.log.some((event) => event.plan === planId && event.kind === 'done')) return { from: kept.start };
  return false;
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
  const start = options.start === undefined ? undefined : resolveStartArg(options.start, today);
  // A plan begun today (new, or never begun since its start) may wait for its weekday: asked before the lock.
  const fresh = start === undefined && (!before || beginsAgain(before, plan.id, today) !== false) ? await chooseStart(plan, today, ctx) : today;

  const { path } = await findCatalogEntry(plan.id, ctx);
  let resumed = false;
  let restartedFrom: LocalDate | null = null;
  const { state } = await ctx.store.update((current) => {
    // Checked under the lock: a \`plan remove\` at the same moment either ran first or waits.
    if (!ctx.files.exists(path)) throw new UsageError(`the plan ${plan.id} was removed while switching to it`, '`prep plan list` shows the plans there are.');
    const again = beginsAgain(current, plan.id, today);
    const switching = current.activePlan !== plan.id;
    resumed = false;
    restartedFrom = null;
    // A new start is a fresh run of the plan: its old pauses belong to the run before.
    const run = (from: LocalDate): Payload => ({ kind: 'start', date: today, plan: plan.id, start: from });
    const recorded: Payload[] = [];
    if (start !== undefined) recorded.push(run(start));
    else if (again === true) recorded.push(run(fresh));
    else if (again) {
      // Switched away before doing anything in it: coming back weeks later is day 1, not "21 days behind".
      restartedFrom = again.from;
      recorded.push(run(fresh));
    } else resumed = true;
    if (switching) recorded.push({ kind: 'switch', date: today, plan: plan.id });
    return recorded;
  });
  const clock = state.plans[plan.id]!;
  const planStart = clock.start;
  const days = planDays(plan);
  const where = position(clock, plan.days, today);
  const done = doneIn(state.log, plan.id, days);
  const progress = planProgress(days, done);
  return {
    plan: { id: plan.id, title: plan.title, days: plan.days },
    previous: before?.activePlan ?? null,
    resumed,
    start: planStart,
    status: standing(where, progress),
    day: where.day,
    pausedSince: where.pausedSince,
    progress,
    behind: lagBehind(days, where, done),
    restartedFrom,
    misaligned: resumed ? null : misalignment(plan.startsOn, planStart, today),
  };
}

export default defineCommand({
  name: 'plan switch',
  summary: 'make another plan the active one; each plan keeps its own start date and progress',
  arguments: [{ syntax: '[plan]', description: 'a plan id or a unique prefix; on a terminal, leave it out to pick from a list', complete: completePlans }],
  options: [{ flags: '--start <date>', description: 'the plan\'s day 1: today, yesterday, YYYY-MM-DD or a weekday (monday: that day or the next; next-monday) (default: kept, or today for a new plan)' }],
  examples: ['prep plan switch 90-day', 'prep plan switch 6 --start 2026-03-02', 'prep plan switch 6-week --start monday   # a plan whose day 1 is a Monday', 'prep plan switch'],
  run: planSwitch,
  render: 'plan-switch',
});
