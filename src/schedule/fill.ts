// The scheduler's engine: the open work, in plan order, poured onto dates, each date up to its
// capacity times one factor. A unit goes on the earliest date it may take (its weekday kind, for a
// plan aligned to weekdays; capacity left), after the date the unit before it ended on: a date may
// carry several units, a unit may run over several dates, and a date whose kind the next unit does
// not take stays lighter. Earliest-fit keeps the order and gives the earliest end for the factor;
// the factor (below 1: lighter days, up to a later date) is chosen by rebalance.ts.
import type { WorkUnit } from './work.js';

/** The dates to fill: capacity (0 for a date skipped or off) and kind, index 0 the first date. */
export interface Slots {
  capacity: number[];
  weekend: boolean[];
}

/** One unit's hours on one date: [from, to) of the unit's open hours. */
export interface Pour {
  unit: number;
  slot: number;
  from: number;
  to: number;
}

export interface FillResult {
  /** Every part placed, in order; only when asked for. */
  pours: Pour[];
  /** The first unit not wholly placed, and how much of its open hours were; `units.length` when all were. */
  stopped: { unit: number; at: number };
  /** The last slot used, or -1. */
  last: number;
}

/** Less than this is no overflow: a minute. */
export const SLACK = 1 / 60;
/** No part of a unit shorter than this is begun at the end of a date (a quarter hour, or half the date). */
const MIN_PART = 0.25;

/** The open hours of each unit. */
export const openHours = (unit: WorkUnit): number => unit.tasks.reduce((sum, t) => sum + (t.done ? 0 : t.hours), 0);

const hasOpen = (unit: WorkUnit) => unit.tasks.some((t) => !t.done);

/**
 * Pours `units` (their open tasks) onto `slots` at `factor` times their capacity; `record` keeps
 * each part. Stops at the first unit that does not fit before the slots run out.
 */
export function fill(units: readonly WorkUnit[], open: readonly number[], slots: Slots, factor: number, record: boolean): FillResult {
  const pours: Pour[] = [];
  const count = slots.capacity.length;
  let slot = 0;
  let left = (slots.capacity[0] ?? 0) * factor;
  let last = -1;
  const advance = () => {
    slot++;
    left = (slots.capacity[slot] ?? 0) * factor;
  };
  for (let u = 0; u < units.length; u++) {
    const unit = units[u]!;
    if (!hasOpen(unit)) continue;
    const need = open[u]!;
    let at = 0;
    for (;;) {
      // The earliest date this unit may take.
      while (slot < count && (slots.capacity[slot]! <= 0 || (unit.weekend !== undefined && slots.weekend[slot] !== unit.weekend))) advance();
      if (slot >= count) return { pours, stopped: { unit: u, at }, last };
      const rest = need - at;
      if (rest <= left + SLACK) {
        if (record) pours.push({ unit: u, slot, from: at, to: need });
        left -= rest;
        last = slot;
        break;
      }
      const smallest = Math.min(MIN_PART, (slots.capacity[slot]! * factor) / 2);
      if (left >= smallest) {
        if (record) pours.push({ unit: u, slot, from: at, to: at + left });
        at += left;
        last = slot;
      }
      advance();
    }
  }
  return { pours, stopped: { unit: units.length, at: 0 }, last };
}

/** Whether everything fits at `factor`. */
export const fits = (units: readonly WorkUnit[], open: readonly number[], slots: Slots, factor: number): boolean => fill(units, open, slots, factor, false).stopped.unit === units.length;

/**
 * The smallest factor, in hundredths from `low` to `high`, at which everything fits, or undefined
 * when it does not fit even at `high`. Hundredths keep the hours of a spread schedule plain.
 */
export function smallestFit(units: readonly WorkUnit[], open: readonly number[], slots: Slots, low: number, high: number): number | undefined {
  let lo = Math.max(0, Math.floor(low * 100));
  let hi = Math.ceil(high * 100);
  if (!fits(units, open, slots, hi / 100)) return undefined;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(units, open, slots, mid / 100)) hi = mid;
    else lo = mid;
  }
  return hi / 100;
}
