// What most commands start from: the state, the effective "today", the active plan laid out by day.
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { catalog, DEFAULT_PLAN_ID, loadCatalogPlan, loadCurriculumFile, resolvePlanId } from '../curriculum/read.js';
import type { Plan } from '../curriculum/types.js';
import { StateError, UsageError } from '../errors.js';
import { resolveDateArg, studyDate, type LocalDate } from '../schedule/dates.js';
import { planDays, type PlanDay } from '../schedule/plan-days.js';
import { position, type Position } from '../schedule/progress.js';
import type { PlanClock } from '../schedule/clock.js';
import { planStreak, type Streak } from '../schedule/streak.js';
import { emptyState, type State } from '../state/schema.js';
import { misalignmentText } from '../render/alignment.js';
import { misalignment } from '../schedule/calendar.js';
import { planChoices, planSummaries } from './plan-choices.js';

/** An id (or unique prefix) from the catalog, or the path of a curriculum file. */
export async function findPlan(idOrPath: string, ctx: Context): Promise<Plan> {
  if (/[\\/]|\.md$/i.test(idOrPath) && ctx.files.exists(resolve(ctx.cwd, idOrPath))) return loadCurriculumFile(resolve(ctx.cwd, idOrPath), ctx.paths.cacheDir);
  return loadCatalogPlan(await findCatalogEntry(idOrPath, ctx), ctx.paths.cacheDir);
}

export async function findCatalogEntry(idOrPrefix: string, ctx: Context) {
  const entries = await catalog(ctx.curriculaDirs);
  const id = resolvePlanId(idOrPrefix, entries.map((e) => e.id));
  return entries.find((e) => e.id === id)!;
}

/** The real study date (clock and day start) and the effective one (`--date`). */
export function dates(ctx: Context, state: State | undefined): { realToday: LocalDate; today: LocalDate } {
  const realToday = studyDate(ctx.now, state?.settings.dayStart ?? 0);
  return { realToday, today: resolveDateArg(ctx.dateArg, realToday) };
}

/** Commands that record activity refuse future dates: a log of the future would fake a streak. */
export function refuseFuture(today: LocalDate, realToday: LocalDate): void {
  if (today > realToday) {
    throw new UsageError(`cannot record activity on ${today}, a date in the future (today is ${realToday})`, 'Use --date only for today or a past date; `prep today --date DATE` previews a day without recording anything.');
  }
}

export interface Session {
  state: State;
  today: LocalDate;
  realToday: LocalDate;
  plan: Plan;
  days: PlanDay[];
  clock: PlanClock;
  position: Position;
  /** Writes `change` to the state, with the first run's start when this run began the plan. */
  update(change: (draft: State) => void | false): Promise<State>;
}

/**
 * The active plan and where today falls in it. With no state yet, a plan starts today and that is
 * said on stderr: on a terminal the one the user picks, else the default plan. It is written at
 * once by `prep today` ('read'), but by a command that records something ('record') only together
 * with what it records, so a refused command, or a preview of a future day, writes nothing.
 */
export async function openSession(ctx: Context, mode: 'read' | 'record' = 'read'): Promise<Session> {
  let state = ctx.store.read();
  const { realToday, today } = dates(ctx, state);
  if (mode === 'record') refuseFuture(today, realToday);
  let pending: ((draft: State) => void) | undefined;
  if (!state?.activePlan) {
    const defaultId = state?.settings.defaultPlan ?? DEFAULT_PLAN_ID;
    // Asked only on the run that writes the start: a preview of a future day writes nothing, so it asks nothing.
    const writes = mode === 'record' || today <= realToday;
    const plan = await findPlan(writes && ctx.interactive ? await askFirstPlan(ctx, state, defaultId, today === realToday ? 'today' : `on ${today}`) : defaultId, ctx);
    const start = (draft: State) => {
      draft.activePlan ??= plan.id;
      draft.plans[plan.id] ??= { start: today, paused: [] };
    };
    const miss = misalignment(plan.startsOn, today, today);
    const notice = `Started the plan ${plan.id} (${plan.title}) on ${today}. \`prep plan list\` shows the others; \`prep plan switch ID\` changes plan.${miss ? ` ${misalignmentText(plan.id, miss)}` : ''}`;
    if (mode === 'read' && today <= realToday) {
      state = await ctx.store.update(start);
      ctx.notify(notice);
    } else {
      state = structuredClone(state ?? emptyState(DEFAULT_PLAN_ID));
      start(state);
      if (mode === 'record') {
        pending = (draft) => {
          start(draft);
          ctx.notify(notice);
        };
      }
    }
  }
  const plan = await activePlan(state.activePlan!, ctx);
  const clock = state.plans[plan.id] ?? { start: today, paused: [] };
  const days = planDays(plan);
  const update = (change: (draft: State) => void | false) =>
    ctx.store.update((draft) => {
      pending?.(draft);
      // A change that turns out to change nothing writes nothing, not even the first run's start.
      return change(draft);
    });
  return { state, today, realToday, plan, days, clock, position: position(clock, plan.days, today), update };
}

/** The first run on a terminal: which plan to start, the default one preselected. */
async function askFirstPlan(ctx: Context, state: State | undefined, defaultId: string, when: string): Promise<string> {
  const plans = await planSummaries(ctx, state);
  if (plans.length < 2) return defaultId;
  const preselected = plans.some((plan) => plan.id === defaultId) ? defaultId : undefined;
  return ctx.ask.select(`Which plan do you want to start ${when}?`, planChoices(plans, ctx.columns, false), preselected);
}

/** The state's active plan; one that no longer exists is a broken state (exit 1), not bad input. */
async function activePlan(id: string, ctx: Context): Promise<Plan> {
  try {
    return await findPlan(id, ctx);
  } catch (caught) {
    if (!(caught instanceof UsageError)) throw caught;
    throw new StateError(`the active plan "${id}" in ${ctx.paths.stateFile} is not among the plans`, 'Pick another with `prep plan switch ID` (`prep plan list` shows them); its progress stays in the state file.');
  }
}

/** Streak over every plan's log, bridged by rest days and paused dates. */
export function streakOf(session: Pick<Session, 'state' | 'days' | 'clock'>, asOf: LocalDate): Streak {
  return planStreak(session.state, session.days, session.clock, asOf);
}


/** A step that destroys something: asked on a terminal; without one (or with --no-input) it needs --yes. */
export async function confirmed(ctx: Context, yes: boolean | undefined, question: string, refusal: UsageError): Promise<boolean> {
  if (yes) return true;
  if (!ctx.interactive) throw refusal;
  return ctx.ask.confirm(question);
}
