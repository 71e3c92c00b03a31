// Running a suite in a named time zone: Node reads TZ again whenever it is assigned.
import { afterAll, beforeAll } from 'vitest';

/** UTC, and two zones whose DST changes test the day arithmetic: New York's hour, Lord Howe's half hour. */
export const ZONES = ['UTC', 'America/New_York', 'Australia/Lord_Howe'] as const;

/** Sets TZ to `zone` for the enclosing describe block, and back after it. */
export function useTimeZone(zone: string): void {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });
}
