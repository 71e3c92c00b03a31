// A fold kept between runs: the state after every event up to a cut, and the events after it (the
// tail). New events that all sort after the cut fold onto it, in O(tail + new); one that sorts
// before it (a device synced late, an import of old events) cannot, and the caller folds
// everything again. The tail is the last two weeks of events, so a machine that syncs within
// that time never causes a refold.
import { MAX_COUNTER, MAX_WALL, compareStamps, type Stamp } from './hlc.js';
import { stampOf, type LogEvent, type TickEvent } from './events.js';
import { emptyFold, familyOf, foldInto, sortUnique, tickKey, viewOf, type FoldState, type LogView } from './fold.js';
import { cloneReviewFold, deserializeReview, serializeReview } from './fold-review.js';
import type { StateEvent } from '../state/schema.js';

export interface Checkpoint {
  /** Every event up to the cut, folded. */
  base: FoldState;
  /** The events after `base.last`, sorted, each once. */
  tail: LogEvent[];
}

export interface TailPolicy {
  /** Events this much older than the last one are folded into the base. */
  ms: number;
  /** At most this many events stay in the tail. */
  max: number;
}

export const TAIL: TailPolicy = { ms: 14 * 86_400_000, max: 1000 };

/** The checkpoint of events already sorted and unique: all but the tail folded. */
export function checkpointOf(sorted: readonly LogEvent[], policy: TailPolicy = TAIL): Checkpoint {
  return settle({ base: emptyFold(), tail: [...sorted] }, policy);
}

/** `checkpoint` with the tail's older events folded into its base (a new base; the old one is left). */
export function settle(checkpoint: Checkpoint, policy: TailPolicy = TAIL): Checkpoint {
  const { tail } = checkpoint;
  const lastWall = tail.at(-1)?.hlc[0] ?? 0;
  let cut = Math.max(0, tail.length - policy.max);
  while (cut < tail.length && tail[cut]!.hlc[0] <= lastWall - policy.ms) cut++;
  if (cut === 0) return checkpoint;
  return { base: foldInto(cloneFold(checkpoint.base), tail.slice(0, cut)), tail: tail.slice(cut) };
}

/** `checkpoint` with `fresh` events added, or undefined when one sorts at or before the cut. */
export function extend(checkpoint: Checkpoint, fresh: readonly LogEvent[]): Checkpoint | undefined {
  if (fresh.length === 0) return checkpoint;
  const cut = checkpoint.base.last;
  if (cut !== null && fresh.some((event) => compareStamps(stampOf(event), cut) <= 0)) return undefined;
  return { base: checkpoint.base, tail: sortUnique([...checkpoint.tail, ...fresh]) };
}

/** What the views show of a checkpoint. */
export function checkpointView(checkpoint: Checkpoint): LogView {
  return viewOf(foldInto(cloneFold(checkpoint.base), checkpoint.tail));
}

/** The last stamp of a checkpoint: the base's, or the tail's. */
export function lastStamp(checkpoint: Checkpoint): Stamp | null {
  const event = checkpoint.tail.at(-1);
  return event ? stampOf(event) : checkpoint.base.last;
}

/** A copy to fold on, sharing nothing that folding changes. */
export function cloneFold(state: FoldState): FoldState {
  return {
    activePlan: state.activePlan,
    plans: new Map(state.plans),
    rest: new Set(state.rest),
    ticks: new Map(state.ticks),
    curricula: new Map(state.curricula),
    review: cloneReviewFold(state.review),
    deadlines: new Map(state.deadlines),
    schedules: new Map(state.schedules), // each plan's list is replaced, never changed, by the fold
    devices: new Map([...state.devices].map(([id, device]) => [id, { ...device }])),
    last: state.last,
    events: state.events,
  };
}

type StampTuple = [wall: number, counter: number, device: string];
const tupleOf = (stamp: Stamp): StampTuple => [stamp.wall, stamp.counter, stamp.device];

/** A fold as JSON data, for the snapshot in the cache directory. */
export function serializeFold(state: FoldState): unknown {
  return {
    activePlan: state.activePlan,
    plans: [...state.plans],
    rest: [...state.rest],
    ticks: [...state.ticks.values()],
    curricula: [...state.curricula],
    review: serializeReview(state.review),
    deadlines: [...state.deadlines],
    schedules: [...state.schedules],
    devices: [...state.devices].map(([id, device]) => [id, tupleOf(device.last), device.events]),
    last: state.last && tupleOf(state.last),
    events: state.events,
  };
}

