// Hybrid logical clock stamps: the order of the study log's events on every device. A stamp is the
// wall clock in ms, a counter and the device; compared in that order they are totally ordered. A
// device's clock never runs backwards and, after `receive`-ing what it read, stamps its own next
// action after everything it has seen, even when its wall clock is behind the others'. Pure.

export interface Stamp {
  /** Wall-clock ms, or later: a clock that has seen a later stamp keeps to it. */
  wall: number;
  /** Orders stamps of the same ms. */
  counter: number;
  device: string;
}

/** A device's clock is the last stamp it issued or saw. */
export type Clock = Stamp;

/** The last instant a Date can hold; a stamp past it is damage. */
export const MAX_WALL = 8_640_000_000_000_000;
export const MAX_COUNTER = 0xffff_ffff;

/** Negative when `a` comes first; 0 only for equal stamps. Devices compare by UTF-16 units, as everywhere. */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.device === b.device) return 0;
  return a.device < b.device ? -1 : 1;
}

/** A clock that has seen nothing yet. */
export function startClock(device: string): Clock {
  return { wall: 0, counter: 0, device };
}

/** The wall clock as a stamp can hold it: a clock reading NaN or before 1970 counts as 0. */
function physical(now: number): number {
  return Number.isFinite(now) ? Math.min(MAX_WALL, Math.max(0, Math.floor(now))) : 0;
}

/** One step past (wall, counter): the counter, or at its limit the next ms. */
function after(wall: number, counter: number): { wall: number; counter: number } {
  return counter < MAX_COUNTER ? { wall, counter: counter + 1 } : { wall: wall + 1, counter: 0 };
}

/** The stamp of this device's next event at wall time `now`; it is also the clock from then on. */
export function tick(clock: Clock, now: number): Stamp {
  const wall = physical(now);
  if (wall > clock.wall) return { wall, counter: 0, device: clock.device };
  return { ...after(clock.wall, clock.counter), device: clock.device };
}

/**
 * The clock after reading a `remote` stamp at wall time `now`: later than both, so whatever this
 * device stamps next sorts after what it read.
 */
export function receive(clock: Clock, remote: Pick<Stamp, 'wall' | 'counter'>, now: number): Clock {
  const wall = Math.max(clock.wall, remote.wall, physical(now));
  let counter: number;
  if (wall === clock.wall && wall === remote.wall) counter = Math.max(clock.counter, remote.counter);
  else if (wall === clock.wall) counter = clock.counter;
  else if (wall === remote.wall) counter = remote.counter;
  else return { wall, counter: 0, device: clock.device };
  return { ...after(wall, counter), device: clock.device };
}

/** `1772438400000.3@laptop-x1y2`: a stamp in words, for reports. */
export function formatStamp(stamp: Stamp): string {
  return `${stamp.wall}.${stamp.counter}@${stamp.device}`;
}
