// The fold: what every view shows, from the set of events in every device's file. It sorts them by
// stamp, counts each event once, and applies them in that order; so the result depends only on the
// set: not on the order files are read, nor on copies (commutative, associative, idempotent).
// Intents that conflict (two devices switch plan, or start one, on the same day) resolve by stamp,
// the same way everywhere. An intent that no longer fits when its turn comes (a pause of a plan
// already paused on the other machine) changes nothing, as the command would have refused it.
import type { Pause } from '../schedule/clock.js';
import type { LocalDate } from '../schedule/dates.js';
import type { StoredSchedule } from '../schedule/schedule-view.js';
import { planMap, type PlanState, type StateEvent } from '../state/schema.js';
import { compareStamps, type Stamp } from './hlc.js';
import { isKnown, stampOf, type KnownEvent, type LogEvent, type TickEvent } from './events.js';
import { applyReview, emptyReviewFold, reviewViewOf, type ReviewFold, type ReviewView } from './fold-review.js';

/** The fold as it goes: what has been applied so far. Mutable; `viewOf` makes the views' copy. */
export interface FoldState {
  activePlan: string | null;
  plans: Map<string, PlanState>;
  rest: Set<LocalDate>;
  /**
   * The last tick of each task and checklist item (of each plan), ordered so that replayed it gives
   * what the whole log gives, in the same order: the views' log grows with the plan, not the years.
   */
  ticks: Map<string, StateEvent>;
  /** The text of each curriculum added with `plan add`, by plan id; gone once removed. */
  curricula: Map<string, string>;
  /** Notes, cards added on demand and grades (src/log/fold-review.ts). */
  review: ReviewFold;
  /** Each plan's deadline. */
  deadlines: Map<string, LocalDate>;
  /** Each plan's rebalanced schedules, the one in force last; the ones before it are what `--undo` returns to. */
  schedules: Map<string, ActiveSchedule[]>;
  devices: Map<string, { last: Stamp; events: number }>;
  /** The last event applied: every later one must sort after it. */
  last: Stamp | null;
  events: number;
}

/** A plan's schedule from a rebalance: the event's id (what an undo names), its date, the schedule. */
export interface ActiveSchedule extends StoredSchedule {
  id: string;
  date: LocalDate;
}

/** How many schedules of a plan are kept for `--undo` to go back through, the one in force too. */
export const SCHEDULES_KEPT = 8;

/** What the views consume: the state file's shape without its settings, and what the log adds. */
export interface LogView {
  activePlan: string | null;
  plans: Record<string, PlanState>;
  /** Declared rest days, in date order. */
  rest: LocalDate[];
  /** One entry for each task and item ever ticked: its last tick, in the order they happened. */
  log: StateEvent[];
  curricula: Record<string, string>;
  /** Notes by plan, day and task; cards added on demand; each card's grades in stamp order. */
  review: ReviewView;
  /** Each plan's deadline. */
  deadlines: Record<string, LocalDate>;
  /** Each rebalanced plan's schedule in force, and how many earlier ones `--undo` can go back through (0: to the plan's calendar). */
  schedules: Record<string, ActiveSchedule & { earlier: number }>;
  /** Every device seen: its last event and how many it wrote. */
  devices: Record<string, { last: Stamp; events: number }>;
  last: Stamp | null;
  /** Events folded, each copy counted once. */
  events: number;
}

export function emptyFold(): FoldState {
  return { activePlan: null, plans: new Map(), rest: new Set(), ticks: new Map(), curricula: new Map(), review: emptyReviewFold(), deadlines: new Map(), schedules: new Map(), devices: new Map(), last: null, events: 0 };
}

/** Events in stamp order (ties by device, then id). */
export function compareEvents(a: LogEvent, b: LogEvent): number {
  return compareStamps(stampOf(a), stampOf(b)) || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);
}

/** A stable text of an event, keys sorted: decides between two different events of one stamp and id (damage). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

/** The events sorted, each stamp and id once: of two that differ (damage), the same one everywhere. */
export function sortUnique(events: Iterable<LogEvent>): LogEvent[] {
  const sorted = [...events].sort(compareEvents);
  const unique: LogEvent[] = [];
  for (const event of sorted) {
    const previous = unique.at(-1);
    if (previous === undefined || compareEvents(previous, event) !== 0) unique.push(event);
    else if (canonical(event) < canonical(previous)) unique[unique.length - 1] = event;
  }
  return unique;
}

/** The key of a task's (or item's) ticks: a plan, a family and an id, none of which can hold U+0000. */
export const tickKey = (plan: string, family: 'task' | 'item', task: string) => `${plan}\u0000${family}\u0000${task}`;
export const familyOf = (kind: TickEvent['kind']) => (kind === 'done' || kind === 'undo' ? 'task' : 'item');

const isOff = (kind: TickEvent['kind']) => kind === 'undo' || kind === 'uncheck';

function applyTick(state: FoldState, event: TickEvent): void {
  const key = tickKey(event.plan, familyOf(event.kind), event.task);
  const entry: StateEvent = { at: event.at ?? new Date(event.hlc[0]).toISOString(), date: event.date, plan: event.plan, kind: event.kind, id: event.task };
  if (event.day !== undefined) entry.day = event.day;
  if (event.text !== undefined) entry.text = event.text;
  // In the order a replay of the whole log would put them: a task done again keeps its place, one
  // done after an undo goes last (a Map's set and delete), as reconciling orphans goes in that order.
  const previous = state.ticks.get(key);
  if (previous === undefined || isOff(previous.kind) || isOff(entry.kind)) state.ticks.delete(key);
  state.ticks.set(key, entry);
}

