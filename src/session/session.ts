// What most commands start from: the state, the effective "today", the active plan laid out by day.
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { catalog, loadCatalogPlan, loadCurriculumFile, resolvePlanId } from '../curriculum/read.js';
import type { Plan } from '../curriculum/types.js';
import { StateError, UsageError } from '../errors.js';
import { resolveDateArg, studyDate, type LocalDate } from '../schedule/dates.js';
import { planDays, type PlanDay } from '../schedule/plan-days.js';
import { position, type Position } from '../schedule/progress.js';
import type { PlanClock } from '../schedule/clock.js';
import { planStreak, type Streak } from '../schedule/streak.js';
import type { Payload } from '../log/events.js';
import { planMap, type PlanState } from '../state/schema.js';
import { emptyView, type Recorded, type StudyState } from '../state/study-store.js';
import { misalignmentText } from '../render/alignment.js';
import { misalignment } from '../schedule/calendar.js';
import { chooseStart } from './aligned-start.js';
import { coachOf } from './coach.js';
import { freeDates } from './due-today.js';
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
export function dates(ctx: Context, state: StudyState | undefined): { realToday: LocalDate; today: LocalDate } {
  const realToday = studyDate(ctx.now, (state ?? ctx.store).settings.dayStart);
  return { realToday, today: resolveDateArg(ctx.dateArg, realToday) };
}

/** Commands that record activity refuse future dates: a log of the future would fake a streak. */
export function refuseFuture(today: LocalDate, realToday: LocalDate): void {
  if (today > realToday) {
    throw new UsageError(`cannot record activity on ${today}, a date in the future (today is ${realToday})`, 'Use --date only for today or a past date; `prep today --date DATE` previews a day without recording anything.');
  }
}

export interface Session {
  state: StudyState;
  today: LocalDate;
  realToday: LocalDate;
  plan: Plan;
  days: readonly PlanDay[];
  clock: PlanClock;
  position: Position;
  /**
   * Records what `decide` returns, decided on the state read under the lock, together with the
   * first run's start when this run began the plan (nothing at all when `decide` records nothing).
   */
  update(decide: (state: StudyState) => readonly Payload[] | false): Promise<Recorded>;
}

/** What a first run records: `plan` started on `start` (today, or the aligned start picked), and active; each only if nothing was there (another run's first). */
function firstRun(plan: string, today: LocalDate, start: LocalDate): Payload[] {
  return [
    { kind: 'start', date: today, plan, start, first: true },
    { kind: 'switch', date: today, plan, first: true },
  ];
}

/** `state` as a first run of `plan` on `today` leaves it (what `firstRun` folds to). */
function withFirstRun(state: StudyState, plan: string, start: LocalDate): StudyState {
  const active = state.activePlan ?? plan;
  if (state.activePlan === active && state.plans[active]) return state;
  return { ...state, activePlan: active, plans: planMap([...Object.entries(state.plans), ...(state.plans[active] ? [] : [[active, { start, paused: [] }] as [string, PlanState]])]) };
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
  let pending: string | undefined;
  let notice: string | undefined;
  let start = today;
  if (!state?.activePlan) {
    const defaultId = (state ?? ctx.store).settings.defaultPlan;
    // Asked only on the run that writes the start: a preview of a future day writes nothing, so it asks nothing.
    const writes = mode === 'record' || today <= realToday;
    const plan = await findPlan(writes && ctx.interactive ? await askFirstPlan(ctx, state, defaultId, today === realToday ? 'today' : `on ${today}`) : defaultId, ctx);
    // On a terminal, a plan whose day 1 is another weekday offers the start that keeps its weekdays.
    if (writes && ctx.interactive) start = await chooseStart(plan, today, ctx);
    const miss = start === today ? misalignment(plan.startsOn, today, today) : null;
    notice = `Started the plan ${plan.id} (${plan.title}) on ${start}. \`prep plan list\` shows the others; \`prep plan switch ID\` changes plan.${miss ? ` ${misalignmentText(plan.id, miss)}` : ''}`;
    if (mode === 'read' && today <= realToday) {
      const recorded = await ctx.store.update((current) => (current.activePlan ? false : firstRun(plan.id, today, start)));
      state = recorded.state;
      if (recorded.appended.length > 0) ctx.notify(notice);
    } else {
      state = withFirstRun(state ?? { ...emptyView(), settings: ctx.store.settings }, plan.id, start);
      pending = plan.id;
    }
  } else if (mode === 'record' && !state.plans[state.activePlan]) pending = state.activePlan; // an active plan with no start yet: it starts today
  const plan = await activePlan(state.activePlan!, ctx);
  const clock = state.plans[plan.id] ?? { start: today, paused: [] };
  const days = planDays(plan);
  const update = async (decide: (state: StudyState) => readonly Payload[] | false) => {
    let started = false;
    const recorded = await ctx.store.update((current) => {
      // Decided again under the lock: another run may have started the plan meanwhile.
      const first = pending !== undefined && (!current.activePlan || !current.plans[current.activePlan]);
      const payloads = decide(first ? withFirstRun(current, pending!, start) : current);
      // A change that turns out to change nothing writes nothing, not even the first run's start.
      if (payloads === false || payloads.length === 0) return false;
      started = first && !current.activePlan;
      return first ? [...firstRun(current.activePlan ?? pending!, today, start), ...payloads] : payloads;
    });
    if (started && notice && recorded.appended.length > 0) ctx.notify(notice);
    return recorded;
  };
  return { state, today, realToday, plan, days, clock, position: position(clock, plan.days, today), update };
}

/** The first run on a terminal: which plan to start, the default one preselected. */
async function askFirstPlan(ctx: Context, state: StudyState | undefined, defaultId: string, when: string): Promise<string> {
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
    throw new StateError(`the active plan "${id}" is not among the plans`, 'Pick another with `prep plan switch ID` (`prep plan list` shows them); its progress stays in your log.');
  }
}

/** Streak over every plan's log, bridged by rest days, paused dates and the dates a rebalanced schedule gives no work. */
export function streakOf(session: Pick<Session, 'state' | 'plan' | 'days' | 'clock'>, asOf: LocalDate): Streak {
  const { plan, days, state } = session;
  // The schedule's dates do not depend on what is done: its free dates are worked out without it.
  // Without a schedule there are none, and the plan's work need not be laid out.
  const view = state.schedules[plan.id] ? coachOf(plan, days, new Set(), { end: asOf }, state).view : undefined;
  return planStreak(state, days, session.clock, asOf, view ? freeDates(view, asOf) : []);
}


/** A step that destroys something: asked on a terminal; without one (or with --no-input) it needs --yes. */
export async function confirmed(ctx: Context, yes: boolean | undefined, question: string, refusal: UsageError): Promise<boolean> {
  if (yes) return true;
  if (!ctx.interactive) throw refusal;
  return ctx.ask.confirm(question);
}
