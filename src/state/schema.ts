// The state file's shape, and the pure functions that derive progress from its event log.
import type { Pause } from '../schedule/clock.js';
import type { LocalDate } from '../schedule/dates.js';

/** Version 2 added `paused` to each plan (`prep pause` / `prep resume`); see migrations.ts. */
export const STATE_VERSION = 2;

export const EVENT_KINDS = ['done', 'undo', 'check', 'uncheck'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One thing the user did. Completions, checklist ticks and streaks are all replayed from these. */
export interface StateEvent {
  /** When it was recorded (ISO instant). */
  at: string;
  /** The study date it counts for: today, or the date given with --date. */
  date: LocalDate;
  plan: string;
  kind: EventKind;
  /** Task completion key, or checklist item id. */
  id: string;
  /** Plan day of the task, for reports. */
  day?: number;
  /** The task's words when it was done, so a completion whose task vanished can still be named. */
  text?: string;
}

export interface PlanState {
  start: LocalDate;
  /** Date ranges the plan's clock stood still, oldest first; at most the last is open. */
  paused: Pause[];
}

export interface Settings {
  /** Minutes past midnight when a new study day begins. */
  dayStart: number;
  defaultPlan: string;
  /** The format of the shell snippets' segment (`prep prompt --format` tokens). */
  promptFormat?: string;
  /** Spaced review: the desired retention (0.7–0.99) and the most cards to review a day. */
  reviewRetention?: number;
  reviewLimit?: number;
  /** Hours the user can study on each weekday, as formatCapacity writes them; absent: the plan's own. */
  capacity?: string;
}

export interface State {
  version: typeof STATE_VERSION;
  activePlan: string | null;
  plans: Record<string, PlanState>;
  /** Rest days declared with `prep rest`. */
  rest: LocalDate[];
  settings: Settings;
  log: StateEvent[];
}

export function emptyState(defaultPlan: string): State {
  return { version: STATE_VERSION, activePlan: null, plans: planMap(), rest: [], settings: { dayStart: 0, defaultPlan }, log: [] };
}

/** Plans by id with no prototype: a plan called `constructor` or `__proto__` finds itself, or nothing. */
export function planMap(entries: Iterable<[string, PlanState]> = []): Record<string, PlanState> {
  const plans = Object.create(null) as Record<string, PlanState>;
  for (const [id, plan] of entries) plans[id] = plan;
  return plans;
}

export interface Mark {
  date: LocalDate;
  day?: number;
  text?: string;
}

/** What is done now, per plan: the last event for each id wins. */
export function replay(log: readonly StateEvent[], plan: string, kinds: readonly [EventKind, EventKind]): Map<string, Mark> {
  const [on, off] = kinds;
  const marks = new Map<string, Mark>();
  for (const event of log) {
    if (event.plan !== plan) continue;
    if (event.kind === on) {
      const mark: Mark = { date: event.date };
      if (event.day !== undefined) mark.day = event.day;
      if (event.text !== undefined) mark.text = event.text;
      marks.set(event.id, mark);
    } else if (event.kind === off) marks.delete(event.id);
  }
  return marks;
}

export const completions = (log: readonly StateEvent[], plan: string) => replay(log, plan, ['done', 'undo']);
export const checklistTicks = (log: readonly StateEvent[], plan: string) => replay(log, plan, ['check', 'uncheck']);

/** Dates with at least one task completed and not undone, in any plan. */
export function studyDates(log: readonly StateEvent[]): Set<LocalDate> {
  const plans = new Set(log.map((e) => e.plan));
  const dates = new Set<LocalDate>();
  for (const plan of plans) for (const mark of completions(log, plan).values()) dates.add(mark.date);
  return dates;
}

/** Every id the plan's log names, done or undone: a reconciled completion never claims one of them. */
export function mentionedIds(log: readonly StateEvent[], plan: string): Set<string> {
  return new Set(log.filter((e) => e.plan === plan).map((e) => e.id));
}
