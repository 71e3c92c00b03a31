// The study log's clock: stamps of one device only ever go forward, and a device that has read
// another's stamps stamps its own next action after them, even with its wall clock behind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp, MAX_COUNTER, receive, startClock, tick, type Stamp } from '../../src/log/hlc.js';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 2, 2, 8);

describe('tick', () => {
  it.each([
    ['a wall clock ahead of the clock: its ms, counter 0', { wall: T, counter: 5 }, T + 1, { wall: T + 1, counter: 0 }],
    ['the same ms: the counter goes up', { wall: T, counter: 5 }, T, { wall: T, counter: 6 }],
    ['a wall clock behind the clock: the clock\'s ms, counter up', { wall: T, counter: 5 }, T - HOUR, { wall: T, counter: 6 }],
    ['the counter at its limit: the next ms', { wall: T, counter: MAX_COUNTER }, T, { wall: T + 1, counter: 0 }],
    ['a wall clock reading NaN counts as 1970', { wall: 0, counter: 0 }, Number.NaN, { wall: 0, counter: 1 }],
    ['fractions of a ms are dropped', { wall: 0, counter: 0 }, T + 0.7, { wall: T, counter: 0 }],
  ])('%s', (_name, clock, now, expected) => {
    expect(tick({ ...clock, device: 'a' }, now)).toEqual({ ...expected, device: 'a' });
  });

  it('never issues a stamp at or before the last one, whatever the wall clock does (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -HOUR, max: 10 * HOUR }).map((n) => T + n), fc.constant(Number.NaN)), { minLength: 1, maxLength: 50 }), (nows) => {
        let clock = startClock('a');
        for (const now of nows) {
          const next = tick(clock, now);
          expect(compareStamps(next, clock)).toBeGreaterThan(0);
          clock = next;
        }
      }),
    );
  });
});

describe('receive', () => {
  it('an hour behind, a device that has read a stamp stamps its next action after it', () => {
    const laptop = tick(startClock('laptop'), T); // on time
    const desktop = receive(startClock('desktop'), laptop, T - HOUR); // its clock an hour behind
    const next = tick(desktop, T - HOUR + 1000);
    expect(compareStamps(next, laptop)).toBeGreaterThan(0);
    expect(next.device).toBe('desktop');
  });

  it('gives a clock after both the local clock and the remote stamp (property)', () => {
    const stamp = (device: string) => fc.record({ wall: fc.integer({ min: 0, max: 2 * T }), counter: fc.integer({ min: 0, max: 1000 }), device: fc.constant(device) });
    fc.assert(
      fc.property(stamp('a'), stamp('b'), fc.integer({ min: 0, max: 2 * T }), (clock: Stamp, remote: Stamp, now) => {
        const merged = receive(clock, remote, now);
        expect(merged.device).toBe('a');
        expect(merged.wall).toBeGreaterThanOrEqual(now);
        for (const seen of [clock, remote]) {
          expect(compareStamps(merged, seen)).toBeGreaterThan(0);
          expect(compareStamps(tick(merged, now), seen)).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('compareStamps', () => {
  it('orders by wall ms, then counter, then device: a total order', () => {
    const stamps: Stamp[] = [
      { wall: 2, counter: 0, device: 'a' },
      { wall: 1, counter: 1, device: 'a' },
      { wall: 1, counter: 0, device: 'b' },
      { wall: 1, counter: 0, device: 'a' },
    ];
    expect([...stamps].sort(compareStamps).map(formatStamp)).toEqual(['1.0@a', '1.0@b', '1.1@a', '2.0@a']);
    expect(compareStamps(stamps[0]!, { ...stamps[0]! })).toBe(0);
  });
});