/** The plan's clock with a pause begun on `from`, or unchanged when one cannot begin then. */
function paused(plan: PlanState, from: LocalDate): Pause[] {
  const last = plan.paused.at(-1);
  if (last && (last.resume === undefined || from < last.resume)) return plan.paused;
  return [...plan.paused, { from }];
}

/** The plan's pauses resumed on `on` (a pause of no days forgotten), or unchanged when none is open then. */
function resumed(plan: PlanState, on: LocalDate): Pause[] {
  const open = plan.paused.at(-1);
  if (!open || open.resume !== undefined || on < open.from) return plan.paused;
  return on === open.from ? plan.paused.slice(0, -1) : [...plan.paused.slice(0, -1), { from: open.from, resume: on }];
}

function apply(state: FoldState, event: KnownEvent): void {
  const plan = 'plan' in event && typeof event.plan === 'string' ? state.plans.get(event.plan) : undefined;
  switch (event.kind) {
    case 'done':
    case 'undo':
    case 'check':
    case 'uncheck':
      return applyTick(state, event);
    case 'start':
      if (event.first && plan) return;
      state.plans.set(event.plan, { start: event.start, paused: [] });
      state.schedules.delete(event.plan); // a new run goes by its calendar
      return;
    case 'switch':
      if (!(event.first && state.activePlan !== null)) state.activePlan = event.plan;
      return;
    case 'pause':
      if (plan) state.plans.set(event.plan, { ...plan, paused: paused(plan, event.from) });
      return;
    case 'resume':
      if (plan) state.plans.set(event.plan, { ...plan, paused: resumed(plan, event.on) });
      return;
    case 'catch-up':
      if (plan && plan.start === event.from) {
        state.plans.set(event.plan, { ...plan, start: event.start });
        state.schedules.delete(event.plan); // a catch-up replaces a rebalance
      }
      return;
    case 'deadline':
      if (event.on === null) state.deadlines.delete(event.plan);
      else state.deadlines.set(event.plan, event.on);
      return;
    case 'rebalance': {
      const { id, date, from, until, capacity, slices } = event;
      const kept = state.schedules.get(event.plan) ?? [];
      state.schedules.set(event.plan, [...kept.slice(1 - SCHEDULES_KEPT), { id, date, from, until, capacity, slices }]);
      return;
    }
    case 'rebalance-undo': {
      const kept = state.schedules.get(event.plan);
      // Only the schedule in force is taken back: an undo of one already replaced changes nothing.
      if (kept?.at(-1)?.id !== event.of) return;
      if (kept.length === 1) state.schedules.delete(event.plan);
      else state.schedules.set(event.plan, kept.slice(0, -1));
      return;
    }
    case 'rest':
      state.rest.add(event.on);
      return;
    case 'rest-undo':
      state.rest.delete(event.on);
      return;
    case 'plan-file':
      state.curricula.set(event.plan, event.text);
      return;
    case 'plan-remove':
      state.curricula.delete(event.plan);
      return;
    case 'import':
      // A replacing import sets aside the state before it (the events stay in the files).
      if (event.replace) {
        state.activePlan = null;
        state.plans.clear();
        state.rest.clear();
        state.ticks.clear();
        state.review = emptyReviewFold();
        state.deadlines.clear();
        state.schedules.clear();
      }
      return;
    case 'note':
    case 'note-edit':
    case 'note-remove':
    case 'review-add':
    case 'grade':
      return applyReview(state.review, event);
  }
}

/** Applies events already sorted and unique, each after `state.last`, in place; returns `state`. */
export function foldInto(state: FoldState, sorted: readonly LogEvent[]): FoldState {
  for (const event of sorted) {
    const stamp = stampOf(event);
    if (state.last !== null && compareStamps(stamp, state.last) < 0) throw new Error('fold: an event sorts before one already applied');
    if (isKnown(event)) apply(state, event);
    const device = state.devices.get(event.dev);
    if (device) {
      device.last = stamp;
      device.events++;
    } else state.devices.set(event.dev, { last: stamp, events: 1 });
    state.last = stamp;
    state.events++;
  }
  return state;
}

/** The views' copy of a fold: plain records (plans without a prototype), nothing shared with `state`. */
export function viewOf(state: FoldState): LogView {
  const byId = <T>(entries: Iterable<[string, T]>) => {
    const record = Object.create(null) as Record<string, T>;
    for (const [id, value] of entries) record[id] = value;
    return record;
  };
  return {
    activePlan: state.activePlan,
    plans: planMap([...state.plans].map(([id, plan]) => [id, { start: plan.start, paused: plan.paused.map((p) => ({ ...p })) }])),
    rest: [...state.rest].sort(),
    log: [...state.ticks.values()].map((entry) => ({ ...entry })),
    curricula: byId(state.curricula),
    review: reviewViewOf(state.review),
    deadlines: byId(state.deadlines),
    schedules: byId([...state.schedules].map(([id, kept]) => [id, { ...kept.at(-1)!, slices: kept.at(-1)!.slices.map((s) => [...s] as [number, number, number]), earlier: kept.length - 1 }])),
    devices: byId([...state.devices].map(([id, device]) => [id, { last: { ...device.last }, events: device.events }])),
    last: state.last && { ...state.last },
    events: state.events,
  };
}

/** What every view shows, from any collection of events: a function of the set alone. */
export function fold(events: Iterable<LogEvent>): LogView {
  return viewOf(foldInto(emptyFold(), sortUnique(events)));
}
