// Units of work for scheduler tests: made by hand for table-driven cases, or by fast-check.
import fc from 'fast-check';
import type { WorkUnit } from '../../src/schedule/work.js';

/** A unit of plan day `day` whose tasks take `hours` (each task `d<day>.t<n>`); `weekend` for an aligned plan. */
export function unit(day: number, hours: number[], weekend?: boolean, done: number[] = []): WorkUnit {
  let start = 0;
  const tasks = hours.map((h, i) => {
    const task = { id: `d${day}.t${i + 1}`, n: i + 1, hours: h, start, done: done.includes(i + 1) };
    start += h;
    return task;
  });
  return { day, to: day, kind: 'day', weekend, hours: start, tasks };
}

/** Units of days 1..n with tasks of whole quarter hours, some done; aligned ones with a weekday kind. */
export const units = (aligned: boolean): fc.Arbitrary<WorkUnit[]> =>
  fc
    .array(fc.record({ hours: fc.array(fc.integer({ min: 0, max: 24 }).map((q) => q / 4), { minLength: 1, maxLength: 4 }), weekend: fc.boolean(), done: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 2 }) }), { minLength: 0, maxLength: 30 })
    .map((list) => list.map((u, i) => unit(i + 1, u.hours, aligned ? u.weekend : undefined, u.done)));

/** A capacity of whole quarter hours with at least one day that has some. */
export const capacity = fc
  .tuple(...Array.from({ length: 7 }, () => fc.integer({ min: 0, max: 32 }).map((q) => q / 4)))
  .filter((hours) => hours.some((h) => h > 0)) as unknown as fc.Arbitrary<[number, number, number, number, number, number, number]>;