/** Why a snapshot's data is not a fold: it is then folded again, never trusted. */
export class StaleSnapshot extends Error {}

const fail = (what: string): never => {
  throw new StaleSnapshot(what);
};
const array = (value: unknown, what: string): unknown[] => (Array.isArray(value) ? value : fail(what));
const stampFrom = (value: unknown): Stamp => {
  const [wall, counter, device] = array(value, 'a stamp');
  if (typeof wall !== 'number' || wall < 0 || wall > MAX_WALL || typeof counter !== 'number' || counter < 0 || counter > MAX_COUNTER || typeof device !== 'string') fail('a stamp');
  return { wall: wall as number, counter: counter as number, device: device as string };
};
const text = (value: unknown, what: string): string => (typeof value === 'string' ? value : fail(what));

const TICK_KINDS = new Set<unknown>(['done', 'undo', 'check', 'uncheck']);

/** The fold in a snapshot's data; throws StaleSnapshot for anything that is not one. */
export function deserializeFold(raw: unknown): FoldState {
  if (typeof raw !== 'object' || raw === null) fail('no fold');
  const data = raw as Record<string, unknown>;
  const state = emptyFold();
  state.activePlan = data.activePlan === null ? null : text(data.activePlan, 'the active plan');
  for (const entry of array(data.plans, 'plans')) {
    const [id, plan] = array(entry, 'a plan') as [unknown, { start?: unknown; paused?: unknown }];
    const paused = array(plan?.paused, 'pauses').map((p) => {
      const { from, resume } = (p ?? {}) as { from?: unknown; resume?: unknown };
      return resume === undefined ? { from: text(from, 'a pause') } : { from: text(from, 'a pause'), resume: text(resume, 'a pause') };
    });
    state.plans.set(text(id, 'a plan id'), { start: text(plan.start, 'a start'), paused });
  }
  for (const date of array(data.rest, 'rest')) state.rest.add(text(date, 'a rest day'));
  for (const entry of array(data.ticks, 'ticks')) {
    // Written by prep from checked events, in a directory of the user's alone: its shape is checked, not each date again.
    const tick = entry as StateEvent;
    if (typeof tick !== 'object' || tick === null || !TICK_KINDS.has(tick.kind) || typeof tick.plan !== 'string' || typeof tick.id !== 'string' || typeof tick.date !== 'string' || typeof tick.at !== 'string') fail('a tick');
    state.ticks.set(tickKey(tick.plan, familyOf(tick.kind as TickEvent['kind']), tick.id), tick);
  }
  for (const entry of array(data.curricula, 'curricula')) {
    const [id, body] = array(entry, 'a curriculum');
    state.curricula.set(text(id, 'a plan id'), text(body, 'a curriculum'));
  }
  state.review = deserializeReview(data.review) ?? fail('notes and grades');
  for (const entry of array(data.deadlines, 'deadlines')) {
    const [id, date] = array(entry, 'a deadline');
    state.deadlines.set(text(id, 'a plan id'), text(date, 'a deadline'));
  }
  for (const entry of array(data.schedules, 'schedules')) {
    const [id, kept] = array(entry, 'a plan\'s schedules');
    const schedules = array(kept, 'schedules').map((raw) => {
      const s = (raw ?? {}) as Record<string, unknown>;
      const slices = array(s.slices, 'a schedule').map((slice) => {
        const parts = array(slice, 'a part of a schedule');
        if (parts.length !== 3 || !parts.every((n) => typeof n === 'number')) fail('a part of a schedule');
        return parts as [number, number, number];
      });
      return { id: text(s.id, 'a schedule'), date: text(s.date, 'a schedule'), from: text(s.from, 'a schedule'), until: text(s.until, 'a schedule'), capacity: text(s.capacity, 'a schedule'), slices };
    });
    if (schedules.length > 0) state.schedules.set(text(id, 'a plan id'), schedules);
  }
  for (const entry of array(data.devices, 'devices')) {
    const [id, last, events] = array(entry, 'a device');
    if (typeof events !== 'number') fail('a device');
    state.devices.set(text(id, 'a device'), { last: stampFrom(last), events: events as number });
  }
  state.last = data.last === null ? null : stampFrom(data.last);
  if (typeof data.events !== 'number') fail('a count');
  state.events = data.events as number;
  return state;
}
