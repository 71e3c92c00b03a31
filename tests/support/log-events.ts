// Events of the study log for tests: a builder for table-driven ones, and fast-check arbitraries of
// whole device logs (each device's stamps going forward, as its clock makes them).
import fc from 'fast-check';
import { addDays } from '../../src/schedule/dates.js';
import { stamped, type KnownEvent, type LogEvent, type Payload } from '../../src/log/events.js';
import { tick, type Clock } from '../../src/log/hlc.js';

export const T0 = Date.UTC(2026, 2, 2, 8);

/** One device writing events: each stamped after the last, `ms` after it on the wall clock. */
export class Device {
  clock: Clock;
  now: number;
  private n = 0;

  constructor(
    readonly id: string,
    now = T0,
  ) {
    this.clock = { wall: 0, counter: 0, device: id };
    this.now = now;
  }

  /** The event recording `payload`, `ms` later on this device's wall clock. */
  write(payload: Payload, ms = 1000): KnownEvent {
    this.now += ms;
    this.clock = tick(this.clock, this.now);
    return stamped(payload, this.clock, `${this.id}-${++this.n}`);
  }
}

const date = fc.integer({ min: 0, max: 20 }).map((n) => addDays('2026-03-01', n));
const plan = fc.constantFrom('6-week', '90-day', '__proto__');
const task = fc.constantFrom('d1.read', 'd1.write', 'd2.read', 'w1.review@3');

/** Any payload a command records, over a few plans, tasks and dates, so that they collide. */
export const payload: fc.Arbitrary<Payload> = fc.oneof(
  // Ticks most often, as in a real log: a task done again, undone, done after another.
  { weight: 8, arbitrary: fc.record({ kind: fc.constantFrom('done', 'done', 'undo', 'check', 'uncheck'), date, plan, task, day: fc.integer({ min: 1, max: 3 }), text: fc.constantFrom('Read', 'Write \u001b[31mred') }) },
  fc.record({ kind: fc.constant('start'), date, plan, start: date }),
  fc.record({ kind: fc.constant('start'), date, plan, start: date, first: fc.constant(true as const) }),
  fc.record({ kind: fc.constant('switch'), date, plan: fc.option(plan, { nil: null }) }),
  fc.record({ kind: fc.constant('switch'), date, plan, first: fc.constant(true as const) }),
  fc.record({ kind: fc.constant('pause'), date, plan, from: date }),
  fc.record({ kind: fc.constant('resume'), date, plan, on: date }),
  fc.record({ kind: fc.constant('catch-up'), date, plan, from: date, start: date }),
  fc.record({ kind: fc.constantFrom('rest', 'rest-undo'), date, on: date }),
  fc.record({ kind: fc.constant('plan-file'), date, plan, text: fc.constantFrom('---\nid: x\n---\n', 'other') }),
  fc.record({ kind: fc.constant('plan-remove'), date, plan }),
  fc.record({ kind: fc.constant('import'), date, source: fc.constant('backup.json'), events: fc.nat(5), replace: fc.constant(true as const) }),
  { weight: 4, arbitrary: reviewPayload() },
  fc.record({ kind: fc.constant('deadline'), date, plan, on: fc.option(date, { nil: null }) }),
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('rebalance'), date, plan, from: date, until: date, capacity: fc.constantFrom('daily 2h', 'mon-fri 3h, sat 8h, sun 6h'), slices: fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 42 }), fc.integer({ min: 0, max: 10_000 })), { maxLength: 4 }) }) },
  // Ids as Device writes them, so that an undo names a rebalance now and then.
  fc.record({ kind: fc.constant('rebalance-undo'), date, plan, of: fc.constantFrom('laptop-1', 'laptop-2', 'laptop-3', 'desktop-1', 'desktop-2', 'phone-1') }),
) as fc.Arbitrary<Payload>;

/**
 * Notes and reviews, over ids that collide: an edit or removal names a note another device may
 * add, edit or remove too (the ids of notes are event ids: `laptop-3` is the third event the laptop wrote).
 */
function reviewPayload(): fc.Arbitrary<Payload> {
  const note = fc.constantFrom('laptop-1', 'laptop-2', 'desktop-1', 'desktop-3', 'phone-2');
  const text = fc.constantFrom('why B-trees', 'line one\nline two', 'red \u001b[31mink', ' spaced ');
  const card = fc.constantFrom('6-week:1', '6-week:2', '90-day:1', '6-week:c.ready');
  return fc.oneof(
    fc.record({ kind: fc.constant('note'), date, plan, day: fc.integer({ min: 1, max: 3 }), text }),
    fc.record({ kind: fc.constant('note'), date, plan, day: fc.integer({ min: 1, max: 3 }), task, text }),
    fc.record({ kind: fc.constant('note-edit'), date, note, text }),
    fc.record({ kind: fc.constant('note-remove'), date, note }),
    fc.record({ kind: fc.constant('review-add'), date, plan, day: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ kind: fc.constant('review-add'), date, plan, item: fc.constantFrom('c.ready', 'c.mock') }),
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('grade'), date, card, rating: fc.constantFrom('again', 'hard', 'good', 'easy'), at: fc.constant('2026-03-02T08:00:00.000Z'), minute: fc.integer({ min: 0, max: 1439 }) }) },
  ) as fc.Arbitrary<Payload>;
}

/** A kind from a newer prep: kept, and folded as nothing. */
const future = fc.record({ kind: fc.constantFrom('mood', 'review'), date, body: fc.string({ maxLength: 5 }), grade: fc.nat(5) });

/** One device's log: its events in the order it wrote them, the wall clock jumping about (behind too). */
export function deviceLog(id: string): fc.Arbitrary<LogEvent[]> {
  return fc.array(fc.tuple(fc.oneof({ weight: 12, arbitrary: payload }, { weight: 1, arbitrary: future }), fc.integer({ min: -7_200_000, max: 90_000_000 })), { maxLength: 25 }).map((steps) => {
    const device = new Device(id);
    return steps.map(([step, ms]) => device.write(step as Payload, ms) as LogEvent);
  });
}

/** Two or three devices' logs, their clocks an hour or so apart. */
export const deviceLogs = fc.tuple(deviceLog('laptop'), deviceLog('desktop'), deviceLog('phone'));
